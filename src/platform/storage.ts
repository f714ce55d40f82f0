import { currentRuntime, type Runtime } from "../runtime/runtime.js";
import { memoryStorage } from "./memory-storage.js";
import type { StorageBackend } from "./storage-backend.js";
import { configureBackend } from "./storage-default.js";
import { isDev } from "../core/options.js";

export type { StorageBackend } from "./storage-backend.js";
export { memoryStorage } from "./memory-storage.js";
// The host-facing half lives in storage-default.ts, so a host can install its
// default without carrying AsyncStorage; re-exported for existing importers.
export { setDefaultBackend, isStorageConfigured } from "./storage-default.js";

/**
 * Called after a change to `key` made through `AsyncStorage` has completed:
 * `value` is the new string, or `null` after `remove` / `clear`.
 */
export type StorageListener = (value: string | null, key: string) => void;

/**
 * What AsyncStorage keeps per runtime besides the backend (which is the
 * runtime's `services.storage`; whether the app chose it is kept in
 * storage-default.ts): key -> listeners. A Map, so "__proto__" and friends
 * are ordinary keys.
 */
const listenersByRuntime = new WeakMap<Runtime, Map<string, Set<StorageListener>>>();

/** @internal The storage listeners of `rt`, by key (the outbox queue listens for `clear()` here). */
export function listenersOf(rt: Runtime): Map<string, Set<StorageListener>> {
  let listeners = listenersByRuntime.get(rt);
  if (listeners === undefined) {
    listeners = new Map();
    listenersByRuntime.set(rt, listeners);
  }
  return listeners;
}

/** The backend of `rt`: memory until a host or the app picks something else. */
function backendOf(rt: Runtime): StorageBackend {
  return (rt.services.storage ??= memoryStorage());
}

/**
 * The app's key/value store (the seed's `pn.AsyncStorage`): strings under
 * string keys, every operation async. Where the strings live is the
 * configured backend — `pn.memoryStorage()` by default and in tests,
 * `fileStorage(path)` from `typenative/node`, `localStorage` on the web.
 *
 * With a persisting backend a resolved `set` is durable: a crash right after
 * it loses nothing.
 *
 * @example
 * ```ts
 * await pn.AsyncStorage.set("token", token);
 * const saved = await pn.AsyncStorage.get("token"); // string | null
 *
 * await pn.AsyncStorage.setJson("user", { id: 1, name: "Ada" });
 * const user = await pn.AsyncStorage.getJson<{ id: number; name: string }>("user");
 * ```
 */
export const AsyncStorage = {
  /** The string stored under `key`, or `null`. */
  get: getItem,

  /** Stores `value` under `key`. Rejects with `TypeError` unless both are strings. */
  set: setItem,

  /** Deletes `key`; removing a missing key is not an error. */
  remove: removeItem,

  /** Every stored key. */
  async keys(): Promise<string[]> {
    return backendOf(currentRuntime()).keys();
  },

  /** Deletes every key. */
  async clear(): Promise<void> {
    const rt = currentRuntime();
    await backendOf(rt).clear();
    // Copy the keys first: a listener may unsubscribe while we notify.
    for (const key of Array.from(listenersOf(rt).keys())) notify(rt, key, null);
  },

  /**
   * The JSON value stored under `key`, or `null` when it is missing or not
   * valid JSON (a stored `"null"` also reads as `null`). The type parameter
   * is a claim about what was stored, not a runtime check.
   */
  async getJson<T = unknown>(key: string): Promise<T | null> {
    checkKey("getJson", key);
    const text = await backendOf(currentRuntime()).get(key);
    if (text === null) return null;
    try {
      return JSON.parse(text) as T;
    } catch {
      return null;
    }
  },

  /**
   * Stores `JSON.stringify(value)` under `key`. Rejects with `TypeError` for
   * values JSON cannot represent: `undefined`, functions, symbols, `BigInt`,
   * cycles.
   */
  async setJson(key: string, value: unknown): Promise<void> {
    checkKey("setJson", key);
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch (error) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `AsyncStorage.setJson: the value for "${key}" cannot be stored as JSON: ${messageOf(error)}` : /* `AsyncStorage.setJson: not JSON: ${messageOf(error)}` */ `typenative #145: ${messageOf(error)}`, {
        cause: error,
      });
    }
    if (text === undefined) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `AsyncStorage.setJson: the value for "${key}" cannot be stored as JSON: got ${describe(value)}` : /* "AsyncStorage.setJson: not JSON" */ "typenative #146");
    }
    const rt = currentRuntime();
    await backendOf(rt).set(key, text);
    notify(rt, key, text);
  },

  /**
   * Resolves once every write the backend has accepted has reached its
   * medium (a no-op for backends without `flush`).
   */
  async flush(): Promise<void> {
    const current = backendOf(currentRuntime());
    if (current.flush !== undefined) await current.flush();
  },

  /**
   * Picks the backend. An explicit choice wins over a host's default (the
   * `TYPENATIVE_STORAGE_DIR` file of `typenative/node`), whichever runs first.
   * Writes already handed to the previous backend stay its business; call
   * `flush()` first if that matters.
   *
   * @example
   * ```ts
   * import { fileStorage } from "typenative/node";
   * pn.AsyncStorage.configure({ backend: fileStorage("./data/app-storage.json") });
   * ```
   */
  configure(options: { backend: StorageBackend }): void {
    if (typeof options !== "object" || options === null) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "AsyncStorage.configure({ backend }): options must be an object" : /* "AsyncStorage.configure({ backend }): options must be an object" */ "typenative #147");
    }
    configureBackend(options.backend, currentRuntime(), "AsyncStorage.configure");
  },

  /**
   * Calls `listener(value, key)` after every change to `key` made through
   * `AsyncStorage` completes: `set`/`setJson` pass the new string,
   * `remove`/`clear` pass `null`. The writer's own listener is called too.
   * Changes made behind AsyncStorage's back (directly on a backend, or by
   * another process) are not seen. Returns the unsubscribe function.
   * `usePersistedState` keeps components that share a key in sync with it.
   *
   * @example
   * ```ts
   * const stop = pn.AsyncStorage.subscribe("settings.theme", (value) => {
   *   console.log("theme is now", value);
   * });
   * stop();
   * ```
   */
  subscribe(key: string, listener: StorageListener): () => void {
    checkKey("subscribe", key);
    if (typeof listener !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "AsyncStorage.subscribe(key, listener): listener must be a function" : /* "AsyncStorage.subscribe: listener must be a function" */ "typenative #148");
    return subscribeIn(currentRuntime(), key, listener);
  },
};

