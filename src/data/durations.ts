import { isDev } from "../core/options.js";
/** Validates an optional duration in ms (`Infinity` allowed), falling back to `fallback`. */
export function checkDuration(value: unknown, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value >= 0)) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${what} must be a number of milliseconds ≥ 0, got ${String(value)}` : /* `${what} must be a number ≥ 0` */ `typenative #62: ${what}`);
  return value;
}
