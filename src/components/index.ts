export { Text, Button, TextInput, Spacer, Image, View, Column, Row, ScrollView } from "./builtins.js";
export type { Style, ViewProps, TextProps, ButtonProps, TextInputProps, ImageProps, ContainerFactory } from "./builtins.js";
export { FlatList, type FlatListProps, type ListScrollEvent, type ItemLayout } from "./flat-list.js";
