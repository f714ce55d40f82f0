import { batch } from "./notify.js";
import { Query, type QueryAction, type QueryOwner, type QueryState } from "./query.js";
import { hashKey, keyStartsWith, normalizeKey, type QueryKey } from "./query-key.js";
import type { PersistOptions } from "./persist.js";
import { currentRuntime, enterRuntime, leaveRuntime } from "../runtime/runtime.js";
import { getItem, removeItem, setItem } from "../platform/storage.js";
import { checkDuration } from "./durations.js";
import { noop } from "../runtime/noop.js";

/** Five minutes: how long an entry nobody observes stays cached by default. */
export const DEFAULT_CACHE_TIME = 5 * 60 * 1000;

/** Options of a {@link QueryClient}. */
export interface QueryClientOptions {
  /** Milliseconds an unobserved entry is kept (loop clock); default 5 minutes, `Infinity` to keep forever. */
  cacheTime?: number;
}

/**
 * The query cache: one entry per key, shared by every `useQuery` (or
 * {@link QueryObserver}) that names the key. Framework-free: it knows
 * nothing of components, so scripts and tests can drive it directly.
 *
 * Each entry runs at most one fetch at a time, considers its data fresh for
 * the observers' `staleTime`, and is dropped `cacheTime` after its last
 * observer left. `pn.queryClient` is the app's instance.
 *
 * @example
 * ```ts
 * // optimistic update, then refetch from the server
 * pn.queryClient.setData(["todos"], (todos: Todo[] = []) => [...todos, draft]);
 * await api.addTodo(draft);
 * await pn.queryClient.invalidate(["todos"]);
 * ```
 */
export class QueryClient implements QueryOwner {
  readonly cacheTime: number;
  readonly #entries = new Map<string, Query<unknown, unknown>>();
  /** Hear data changes and removals (a persister). */
  private readonly dataListeners = new Set<{ listener: () => void }>();

  constructor(options: QueryClientOptions = {}) {
    this.cacheTime = checkDuration(options.cacheTime, DEFAULT_CACHE_TIME, "new QueryClient(options): cacheTime");
  }

  /** Number of cached entries. */
  get size(): number {
    return this.#entries.size;
  }

  /** The data cached under `key`, or `undefined`. */
  getData<T = unknown>(key: QueryKey): T | undefined {
    return this.#find<T>(key, "queryClient.getData(key)")?.state.data;
  }

  /** The whole state of `key`'s entry (data, error, fetching, …), or `undefined` when there is none. */
  getState<T = unknown, E = Error>(key: QueryKey): QueryState<T, E> | undefined {
    return this.#find<T, E>(key, "queryClient.getState(key)")?.state;
  }

  /**
   * Sets `key`'s data (a value, or an updater of the previous data) and shows
   * it in every observer at once — for optimistic updates. Creates the entry
   * if needed. A fetch in flight is not stopped: its result lands afterwards.
   * Returns the new data.
   */
  setData<T>(key: QueryKey, value: T | ((previous: T | undefined) => T)): T {
    const normalized = normalizeKey(key, "queryClient.setData(key, value)");
    return this.#entryFor<T, unknown>(normalized, hashKey(normalized), this.cacheTime).setData(value);
  }

