/**
 * The JSX runtime (`"jsxImportSource": "typenative"`): `<UserCard userId={1} />`
 * builds the same element as `UserCard({ userId: 1 })`.
 */
import { createElement, Fragment, resolveType, type Child, type Element, type HOST_TYPE } from "./core/element.js";
import type { Props } from "./core/host.js";

export { Fragment };

/** Builds an element from JSX; `props.children` is already in place. */
export function jsx(type: unknown, props: Props, key?: string | number): Element {
  const resolved = resolveType(type);
  if (typeof resolved === "string") {
    // Built-ins take their text/children from props under JSX.
    return createElement(resolved, props, key === undefined ? null : String(key));
  }
  return createElement(resolved, props, key === undefined ? null : String(key));
}

/** Same as {@link jsx}; the compiler uses it for static child arrays. */
export const jsxs = jsx;

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace JSX {
  type Element = import("./core/element.js").Element;
  interface IntrinsicElements {
    [name: string]: Record<string, unknown>;
  }
  interface ElementChildrenAttribute {
    children: {};
  }
  /** Built-ins take content first when called; as tags they take props, with content as children. */
  type LibraryManagedAttributes<C, P> = C extends { readonly [HOST_TYPE]: string } ? HostTagProps : P;
  interface HostTagProps {
    children?: unknown;
    key?: string | number;
    [name: string]: unknown;
  }
}

export type { Child };
