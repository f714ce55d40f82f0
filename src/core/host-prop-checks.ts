/**
 * Dev checks of what reaches a built-in view: unknown props and style values
 * of the wrong kind. TypeScript catches these at compile time; this catches
 * them from plain JS, `h()`, spread props and `as any`.
 *
 * Reads the tables next to the built-ins' types (`src/components/props.ts`,
 * `src/components/style.ts`), which the compiler keeps in step with them.
 * Framework-free: the reconciler calls it when a host view is created or its
 * props change, and only in dev (`isDev() && process.env.NODE_ENV !==
 * "production"`), so a production bundle drops it and its tables.
 */
import { isDev, options } from "./options.js";
import { HOST_PROPS, type PropKind } from "../components/props.js";
import { STYLE_KINDS, TRANSFORM_KINDS, type StyleKind } from "../components/style.js";

type Table = Readonly<Record<string, PropKind>>;
const PROPS = HOST_PROPS as Readonly<Record<string, Table>>;
const STYLES = STYLE_KINDS as Readonly<Record<string, StyleKind>>;

/** Causes already reported: each is warned about once per process. */
const warned = new Set<string>();

/** Names from React Native or the DOM that are spelt differently here. */
const RENAMED: Readonly<Record<string, string>> = {
  onPress: "onClick",
  onChangeText: "onChange",
  className: "style",
  id: "testID",
  "data-testid": "testID",
  "aria-label": "accessibilityLabel",
  role: "accessibilityRole",
};

/**
 * Warns (through `options.warn`, once per cause) about each prop of a
 * built-in view that the view does not understand or whose value is of the
 * wrong kind, and about each unknown style key or style value of the wrong
 * kind. `owner` names the component that rendered the view.
 *
 * @example
 * ```ts
 * checkHostProps("Button", { onPress: go }, "Toolbar");
 * // warns: Button (in Toolbar) has no prop "onPress", so it is ignored. Did you mean "onClick"? …
 * ```
 */
export function checkHostProps(type: string, props: Record<string, unknown>, owner: string | undefined): void {
  // A wrapping `if`, not an early return: esbuild drops the helpers a
  // known-false branch calls, but keeps those called after a folded return.
  if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production") checkProps(type, props, owner);
}

function checkProps(type: string, props: Record<string, unknown>, owner: string | undefined): void {
  const table = Object.prototype.hasOwnProperty.call(PROPS, type) ? PROPS[type]! : undefined;
  // An unknown host type is the host's error to report (it refuses to create it).
  if (table === undefined) return;
  for (const name in props) {
    if (name === "children") continue;
    const kind = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
    const value = props[name];
    if (kind === undefined) {
      report(`${type}|${name}`, `${where(type, owner)} has no prop "${name}", so it is ignored.${suggest(name, table)} ${type} takes: ${Object.keys(table).join(", ")}.`);
    } else if (value !== undefined && value !== null) {
      if (kind === "style") checkStyle(type, value, owner);
      else if (!matches(kind, value)) {
        report(`${type}|${name}|${describe(value)}`, `${where(type, owner)}: prop "${name}" should be ${expected(kind)}, got ${show(value)}.`);
      }
    }
  }
}

function checkStyle(type: string, style: unknown, owner: string | undefined): void {
  if (style === false) return;
  if (typeof style !== "object" || Array.isArray(style)) {
    report(`style|${describe(style)}`, `${where(type, owner)}: style should be an object of camelCase keys, got ${show(style)}.`);
    return;
  }
  const values = style as Record<string, unknown>;
  for (const key in values) {
    const kind = Object.prototype.hasOwnProperty.call(STYLES, key) ? STYLES[key] : undefined;
    const value = values[key];
    if (kind === undefined) {
      report(`style.${key}`, `${where(type, owner)}: unknown style key "${key}", so it is ignored.${suggest(key, STYLES)}`);
    } else if (value !== undefined && value !== null && !isAnimated(value)) {
      if (kind === "transform") checkTransform(type, value, owner);
      else if (!matchesStyle(kind, value)) {
        const cause = typeof kind === "string" ? `style.${key}|${describe(value)}` : `style.${key}=${String(value)}`;
        report(cause, `${where(type, owner)}: style.${key} should be ${expectedStyle(kind)}, got ${show(value)}.`);
      }
    }
  }
}

