export { h, Fragment, isElement, withKey, type Element, type Child, type Key, type RenderFunction } from "./element.js";
export { component, type ComponentFactory, type ComponentProps } from "./component.js";
export {
  useState, useReducer, useRef, useMemo, useCallback, useEffect, useLayoutEffect, useComponentScope, useComponentName, useId,
  type Deps, type SetState, type Dispatch,
} from "./hooks.js";
export { memo, shallowEqual, type AreEqual } from "./memo.js";
export { useSyncExternalStore } from "./external-store.js";
export { createContext, useContext, type Context } from "./context.js";
export { ErrorBoundary, type ErrorBoundaryProps } from "./error-boundary.js";
export { createRoot, type Root, type RootOptions } from "./root.js";
export { emit, fiberOf } from "./events.js";
export { options } from "./options.js";
export type { HostConfig, Props } from "./host.js";
