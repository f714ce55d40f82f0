import { currentRuntime, type Runtime } from "../runtime/runtime.js";
import { deferred } from "../platform/deferred.js";
import { beginBatch, endBatch } from "./notify.js";
import { Query, emptyQueryState, isStale, type FetchOptions, type QueryListener, type QueryState } from "./query.js";
import type { SignalManager } from "./host-signal-manager.js";
import { onlineManagerOf } from "./online-manager.js";
import { focusManagerOf } from "./focus-manager.js";
import { unwatchSignals, watchSignals } from "./signal-watchers.js";
import { matches, normalize, normalizeCall, sameDeps, withCall, type Fetcher, type Normalized, type QueryObserverOptions, type QueryOptions } from "./query-options.js";
import { deriveResult, FORCE, IF_STALE, NONE, type FetchMode, type QueryResult, type Selection } from "./query-result.js";
import { QuerySubscribers } from "./query-subscribers.js";
import { QueryClient } from "./query-cache.js";
import type { Timers, TriggerKit, Triggers, TriggeredObserver } from "./query-triggers.js";
import { isDev } from "../core/options.js";

export type { FetchStatus } from "./query.js";
export type { QueryResult, QueryStatus } from "./query-result.js";
export type { Fetcher, QueryOptions, QueryObserverOptions } from "./query-options.js";
export type { QuerySlot } from "./query-subscribers.js";

/**
 * @internal What an observer does when time passes or the app's focus or
 * connection changes (query-triggers.ts): imported with the first signal
 * an observer hears, the first polling interval it arms or the first fresh
 * data it watches; `typenative/testing` registers it.
 */
export const queryTriggers = /* @__PURE__ */ deferred<TriggerKit, Triggers>({ currentRuntime, isStale }, () => import("./query-triggers.js"));

/**
 * Calls the trigger `name` for `observer`: at once when the code is here,
 * else once it arrives, after the triggers called before it and in the
 * runtime of the call (each trigger works out what to do from the
 * observer's state when it runs). A failed import is reported; the next
 * trigger tries again.
 */
function withTriggers<T, E>(observer: TriggeredObserver<T, E>, name: TriggerName, value: boolean): void {
  const rt = currentRuntime();
  // `use` runs a waiting call in the runtime of the call (and a call it runs
  // at once is in it already).
  const called = queryTriggers.use((code) => code[name](observer, value));
  called?.catch((error: unknown) => rt.reportError(error, { source: "query" }));
}

