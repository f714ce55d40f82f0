/**
 * The view types every host renders: what `pn.Text`, `pn.Button`, … create.
 * Dependency-free, so the test host, the web host and hosts still to come
 * (bridge, GTK) check against one list, and a test that passes on the test
 * host does not crash in the browser on a type no real host has
 * (`pn.h("div")`).
 */

/** The built-in view types, in the order error messages list them. */
export const BUILT_IN_VIEW_TYPES: readonly string[] = Object.freeze([
  "Text",
  "Button",
  "TextInput",
  "View",
  "Column",
  "Row",
  "ScrollView",
  "FlatList",
  "Image",
  "Spacer",
]);

const KNOWN = new Set(BUILT_IN_VIEW_TYPES);

/** True for a type every host can create. */
export function isBuiltInViewType(type: string): boolean {
  return KNOWN.has(type);
}

/**
 * The error a host's `createView` throws for a type it does not know. It is
 * thrown during render, so the reconciler reports it as a render error
 * (`runtime.onError`, or the nearest `ErrorBoundary`).
 *
 * @param host Names the host in the message: `"web"`, `"test"`.
 * @example
 * ```ts
 * createView(type, props) {
 *   if (!isBuiltInViewType(type)) throw unknownViewTypeError("gtk", type);
 *   …
 * }
 * ```
 */
export function unknownViewTypeError(host: string, type: string): TypeError {
  return new TypeError(`${host} host: unknown view type "${type}" (expected one of ${BUILT_IN_VIEW_TYPES.join(", ")})`);
}