/**
 * @internal {@link AsyncStorage.subscribe} on `rt`'s storage, without the
 * checks: for the outbox, which hears its own key on its own runtime.
 */
export function subscribeIn(rt: Runtime, key: string, listener: StorageListener): () => void {
  const listeners = listenersOf(rt);
  let set = listeners.get(key);
  if (set === undefined) {
    set = new Set();
    listeners.set(key, set);
  }
  set.add(listener);
  return () => {
    const current = listeners.get(key);
    if (current === undefined || !current.delete(listener)) return;
    if (current.size === 0) listeners.delete(key);
  };
}

/*
 * AsyncStorage's get, set and remove, also on their own: the query-cache
 * persister's default storage is these three, and an object literal's
 * methods cannot be tree-shaken one by one. Referencing `AsyncStorage`
 * would put all of it (listeners, JSON helpers, configure) in the first
 * load of every app that uses `pn.queryClient`.
 */

/** @internal `AsyncStorage.get`. */
export async function getItem(key: string): Promise<string | null> {
  checkKey("get", key);
  return backendOf(currentRuntime()).get(key);
}

/** @internal `AsyncStorage.set`. */
export function setItem(key: string, value: string): Promise<void> {
  return setItemIn(currentRuntime(), key, value);
}

/**
 * @internal `AsyncStorage.set` in `rt`: for writes made after an `await`,
 * where the current runtime is the default one, not the writer's
 * (`usePersistedState`'s queued writes).
 */
export async function setItemIn(rt: Runtime, key: string, value: string): Promise<void> {
  checkKey("set", key);
  if (typeof value !== "string") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `AsyncStorage.set: value must be a string, got ${describe(value)} (use setJson for other values)` : /* "AsyncStorage.set: value must be a string" */ "typenative #149");
  }
  await backendOf(rt).set(key, value);
  notify(rt, key, value);
}

/** @internal `AsyncStorage.remove`. */
export async function removeItem(key: string): Promise<void> {
  checkKey("remove", key);
  const rt = currentRuntime();
  await backendOf(rt).remove(key);
  notify(rt, key, null);
}

/** @internal The backend `AsyncStorage` uses right now (in `rt`, default: the current runtime). */
export function getStorageBackend(rt: Runtime = currentRuntime()): StorageBackend {
  return backendOf(rt);
}

function notify(rt: Runtime, key: string, value: string | null): void {
  const set = listenersOf(rt).get(key);
  if (set === undefined) return;
  // Iterate over a copy so a listener can unsubscribe (itself or others) safely.
  for (const listener of Array.from(set)) {
    try {
      listener(value, key);
    } catch (error) {
      // The write itself succeeded; a broken listener must not turn it into a rejection.
      rt.reportError(error, { source: "storage" });
    }
  }
}

function checkKey(method: string, key: unknown): asserts key is string {
  if (typeof key !== "string") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `AsyncStorage.${method}: key must be a string, got ${describe(key)}` : /* `AsyncStorage.${method}: key must be a string` */ `typenative #150: ${method}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
