import type { Props } from "./host.js";
import { isDev } from "../runtime/options.js";

/** Brand that tells an element apart from a props object passed in the same argument list. */
export const ELEMENT = Symbol.for("typenative.element");

/** Marks a component factory made by `component()`, pointing at its render function. */
export const COMPONENT_OF = Symbol.for("typenative.componentOf");

/** Marks a built-in factory (`Text`, `View`, ...), naming its host type. */
export const HOST_TYPE = Symbol.for("typenative.hostType");

/** `pn.Fragment`: groups children without a host view. */
export const Fragment = Symbol.for("typenative.fragment");

/** A render function: props in, something renderable out. */
export type RenderFunction<P = any> = (props: P) => Child;

/** Anything a component may return or pass as a child. */
export type Child = Element | string | number | boolean | null | undefined | readonly Child[];

/** Keys tell siblings apart across renders. */
export type Key = string | number;

/** An immutable description of what to render. Creating one never renders. */
export interface Element<P = Props> {
  readonly [ELEMENT]: true;
  /** A host type name, a render function, `Fragment`, or an internal marker. */
  readonly type: unknown;
  readonly props: P;
  /** Stored as a string so `1` and `"1"` are the same key, as in React. */
  readonly key: string | null;
}

/** True for values created by `h`, a component factory or a built-in factory. */
export function isElement(value: unknown): value is Element {
  return typeof value === "object" && value !== null && (value as { [ELEMENT]?: unknown })[ELEMENT] === true;
}

/** Finds what an element type refers to: a factory made by `component()` or a built-in resolves to its target. */
export function resolveType(type: unknown): unknown {
  if (typeof type === "function") {
    const fn = type as { [COMPONENT_OF]?: unknown; [HOST_TYPE]?: unknown };
    if (fn[COMPONENT_OF] !== undefined) return fn[COMPONENT_OF];
    if (fn[HOST_TYPE] !== undefined) return fn[HOST_TYPE];
  }
  return type;
}

/**
 * Creates an element: `h("View", { style }, child1, child2)`, `h(UserCard, { userId: 1 })`,
 * `h(Fragment, null, a, b)`. `key` is taken out of props; extra arguments
 * become `props.children`.
 *
 * @example
 * ```ts
 * pn.h(pn.Column, { style: { padding: 8 } }, pn.Text("hi"));
 * ```
 */
export function h(type: unknown, props?: Props | null, ...children: unknown[]): Element {
  const resolved = resolveType(type);
  if (resolved === undefined || resolved === null || (typeof resolved !== "string" && typeof resolved !== "function" && typeof resolved !== "symbol" && typeof resolved !== "object")) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `h(type, ...): invalid element type ${String(type)}` : /* `h(type, ...): invalid element type ${String(type)}` */ `typenative #42: ${String(type)}`);
  }
  return elementFrom(resolved, props, childSlot(children), children.length > 0);
}

/**
 * @internal An element of `type` from a props object with its `key` taken
 * out, and `children` as `props.children` when `withChildren` (by default:
 * when there are some). `h`, component factories and the built-ins share
 * it, so a first load carries one copy of the loop.
 */
export function elementFrom(type: unknown, props: Props | null | undefined, children: unknown, withChildren = children !== undefined): Element {
  let key: string | null = null;
  const out: Props = {};
  if (props !== undefined && props !== null) {
    for (const name in props) {
      if (name === "key") {
        const k = props.key;
        if (k !== undefined && k !== null) key = String(k);
      } else out[name] = props[name];
    }
  }
  if (withChildren) out.children = children;
  return createElement(type, out, key);
}

/** @internal Rest-argument children as one slot: a lone child that is not an array is itself (a lone array stays nested: it is one slot, and a list that should be keyed). */
export function childSlot(children: unknown[]): unknown {
  return children.length === 1 && !Array.isArray(children[0]) ? children[0] : children;
}

/** @internal Builds the element object; one shape for every element keeps property access monomorphic. */
export function createElement(type: unknown, props: Props, key: string | null): Element {
  return { [ELEMENT]: true, type, props, key };
}

/** Returns a copy of `element` with a different key. */
export function withKey(element: Element, key: Key): Element {
  return createElement(element.type, element.props, String(key));
}

/** True for a plain props object: not an element, not an array, not null. */
export function isPropsObject(value: unknown): value is Props {
  if (typeof value !== "object" || value === null || Array.isArray(value) || isElement(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
