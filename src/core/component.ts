import { COMPONENT_OF, childSlot, elementFrom, isPropsObject, type Child, type Element, type Key } from "./element.js";
import type { Props } from "./host.js";
import { isDev } from "./options.js";

/** Gives a new component its element type: `render` itself, or (fast refresh) a type that outlives module reloads. */
export type ComponentHook = (render: (props: any) => Child, name: string) => ((props: any) => Child) | null;

/**
 * Development hooks into `component()`. `refresh` is set only by fast refresh
 * (src/core/refresh.ts, which the dev server loads; nothing in the core
 * imports it), and only read in development builds.
 */
export const componentHooks: { refresh: ComponentHook | null } = { refresh: null };

/** What a component factory accepts: its props plus an optional `key`. */
export type ComponentProps<P> = P & { key?: Key };

/**
 * The arguments of a component factory: its props (required when some prop
 * is, optional when none is), then children. `Card()` does not compile when
 * `Card` needs `{ id }`; a component whose props are all optional may be
 * called bare.
 */
export type ComponentArgs<P> = {} extends P
  ? [props?: ComponentProps<P>, ...children: Child[]]
  : [props: ComponentProps<P>, ...children: Child[]];

/** A component factory: calling it returns an element; it never renders by itself. */
export interface ComponentFactory<P> {
  (...args: ComponentArgs<P>): Element;
  readonly displayName: string;
}

/**
 * Turns `(props) => Child` into a component factory.
 * Name it for error messages and stacks: pass a named function or a name first.
 *
 * @example
 * ```ts
 * const UserCard = pn.component(function UserCard({ userId }: { userId: number }) {
 *   const q = pn.useQuery((signal) => api.getUser(userId, { signal }), [userId]);
 *   return q.loading && q.data === undefined ? pn.Text("Loading…") : pn.Text(q.data!.name);
 * });
 * UserCard({ userId: 1 }); // an element
 * ```
 */
export function component<P = {}>(render: (props: P) => Child): ComponentFactory<P>;
export function component<P = {}>(name: string, render: (props: P) => Child): ComponentFactory<P>;
export function component<P>(a: string | ((props: P) => Child), b?: (props: P) => Child): ComponentFactory<P> {
  const render = typeof a === "function" ? a : b;
  if (typeof render !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "component(fn): fn must be a function (props) => child" : /* "component(fn): fn is not a function" */ "typenative #39");
  const name = typeof a === "string" ? a : render.name || "Anonymous";
  // The element's type is the render function itself, so elements made by the
  // factory, by h(render) and by JSX <Factory/> all match on the same type.
  (render as { displayName?: string }).displayName ??= name;
  let type: (props: P) => Child = render;
  if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" && componentHooks.refresh !== null) type = componentHooks.refresh(render, name) ?? render;
  const factory = (props?: ComponentProps<P>, ...children: Child[]): Element => {
    if (props !== undefined && props !== null && !isPropsObject(props)) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${name}(props): props must be a plain object` : /* `${name}(props): not a plain object` */ `typenative #40: ${name}`);
    return elementFrom(type, props, childSlot(children), children.length > 0);
  };
  Object.defineProperty(factory, "displayName", { value: name });
  Object.defineProperty(factory, "name", { value: name });
  (factory as unknown as { [COMPONENT_OF]: unknown })[COMPONENT_OF] = type;
  return factory as unknown as ComponentFactory<P>;
}

/** The display name of a render function. */
export function nameOf(type: unknown): string {
  if (typeof type === "function") return (type as { displayName?: string }).displayName || type.name || "Anonymous";
  if (typeof type === "string") return type;
  return "Unknown";
}
