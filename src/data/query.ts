import type { TimerHandle } from "../runtime/clock.js";
import type { Loop } from "../runtime/loop.js";
import { isCancellation } from "../runtime/errors.js";
import { currentRuntime } from "../runtime/runtime.js";
import { startTask, type Task, type TaskObserver } from "../runtime/task.js";
import type { Scope } from "../runtime/scope.js";
import type { SignalManager } from "./host-signal-manager.js";
import { beginBatch, endBatch } from "./notify.js";
import { Roster } from "./query-roster.js";
import { withRetry, type RetryOption, type RetryPolicy } from "./retry.js";
import { onlineManagerOf } from "./online-manager.js";
import { pausesAtStart, pausesBeforeRetry, untilOnline, type NetworkMode } from "./network-mode.js";

/** `"fetching"` while a fetch runs, `"paused"` while it waits for the network, else `"idle"`. */
export type FetchStatus = "fetching" | "paused" | "idle";

/** What a query entry holds. Replaced, never mutated: every change goes through {@link reduceQuery}. */
export interface QueryState<T = unknown, E = Error> {
  readonly data: T | undefined;
  /** True once the entry holds a value (fetched or set). */
  readonly hasData: boolean;
  /** Loop time of the last fetched or set value; `-Infinity` for none. */
  readonly dataUpdatedAt: number;
  /** Bumped on every fetched or set value, so observers can tell old data from new. */
  readonly dataUpdateCount: number;
  /** The last fetch's failure; cleared when a fetch starts or data is set. */
  readonly error: E | null;
  /** Failed attempts of the fetch in flight (retries), or of the last fetch. */
  readonly failureCount: number;
  /** True while a fetch is under way, running or paused. */
  readonly fetching: boolean;
  /** Whether the fetch under way runs or waits for the network (see `networkMode`). */
  readonly fetchStatus: FetchStatus;
  /** Set by `invalidate()`: the data is stale whatever the `staleTime`. */
  readonly invalidated: boolean;
}

/** Every way a query entry's state can change. */
export type QueryAction<T, E> =
  | { type: "fetch"; paused?: boolean }
  | { type: "pause" }
  | { type: "continue" }
  | { type: "failed"; failureCount: number }
  | { type: "success"; data: T; at: number }
  | { type: "error"; error: E }
  | { type: "cancel" }
  | { type: "setData"; data: T; at: number }
  | { type: "invalidate" }
  /** Data from a persisted cache: shown at once, stale (so it refetches). */
  | { type: "restore"; data: T; at: number };

/** The only place a query state changes. Pure: the same state and action give the same result. */
export function reduceQuery<T, E>(state: QueryState<T, E>, action: QueryAction<T, E>): QueryState<T, E> {
  switch (action.type) {
    case "fetch":
      // While refetching the last data stays and the old error clears.
      return { ...state, fetching: true, fetchStatus: action.paused === true ? "paused" : "fetching", error: null, failureCount: 0 };
    case "pause":
      return state.fetching && state.fetchStatus !== "paused" ? { ...state, fetchStatus: "paused" } : state;
    case "continue":
      return state.fetching && state.fetchStatus !== "fetching" ? { ...state, fetchStatus: "fetching" } : state;
    case "failed":
      return { ...state, failureCount: action.failureCount };
    case "success":
      return {
        data: action.data,
        hasData: true,
        dataUpdatedAt: action.at,
        dataUpdateCount: state.dataUpdateCount + 1,
        error: null,
        failureCount: 0,
        fetching: false,
        fetchStatus: "idle",
        invalidated: false,
      };
    case "error":
      // A failure keeps the last data.
      return { ...state, error: action.error, failureCount: state.failureCount + 1, fetching: false, fetchStatus: "idle" };
    case "cancel":
      return { ...state, fetching: false, fetchStatus: "idle" };
    case "setData":
      return { ...state, data: action.data, hasData: true, dataUpdatedAt: action.at, dataUpdateCount: state.dataUpdateCount + 1, error: null, invalidated: false };
    case "invalidate":
      return state.invalidated ? state : { ...state, invalidated: true };
    case "restore":
      return { ...state, data: action.data, hasData: true, dataUpdatedAt: action.at, dataUpdateCount: state.dataUpdateCount + 1, error: null, invalidated: true };
  }
}

