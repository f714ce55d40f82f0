import { currentRuntime } from "../runtime/runtime.js";
import { batch, scheduleNotify } from "./notify.js";
import { Query, emptyQueryState, isStale, type FetchOptions, type QueryListener, type QueryState } from "./query.js";
import { QueryClient, checkDuration } from "./query-cache.js";
import { normalizeKey, type QueryKey } from "./query-key.js";
import { validateRetry, type RetryDelayOption, type RetryOption } from "./retry.js";

/** `"loading"` while a fetch runs (or is about to), else `"error"`, `"success"` (data to show) or `"idle"`. */
export type QueryStatus = "idle" | "loading" | "success" | "error";

/**
 * What `useQuery` returns and a {@link QueryObserver} publishes: frozen, and
 * the same object as long as nothing in it changed.
 */
export interface QueryResult<T, E = Error> {
  /** The data to show: the entry's, else the previous deps' (with `keepPreviousData`), else `initialData`. */
  readonly data: T | undefined;
  /** True while a fetch runs, and on the first render before it starts. */
  readonly loading: boolean;
  /** The last fetch's failure; `null` while refetching and after a success. */
  readonly error: E | null;
  readonly status: QueryStatus;
  /** Refetches now (aborting a fetch in flight); resolves with the new result, never rejects. Stable. */
  readonly refetch: () => Promise<QueryResult<T, E>>;
}

/** Loads the data; `signal` aborts when the fetch is superseded or nobody wants it any more. */
export type Fetcher<T> = (signal: AbortSignal) => T | PromiseLike<T>;

/** Options of `useQuery` (and of a {@link QueryObserver}). */
export interface QueryOptions<T, E = Error> {
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
}

/** {@link QueryOptions} plus what `useQuery` takes positionally. */
export interface QueryObserverOptions<T, E = Error> extends QueryOptions<T, E> {
  fetcher: Fetcher<T>;
  /** A change (pairwise `Object.is`) aborts the fetch in flight and fetches again. Default `[]`. */
  deps?: readonly unknown[];
}

interface Normalized<T, E> extends FetchOptions<T, E> {
  deps: readonly unknown[];
  key: readonly unknown[] | null;
  enabled: boolean;
  initialData: T | undefined;
  keepPreviousData: boolean;
  staleTime: number;
  /** `undefined`: the client's default. */
  cacheTime: number | undefined;
}

const NONE = 0;
const IF_STALE = 1;
const FORCE = 2;
type FetchMode = typeof NONE | typeof IF_STALE | typeof FORCE;

/** What new options would do: which entry, which data to hide, whether to fetch. `entry: null` = a new private entry. */
interface Plan<T, E> {
  entry: Query<T, E> | null;
  hideBelow: number;
  fetch: FetchMode;
}

type Listener<T, E> = (result: QueryResult<T, E>) => void;

/**
 * Watches one query and publishes {@link QueryResult} snapshots: the
 * framework-free half of `useQuery`, usable from scripts and tests.
 *
 * With a `key` it uses the client's shared entry; without, a private entry
 * of its own, replaced on every deps change (so a superseded fetch can never
 * publish). It fetches only while subscribed: the first `subscribe` fetches
 * stale data, the last unsubscribe aborts a fetch nobody else wants.
 *
 * @example
 * ```ts
 * const observer = new QueryObserver(pn.queryClient, { fetcher: (signal) => api.getUser(1, { signal }), key: ["user", 1] });
 * const stop = observer.subscribe((result) => console.log(result.loading, result.data));
 * await observer.refetch();
 * stop(); // aborts the fetch if nobody else watches the key
 * ```
 */
export class QueryObserver<T = unknown, E = Error> implements QueryListener {
  private readonly client: QueryClient;
  private options: Normalized<T, E>;
  private entry: Query<T, E>;
  /** Entry data with `dataUpdateCount <= hideBelow` predates our deps: not shown. */
  private hideBelow = -1;
  private readonly listeners = new Set<{ listener: Listener<T, E> }>();
  private result: QueryResult<T, E>;
  /** The last result `getOptimisticResult` handed out, reused when the real one catches up. */
  private optimistic: QueryResult<T, E> | null = null;
  private notifyScheduled = false;

