import { resolveEasing, type EasingInput } from "./easing.js";
import { isDev } from "../core/options.js";

/**
 * What happens outside `inputRange`: `"extend"` continues the nearest
 * segment's line, `"clamp"` holds the end output, `"identity"` returns the
 * input itself (numbers only).
 */
export type Extrapolate = "extend" | "clamp" | "identity";

/**
 * Maps an input number onto an output range, piecewise linearly.
 *
 * `outputRange` holds numbers, or strings of the same shape whose numbers are
 * interpolated: colors (`"#ff0000"`, `"#f00"`, `"rgb(255, 0, 0)"`,
 * `"rgba(255, 0, 0, 0.5)"`, `"transparent"`; produced as `"rgba(r, g, b, a)"`)
 * and numbers with units (`"0deg"` → `"45deg"`, `"10%"`).
 */
export interface InterpolationConfig<T extends number | string> {
  /** At least two finite numbers, non-decreasing. */
  inputRange: readonly number[];
  /** As many entries as `inputRange`: all numbers, or all strings of one shape. */
  outputRange: readonly T[];
  /** Both sides; default `"extend"`. */
  extrapolate?: Extrapolate;
  extrapolateLeft?: Extrapolate;
  extrapolateRight?: Extrapolate;
  /** Applied to the progress within each segment; default linear. */
  easing?: EasingInput;
}

const EXTRAPOLATE: readonly string[] = ["extend", "clamp", "identity"];

/** How an interpolated number is written back into its string. */
const PLAIN = 0;
const CHANNEL = 1;
const ALPHA = 2;

/** Builds `input → output` for a config, validating it once up front. */
export function createInterpolator(config: InterpolationConfig<number>): (input: number) => number;
export function createInterpolator(config: InterpolationConfig<string>): (input: number) => string;
export function createInterpolator(config: InterpolationConfig<number | string>): (input: number) => number | string;
export function createInterpolator(config: InterpolationConfig<number | string>): (input: number) => number | string {
  if (typeof config !== "object" || config === null) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "interpolate(config): config must be an object with inputRange and outputRange" : /* "interpolate: config must be an object" */ "typenative #9");
  }
  const inputs = checkInputRange(config.inputRange);
  const outputs = config.outputRange;
  if (!Array.isArray(outputs) || outputs.length !== inputs.length) {
    throw new RangeError(
      /* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `interpolate: outputRange must be an array as long as inputRange (${inputs.length}), got ${describe(outputs)}` : /* "interpolate: outputRange must be as long as inputRange" */ "typenative #10",
    );
  }
  const left = checkExtrapolate(config.extrapolateLeft ?? config.extrapolate, "extrapolateLeft");
  const right = checkExtrapolate(config.extrapolateRight ?? config.extrapolate, "extrapolateRight");
  const easing = resolveEasing(config.easing, "linear");
  const last = inputs.length - 1;

  /** The segment holding `input` (the first or last one outside the range). */
  function segmentOf(input: number): number {
    let i = 1;
    while (i < last && inputs[i]! < input) i++;
    return i - 1;
  }

  /** Eased progress within segment `i`, after extrapolation. */
  function progress(input: number, i: number): number {
    const lo = inputs[i]!;
    const hi = inputs[i + 1]!;
    let x = input;
    if (x < lo && left === "clamp") x = lo;
    if (x > hi && right === "clamp") x = hi;
    if (lo === hi) return input <= lo ? 0 : 1;
    return easing((x - lo) / (hi - lo));
  }

  if (outputs.every((o) => typeof o === "number" && Number.isFinite(o))) {
    const numbers = outputs as readonly number[];
    return function interpolateNumber(input: number): number {
      if (input < inputs[0]! && left === "identity") return input;
      if (input > inputs[last]! && right === "identity") return input;
      const i = segmentOf(input);
      const from = numbers[i]!;
      const to = numbers[i + 1]!;
      if (from === to) return from;
      return from + (to - from) * progress(input, i);
    };
  }

  if (!outputs.every((o) => typeof o === "string")) {
    throw new TypeError(
      /* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `interpolate: outputRange must hold only finite numbers or only strings, got ${describe(outputs)}` : /* "interpolate: outputRange must hold only numbers or only strings" */ "typenative #11",
    );
  }
  if (left === "identity" || right === "identity") {
    throw new TypeError('interpolate: extrapolate "identity" needs a numeric outputRange');
  }
  const parsed = (outputs as readonly string[]).map(parseShape);
  const shape = parsed[0]!;
  for (let k = 1; k < parsed.length; k++) {
    if (!sameParts(shape.parts, parsed[k]!.parts)) {
      throw new TypeError(
        /* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `interpolate: outputRange strings must have the same shape (same units, colors as #hex or rgb/rgba), ` +
          `but ${JSON.stringify(outputs[0])} and ${JSON.stringify(outputs[k])} differ` : /* "interpolate: outputRange strings must have the same shape" */ "typenative #12",
      );
    }
  }
  const parts = shape.parts;
  const kinds = shape.kinds;
  const count = kinds.length;
  return function interpolateString(input: number): string {
    const i = segmentOf(input);
    const t = progress(input, i);
    const from = parsed[i]!.numbers;
    const to = parsed[i + 1]!.numbers;
    let out = parts[0]!;
    for (let n = 0; n < count; n++) {
      const a = from[n]!;
      const value = a + (to[n]! - a) * t;
      out += format(value, kinds[n]!) + parts[n + 1]!;
    }
    return out;
  };
}

