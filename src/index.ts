/**
 * typenative: function components with a structured async runtime.
 *
 * ```ts
 * import * as pn from "typenative";
 * ```
 */

// Runtime: loop, tasks, cancellation.
export { runtime, createRuntime, currentRuntime, Runtime, runAsync, sleep, Task, CancelledError, Future, Loop, Scope } from "./runtime/index.js";
export type { Work, ErrorHandler, ErrorInfo, RuntimeOptions, Clock, TimerHandle, Services, FrameSource } from "./runtime/index.js";

// Platform modules (one line per module).
export { fetch, FetchResponse, HTTPError, TimeoutError, NetworkError, ResponseTooLargeError, type FetchOptions, type FetchBody, type FetchParams } from "./platform/fetch.js";
export { AsyncStorage, memoryStorage, type StorageBackend, type StorageListener } from "./platform/storage.js";
export { usePersistedState } from "./platform/persisted-state.js";
export { Alert, type AlertShowOptions, type AlertConfirmOptions, type AlertChooseOptions } from "./platform/alert.js";
export { Camera, type TakePhotoOptions, type PickFromGalleryOptions } from "./platform/camera.js";
export { NotSupportedError } from "./platform/errors.js";

// Data hooks.
export { useAsyncEffect, useQuery, queryClient, QueryClient, QueryObserver, useMutation, Mutation } from "./data/index.js";
export { onlineManager, focusManager, defineMutation, mutationQueue } from "./data/index.js";
export type {
  QueryResult, QueryOptions, QueryKey, QueryStatus, QueryState, MutationState, MutationCall, MutationOptions, MutationContext, AsyncEffect,
  FetchStatus, NetworkMode, MutationDefinition, DefineMutationOptions, DurableContext, OutboxEntry, FailedOutboxEntry, PersistOptions, PersistStorage,
} from "./data/index.js";

// Animated.
export { Easing, AnimatedValue, AnimatedNode, AnimatedInterpolation } from "./animated/index.js";
export { Animated, useAnimatedValue } from "./animated/components.js";
export type { Animation, AnimationResult, EasingFunction, EasingName, InterpolationConfig, TimingOptions, SpringOptions, DecayOptions } from "./animated/index.js";

// Core: elements, components, hooks, reconciler.
export {
  h, Fragment, isElement, withKey, component, createContext, useContext, ErrorBoundary,
  useState, useReducer, useRef, useMemo, useCallback, useEffect, useLayoutEffect, useComponentScope, useComponentName,
  useId, useSyncExternalStore, memo, shallowEqual, createRoot, emit, options,
} from "./core/index.js";
export type {
  Element, Child, Key, RenderFunction, ComponentFactory, ComponentProps, Context, ErrorBoundaryProps,
  Deps, SetState, Dispatch, Root, HostConfig, Props, AreEqual,
} from "./core/index.js";

// Built-in components.
export { Text, Button, TextInput, Spacer, Image, View, Column, Row, ScrollView, FlatList } from "./components/index.js";
export {
  Pressable, Switch, ActivityIndicator, Modal, SectionList, RefreshControl, SafeAreaView, KeyboardAvoidingView, StyleSheet,
} from "./components/index.js";
export type {
  PressableComponentProps, PressState, SwitchProps, ActivityIndicatorProps, ModalProps, Section, SectionListProps, RefreshControlProps,
  StyleProp, ScrollViewWithRefreshProps,
} from "./components/index.js";
export { Platform, type PlatformOS } from "./platform/platform.js";
export { Appearance, useColorScheme, type ColorScheme } from "./platform/appearance.js";
export type {
  Style, StyleValues, Animatable, AnimatedLike, DimensionValue, ColorValue, AngleValue, FontWeight, TransformItem,
  CommonProps, AccessibilityProps, AccessibilityRole, AccessibilityState, PressableProps, ViewProps, ScrollViewProps, TextProps,
  ButtonProps, TextInputProps, ImageProps, ImageSource, SpacerProps, ScrollEvent, FlatListProps, ListScrollEvent, ItemLayout,
  ContainerFactory, HostFactory,
} from "./components/index.js";

// Code splitting: components loaded on first render.
export { lazy, type LazyComponent, type LazyOptions, type LazyLoaded } from "./core/lazy.js";

// Navigation.
export { createStack, createTabs, NavigationContainer, useNavigation, useRoute, useFocusEffect, useIsFocused } from "./navigation/index.js";
export type {
  Navigation, NavigationState, NavigationAction, Route, RouteOf, ParamListBase, NavigationContainerProps, NavigatorProps, ScreenOptions,
  LinkingOptions, BeforeRemoveEvent, NavigatorFactories,
} from "./navigation/index.js";
export { BackHandler } from "./platform/back-handler.js";