  constructor(client: QueryClient, options: QueryObserverOptions<T, E>) {
    if (!(client instanceof QueryClient)) throw new TypeError("new QueryObserver(client, options): client must be a QueryClient");
    this.client = client;
    this.options = normalize(options);
    const key = this.options.key;
    this.entry = key !== null ? client.build<T, E>(key, this.options.cacheTime) : privateEntry<T, E>();
    this.result = this.derive(this.entry.state, this.currentPlan(), this.options, null);
  }

  /** The current result. */
  getResult(): QueryResult<T, E> {
    return this.result;
  }

  /**
   * The result these options will give once applied, without applying them
   * (no fetch, no abort): what a component renders before its effects run.
   */
  getOptimisticResult(options: QueryObserverOptions<T, E>): QueryResult<T, E> {
    const next = normalize(options);
    const plan = this.plan(next);
    const state = plan.entry !== null ? plan.entry.state : emptyQueryState<T, E>();
    const result = this.derive(state, plan, next, this.result);
    if (sameResult(result, this.result)) return this.result;
    if (this.optimistic !== null && sameResult(result, this.optimistic)) return this.optimistic;
    this.optimistic = result;
    return result;
  }

  /**
   * Applies new options. A deps change aborts the fetch in flight before the
   * next one starts; a key change moves to that key's entry. The latest
   * fetcher is the one later fetches call.
   */
  setOptions(options: QueryObserverOptions<T, E>): void {
    const next = normalize(options);
    const plan = this.plan(next);
    const previous = this.entry;
    const subscribed = this.listeners.size > 0;
    this.options = next;
    this.hideBelow = plan.hideBelow;
    batch(() => {
      if (plan.entry !== previous) {
        this.entry = plan.entry ?? privateEntry<T, E>();
        if (subscribed) {
          previous.removeObserver(this);
          this.entry.addObserver(this);
        }
      }
      if (subscribed) this.fetchIf(plan.fetch);
      this.updateResult();
    });
  }

  /**
   * Calls `listener` with each new result. The first subscriber starts a
   * fetch if the data is stale. Returns the unsubscribe function; the last
   * one to leave aborts the fetch in flight unless other observers want it.
   */
  subscribe(listener: Listener<T, E>): () => void {
    if (typeof listener !== "function") throw new TypeError("observer.subscribe(listener): listener must be a function");
    const slot = { listener };
    this.listeners.add(slot);
    if (this.listeners.size === 1) {
      batch(() => {
        this.entry.addObserver(this);
        this.fetchIf(this.options.enabled ? IF_STALE : NONE);
        this.updateResult();
      });
    }
    return () => {
      if (!this.listeners.delete(slot) || this.listeners.size > 0) return;
      this.entry.removeObserver(this);
      this.updateResult();
    };
  }

  /** Unsubscribes every listener. */
  destroy(): void {
    if (this.listeners.size === 0) return;
    this.listeners.clear();
    this.entry.removeObserver(this);
  }

  /**
   * Fetches again now, aborting a fetch in flight; resolves with the result
   * once it settles and never rejects. Does nothing (resolving with the
   * current result) while nobody is subscribed. Stable: pass it around freely.
   */
  readonly refetch = (): Promise<QueryResult<T, E>> => {
    if (this.listeners.size === 0) return Promise.resolve(this.result);
    return this.entry.fetch(this.options, true).then(() => this.result);
  };

  /** @internal Called by the entry after each state change. */
  onQueryUpdate(): void {
    this.updateResult();
  }

  /** @internal How the entry refetches for us (on `invalidate`), or `null` while disabled. */
  fetchOptions(): FetchOptions<unknown, unknown> | null {
    return this.options.enabled ? (this.options as unknown as FetchOptions<unknown, unknown>) : null;
  }

  private plan(next: Normalized<T, E>): Plan<T, E> {
    const depsChanged = !sameDeps(this.options.deps, next.deps);
    const entry = next.key !== null ? this.client.build<T, E>(next.key, next.cacheTime) : this.entry.hash === null && !depsChanged ? this.entry : null;
    let hideBelow = this.hideBelow;
    let fetch: FetchMode = NONE;
    if (entry !== this.entry) {
      hideBelow = -1;
      fetch = IF_STALE;
    } else if (depsChanged) {
      // Same shared entry, new deps: its current data belongs to the old deps.
      hideBelow = entry.state.dataUpdateCount;
      fetch = FORCE;
    } else if (this.listeners.size === 0 || !this.options.enabled) {
      fetch = IF_STALE;
    }
    return { entry, hideBelow, fetch: next.enabled ? fetch : NONE };
  }