type TriggerName = "onOnline" | "onFocus" | "updateInterval" | "updateStaleTimer";

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
export class QueryObserver<T = unknown, E = Error, S = T> extends QuerySubscribers<S, E> implements QueryListener, TriggeredObserver<T, E> {
  readonly #client: QueryClient;
  /** @internal */
  readonly online: SignalManager;
  /** @internal */
  readonly focus: SignalManager;
  /**
   * @internal The options applied last (`applyOptions`); for a new
   * observer, those it was made with, which {@link prepare} returns until
   * the arguments change.
   */
  options: Normalized<T, E, S>;
  /** @internal The entry it watches (or will, once subscribed). */
  entry: Query<T, E>;
  /** Entry data with `dataUpdateCount <= hideBelow` predates our deps: not shown. */
  #hideBelow = -1;
  /** @internal The current result. */
  result: QueryResult<S, E>;
  /** @internal The last result `getOptimisticResult` handed out, reused when the real one catches up. */
  optimistic: QueryResult<S, E> | null = null;
  /** What {@link prepare} returned last: reused while `useQuery`'s arguments stay the same. */
  #prepared: Normalized<T, E, S> | null = null;
  /** @internal `select`'s memo (query-result.ts), made the first time one is used. */
  selection: Selection<T, S> | null = null;
  /**
   * @internal The polling and stale timers, made by the triggers
   * (query-triggers.ts), which own what is in it, the first time one is
   * armed: most observers never arm one, and each of 10,000 observers of a
   * list otherwise carried their four fields (and a number box for `staleAt`).
   */
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
    super();
    if (!(client instanceof QueryClient)) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "new QueryObserver(client, options): client must be a QueryClient" : /* "QueryObserver: client must be a QueryClient" */ "typenative #72");
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
    this.result = deriveResult(this, this.entry.state, this.#hideBelow, this.#currentFetch(), this.options, null);
  }

  /** The current result. */
  getResult(): QueryResult<S, E> {
    return this.result;
  }

  /** @internal Right after {@link optimisticResultOf}: true when those options keep the observer on its entry. */
  planKeepsEntry(): boolean {
    return this.#plannedEntry === this.entry;
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
    const result = deriveResult(this, state, this.#plannedHideBelow, this.#plannedFetch, next, this.result);
    // `deriveResult` hands back the current or the optimistic result when nothing differs.
    if (result !== this.result) this.optimistic = result;
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

  /** @internal The first subscriber came: fetch stale data, join the entry, watch the app's signals. */
  protected subscribed(): void {
    beginBatch();
    try {
      // The fetch starts before joining the entry: its "fetching" update
      // then needs no derivation here, the one below covers it.
      this.#fetchIf(this.options.enabled ? IF_STALE : NONE);
      this.entry.addObserver(this);
      watchSignals(this.online, this.focus, this);
      this.#updateInterval();
      this.updateResult();
    } finally {
      endBatch();
    }
  }

  /** @internal The last subscriber left: stop watching and leave the entry (aborting a fetch nobody else wants). */
  protected unsubscribed(): void {
    unwatchSignals(this.online, this);
    // Timers exist only once the triggers armed one: their code is here.
    if (this.timers !== null) queryTriggers.loaded()!.stop(this);
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
    const current = this.entry;
    // The key and `cacheTime` of the options applied (every commit, and a
    // render that changed nothing or only its fetcher): the entry watched
    // is the one the cache holds under that key, and has that `cacheTime`
    // at least, unless the cache dropped it meanwhile. No lookup.
    const entry =
      next.key === null ? (current.hash === null && !depsChanged ? current : null)
      : next.hash === current.hash && next.cacheTime === this.options.cacheTime && current.cached ? current
      : this.#client.build<T, E>(next.key, next.cacheTime, next.hash!);
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

  /** @internal Re-derives the result and schedules its delivery when it changed. */
  updateResult(): void {
    // `deriveResult` reuses the object a render already showed, so the component
    // can tell nothing new happened.
    const next = deriveResult(this, this.entry.state, this.#hideBelow, this.#currentFetch(), this.options, this.result);
    if (next === this.result) {
      this.#updateStaleTimer();
      return;
    }
    this.optimistic = null;
    this.result = next;
    this.#updateStaleTimer();
    this.scheduleDelivery();
  }

}

function privateEntry<T, E>(): Query<T, E> {
  return new Query<T, E>(null, null, null, Infinity);
}

/** `useQuery`'s normalized arguments on their way into the observer {@link observerFor} constructs. */
let handoff: Normalized<unknown, unknown, unknown> | null = null;

/**
 * @internal A new observer for `useQuery(fetcher, deps, options)`: the
 * arguments are normalized as they are, not spread into one options
 * object first (`options` an object or undefined, checked by the caller).
 */
export function observerFor<T, E, S>(client: QueryClient, fetcher: Fetcher<T>, deps: readonly unknown[], options: QueryOptions<T, E, S> | undefined): QueryObserver<T, E, S> {
  const normalized = normalizeCall(fetcher, deps, options);
  handoff = normalized as Normalized<unknown, unknown, unknown>;
  try {
    // The constructor takes `handoff` and ignores its argument.
    return new QueryObserver<T, E, S>(client, normalized as unknown as QueryObserverOptions<T, E, S>);
  } finally {
    handoff = null;
  }
}

/** The state a new private entry starts with, for rendering before it exists. */
const EMPTY_STATE: QueryState<unknown, unknown> = Object.freeze(emptyQueryState<unknown, unknown>());