  /**
   * Marks `key`'s entry stale — and, with an array key, every entry whose key
   * starts with it — and refetches those some observer is watching, with one
   * request per entry (a fetch in flight is aborted and replaced). With no
   * key, invalidates everything. Resolves when the refetches settle; never
   * rejects (failures land in the entries' `error`).
   */
  invalidate(key?: QueryKey): Promise<void> {
    const prefix = key === undefined ? null : normalizeKey(key, "queryClient.invalidate(key)");
    const pending: Array<Promise<void>> = [];
    batch(() => {
      for (const entry of Array.from(this.#entries.values())) {
        if (prefix === null || keyStartsWith(entry.key!, prefix)) pending.push(entry.invalidate());
      }
    });
    return Promise.all(pending).then(noop);
  }

  /**
   * Drops every entry: fetches in flight are aborted and gc timers
   * cancelled. Observers still watching a dropped entry keep it to
   * themselves; new ones start from scratch. Tests call this between cases.
   */
  clear(): void {
    const entries = Array.from(this.#entries.values());
    this.#entries.clear();
    batch(() => {
      for (const entry of entries) {
        entry.cached = false;
        entry.destroy();
      }
    });
    if (entries.length > 0) this.#dataChanged();
  }

  /**
   * Restores the cache from `storage` (default `pn.AsyncStorage`) and keeps
   * it written there until the returned `stop()`; see {@link PersistOptions}.
   * Resolves once the restored entries are in the cache, so a component
   * mounted afterwards renders their data on its first render. Restored
   * entries are stale: a component showing one refetches it in the background.
   *
   * @example
   * ```ts
   * const stop = await pn.queryClient.persist({ buster: "v2" });
   * mount(App(), root);    // the first render shows yesterday's posts
   * ```
   */
  persist(options?: PersistOptions): Promise<() => Promise<void>> {
    // The persister loads on the first call, so an app that never persists
    // does not carry it (a method keeps what it imports statically in every
    // bundle that uses the class). What it needs from modules the app has
    // loaded already is handed over, not imported: see persist.ts.
    const runtime = currentRuntime();
    // Heard from the call on, as when the persister was imported statically:
    // a change made while its code loads is written too.
    let changedMeanwhile = false;
    const stopListening = this.subscribeData(() => void (changedMeanwhile = true));
    // The default storage (AsyncStorage) finds its backend through the
    // current runtime when called: make that the caller's at every call,
    // since the persister reads after its import and writes from a timer.
    const inCaller = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
      const previous = enterRuntime(runtime);
      try {
        return fn(...args);
      } finally {
        leaveRuntime(previous);
      }
    };
    return import("./persist.js").then(
      (persister) => {
        stopListening();
        return persister.persistQueryClient(this, options, { runtime, defaultStorage: { get: inCaller(getItem), set: inCaller(setItem), remove: inCaller(removeItem) }, checkDuration, changedMeanwhile });
      },
      (error: unknown) => {
        stopListening();
        throw error;
      },
    );
  }

  /** @internal Calls `listener` after an entry's data changes (fetched or set) and after entries leave the cache. */
  subscribeData(listener: () => void): () => void {
    const slot = { listener };
    this.dataListeners.add(slot);
    return () => void this.dataListeners.delete(slot);
  }

  /** @internal The entries holding data, for a persister. */
  entriesWithData(): Array<Query<unknown, unknown>> {
    const out: Array<Query<unknown, unknown>> = [];
    for (const entry of this.#entries.values()) if (entry.state.hasData) out.push(entry);
    return out;
  }

  /**
   * @internal Puts persisted `data` under `key` (fetched at loop time `at`),
   * marked stale, unless the entry already has data of its own. Observers
   * watching it refetch at once.
   */
  restore(key: readonly unknown[], data: unknown, at: number): void {
    const entry = this.#entryFor<unknown, unknown>(key, hashKey(key), this.cacheTime);
    if (entry.state.hasData || entry.state.fetching) return;
    entry.dispatch({ type: "restore", data, at });
    if (entry.observerCount > 0) void entry.invalidate();
  }

  /** @internal Called by an entry after each state change. */
  onQueryChange(_query: Query<unknown, unknown>, action: QueryAction<unknown, unknown>): void {
    if (action.type === "success" || action.type === "setData") this.#dataChanged();
  }

  #dataChanged(): void {
    // Called on every fetched value: no copy to make when nobody (no persister) listens.
    if (this.dataListeners.size === 0) return;
    for (const slot of Array.from(this.dataListeners)) slot.listener();
  }

  /** @internal The entry for a normalized `key` (whose `hashKey` an observer keeps), created when missing. */
  build<T, E>(key: readonly unknown[], cacheTime: number | undefined, hash: string = hashKey(key)): Query<T, E> {
    return this.#entryFor<T, E>(key, hash, cacheTime ?? this.cacheTime);
  }

  /** @internal Called by an entry's gc timer. */
  remove(query: Query<unknown, unknown>): void {
    if (query.hash === null || this.#entries.get(query.hash) !== query) return;
    this.#entries.delete(query.hash);
    query.cached = false;
    if (query.state.hasData) this.#dataChanged();
  }

  #entryFor<T, E>(key: readonly unknown[], hash: string, cacheTime: number): Query<T, E> {
    let entry = this.#entries.get(hash) as Query<T, E> | undefined;
    if (entry === undefined) {
      entry = new Query<T, E>(this, key, hash, cacheTime);
      this.#entries.set(hash, entry as Query<unknown, unknown>);
    } else if (cacheTime > entry.cacheTime) {
      // Like TanStack's gcTime: the longest any observer asked for wins.
      entry.cacheTime = cacheTime;
    }
    return entry;
  }

  #find<T, E = unknown>(key: QueryKey, where: string): Query<T, E> | undefined {
    return this.#entries.get(hashKey(normalizeKey(key, where))) as Query<T, E> | undefined;
  }
}

export { checkDuration };

/**
 * The app's query cache, behind `useQuery(..., { key })`.
 *
 * @example
 * ```ts
 * pn.queryClient.invalidate(["user", userId]); // every UserCard of that user refetches, once
 * ```
 */
export const queryClient = new QueryClient();