  private currentPlan(): Plan<T, E> {
    return { entry: this.entry, hideBelow: this.hideBelow, fetch: this.listeners.size === 0 && this.options.enabled ? IF_STALE : NONE };
  }

  private fetchIf(mode: FetchMode): void {
    const entry = this.entry;
    // Fetch promises never reject; nothing to catch.
    if (mode === FORCE) void entry.fetch(this.options, true);
    else if (mode === IF_STALE && !entry.state.fetching && isStale(entry.state, this.options.staleTime)) void entry.fetch(this.options, false);
  }

  private derive(state: QueryState<T, E>, plan: Plan<T, E>, options: Normalized<T, E>, previous: QueryResult<T, E> | null): QueryResult<T, E> {
    const willFetch = plan.fetch === FORCE || (plan.fetch === IF_STALE && !state.fetching && isStale(state, options.staleTime));
    const loading = state.fetching || willFetch;
    const data =
      state.hasData && state.dataUpdateCount > plan.hideBelow
        ? state.data
        : options.keepPreviousData && previous !== null
          ? previous.data
          : options.initialData;
    const error = loading ? null : state.error;
    const status: QueryStatus = loading ? "loading" : error !== null ? "error" : data !== undefined ? "success" : "idle";
    return Object.freeze({ data, loading, error, status, refetch: this.refetch });
  }

  private updateResult(): void {
    const next = this.derive(this.entry.state, this.currentPlan(), this.options, this.result);
    if (sameResult(next, this.result)) return;
    const optimistic = this.optimistic;
    this.optimistic = null;
    // Reuse the object a render already showed, so the component can tell
    // nothing new happened.
    this.result = optimistic !== null && sameResult(next, optimistic) ? optimistic : next;
    if (this.listeners.size > 0 && !this.notifyScheduled) {
      this.notifyScheduled = true;
      scheduleNotify(this.notifyListeners);
    }
  }

  private readonly notifyListeners = (): void => {
    this.notifyScheduled = false;
    const result = this.result;
    for (const slot of Array.from(this.listeners)) {
      try {
        slot.listener(result);
      } catch (error) {
        currentRuntime().reportError(error, { source: "query" });
      }
    }
  };
}

function privateEntry<T, E>(): Query<T, E> {
  return new Query<T, E>(null, null, null, Infinity);
}

function sameResult<T, E>(a: QueryResult<T, E>, b: QueryResult<T, E>): boolean {
  return a.loading === b.loading && a.status === b.status && Object.is(a.data, b.data) && Object.is(a.error, b.error);
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

const NO_DEPS: readonly unknown[] = [];

function normalize<T, E>(options: QueryObserverOptions<T, E>): Normalized<T, E> {
  if (options === null || typeof options !== "object") throw new TypeError("query options must be an object");
  const { fetcher, deps, key, enabled } = options;
  if (typeof fetcher !== "function") throw new TypeError(`useQuery(fetcher, ...): fetcher must be a function (signal) => data, got ${typeof fetcher}`);
  if (deps !== undefined && !Array.isArray(deps)) throw new TypeError("useQuery(fetcher, deps): deps must be an array");
  if (enabled !== undefined && typeof enabled !== "boolean") throw new TypeError(`useQuery options: enabled must be a boolean, got ${String(enabled)}`);
  validateRetry(options as QueryOptions<T, never>, "useQuery options");
  return {
    fetcher,
    deps: deps ?? NO_DEPS,
    key: key === undefined ? null : normalizeKey(key, "useQuery options"),
    enabled: enabled ?? true,
    initialData: options.initialData,
    keepPreviousData: options.keepPreviousData === true,
    staleTime: checkDuration(options.staleTime, 0, "useQuery options: staleTime"),
    cacheTime: options.cacheTime === undefined ? undefined : checkDuration(options.cacheTime, 0, "useQuery options: cacheTime"),
    retry: options.retry,
    retryDelay: options.retryDelay,
  };
}
