import { currentRuntime, enterRuntime, leaveRuntime, type Runtime } from "../runtime/runtime.js";
import { deferred } from "../platform/deferred.js";
import { beginBatch, endBatch, scheduleNotify } from "./notify.js";
import { Query, emptyQueryState, isStale, type FetchOptions, type FetchStatus, type QueryListener, type QueryState } from "./query.js";
import type { SignalManager } from "./host-signal-manager.js";
import { onlineManagerOf } from "./online-manager.js";
import { focusManagerOf } from "./focus-manager.js";
import { unwatchSignals, watchSignals } from "./signal-watchers.js";
import { pausesAtStart, type NetworkMode } from "./network-mode.js";
import { matches, normalize, normalizeCall, sameDeps, withCall, type Normalized } from "./query-options.js";
import { replaceEqualDeep } from "./structural-sharing.js";
import { QueryClient } from "./query-cache.js";
import type { QueryKey } from "./query-key.js";
import type { RetryDelayOption, RetryOption } from "./retry.js";
import type { Timers, TriggerKit, Triggers, TriggeredObserver } from "./query-triggers.js";
import { options as devOptions } from "../core/options.js";

/** `"error"` after a failed fetch, else `"success"` with data to show, else `"pending"` (no data yet). */
export type QueryStatus = "pending" | "error" | "success";

export type { FetchStatus } from "./query.js";

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

/** Loads the data; `signal` aborts when the fetch is superseded or nobody wants it any more. */
export type Fetcher<T> = (signal: AbortSignal) => T | PromiseLike<T>;

/** Options of `useQuery` (and of a {@link QueryObserver}). */
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

const NONE = 0;
const IF_STALE = 1;
const FORCE = 2;
type FetchMode = typeof NONE | typeof IF_STALE | typeof FORCE;


type Listener<S, E> = (result: QueryResult<S, E>) => void;

/**
 * @internal What an observer does when time passes or the app's focus or
 * connection changes (query-triggers.ts): imported with the first signal
 * an observer hears, the first polling interval it arms or the first fresh
 * data it watches; `typenative/testing` registers it.
 */
export const queryTriggers = /* @__PURE__ */ deferred<TriggerKit, Triggers>({ currentRuntime, isStale }, () => import("./query-triggers.js"));

/**
 * Calls the trigger `name` for `observer`: at once when the code is here,
 * else once it arrives, in the runtime of the call (each trigger works out
 * what to do from the observer's state when it runs). A failed import is
 * reported; the next trigger tries again.
 */
function withTriggers<T, E>(observer: TriggeredObserver<T, E>, name: TriggerName, value: boolean): void {
  const code = queryTriggers.loaded();
  if (code !== null) return code[name](observer, value);
  const rt = currentRuntime();
  queryTriggers
    .load()
    .then((loaded) => {
      const previous = enterRuntime(rt);
      try {
        loaded[name](observer, value);
      } finally {
        leaveRuntime(previous);
      }
    })
    .catch((error: unknown) => rt.reportError(error, { source: "query" }));
}

type TriggerName = "onOnline" | "onFocus" | "updateInterval" | "updateStaleTimer";

/** @internal A subscriber: `listener` is called as a method of the slot. */
export interface QuerySlot<S, E> {
  listener(result: QueryResult<S, E>): void;
}

