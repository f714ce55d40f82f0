export { createStack, type NavigatorFactories, type ScreenProps } from "./stack.js";
export { createTabs } from "./tabs.js";
export { NavigationContainer, type NavigationContainerProps } from "./container.js";
export { useNavigation, useRoute, useFocusEffect, useIsFocused } from "./hooks.js";
export { pathFromState, stateFromPath, type LinkingOptions, type ScreenPaths } from "./linking.js";
export type { NavigatorProps } from "./screen-view.js";
export type {
  Navigation, NavigationState, NavigationAction, Route, RouteOf, ParamListBase, NavigateArgs, NavigationEventMap, BeforeRemoveEvent, ScreenOptions,
} from "./types.js";
