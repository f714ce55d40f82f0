import { isElement, isPropsObject, type Child } from "../core/element.js";
import { isDev } from "../core/options.js";

/**
 * Splits a container-style argument list: children, with one props object
 * first or last (elements are branded, so a props object is told apart).
 */
export function splitArgs<P extends object>(name: string, args: readonly unknown[]): { props: P; children: Child[] } {
  let props: P | undefined;
  let children = args as Child[];
  const last = args[args.length - 1];
  if (args.length > 0 && isPropsObject(last)) {
    props = last as P;
    children = args.slice(0, -1) as Child[];
  } else if (args.length > 0 && isPropsObject(args[0])) {
    props = args[0] as P;
    children = args.slice(1) as Child[];
  }
  for (const child of children) {
    if (typeof child === "object" && child !== null && !Array.isArray(child) && !isElement(child)) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${name}(...children, props?): a props object must come first or last` : /* `${name}: props must come first or last` */ `typenative #22: ${name}`);
    }
  }
  return { props: props ?? ({} as P), children };
}
