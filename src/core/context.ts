import type { Fiber } from "./fiber.js";
import { COMPONENT, PROVIDER } from "./fiber.js";
import { COMPONENT_OF, createElement, type Child, type Element, type Key } from "./element.js";
import type { TAG_PROPS } from "../components/builtins.js";
import { CONTEXT_MARK, isContextType } from "./types.js";
import { currentFiber } from "./hooks.js";
import { scheduleUpdate } from "./dirty.js";
import { contextSupport, type ContextSupport } from "./context-support.js";
import type { Props } from "./host.js";
import { isDev } from "../runtime/options.js";

/** A context: a value handed down the tree without passing props. */
export interface Context<T> {
  readonly [CONTEXT_MARK]: true;
  readonly defaultValue: T;
  /** `Theme.Provider({ value }, ...children)`: an element factory like the built-ins, and like them a JSX tag (`<Theme.Provider value={v}>…</Theme.Provider>`). */
  Provider: ProviderFactory<T>;
  readonly displayName: string;
}

/** A context's `Provider`: called with its props and children, or used as a JSX tag taking `{ value, children }`. */
export type ProviderFactory<T> = ((props: { value: T; key?: Key }, ...children: Child[]) => Element) & {
  /** Type-only: the props it takes as a JSX tag. */
  readonly [TAG_PROPS]: { value: T; children?: Child };
};

/**
 * Creates a context with a default value for components with no provider above them.
 *
 * @example
 * ```ts
 * const Theme = pn.createContext("light");
 * const App = pn.component(function App() {
 *   return Theme.Provider({ value: "dark" }, Toolbar());
 * });
 * const Toolbar = pn.component(function Toolbar() {
 *   return pn.Text(`theme: ${pn.useContext(Theme)}`);
 * });
 * ```
 */
export function createContext<T>(defaultValue: T, displayName = "Context"): Context<T> {
  // The reconciler renders providers once a context exists (context-support.ts).
  contextSupport.current = support;
  const context = {
    [CONTEXT_MARK]: true as const,
    defaultValue,
    displayName,
    Provider(props: { value: T; key?: string | number }, ...children: Child[]): Element {
      if (props === null || typeof props !== "object" || !("value" in props)) {
        throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${displayName}.Provider(props, ...children): props must be an object with a value` : /* `${displayName}.Provider(props, ...children): props must be an object with a value` */ `typenative #41: ${displayName}`);
      }
      const finalProps: Record<string, unknown> = { value: props.value };
      if (children.length === 1) finalProps.children = children[0];
      else if (children.length > 1) finalProps.children = children;
      return createElement(context, finalProps, props.key === undefined ? null : String(props.key));
    },
  };
  // As a JSX tag or `h()`'s type the factory stands for the context, as a
  // built-in's stands for its host type: the element is the provider, with
  // its children in props (rendering the factory as a component dropped them).
  (context.Provider as unknown as Record<symbol, unknown>)[COMPONENT_OF] = context;
  // (`TAG_PROPS` exists only in types.)
  return context as typeof context & Context<T>;
}

/**
 * Reads the nearest provider's value (or the default). The component
 * re-renders when that provider's value changes.
 */
export function useContext<T>(context: Context<T>): T {
  const fiber = currentFiber("useContext");
  for (let p: Fiber | null = fiber.parent; p !== null; p = p.parent) {
    if (p.kind === PROVIDER && p.type === context) {
      (p.links ??= new Set()).add(fiber);
      (fiber.links ??= new Set()).add(p);
      return p.props.value as T;
    }
  }
  return context.defaultValue;
}

/** A provider's consumers render again when its value changed. */
function updated(provider: Fiber, previous: Props): void {
  const consumers = provider.links;
  if (consumers === null || Object.is(previous.value, provider.props.value)) return;
  for (const consumer of consumers) scheduleUpdate(consumer);
}

function unlink(fiber: Fiber): void {
  if (fiber.kind === COMPONENT && fiber.links !== null) {
    for (const provider of fiber.links) provider.links?.delete(fiber);
  }
  fiber.links = null;
}

const support: ContextSupport = { isContext: isContextType, updated, unlink };
