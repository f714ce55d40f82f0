/**
 * The JSX runtime (`"jsxImportSource": "typenative"`): `<UserCard userId={1} />`
 * builds the same element as `UserCard({ userId: 1 })`.
 */
import { createElement, Fragment, resolveType, type Child, type Element, type Key } from "./core/element.js";
import type { TAG_PROPS } from "./components/builtins.js";
import type { Props } from "./core/host.js";

export { Fragment };

/** Builds an element from JSX with one (dynamic) child; `props.children` is already in place. */
export function jsx(type: unknown, props: Props, key?: string | number): Element {
  // `<Column>{rows}</Column>`: a lone array expression is one slot, as a
  // nested array is, so it gets the "missing key" check and its length can
  // change without moving siblings.
  if (Array.isArray(props.children)) props = { ...props, children: [props.children] };
  return jsxs(type, props, key);
}

/** Builds an element from JSX with several static children (the compiler's array is the child list itself). */
export function jsxs(type: unknown, props: Props, key?: string | number): Element {
  // A built-in resolves to its host type and takes its text or children from
  // props as they are; a component factory resolves to its render function.
  return createElement(resolveType(type), props, key === undefined ? null : String(key));
}

/**
 * JSX types. Tags are values: the built-ins (`<pn.Text>`, or `<Text>` after
 * importing it) and components. There are no intrinsic (lower-case) tags:
 * no host understands `<div>`, so it does not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace JSX {
  type Element = import("./core/element.js").Element;
  /** Empty on purpose: `<div>` and other lower-case tags are type errors. */
  interface IntrinsicElements {}
  interface ElementChildrenAttribute {
    children: {};
  }
  interface IntrinsicAttributes {
    key?: Key;
  }
  /**
   * Built-ins take content first when called; as tags they take their props,
   * with the content as `children` (`<pn.Button onClick={go}>Go</pn.Button>`)
   * or, for `Image`, as `source`.
   */
  type LibraryManagedAttributes<C, P> = C extends { readonly [TAG_PROPS]: infer T } ? T : P;
}
export type { Child };
