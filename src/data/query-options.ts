import type { FetchOptions } from "./query.js";
import type { NetworkMode } from "./network-mode.js";
import { checkNetworkMode } from "./network-mode.js";
import { checkDuration } from "./durations.js";
import { hashKey, normalizeKey, type QueryKey } from "./query-key.js";
import { validateRetry, type RetryDelayOption, type RetryOption } from "./retry.js";
import { isDev } from "../core/options.js";

/** Loads the data; `signal` aborts when the fetch is superseded or nobody wants it any more. */
export type Fetcher<T> = (signal: AbortSignal) => T | PromiseLike<T>;

/** Options of `useQuery` (and of a `QueryObserver`). */
export interface QueryOptions<T, E = Error, S = T> {
  /** Shown until data arrives (and whenever the entry has none). */
  initialData?: T;
  /** On a deps or key change, keep showing the old data until the new arrives. */
  keepPreviousData?: boolean;
  /** `false` holds off automatic fetches (`refetch()` still works). Default `true`. */
  enabled?: boolean;
  /** Share a cache entry (and its one fetch in flight) with every query naming this key. */
  key?: QueryKey;
  /** Milliseconds data stays fresh (no refetch on mount). Default 0; `Infinity` never goes stale. */
  staleTime?: number;
  /** Milliseconds an unobserved keyed entry stays cached. Default: the client's (5 minutes). */
  cacheTime?: number;
  /** Retries of a failed fetch: off by default; `true` = 3; a count; or a predicate. */
  retry?: RetryOption<E>;
  /** Backoff before each retry; default 1 s, 2 s, 4 s, … capped at 30 s, on the loop clock. */
  retryDelay?: RetryDelayOption<E>;
  /** When fetches may use the network: `"online"` (default: pause while offline), `"always"`, `"offlineFirst"`. */
  networkMode?: NetworkMode;
  /** Refetch stale data when the app comes back online (`"always"`: even fresh data). Default `true`. */
  refetchOnReconnect?: boolean | "always";
  /** Refetch stale data when the app regains focus (`"always"`: even fresh data). Default `true`. */
  refetchOnWindowFocus?: boolean | "always";
  /** Refetch every this many milliseconds (loop clock) while watched; `false` (default) never. */
  refetchInterval?: number | false;
  /** Keep polling while the app is unfocused or offline. Default `false`: polling pauses. */
  refetchIntervalInBackground?: boolean;
  /**
   * Derives what the result shows from the fetched data. The result keeps
   * the same `data` object while the selected value is structurally equal,
   * so a component can compare it by identity.
   */
  select?: (data: T) => S;
}

/** {@link QueryOptions} plus what `useQuery` takes positionally. */
export interface QueryObserverOptions<T, E = Error, S = T> extends QueryOptions<T, E, S> {
  fetcher: Fetcher<T>;
  /** A change (pairwise `Object.is`) aborts the fetch in flight and fetches again. Default `[]`. */
  deps?: readonly unknown[];
}

/**
 * A query observer's options, normalized and checked once: what `useQuery`
 * passes as an options literal, a fetcher and deps on every render, and
 * what {@link matches} compares the next render's arguments with, so
 * unchanged options are neither validated nor hashed again.
 */
export interface Normalized<T, E, S> extends FetchOptions<T, E> {
  networkMode: NetworkMode;
  refetchOnReconnect: boolean | "always";
  refetchOnWindowFocus: boolean | "always";
  refetchInterval: number | false;
  refetchIntervalInBackground: boolean;
  select: ((data: T) => S) | undefined;
  deps: readonly unknown[];
  key: readonly unknown[] | null;
  /** `hashKey(key)`, computed once per normalized options; `null` without a key. */
  hash: string | null;
  enabled: boolean;
  initialData: T | undefined;
  keepPreviousData: boolean;
  staleTime: number;
  /** `undefined`: the client's default. */
  cacheTime: number | undefined;
}

export function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

const NO_DEPS: readonly unknown[] = [];
const NO_OPTIONS: QueryOptions<unknown, unknown, unknown> = Object.freeze({});

/**
 * True when `options` (a `useQuery` options object, possibly a fresh literal)
 * normalizes to `n` apart from `fetcher` and `deps`: each field is compared
 * with its normalized value, so an invalid value never matches (and is
 * refused by `normalize`), and a mutated options object is noticed.
 */
export function matches<T, E, S>(n: Normalized<T, E, S> | null, options: QueryOptions<T, E, S> | undefined, exactKey = false): n is Normalized<T, E, S> {
  if (n === null) return false;
  if (options === undefined) options = NO_OPTIONS as QueryOptions<T, E, S>;
  else if (options === null || typeof options !== "object") return false;
  return (
    sameKey(options.key, n.key, exactKey) &&
    (options.enabled ?? true) === n.enabled &&
    (options.staleTime ?? 0) === n.staleTime &&
    options.cacheTime === n.cacheTime &&
    Object.is(options.initialData, n.initialData) &&
    (options.keepPreviousData === true) === n.keepPreviousData &&
    options.retry === n.retry &&
    options.retryDelay === n.retryDelay &&
    (options.networkMode ?? "online") === n.networkMode &&
    (options.refetchOnReconnect ?? true) === n.refetchOnReconnect &&
    (options.refetchOnWindowFocus ?? true) === n.refetchOnWindowFocus &&
    (options.refetchInterval ?? false) === n.refetchInterval &&
    (options.refetchIntervalInBackground === true) === n.refetchIntervalInBackground &&
    options.select === n.select
  );
}

