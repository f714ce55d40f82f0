export { Text, Button, TextInput, Spacer, Image, View, Column, Row } from "./builtins.js";
export { ScrollView, SafeAreaView, KeyboardAvoidingView, type ScrollViewWithRefreshProps } from "./scroll-view.js";
export { Pressable, type PressableProps as PressableComponentProps, type PressState } from "./pressable.js";
export { Switch, type SwitchProps } from "./switch.js";
export { ActivityIndicator, type ActivityIndicatorProps } from "./activity-indicator.js";
export { Modal, type ModalProps } from "./modal.js";
export { SectionList, type Section, type SectionListProps } from "./section-list.js";
export { RefreshControl, type RefreshControlProps } from "./refresh-control.js";
export { StyleSheet, type StyleProp } from "./style-sheet.js";
export type { ContainerFactory, HostFactory, TagPropsOf, TextChildren } from "./builtins.js";
export type {
  Style, StyleValues, Animatable, AnimatedLike, DimensionValue, ColorValue, AngleValue, FontWeight, TransformItem,
} from "./style.js";
export type {
  CommonProps, AccessibilityProps, AccessibilityRole, AccessibilityState, PressableProps, ViewProps, ScrollViewProps, TextProps,
  ButtonProps, TextInputProps, ImageProps, ImageSource, SpacerProps, ListViewProps, ScrollEvent, HostType,
} from "./props.js";
export { FlatList, type FlatListProps, type ListScrollEvent, type ItemLayout } from "./flat-list.js";
