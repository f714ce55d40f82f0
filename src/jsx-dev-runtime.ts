import { jsx, jsxs } from "./jsx-runtime.js";
import type { Element } from "./core/element.js";
import type { Props } from "./core/host.js";

export { Fragment } from "./jsx-runtime.js";
export type { JSX } from "./jsx-runtime.js";

/** Development JSX entry: `isStaticChildren` tells a static child list from one dynamic array; source and self are ignored. */
export function jsxDEV(type: unknown, props: Props, key?: string | number, isStaticChildren?: boolean): Element {
  return isStaticChildren === true ? jsxs(type, props, key) : jsx(type, props, key);
}