/**
 * True when `key` normalizes to `normalized`: compared element by element (a
 * fresh `["item", id]` each render), by hash only when an element differs by
 * identity — unless `exact`, where such a key is simply not the same.
 */
function sameKey(key: QueryKey | undefined, normalized: readonly unknown[] | null, exact: boolean): boolean {
  if (key === undefined || normalized === null) return key === undefined && normalized === null;
  if (typeof key === "string") return normalized.length === 1 && normalized[0] === key;
  if (!Array.isArray(key)) return false;
  if (key === normalized) return true;
  if (key.length !== normalized.length) return false;
  for (let i = 0; i < key.length; i++) {
    if (!Object.is(key[i], normalized[i])) return !exact && hashKey(key) === hashKey(normalized);
  }
  return true;
}

/**
 * `n` with another fetcher and deps: a copy (same fields in the same order,
 * so the same object shape), for a re-render whose fetcher is a new closure.
 */
export function withCall<T, E, S>(n: Normalized<T, E, S>, fetcher: Fetcher<T>, deps: readonly unknown[]): Normalized<T, E, S> {
  return { ...n, fetcher, deps };
}

export function normalize<T, E, S>(options: QueryObserverOptions<T, E, S>): Normalized<T, E, S> {
  if (options === null || typeof options !== "object") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "query options must be an object" : /* "query options must be an object" */ "typenative #74");
  return normalizeCall(options.fetcher, options.deps, options);
}

/**
 * {@link normalize} for `useQuery`'s arguments as they come (`options` an
 * object or undefined, checked by the caller), without first spreading
 * them into one options object.
 */
export function normalizeCall<T, E, S>(fetcher: Fetcher<T>, deps: readonly unknown[] | undefined, given: QueryOptions<T, E, S> | undefined): Normalized<T, E, S> {
  // Normalized options are values nobody mutates: a list of components
  // calling `useQuery` with the same fetcher, deps and settings (10,000 rows
  // of one key) share one object instead of checking and building it each.
  const last = lastCall as Normalized<T, E, S> | null;
  if (last !== null && fetcher === last.fetcher && (deps === undefined || Array.isArray(deps)) && sameDeps(deps ?? NO_DEPS, last.deps) && matches(last, given, true)) {
    return last;
  }
  const n = build(fetcher, deps, given);
  if (lastCall === null) queueMicrotask(forgetLastCall);
  lastCall = n as Normalized<unknown, unknown, unknown>;
  return n;
}

/**
 * The options {@link normalizeCall} built last, until the current run ends:
 * kept no longer, so it holds no unmounted component's fetcher.
 */
let lastCall: Normalized<unknown, unknown, unknown> | null = null;

function forgetLastCall(): void {
  lastCall = null;
}

function build<T, E, S>(fetcher: Fetcher<T>, deps: readonly unknown[] | undefined, given: QueryOptions<T, E, S> | undefined): Normalized<T, E, S> {
  const options = given ?? (NO_OPTIONS as QueryOptions<T, E, S>);
  const { key, enabled, select, refetchInterval } = options;
  if (typeof fetcher !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `useQuery(fetcher, ...): fetcher must be a function (signal) => data, got ${typeof fetcher}` : /* "useQuery: fetcher must be a function" */ "typenative #75");
  if (deps !== undefined && !Array.isArray(deps)) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "useQuery(fetcher, deps): deps must be an array" : /* "useQuery: deps must be an array" */ "typenative #76");
  if (enabled !== undefined && typeof enabled !== "boolean") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `useQuery options: enabled must be a boolean, got ${String(enabled)}` : /* "useQuery: enabled must be a boolean" */ "typenative #77");
  if (select !== undefined && typeof select !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "useQuery options: select must be a function (data) => selected" : /* "useQuery: select must be a function" */ "typenative #78");
  if (refetchInterval !== undefined && refetchInterval !== false && !(typeof refetchInterval === "number" && refetchInterval >= 0)) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `useQuery options: refetchInterval must be a number of milliseconds ≥ 0 or false, got ${String(refetchInterval)}` : /* "useQuery: invalid refetchInterval" */ "typenative #79");
  }
  validateRetry(options as QueryOptions<T, never, S>, "useQuery options");
  const normalizedKey = key === undefined ? null : normalizeKey(key, "useQuery options");
  return {
    fetcher,
    deps: deps ?? NO_DEPS,
    key: normalizedKey,
    hash: normalizedKey === null ? null : hashKey(normalizedKey),
    enabled: enabled ?? true,
    initialData: options.initialData,
    keepPreviousData: options.keepPreviousData === true,
    staleTime: checkDuration(options.staleTime, 0, "useQuery options: staleTime"),
    cacheTime: options.cacheTime === undefined ? undefined : checkDuration(options.cacheTime, 0, "useQuery options: cacheTime"),
    retry: options.retry,
    retryDelay: options.retryDelay,
    networkMode: checkNetworkMode(options.networkMode, "useQuery options"),
    refetchOnReconnect: checkTrigger(options.refetchOnReconnect, "refetchOnReconnect"),
    refetchOnWindowFocus: checkTrigger(options.refetchOnWindowFocus, "refetchOnWindowFocus"),
    refetchInterval: refetchInterval ?? false,
    refetchIntervalInBackground: options.refetchIntervalInBackground === true,
    select,
  };
}

function checkTrigger(value: unknown, name: string): boolean | "always" {
  if (value === undefined) return true;
  if (typeof value !== "boolean" && value !== "always") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `useQuery options: ${name} must be true, false or "always", got ${String(value)}` : /* `useQuery: invalid ${name}` */ `typenative #80: ${name}`);
  return value;
}
