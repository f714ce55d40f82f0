/**
 * The query-cache persister behind `queryClient.persist()`, which loads this
 * module with `import()` on its first call.
 *
 * It imports no values, only types: everything it needs from the rest of
 * typenative comes in a {@link PersisterContext}. A bundler that splits
 * (esbuild) puts a module that both the app's entry and a lazily loaded chunk
 * import into a chunk of its own, which the entry then loads at once; every
 * app's entry has the runtime, so one such import here would cost every app
 * an extra chunk (and its glue) in its first load, persisting or not.
 */
import type { TimerHandle } from "../runtime/clock.js";
import type { Runtime } from "../runtime/runtime.js";
import type { QueryClient } from "./query-cache.js";

/** Where a persisted cache lives: any object with these promise-returning methods on strings (`pn.AsyncStorage` fits). */
export interface PersistStorage {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Options of `queryClient.persist()`. */
export interface PersistOptions {
  /** Where the cache is kept. Default `pn.AsyncStorage` (its configured backend: a resolved write is durable). */
  storage?: PersistStorage;
  /** The storage key. Default `"typenative:query-cache"`. */
  key?: string;
  /** Milliseconds (wall clock) a persisted cache, and each entry in it, stays usable. Default 24 hours. */
  maxAge?: number;
  /** A version string: a cache written with another buster is dropped (change it when the data's shape changes). Default `""`. */
  buster?: string;
  /** At most one write per this many milliseconds of the loop clock. Default 1000. */
  throttle?: number;
}

/** What is stored: JSON of this shape. Times are wall-clock (`Date.now()`) milliseconds, so they survive restarts. */
interface PersistedCache {
  buster: string;
  timestamp: number;
  entries: Array<{ key: unknown[]; data: unknown; updatedAt: number }>;
}

/** @internal What `QueryClient.persist` hands {@link persistQueryClient} (see the top of this file). */
export interface PersisterContext {
  /** The caller's runtime: its loop runs the throttle and its `onError` hears failures. */
  readonly runtime: Runtime;
  /** `pn.AsyncStorage`: where the cache is kept unless `options.storage` says otherwise. */
  readonly defaultStorage: PersistStorage;
  /** durations.ts's validation of `maxAge` and `throttle`. */
  readonly checkDuration: (value: unknown, fallback: number, what: string) => number;
  /** The cache changed between `queryClient.persist()` and this call (while this module loaded): a write is due. */
  readonly changedMeanwhile: boolean;
}

const DEFAULT_KEY = "typenative:query-cache";
const DEFAULT_MAX_AGE = 24 * 60 * 60 * 1000;
const DEFAULT_THROTTLE = 1000;

/**
 * Restores `client` from `storage`, then keeps it written there, after
 * TanStack's persistQueryClient — with the restore finished before the
 * promise resolves, so nothing renders a loading state for data that is
 * on disk (TanStack #3245).
 *
 * - Only keyed entries with data are written: their key, data and when it
 *   was fetched. Errors, fetch state and private (unkeyed) entries never are.
 * - A cache older than `maxAge`, written with another `buster`, or not
 *   readable is removed from storage and nothing is restored; entries older
 *   than `maxAge` are skipped.
 * - Restored entries are stale: a component showing one shows the data at
 *   once and refetches it in the background.
 * - Writes follow data changes (a fetch landing, `setData`, entries leaving
 *   the cache), at most one per `throttle` ms of the loop clock, one at a
 *   time. A failed write is reported through `pn.runtime.onError` (source
 *   `"storage"`); the next change writes again.
 *
 * Resolves with `stop()`, which stops writing and resolves once a write
 * still due has been made.
 */
export async function persistQueryClient(client: QueryClient, options: PersistOptions = {}, context: PersisterContext): Promise<() => Promise<void>> {
  const { runtime: rt, checkDuration } = context;
  if (options === null || typeof options !== "object") throw new TypeError("queryClient.persist(options): options must be an object");
  const storage = options.storage ?? context.defaultStorage;
  for (const method of ["get", "set", "remove"] as const) {
    if (typeof storage[method] !== "function") throw new TypeError(`queryClient.persist(options): storage.${method} must be a function`);
  }
  const key = options.key ?? DEFAULT_KEY;
  if (typeof key !== "string") throw new TypeError("queryClient.persist(options): key must be a string");
  const buster = options.buster ?? "";
  if (typeof buster !== "string") throw new TypeError("queryClient.persist(options): buster must be a string");
  const maxAge = checkDuration(options.maxAge, DEFAULT_MAX_AGE, "queryClient.persist(options): maxAge");
  const throttle = checkDuration(options.throttle, DEFAULT_THROTTLE, "queryClient.persist(options): throttle");
  const loop = rt.getLoop();

  // Listen first: a change made while the stored cache is being read is written afterwards.
  let timer: TimerHandle | null = null;
  let writing: Promise<void> | null = null;
  let dirty = false;
  let stopped = false;

  const write = async (): Promise<void> => {
    dirty = false;
    const text = serialize(client, buster, maxAge, loop.time(), (error) => rt.reportError(error, { source: "query" }));
    try {
      await storage.set(key, text);
    } catch (error) {
      rt.reportError(error, { source: "storage" });
    }
  };

  const runWrite = (): void => {
    timer = null;
    writing = write().finally(() => {
      writing = null;
      // Changes made while writing go in the next write, throttled again.
      if (dirty && !stopped) schedule();
    });
  };

  function schedule(): void {
    dirty = true;
    if (timer !== null || writing !== null || stopped) return;
    timer = loop.callLater(throttle, runWrite);
  }

  const unsubscribe = client.subscribeData(schedule);
  if (context.changedMeanwhile) schedule();
  try {
    await restore(client, storage, key, buster, maxAge, loop.time());
  } catch (error) {
    // Failed: no persister runs, so the write a change already scheduled
    // must not either (it would overwrite the cache it could not read).
    stopped = true;
    unsubscribe();
    // (`timer` is set by `schedule`, which TypeScript does not see run.)
    (timer as TimerHandle | null)?.cancel();
    throw error;
  }

  return async function stop(): Promise<void> {
    if (stopped) return writing ?? undefined;
    stopped = true;
    unsubscribe();
    if (timer !== null) {
      timer.cancel();
      timer = null;
      runWrite();
    } else if (dirty && writing !== null) {
      await writing;
      runWrite();
    }
    if (writing !== null) await writing;
  };
}

async function restore(client: QueryClient, storage: PersistStorage, key: string, buster: string, maxAge: number, loopNow: number): Promise<void> {
  const text = await storage.get(key);
  if (text === null) return;
  const cache = parse(text);
  const now = Date.now();
  if (cache === null || cache.buster !== buster || !(now - cache.timestamp <= maxAge)) {
    await storage.remove(key);
    return;
  }
  for (const entry of cache.entries) {
    const age = now - entry.updatedAt;
    if (!(age <= maxAge) || !Array.isArray(entry.key)) continue;
    // Loop time of the fetch: as long ago on the loop clock as on the wall clock.
    client.restore(entry.key, entry.data, loopNow - Math.max(0, age));
  }
}

function parse(text: string): PersistedCache | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const cache = value as Partial<PersistedCache>;
  if (typeof cache.buster !== "string" || typeof cache.timestamp !== "number" || !Array.isArray(cache.entries)) return null;
  const entries = cache.entries.filter(
    (e): e is PersistedCache["entries"][number] => typeof e === "object" && e !== null && Array.isArray(e.key) && typeof e.updatedAt === "number" && "data" in e,
  );
  return { buster: cache.buster, timestamp: cache.timestamp, entries };
}

function serialize(client: QueryClient, buster: string, maxAge: number, loopNow: number, report: (error: unknown) => void): string {
  const now = Date.now();
  const entries: PersistedCache["entries"] = [];
  for (const query of client.entriesWithData()) {
    const updatedAt = now - Math.max(0, loopNow - query.state.dataUpdatedAt);
    if (query.key === null || !(now - updatedAt <= maxAge)) continue;
    entries.push({ key: query.key as unknown[], data: query.state.data, updatedAt });
  }
  const cache: PersistedCache = { buster, timestamp: now, entries };
  try {
    return JSON.stringify(cache);
  } catch {
    // Some entry's data is not JSON (a cycle, a BigInt): keep the others.
    cache.entries = entries.filter((entry) => {
      try {
        JSON.stringify(entry);
        return true;
      } catch (error) {
        report(new TypeError(`queryClient.persist(): the data of query ${JSON.stringify(entry.key)} cannot be stored as JSON; it is not persisted`, { cause: error }));
        return false;
      }
    });
    return JSON.stringify(cache);
  }
}