function checkInputRange(range: unknown): readonly number[] {
  if (!Array.isArray(range) || range.length < 2) {
    throw new RangeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `interpolate: inputRange must be an array of at least 2 numbers, got ${describe(range)}` : /* "interpolate: inputRange needs at least 2 numbers" */ "typenative #13");
  }
  for (let i = 0; i < range.length; i++) {
    const n: unknown = range[i];
    if (typeof n !== "number" || !Number.isFinite(n)) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `interpolate: inputRange must hold finite numbers, got ${describe(range)}` : /* "interpolate: inputRange must hold finite numbers" */ "typenative #14");
    }
    if (i > 0 && n < (range[i - 1] as number)) {
      throw new RangeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `interpolate: inputRange must be non-decreasing, got ${describe(range)}` : /* "interpolate: inputRange must be non-decreasing" */ "typenative #15");
    }
  }
  return range as number[];
}

function checkExtrapolate(value: unknown, name: string): Extrapolate {
  if (value === undefined) return "extend";
  if (typeof value === "string" && EXTRAPOLATE.includes(value)) return value as Extrapolate;
  throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `interpolate: ${name} must be "extend", "clamp" or "identity", got ${describe(value)}` : /* `interpolate: invalid ${name}` */ `typenative #16: ${name}`);
}

interface Shape {
  /** The text between numbers: always one more than `numbers`. */
  parts: string[];
  numbers: number[];
  /** PLAIN, CHANNEL (0–255, rounded) or ALPHA (0–1) per number. */
  kinds: number[];
}

const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/gi;
const HEX = /#([0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})(?![0-9a-f])/gi;
const RGB = /rgba?\(([^()]*)\)/gi;
const TRANSPARENT = /\btransparent\b/gi;

/** Splits a string into its text and its numbers, with colors normalized to `rgba(r, g, b, a)` first. */
function parseShape(source: string): Shape {
  const text = source
    .replace(HEX, (_, hex: string) => rgbaOfHex(hex))
    .replace(RGB, (match, args: string) => rgbaOfArgs(args) ?? match)
    .replace(TRANSPARENT, "rgba(0, 0, 0, 0)");
  const parts: string[] = [];
  const numbers: number[] = [];
  const kinds: number[] = [];
  let at = 0;
  for (const match of text.matchAll(NUMBER)) {
    const before = text.slice(at, match.index);
    parts.push(before);
    numbers.push(Number(match[0]));
    // In a normalized color the three channels follow "rgba(" and ", ".
    const previous = kinds.length > 0 ? kinds[kinds.length - 1]! : PLAIN;
    if (before.endsWith("rgba(")) kinds.push(CHANNEL);
    else if (previous === CHANNEL && before === ", ") kinds.push(channelsBefore(kinds) < 3 ? CHANNEL : ALPHA);
    else kinds.push(PLAIN);
    at = match.index + match[0].length;
  }
  parts.push(text.slice(at));
  return { parts, numbers, kinds };
}

/** How many CHANNEL entries end `kinds`. */
function channelsBefore(kinds: number[]): number {
  let n = 0;
  for (let i = kinds.length - 1; i >= 0 && kinds[i] === CHANNEL; i--) n++;
  return n;
}

function rgbaOfHex(hex: string): string {
  const full = hex.length <= 4 ? hex.replace(/./g, (c) => c + c) : hex;
  const r = parseInt(full.slice(0, 2), 16);
  const g = parseInt(full.slice(2, 4), 16);
  const b = parseInt(full.slice(4, 6), 16);
  const a = full.length === 8 ? parseInt(full.slice(6, 8), 16) / 255 : 1;
  return `rgba(${r}, ${g}, ${b}, ${format(a, ALPHA)})`;
}

/** `"255, 0, 0"` or `"255, 0, 0, 0.5"` → normalized rgba; anything else stays as written. */
function rgbaOfArgs(args: string): string | null {
  const items = args.split(",").map((s) => s.trim());
  if (items.length !== 3 && items.length !== 4) return null;
  const values = items.map(Number);
  if (values.some((v, i) => items[i] === "" || !Number.isFinite(v))) return null;
  return `rgba(${values[0]}, ${values[1]}, ${values[2]}, ${values.length === 4 ? values[3] : 1})`;
}

/** Writes a number back: color channels rounded and clamped; others to 6 decimals (no float noise like 0.30000000000000004). */
function format(value: number, kind: number): string {
  if (kind === CHANNEL) return String(Math.min(255, Math.max(0, Math.round(value))));
  const clamped = kind === ALPHA ? Math.min(1, Math.max(0, value)) : value;
  const rounded = Math.round(clamped * 1e6) / 1e6;
  return String(rounded === 0 ? 0 : rounded);
}

function sameParts(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