/** @internal Options from {@link QueryObserver.prepare}, for `applyOptions` and `optimisticResultOf`. */
export type PreparedOptions<T, E, S> = Normalized<T, E, S>;

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
export class QueryObserver<T = unknown, E = Error, S = T> implements QueryListener, TriggeredObserver<T, E> {
  readonly #client: QueryClient;
  /** @internal */
  readonly online: SignalManager;
  /** @internal */
  readonly focus: SignalManager;
  /** @internal The options applied last. */
  options: Normalized<T, E, S>;
  /** @internal The entry it watches (or will, once subscribed). */
  entry: Query<T, E>;
  /** Entry data with `dataUpdateCount <= hideBelow` predates our deps: not shown. */
  #hideBelow = -1;
  /**
   * The subscribers: the one (a component's binding, nearly always) in
   * `only`, without a set to insert into or iterate; a set, in
   * subscription order, from the second on.
   */
  #only: QuerySlot<S, E> | null = null;
  #listeners: Set<QuerySlot<S, E>> | null = null;
  /** @internal */
  listenerCount = 0;
  /** @internal The current result. */
  result: QueryResult<S, E>;
  /** The last result `getOptimisticResult` handed out, reused when the real one catches up. */
  #optimistic: QueryResult<S, E> | null = null;
  /** What {@link prepare} returned last: reused while `useQuery`'s arguments stay the same. */
  #prepared: Normalized<T, E, S> | null = null;
  #notifyScheduled = false;
  /**
   * `select`'s memo and the polling and stale timers, made the first time
   * one is used: most observers never select or arm a timer, and each of
   * 10,000 observers of a list otherwise carried their seven fields (and
   * a number box for `staleAt`).
   */
  #selection: Selection<T, S> | null = null;
  /** @internal Made by the triggers (query-triggers.ts), which own what is in it. */
  timers: Timers | null = null;
  /** What {@link plan} worked out last. */
  #plannedEntry: Query<T, E> | null = null;
  #plannedHideBelow = -1;
  #plannedFetch: FetchMode = NONE;
  /** @internal Where its entry keeps it (`Query`'s roster of observers); -1 while it watches none. */
  entrySlot = -1;
  /** @internal Where its runtime's signal watchers keep it; -1 while it watches nothing. */
  watchSlot = -1;

  constructor(client: QueryClient, options: QueryObserverOptions<T, E, S>) {
    if (!(client instanceof QueryClient)) throw new TypeError(devOptions.dev && process.env.NODE_ENV !== "production" ? "new QueryObserver(client, options): client must be a QueryClient" : /* "QueryObserver: client must be a QueryClient" */ "typenative #72");
    this.#client = client;
    const rt: Runtime = currentRuntime();
    this.online = onlineManagerOf(rt);
    this.focus = focusManagerOf(rt);
    // `useQuery` hands its arguments over already normalized (see `observerFor`).
    const handed = handoff as Normalized<T, E, S> | null;
    handoff = null;
    this.options = this.#prepared = handed ?? normalize(options);
    const key = this.options.key;
    this.entry = key !== null ? client.build<T, E>(key, this.options.cacheTime, this.options.hash!) : privateEntry<T, E>();
    this.result = this.#derive(this.entry.state, this.#hideBelow, this.#currentFetch(), this.options, null);
  }

  /** The current result. */
  getResult(): QueryResult<S, E> {
    return this.result;
  }

  /** @internal The options applied last (`applyOptions`). */
  appliedOptions(): PreparedOptions<T, E, S> {
    return this.options;
  }

  /** @internal Right after {@link optimisticResultOf}: true when those options keep the observer on its entry. */
  planKeepsEntry(): boolean {
    return this.#plannedEntry === this.entry;
  }

  /** @internal What {@link prepare} returned last (for a new observer: its normalized options). */
  preparedOptions(): PreparedOptions<T, E, S> {
    return this.#prepared!;
  }

  /**
   * The result these options will give once applied, without applying them
   * (no fetch, no abort): what a component renders before its effects run.
   */
  getOptimisticResult(options: QueryObserverOptions<T, E, S>): QueryResult<S, E> {
    return this.optimisticResultOf(normalize(options));
  }

  /**
   * @internal What `useQuery` renders: {@link getOptimisticResult} for
   * options from {@link prepare}, which a re-render with unchanged options
   * gets without validating, hashing or allocating anything.
   */
  optimisticResultOf(next: Normalized<T, E, S>): QueryResult<S, E> {
    this.#plan(next);
    const entry = this.#plannedEntry;
    const state = entry !== null ? entry.state : (EMPTY_STATE as QueryState<T, E>);
    const result = this.#derive(state, this.#plannedHideBelow, this.#plannedFetch, next, this.result);
    // `derive` hands back the current or the optimistic result when nothing differs.
    if (result !== this.result) this.#optimistic = result;
    return result;
  }

  /**
   * @internal `useQuery`'s arguments, normalized: the options applied last
   * (or prepared last) when nothing in them changed — a new `fetcher` or
   * `select` closure is swapped in without validating the rest again —
   * else freshly normalized. Every render calls this, so the common case
   * (same key, same settings, a new object literal) must stay cheap.
   */
  prepare(fetcher: Fetcher<T>, deps: readonly unknown[], options: QueryOptions<T, E, S> | undefined): Normalized<T, E, S> {
    const last = this.#prepared;
    if (!Array.isArray(deps) || typeof fetcher !== "function" || !matches(last, options)) {
      const next = normalizeCall(fetcher, deps, options);
      this.#prepared = next;
      return next;
    }
    if (fetcher === last.fetcher && sameDeps(last.deps, deps)) return last;
    const next = withCall(last, fetcher, sameDeps(last.deps, deps) ? last.deps : deps);
    this.#prepared = next;
    return next;
  }

