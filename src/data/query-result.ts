/**
 * A query observer's result: what it is (`QueryResult`) and how it is
 * derived from its entry's state, its options and what it showed before
 * (`deriveResult`). Every result is made here, so all share one shape.
 */
import { isStale, type FetchStatus, type QueryState } from "./query.js";
import type { SignalManager } from "./host-signal-manager.js";
import { pausesAtStart } from "./network-mode.js";
import { replaceEqualDeep } from "./structural-sharing.js";
import type { Normalized } from "./query-options.js";

/** `"error"` after a failed fetch, else `"success"` with data to show, else `"pending"` (no data yet). */
export type QueryStatus = "pending" | "error" | "success";

/**
 * What `useQuery` returns and a `QueryObserver` publishes: frozen, and
 * the same object as long as nothing in it changed.
 */
export interface QueryResult<T, E = Error> {
  /** The data to show: the entry's, else the previous deps' (with `keepPreviousData`), else `initialData`. */
  readonly data: T | undefined;
  /** True while a fetch runs, and on the first render before it starts. */
  readonly loading: boolean;
  /** The last fetch's failure; `null` while refetching and after a success. */
  readonly error: E | null;
  /** `"error"`, else `"success"` (there is data to show), else `"pending"`. */
  readonly status: QueryStatus;
  /** `"fetching"`, `"paused"` (waiting for the network, see `networkMode`) or `"idle"`. */
  readonly fetchStatus: FetchStatus;
  /** True when the data is older than `staleTime`, invalidated, failed, or missing: the next trigger refetches it. */
  readonly isStale: boolean;
  /** Loop-clock time (`pn.runtime.getLoop().time()`) of the data shown, fetched or set; 0 for none. */
  readonly dataUpdatedAt: number;
  /** Refetches now (aborting a fetch in flight); resolves with the new result, never rejects. Stable. */
  readonly refetch: () => Promise<QueryResult<T, E>>;
}

/** What an observer fetches when it (re)derives: nothing, if its entry is stale, or in any case. */
export const NONE = 0;
export const IF_STALE = 1;
export const FORCE = 2;
export type FetchMode = typeof NONE | typeof IF_STALE | typeof FORCE;

/** `select`'s last input, function and (structurally shared) output, or what it threw. */
export interface Selection<T, S> {
  input: T;
  fn: (data: T) => S;
  /** The output, or the error while `failed`. */
  output: unknown;
  failed: boolean;
}

/** @internal What {@link deriveResult} reads and keeps of a `QueryObserver`. */
export interface DerivingObserver<T, E, S> {
  readonly online: SignalManager;
  /** The published result (`undefined` while the constructor derives the first one). */
  readonly result: QueryResult<S, E>;
  /** The last result a render was handed before the published one caught up. */
  readonly optimistic: QueryResult<S, E> | null;
  /**
   * `select`'s memo, made the first time one is used: most observers never
   * select, and each of 10,000 observers of a list otherwise carried its
   * three fields.
   */
  selection: Selection<T, S> | null;
  readonly refetch: QueryResult<S, E>["refetch"];
}

/**
 * The result `observer` shows for `state` with `options`, hiding data up
 * to `hideBelow` (`dataUpdateCount`) and counting on the fetch `fetch`
 * would start. Hands back the published or the optimistic result when no
 * field differs (nearly every call), else a new one.
 */
