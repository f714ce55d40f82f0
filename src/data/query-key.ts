import { isDev } from "../core/options.js";

/**
 * Query keys: a string or an array, compared structurally. A string key is
 * the one-element array `[key]`, so `"todos"` and `["todos"]` name the same
 * entry and `invalidate("todos")` also reaches `["todos", 1]`.
 */
export type QueryKey = string | readonly unknown[];

/** The array form of a key; throws a `TypeError` for anything but a string or an array. */
export function normalizeKey(key: QueryKey, where: string): readonly unknown[] {
  if (typeof key === "string") return [key];
  if (Array.isArray(key)) return key;
  throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: a query key must be a string or an array, got ${describe(key)}` : /* `${where}: invalid query key` */ `typenative #70: ${where}`);
}

/**
 * A stable hash of a normalized key: JSON with object keys sorted, so
 * `[{ a: 1, b: 2 }]` and `[{ b: 2, a: 1 }]` hash alike. Values JSON cannot
 * keep (functions, symbols, bigints) are refused rather than silently dropped.
 */
export function hashKey(key: readonly unknown[]): string {
  // Every render hashes its key: a key of strings, numbers, booleans and
  // nulls (nearly all of them) is plain JSON, which JSON.stringify writes
  // far faster without a replacer, to the same text.
  if (isFlat(key)) {
    if (key.length === lastLength && Object.is(key[0], last0) && Object.is(key[1], last1) && Object.is(key[2], last2) && Object.is(key[3], last3)) return lastHash;
    const hash = JSON.stringify(key);
    if (key.length <= 4) {
      lastLength = key.length;
      last0 = key[0];
      last1 = key[1];
      last2 = key[2];
      last3 = key[3];
      lastHash = hash;
    }
    return hash;
  }
  return JSON.stringify(key, (_name, value: unknown) => {
    const type = typeof value;
    if (type === "function" || type === "symbol" || type === "bigint") {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `query key ${describeKey(key)}: a ${type} cannot be part of a key (keys are compared as JSON)` : /* `query key: a ${type} cannot be part of a key` */ `typenative #71: ${type}`);
    }
    if (isPlainObject(value)) {
      const sorted: Record<string, unknown> = {};
      for (const name of Object.keys(value).sort()) sorted[name] = value[name];
      return sorted;
    }
    return value;
  });
}

/**
 * The last flat key of up to four elements that was hashed, element by
 * element (copied: the caller may mutate its array), and its hash: 10,000
 * components naming one key serialize it once. Equal primitives serialize
 * alike, so a match by `Object.is` is a match of the hash.
 */
let lastLength = -1;
let last0: unknown;
let last1: unknown;
let last2: unknown;
let last3: unknown;
let lastHash = "";

function isFlat(key: readonly unknown[]): boolean {
  for (let i = 0; i < key.length; i++) {
    const value = key[i];
    const type = typeof value;
    if (type !== "string" && type !== "number" && type !== "boolean" && value !== null) return false;
  }
  return true;
}

/**
 * The hash of each element of a key, computed once per key array: an
 * `invalidate(prefix)` compares element hashes instead of re-serializing
 * every cached key on every call.
 */
const elementHashes = new WeakMap<readonly unknown[], string[]>();

function partsOf(key: readonly unknown[]): string[] {
  let parts = elementHashes.get(key);
  if (parts === undefined) {
    parts = key.map((element) => hashKey([element]));
    elementHashes.set(key, parts);
  }
  return parts;
}

/** True when `key` starts with every element of `prefix` (structurally). */
export function keyStartsWith(key: readonly unknown[], prefix: readonly unknown[]): boolean {
  if (prefix.length > key.length) return false;
  const keyParts = partsOf(key);
  const prefixParts = partsOf(prefix);
  for (let i = 0; i < prefixParts.length; i++) if (keyParts[i] !== prefixParts[i]) return false;
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describeKey(key: readonly unknown[]): string {
  return `[${key.map((part) => (typeof part === "string" ? JSON.stringify(part) : typeof part)).join(", ")}]`;
}

function describe(value: unknown): string {
  return value === null ? "null" : typeof value === "object" ? value.constructor?.name ?? "object" : `${typeof value} ${String(value)}`;
}