  /**
   * Applies new options. A deps change aborts the fetch in flight before the
   * next one starts; a key change moves to that key's entry. The latest
   * fetcher is the one later fetches call.
   */
  setOptions(options: QueryObserverOptions<T, E, S>): void {
    this.applyOptions(normalize(options));
  }

  /**
   * @internal {@link setOptions} for options from {@link prepare}. With
   * `derive` false an observer nobody subscribes to yet leaves its result
   * as it is: `useQuery`'s first commit, whose subscription follows at
   * once and derives it.
   */
  applyOptions(next: Normalized<T, E, S>, derive = true): void {
    this.#plan(next);
    const plannedEntry = this.#plannedEntry;
    const plannedFetch = this.#plannedFetch;
    const previous = this.entry;
    const subscribed = this.listenerCount > 0;
    const same = next === this.options;
    this.options = next;
    this.#hideBelow = this.#plannedHideBelow;
    if (same && plannedEntry === previous && (plannedFetch === NONE || !subscribed)) {
      // A re-render with the options already applied: nothing to move, fetch
      // or re-arm (an observer nobody subscribes to fetches nothing). A
      // subscribed observer's result already follows every change of its
      // entry (and its stale timer, the clock): deriving it again would
      // give the same object. An unsubscribed one hears nothing: derive.
      if (!subscribed && derive) this.updateResult();
      return;
    }
    beginBatch();
    try {
      if (plannedEntry !== previous) {
        this.entry = plannedEntry ?? privateEntry<T, E>();
        if (subscribed) {
          previous.removeObserver(this);
          this.entry.addObserver(this);
        }
      }
      if (subscribed) {
        this.#fetchIf(plannedFetch);
        this.#updateInterval();
      }
      this.updateResult();
    } finally {
      endBatch();
    }
  }

  /**
   * Calls `listener` with each new result. The first subscriber starts a
   * fetch if the data is stale, and the observer starts listening for
   * reconnects, focus and its polling interval. Returns the unsubscribe
   * function; the last one to leave aborts the fetch in flight unless other
   * observers want it.
   */
  subscribe(listener: Listener<S, E>): () => void {
    if (typeof listener !== "function") throw new TypeError(devOptions.dev && process.env.NODE_ENV !== "production" ? "observer.subscribe(listener): listener must be a function" : /* "subscribe: listener must be a function" */ "typenative #73");
    const slot = { listener };
    this.addSlot(slot);
    return () => this.removeSlot(slot);
  }

