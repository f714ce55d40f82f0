export { Text, Button, TextInput, Spacer, Image, View, Column, Row, ScrollView } from "./builtins.js";
export type { ContainerFactory, HostFactory, TagPropsOf, TextChildren } from "./builtins.js";
export type {
  Style, StyleValues, Animatable, AnimatedLike, DimensionValue, ColorValue, AngleValue, FontWeight, TransformItem,
} from "./style.js";
export type {
  CommonProps, AccessibilityProps, AccessibilityRole, AccessibilityState, PressableProps, ViewProps, ScrollViewProps, TextProps,
  ButtonProps, TextInputProps, ImageProps, ImageSource, SpacerProps, ListViewProps, ScrollEvent, HostType,
} from "./props.js";
export { FlatList, type FlatListProps, type ListScrollEvent, type ItemLayout } from "./flat-list.js";
