import { COMPONENT_OF, type Child } from "./element.js";
import { component, nameOf, type ComponentFactory } from "./component.js";
import type { Props } from "./host.js";
import { isDev } from "../runtime/options.js";

/** Where a memoized render function keeps its props comparison. */
export const MEMO_COMPARE = Symbol.for("typenative.memoCompare");

/** Decides whether a memoized component may skip a re-render: true means "equal, skip". */
export type AreEqual<P> = (previous: Readonly<P>, next: Readonly<P>) => boolean;

/** Shallow equality: the same keys, each `Object.is`-equal. */
export function shallowEqual(a: Props, b: Props): boolean {
  let count = 0;
  for (const key in a) {
    if (!Object.is(a[key], b[key])) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}

/**
 * A component that skips re-rendering when its parent re-renders it with
 * equal props: shallow `Object.is` per key, or `areEqual(previous, next)`.
 * Its own state, its context and its children's state still update it.
 *
 * @example
 * ```ts
 * const Row = pn.memo(function Row({ item, selected }: { item: Item; selected: boolean }) {
 *   return pn.Text(item.label, { style: { fontWeight: selected ? "bold" : "normal" } });
 * });
 * ```
 */
export function memo<P = {}>(render: ComponentFactory<P> | ((props: P) => Child), areEqual?: AreEqual<P>): ComponentFactory<P> {
  const inner = ((render as { [COMPONENT_OF]?: unknown })[COMPONENT_OF] ?? render) as (props: P) => Child;
  if (typeof inner !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "memo(component, areEqual?): component must be a component factory or a render function" : /* "memo(component, areEqual?): component must be a component factory or a render function" */ "typenative #50");
  if (areEqual !== undefined && typeof areEqual !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "memo(component, areEqual?): areEqual must be a function (previous, next) => boolean" : /* "memo(component, areEqual?): areEqual must be a function (previous, next) => boolean" */ "typenative #51");
  const name = nameOf(inner);
  // A distinct render function, so the memoized and the plain component never match as the same type.
  const memoized = { [name]: (props: P): Child => inner(props) }[name]!;
  (memoized as unknown as { [MEMO_COMPARE]: unknown })[MEMO_COMPARE] = areEqual ?? shallowEqual;
  return component(name, memoized);
}