  /**
   * @internal {@link subscribe} with a slot object the caller keeps (a
   * `useQuery` binding), so subscribing makes no closure; each slot
   * subscribes once.
   */
  addSlot(slot: QuerySlot<S, E>): void {
    if (this.listenerCount > 0) {
      // A second (third, …) subscriber: the set, in subscription order.
      if (slot === this.#only) return;
      let listeners = this.#listeners;
      if (listeners === null) {
        listeners = this.#listeners = new Set();
        listeners.add(this.#only!);
        this.#only = null;
      }
      listeners.add(slot);
      this.listenerCount = listeners.size;
      return;
    }
    this.#only = slot;
    this.listenerCount = 1;
    beginBatch();
    try {
      // The fetch starts before joining the entry: its "fetching" update
      // then needs no derivation here, the one below covers it.
      this.#fetchIf(this.options.enabled ? IF_STALE : NONE);
      this.entry.addObserver(this);
      this.#startWatching();
      this.updateResult();
    } finally {
      endBatch();
    }
  }

  /** @internal Undoes {@link addSlot}; a slot not subscribed is ignored. */
  removeSlot(slot: QuerySlot<S, E>): void {
    const listeners = this.#listeners;
    if (listeners !== null) {
      if (!listeners.delete(slot)) return;
      this.listenerCount = listeners.size;
      // Down to one: back to the set-free form.
      if (listeners.size === 1) {
        for (const left of listeners) this.#only = left;
        this.#listeners = null;
      }
      return;
    }
    if (slot !== this.#only) return;
    this.#only = null;
    this.listenerCount = 0;
    this.#stopWatching();
    this.entry.removeObserver(this);
    this.updateResult();
  }

  /** Unsubscribes every listener. */
  destroy(): void {
    if (this.listenerCount === 0) return;
    this.#listeners = null;
    this.#only = null;
    this.listenerCount = 0;
    this.#stopWatching();
    this.entry.removeObserver(this);
  }

  /**
   * Fetches again now, aborting a fetch in flight; resolves with the result
   * once it settles and never rejects. Does nothing (resolving with the
   * current result) while nobody is subscribed. Stable: pass it around freely.
   */
  readonly refetch = (): Promise<QueryResult<S, E>> => {
    if (this.listenerCount === 0) return Promise.resolve(this.result);
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

  #startWatching(): void {
    watchSignals(this.online, this.focus, this);
    this.#updateInterval();
  }

  #stopWatching(): void {
    unwatchSignals(this.online, this);
    // Timers exist only once the triggers armed one: their code is here.
    if (this.timers !== null) queryTriggers.loaded()!.stop(this);
  }

  /** @internal The app went online or offline (called through {@link watchSignals}). */
  onOnline(online: boolean): void {
    withTriggers(this, "onOnline", online);
  }

  /** @internal The app gained or lost focus (called through {@link watchSignals}). */
  onFocus(focused: boolean): void {
    withTriggers(this, "onFocus", focused);
  }

  /** Arms, keeps or drops the polling timer (query-triggers.ts) when the options ask for one or one is armed. */
  #updateInterval(): void {
    const { refetchInterval, enabled } = this.options;
    // Nearly every observer never polls: nothing to arm or drop, and no code to load.
    if (this.timers === null && !(this.listenerCount > 0 && enabled && refetchInterval !== false && refetchInterval > 0)) return;
    withTriggers(this, "updateInterval", false);
  }

  /** While watched, re-derives the result when fresh data turns stale (the stale timer, query-triggers.ts). */
  #updateStaleTimer(): void {
    // Nearly every call (stale or no data, nobody watching): no timer, no
    // loop time read (each read of a double field allocates in code V8 has
    // not optimized yet), no code to load; only an armed timer to drop.
    if (this.listenerCount === 0 || !this.entry.state.hasData || this.result.isStale || !Number.isFinite(this.options.staleTime)) {
      // A timer exists only once the triggers armed it: their code is here.
      if (this.timers !== null && this.timers.stale !== null) queryTriggers.loaded()!.updateStaleTimer(this);
      return;
    }
    withTriggers(this, "updateStaleTimer", false);
  }