/**
 * The state of a new entry: empty. `initialData` is not stored here: it is
 * each observer's fallback, so two components naming one key with different
 * `initialData` never fight over the entry.
 */
export function emptyQueryState<T, E>(): QueryState<T, E> {
  return {
    data: undefined,
    hasData: false,
    dataUpdatedAt: -Infinity,
    dataUpdateCount: 0,
    error: null,
    failureCount: 0,
    fetching: false,
    fetchStatus: "idle",
    invalidated: false,
  };
}

/** True when `state` should be fetched again for an observer with this `staleTime`. */
export function isStale(state: QueryState<unknown, unknown>, staleTime: number): boolean {
  // No data is always stale (its time is -Infinity); a new entry needs no
  // clock read, and neither do the default `staleTime` of 0 (stale at once)
  // and `Infinity` (never stale by age): most derivations read no clock.
  if (!state.hasData || staleTime === 0 || state.invalidated || state.error !== null) return true;
  return staleTime !== Infinity && currentRuntime().getLoop().time() - state.dataUpdatedAt >= staleTime;
}

/** What runs a fetch: the fetcher and its retry policy. */
export interface FetchOptions<T, E = Error> extends RetryPolicy<E> {
  fetcher: (signal: AbortSignal) => T | PromiseLike<T>;
  /** When the fetch may use the network; default `"online"`. */
  networkMode?: NetworkMode;
}

/** What a query entry needs from the observers watching it. */
export interface QueryListener {
  /** @internal Where the entry keeps this observer (see {@link Roster}); -1 while it watches none. */
  entrySlot: number;
  /** Called (inside a notify batch) after every state change. */
  onQueryUpdate(): void;
  /** How this observer would fetch the entry, or `null` while it is disabled. */
  fetchOptions(): FetchOptions<unknown, unknown> | null;
}

/** What a query entry needs from its cache. */
export interface QueryOwner {
  remove(query: Query<unknown, unknown>): void;
  /** Hears every state change of its entries (a persister writes on it). */
  onQueryChange?(query: Query<unknown, unknown>, action: QueryAction<unknown, unknown>): void;
}

/**
 * One cache entry: its state, the observers watching it, and at most one
 * fetch in flight. Fetches are tasks of the app scope, because one entry may
 * serve several components; when the last observer leaves, the fetch in
 * flight is cancelled, so nothing outlives the components that wanted it.
 * Entries nobody observes are removed from their cache after `cacheTime` of
 * the loop's clock.
 */
export class Query<T = unknown, E = Error> implements TaskObserver {
  state: QueryState<T, E>;
  readonly #observers = new Roster<"entrySlot", QueryListener>("entrySlot");
  #task: Task<T> | null = null;
  /** Resolves when the entry stops fetching; shared by every caller while one fetch supersedes another. */
  #idle: { promise: Promise<void>; resolve: () => void } | null = null;
  #gcTimer: TimerHandle | null = null;
  /**
   * @internal False once its cache dropped it (its gc timer fired, or
   * `clear()`): an observer holding it must build its key's entry anew.
   */
  cached = true;

  /**
   * @param owner The cache holding the entry, `null` for an observer's private entry.
   * @param key The normalized key, `null` for a private entry.
   * @param hash The key's hash, `null` for a private entry.
   */
  constructor(
    readonly owner: QueryOwner | null,
    readonly key: readonly unknown[] | null,
    readonly hash: string | null,
    public cacheTime: number,
  ) {
    this.state = emptyQueryState<T, E>();
    // A new entry nobody observes yet (built by a render that never commits,
    // or by setData) must still go away. Its gc timer waits for the effects
    // of the render that built it, where its first observer subscribes:
    // otherwise every new entry would arm a timer only to cancel it at once.
    if (owner !== null && Number.isFinite(cacheTime)) checkWhenSettled(this as Query<unknown, unknown>);
  }