export function deriveResult<T, E, S>(
  observer: DerivingObserver<T, E, S>, state: QueryState<T, E>, hideBelow: number, fetch: FetchMode, options: Normalized<T, E, S>, previous: QueryResult<S, E> | null,
): QueryResult<S, E> {
  const stale = !state.hasData || isStale(state, options.staleTime);
  const willFetch = fetch === FORCE || (fetch === IF_STALE && !state.fetching && stale);
  const loading = state.fetching || willFetch;
  const fetchStatus: FetchStatus = state.fetching ? state.fetchStatus : willFetch ? (pausesAtStart(options.networkMode, observer.online) ? "paused" : "fetching") : "idle";
  const own = state.hasData && state.dataUpdateCount > hideBelow;
  let data: S | undefined;
  let error: E | null = loading ? null : state.error;
  if (!own && options.keepPreviousData && previous !== null) {
    data = previous.data;
  } else {
    const raw = own ? state.data : options.initialData;
    try {
      data = select(observer, raw, options.select);
    } catch (selectError) {
      // A broken `select` is this observer's failure, shown like a fetch's.
      data = undefined;
      error = selectError as E;
    }
  }
  const status: QueryStatus = error !== null ? "error" : data !== undefined ? "success" : "pending";
  const dataUpdatedAt = own ? state.dataUpdatedAt : 0;
  // Nothing changed (nearly every call): hand back the object already
  // published, or the one a render already showed, instead of a new one.
  const current = observer.result as QueryResult<S, E> | undefined;
  if (current !== undefined && sameFields(current, data, loading, error, status, fetchStatus, stale, dataUpdatedAt)) return current;
  const optimistic = observer.optimistic;
  if (optimistic !== null && sameFields(optimistic, data, loading, error, status, fetchStatus, stale, dataUpdatedAt)) return optimistic;
  return newResult(data, loading, error, status, fetchStatus, stale, dataUpdatedAt, observer.refetch);
}

/** `select(raw)`, memoized on both, sharing structure with the last output. */
function select<T, E, S>(observer: DerivingObserver<T, E, S>, raw: T | undefined, fn: ((data: T) => S) | undefined): S | undefined {
  if (fn === undefined || raw === undefined) return raw as S | undefined;
  let memo = observer.selection;
  if (memo === null || raw !== memo.input || fn !== memo.fn) {
    memo ??= observer.selection = { input: raw, fn, output: undefined, failed: false };
    memo.input = raw;
    memo.fn = fn;
    // A failure is remembered like an output: deriving again for the same
    // input must give the same error object, or every derivation (a render,
    // its commit) would make a "new" result and ask for another render.
    try {
      memo.output = replaceEqualDeep(memo.output, fn(raw));
      memo.failed = false;
    } catch (error) {
      memo.output = error;
      memo.failed = true;
    }
  }
  if (memo.failed) throw memo.output;
  return memo.output as S;
}

/**
 * Every result is made here, so all share one object shape. The very first
 * one made carries a fractional `dataUpdatedAt`, so V8 stores that field as
 * a double from the start. Otherwise the first results (no data: 0, a small
 * integer) fix it as an integer field, the first real loop time (fractional)
 * changes its representation, and V8 migrates each older result on its next
 * read: ~1 µs per result, 20 ms of a 10,000-component one-key mount, all in
 * `sameFields` as the data arrives (CPU profile). Done on first use, not at
 * module load, so an app without queries can still drop this module.
 */
function newResult<S, E>(
  data: S | undefined, loading: boolean, error: E | null, status: QueryStatus, fetchStatus: FetchStatus, isStale: boolean, dataUpdatedAt: number, refetch: QueryResult<S, E>["refetch"],
): QueryResult<S, E> {
  if (!shaped) {
    shaped = true;
    newResult(undefined, false, null, "pending", "idle", true, 0.5, refetch);
  }
  return Object.freeze({ data, loading, error, status, fetchStatus, isStale, dataUpdatedAt, refetch });
}

let shaped = false;

function sameFields<S, E>(
  r: QueryResult<S, E>, data: S | undefined, loading: boolean, error: E | null, status: QueryStatus, fetchStatus: FetchStatus, isStale: boolean, dataUpdatedAt: number,
): boolean {
  return (
    r.loading === loading && r.status === status && r.fetchStatus === fetchStatus && r.isStale === isStale &&
    r.dataUpdatedAt === dataUpdatedAt && Object.is(r.data, data) && Object.is(r.error, error)
  );
}