function checkTransform(type: string, value: unknown, owner: string | undefined): void {
  if (!Array.isArray(value)) {
    report(`style.transform|${describe(value)}`, `${where(type, owner)}: style.transform should be a list like [{ translateX: 10 }, { rotate: "45deg" }], got ${show(value)}.`);
    return;
  }
  for (const item of value) {
    if (typeof item !== "object" || item === null) {
      report(`style.transform|item`, `${where(type, owner)}: each step of style.transform should be an object with one key, like { scale: 2 }, got ${show(item)}.`);
      continue;
    }
    for (const name in item as Record<string, unknown>) {
      const kind = Object.prototype.hasOwnProperty.call(TRANSFORM_KINDS, name) ? TRANSFORM_KINDS[name] : undefined;
      const v = (item as Record<string, unknown>)[name];
      if (kind === undefined) {
        report(`style.transform.${name}`, `${where(type, owner)}: unknown transform "${name}", so it is ignored.${suggest(name, TRANSFORM_KINDS)}`);
      } else if (!isAnimated(v) && !(typeof v === "number" ? Number.isFinite(v) : typeof v === "string" && kind !== "number")) {
        report(`style.transform.${name}|${describe(v)}`, `${where(type, owner)}: transform ${name} should be ${kind === "number" ? "a number" : kind === "angle" ? 'a number of degrees or a string like "45deg"' : 'a number of points or a percentage like "50%"'}, got ${show(v)}.`);
      }
    }
  }
}

function matches(kind: PropKind, value: unknown): boolean {
  switch (kind) {
    case "function":
      return typeof value === "function";
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "number":
      return typeof value === "number" && !Number.isNaN(value);
    case "object":
      return typeof value === "object" && !Array.isArray(value);
    case "source":
      return typeof value === "string" || (typeof value === "object" && value !== null && typeof (value as { uri?: unknown }).uri === "string");
    case "style":
      return true;
    default:
      return typeof value === "string" && kind.includes(value);
  }
}

const PERCENT = /^-?(?:\d+\.?\d*|\.\d+)%$/;
const FONT_WEIGHTS = new Set(["normal", "bold", "100", "200", "300", "400", "500", "600", "700", "800", "900"]);

function matchesStyle(kind: Exclude<StyleKind, "transform">, value: unknown): boolean {
  switch (kind) {
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "dimension":
      return typeof value === "number" ? Number.isFinite(value) : typeof value === "string" && (value === "auto" || PERCENT.test(value));
    case "string":
      return typeof value === "string";
    case "fontWeight":
      return FONT_WEIGHTS.has(String(value)) && (typeof value === "string" || typeof value === "number");
    default:
      return typeof value === "string" && kind.includes(value);
  }
}

function expected(kind: PropKind): string {
  if (typeof kind !== "string") return `one of ${kind.map((v) => JSON.stringify(v)).join(", ")}`;
  switch (kind) {
    case "function":
      return "a function";
    case "object":
      return "an object";
    case "source":
      return "a URI string or { uri }";
    default:
      return `a ${kind}`;
  }
}

function expectedStyle(kind: Exclude<StyleKind, "transform">): string {
  if (typeof kind !== "string") return `one of ${kind.map((v) => JSON.stringify(v)).join(", ")}`;
  switch (kind) {
    case "number":
      return "a number";
    case "dimension":
      return 'a number of points, "auto" or a percentage like "50%"';
    case "string":
      return "a string";
    case "fontWeight":
      return '"normal", "bold" or a weight from 100 to 900';
  }
}

/** An animated node (`AnimatedValue`, interpolation): the host reads its current value each frame. */
function isAnimated(value: unknown): boolean {
  return typeof value === "object" && value !== null && "value" in value && typeof (value as { addListener?: unknown }).addListener === "function";
}

function where(type: string, owner: string | undefined): string {
  return owner === undefined ? type : `${type} (in ${owner})`;
}

/** ` Did you mean "…"?` for a renamed prop, a different case, or a close spelling; "" when nothing is close. */
function suggest(name: string, known: Readonly<Record<string, unknown>>): string {
  const renamed = Object.prototype.hasOwnProperty.call(RENAMED, name) ? RENAMED[name]! : undefined;
  if (renamed !== undefined && Object.prototype.hasOwnProperty.call(known, renamed)) return ` Did you mean "${renamed}"?`;
  let best: string | null = null;
  let bestDistance = 3;
  const lower = name.toLowerCase();
  for (const candidate in known) {
    const d = distance(lower, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === null ? "" : ` Did you mean "${best}"?`;
}

/** Levenshtein distance, giving up (returning `limit`) once it reaches `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      row.push(d);
      if (d < smallest) smallest = d;
    }
    if (smallest >= limit) return limit;
    previous = row;
  }
  return Math.min(previous[b.length]!, limit);
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" && value !== null) return "an object";
  return String(value);
}

function report(cause: string, message: string): void {
  if (warned.has(cause)) return;
  warned.add(cause);
  options.warn(message);
}

/** @internal Forgets which causes were reported, so a test can see a warning again. */
export function resetHostPropWarnings(): void {
  warned.clear();
}