  /** @internal Starts the gc countdown of an entry that is still unobserved once its render's effects ran. */
  gcIfUnobserved(): void {
    if (this.#observers.size === 0 && this.#gcTimer === null) this.#scheduleGc();
  }

  /** Applies `action` and notifies the observers in one batch; they may unsubscribe meanwhile. */
  dispatch(action: QueryAction<T, E>): void {
    this.state = reduceQuery(this.state, action);
    this.owner?.onQueryChange?.(this as Query<unknown, unknown>, action as QueryAction<unknown, unknown>);
    const observers = this.#observers;
    // Nobody to tell: no batch (an outermost batch with nothing scheduled delivers nothing).
    if (observers.size === 0) return;
    beginBatch();
    try {
      // Observers only derive here and their listeners run when the batch
      // ends, so none should join or leave during this walk (no copy of
      // 10,000 observers either way).
      observers.each(updateObserver);
    } finally {
      endBatch();
    }
  }

  get observerCount(): number {
    return this.#observers.size;
  }

  addObserver(observer: QueryListener): void {
    this.#observers.add(observer);
    if (this.#gcTimer !== null) this.#clearGc();
  }

  /** The last observer leaving cancels the fetch in flight and starts the gc countdown. */
  removeObserver(observer: QueryListener): void {
    if (!this.#observers.delete(observer) || this.#observers.size > 0) return;
    this.cancel();
    this.#scheduleGc();
  }

  /**
   * Fetches with `options`. With a fetch in flight, returns its promise
   * (one request per entry) unless `cancelRefetch` is set: then the fetch in
   * flight is aborted before the new one starts, and its result dropped.
   * The promise resolves when the entry stops fetching and never rejects:
   * the outcome is in {@link Query.state}.
   */
  fetch(options: FetchOptions<T, E>, cancelRefetch: boolean): Promise<void> {
    this.start(options, cancelRefetch);
    // `start` leaves a task in flight (its outcome always lands later), so
    // the promise made here resolves in `finish`.
    return (this.#idle ??= deferred()).promise;
  }

  /**
   * @internal {@link fetch} for callers that drop the promise (an observer's
   * triggers): no promise is made for them.
   */
  start(options: FetchOptions<T, E>, cancelRefetch: boolean): void {
    const running = this.#task;
    if (running !== null) {
      if (!cancelRefetch) return;
      this.#task = null;
      running.cancel("superseded by a newer fetch");
    }
    const rt = currentRuntime();
    const online = onlineManagerOf(rt);
    const mode = options.networkMode ?? "online";
    const paused = pausesAtStart(mode, online);
    this.dispatch({ type: "fetch", paused });
    // Without retries and with the network there, a fetch is one call of
    // the fetcher in a task of the app scope: no retry loop, no async
    // wrapper, no promise to hear the outcome (the task tells `onTaskSettled`).
    // The task still owns the fetch: its signal aborts on cancel, and a
    // superseded or cancelled task's outcome is dropped there.
    const task = paused || mayRetry(options.retry) ? this.#startRetrying(rt.appScope, online, mode, paused, options) : startTask(rt.appScope, options.fetcher);
    // Set after the fact: the outcome always lands later, even for a task
    // that settled at once (a synchronous fetcher, a closed app scope).
    this.#task = task;
    task.observe(this);
  }

  /** @internal The current fetch settled: only it may publish; a superseded or cancelled one finds `this.#task` changed. */
  onTaskSettled(task: Task<unknown>, fulfilled: boolean, result: unknown): void {
    if (this.#task !== task) return;
    if (fulfilled) this.#finish({ type: "success", data: result as T, at: currentRuntime().getLoop().time() });
    else this.#finish(isCancellation(result) ? { type: "cancel" } : { type: "error", error: result as E });
  }

  /** A fetch that may wait for the network (offline) or retry: the fetcher runs inside {@link withRetry}. */
  #startRetrying(scope: Scope, online: SignalManager, mode: NetworkMode, paused: boolean, options: FetchOptions<T, E>): Task<T> {
    // Offline, a fetch (or a retry) waits for the network inside its task:
    // cancelling it, or the last observer leaving, ends the wait.
    const waitForNetwork = async (signal: AbortSignal): Promise<void> => {
      if (this.#task === task) this.dispatch({ type: "pause" });
      await untilOnline(online, signal);
      if (this.#task === task) this.dispatch({ type: "continue" });
    };
    const task: Task<T> = startTask(scope, async (signal) => {
      if (paused) {
        // Already "paused" by the fetch action (and `task` is not assigned
        // until this synchronous part returns).
        await untilOnline(online, signal);
        if (this.#task === task) this.dispatch({ type: "continue" });
      }
      return withRetry<T, E>(
        options.fetcher,
        signal,
        options,
        (failureCount) => {
          if (this.#task === task) this.dispatch({ type: "failed", failureCount });
        },
        () => (pausesBeforeRetry(mode, online) ? waitForNetwork(signal) : undefined),
      );
    });
    return task;
  }

  /** Cancels the fetch in flight, if any; the data stays as it was. */
  cancel(): void {
    const running = this.#task;
    if (running === null) return;
    this.#task = null;
    running.cancel("no observer is left");
    this.#finish({ type: "cancel" });
  }

  /** Marks the data stale and refetches it for the observers that are enabled (aborting a fetch in flight). */
  invalidate(): Promise<void> {
    this.dispatch({ type: "invalidate" });
    const items = this.#observers.items;
    for (let i = 0; i < items.length; i++) {
      const options = items[i]?.fetchOptions() ?? null;
      if (options !== null) return this.fetch(options as FetchOptions<T, E>, true);
    }
    return Promise.resolve();
  }

  /** Sets the data (a value or an updater of the previous data); a fetch in flight still lands afterwards. */
  setData(value: T | ((previous: T | undefined) => T)): T {
    const data = typeof value === "function" ? (value as (previous: T | undefined) => T)(this.state.data) : value;
    this.dispatch({ type: "setData", data, at: currentRuntime().getLoop().time() });
    return data;
  }

  /** Cancels everything the entry has going: for `clear()`. */
  destroy(): void {
    this.#clearGc();
    this.cancel();
  }

  #finish(action: QueryAction<T, E>): void {
    this.#task = null;
    this.dispatch(action);
    const idle = this.#idle;
    this.#idle = null;
    idle?.resolve();
  }

  #scheduleGc(): void {
    this.#clearGc();
    const owner = this.owner;
    if (owner === null || !Number.isFinite(this.cacheTime)) return;
    this.#gcTimer = currentRuntime().getLoop().callLater(this.cacheTime, () => {
      this.#gcTimer = null;
      if (this.#observers.size === 0 && this.#task === null) owner.remove(this as Query<unknown, unknown>);
    }, { keepAlive: false });
  }

  #clearGc(): void {
    if (this.#gcTimer === null) return;
    this.#gcTimer.cancel();
    this.#gcTimer = null;
  }
}

function updateObserver(observer: QueryListener): void {
  observer.onQueryUpdate();
}

/** New entries waiting for their check, per loop: one loop job checks a whole render's worth. */
const newEntries = new WeakMap<Loop, Array<Query<unknown, unknown>>>();

function checkWhenSettled(query: Query<unknown, unknown>): void {
  const loop = currentRuntime().getLoop();
  let entries = newEntries.get(loop);
  if (entries === undefined) {
    const list: Array<Query<unknown, unknown>> = [];
    newEntries.set(loop, (entries = list));
    // Two hops: the commit of the render building the entry queues its
    // passive effects (where observers subscribe) after the first.
    loop.callSoon(() =>
      loop.callSoon(() => {
        if (newEntries.get(loop) === list) newEntries.delete(loop);
        for (let i = 0; i < list.length; i++) list[i]!.gcIfUnobserved();
      }),
    );
  }
  entries.push(query);
}

/** True unless `retry` is off (the default): `false`, `0` or absent. */
function mayRetry(retry: RetryOption<never> | undefined): boolean {
  return retry !== undefined && retry !== false && retry !== 0;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