  /**
   * What `next` would do, left in the `planned*` fields (no object per
   * render): which entry (`null`: a new private one), which data to hide,
   * whether to fetch.
   */
  #plan(next: Normalized<T, E, S>): void {
    const depsChanged = !sameDeps(this.options.deps, next.deps);
    const entry = next.key !== null ? this.#client.build<T, E>(next.key, next.cacheTime, next.hash!) : this.entry.hash === null && !depsChanged ? this.entry : null;
    let hideBelow = this.#hideBelow;
    let fetch: FetchMode = NONE;
    if (entry !== this.entry) {
      hideBelow = -1;
      fetch = IF_STALE;
    } else if (depsChanged) {
      // Same shared entry, new deps: its current data belongs to the old deps.
      hideBelow = entry.state.dataUpdateCount;
      fetch = FORCE;
    } else if (this.listenerCount === 0 || !this.options.enabled) {
      fetch = IF_STALE;
    }
    this.#plannedEntry = entry;
    this.#plannedHideBelow = hideBelow;
    this.#plannedFetch = next.enabled ? fetch : NONE;
  }

  /** What the applied options would fetch: the plan of the current options. */
  #currentFetch(): FetchMode {
    return this.listenerCount === 0 && this.options.enabled ? IF_STALE : NONE;
  }

  #fetchIf(mode: FetchMode): void {
    const entry = this.entry;
    if (mode === FORCE) entry.start(this.options, true);
    else if (mode === IF_STALE && !entry.state.fetching && isStale(entry.state, this.options.staleTime)) entry.start(this.options, false);
  }

  #derive(state: QueryState<T, E>, hideBelow: number, fetch: FetchMode, options: Normalized<T, E, S>, previous: QueryResult<S, E> | null): QueryResult<S, E> {
    const stale = !state.hasData || isStale(state, options.staleTime);
    const willFetch = fetch === FORCE || (fetch === IF_STALE && !state.fetching && stale);
    const loading = state.fetching || willFetch;
    const fetchStatus: FetchStatus = state.fetching ? state.fetchStatus : willFetch ? (pausesAtStart(options.networkMode, this.online) ? "paused" : "fetching") : "idle";
    const own = state.hasData && state.dataUpdateCount > hideBelow;
    let data: S | undefined;
    let error: E | null = loading ? null : state.error;
    if (!own && options.keepPreviousData && previous !== null) {
      data = previous.data;
    } else {
      const raw = own ? state.data : options.initialData;
      try {
        data = this.#select(raw, options.select);
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
    const current = this.result as QueryResult<S, E> | undefined;
    if (current !== undefined && sameFields(current, data, loading, error, status, fetchStatus, stale, dataUpdatedAt)) return current;
    const optimistic = this.#optimistic;
    if (optimistic !== null && sameFields(optimistic, data, loading, error, status, fetchStatus, stale, dataUpdatedAt)) return optimistic;
    return newResult(data, loading, error, status, fetchStatus, stale, dataUpdatedAt, this.refetch);
  }

  /** `select(raw)`, memoized on both, sharing structure with the last output. */
  #select(raw: T | undefined, select: ((data: T) => S) | undefined): S | undefined {
    if (select === undefined || raw === undefined) return raw as S | undefined;
    const memo = this.#selection;
    if (memo !== null && raw === memo.input && select === memo.fn) return memo.output;
    const next = replaceEqualDeep(memo === null ? undefined : memo.output, select(raw));
    if (memo === null) this.#selection = { input: raw, fn: select, output: next };
    else {
      memo.input = raw;
      memo.fn = select;
      memo.output = next;
    }
    return next;
  }

  /** @internal Re-derives the result and schedules its delivery when it changed. */
  updateResult(): void {
    // `derive` reuses the object a render already showed, so the component
    // can tell nothing new happened.
    const next = this.#derive(this.entry.state, this.#hideBelow, this.#currentFetch(), this.options, this.result);
    if (next === this.result) {
      this.#updateStaleTimer();
      return;
    }
    this.#optimistic = null;
    this.result = next;
    this.#updateStaleTimer();
    if (this.listenerCount > 0 && !this.#notifyScheduled) {
      this.#notifyScheduled = true;
      scheduleNotify(this);
    }
  }

  /** @internal Delivers the current result to the listeners (scheduled by `updateResult`, run by the notify batch). */
  deliverNotify(): void {
    this.#notifyScheduled = false;
    const result = this.result;
    // The usual single listener (a component) is called directly: no
    // iterator, no copy.
    const only = this.#only;
    if (only !== null) {
      try {
        only.listener(result);
      } catch (error) {
        currentRuntime().reportError(error, { source: "query" });
      }
      return;
    }
    if (this.#listeners === null) return;
    // Over a copy, so a listener may unsubscribe (or subscribe) meanwhile.
    for (const slot of Array.from(this.#listeners)) {
      try {
        slot.listener(result);
      } catch (error) {
        currentRuntime().reportError(error, { source: "query" });
      }
    }
  }
}

/** `select`'s last input, function and (structurally shared) output. */
interface Selection<T, S> {
  input: T;
  fn: (data: T) => S;
  output: S | undefined;
}

function privateEntry<T, E>(): Query<T, E> {
  return new Query<T, E>(null, null, null, Infinity);
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

/** `useQuery`'s normalized arguments on their way into the observer {@link observerFor} constructs. */
let handoff: Normalized<unknown, unknown, unknown> | null = null;
const HANDED_OVER = Object.freeze({}) as QueryObserverOptions<unknown, unknown, unknown>;

/**
 * @internal A new observer for `useQuery(fetcher, deps, options)`: the
 * arguments are normalized as they are, not spread into one options
 * object first (`options` an object or undefined, checked by the caller).
 */
export function observerFor<T, E, S>(client: QueryClient, fetcher: Fetcher<T>, deps: readonly unknown[], options: QueryOptions<T, E, S> | undefined): QueryObserver<T, E, S> {
  const normalized = normalizeCall(fetcher, deps, options);
  handoff = normalized as Normalized<unknown, unknown, unknown>;
  try {
    return new QueryObserver<T, E, S>(client, HANDED_OVER as QueryObserverOptions<T, E, S>);
  } finally {
    handoff = null;
  }
}

/** The state a new private entry starts with, for rendering before it exists. */
const EMPTY_STATE: QueryState<unknown, unknown> = Object.freeze(emptyQueryState<unknown, unknown>());
