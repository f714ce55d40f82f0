import { jsx } from "./jsx-runtime.js";
import type { Element } from "./core/element.js";
import type { Props } from "./core/host.js";

export { Fragment } from "./jsx-runtime.js";
export type { JSX } from "./jsx-runtime.js";

/** Development JSX entry; source and self arguments are ignored. */
export function jsxDEV(type: unknown, props: Props, key?: string | number): Element {
  return jsx(type, props, key);
}
