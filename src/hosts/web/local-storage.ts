/**
 * An `AsyncStorage` backend over the browser's `localStorage`. Keys are
 * namespaced (`typenative:` by default), so `keys()` and `clear()` only see
 * and touch this app's entries, not other scripts' on the same origin.
 *
 * `localStorage` writes are synchronous and survive a reload as soon as the
 * call returns, so a resolved `set` is durable. A full quota or a storage the
 * browser refuses (private modes, sandboxed frames) rejects with the
 * browser's error.
 */
import type { StorageBackend } from "../../platform/storage-backend.js";

/**
 * The `localStorage` backend. `mount()` installs it as the default; apps may
 * pick another prefix.
 *
 * @example
 * ```ts
 * pn.AsyncStorage.configure({ backend: localStorageBackend({ prefix: "myapp:" }) });
 * ```
 */
export function localStorageBackend(options: { prefix?: string; storage?: Storage } = {}): StorageBackend {
  const prefix = options.prefix ?? "typenative:";
  if (typeof prefix !== "string") throw new TypeError("localStorageBackend({ prefix }): prefix must be a string");
  // Read at call time: touching `localStorage` can throw (e.g. in a sandboxed
  // frame), which should reject the operation, not break the import.
  const storage = (): Storage => options.storage ?? globalThis.localStorage;

  function ownKeys(): string[] {
    const s = storage();
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key !== null && key.startsWith(prefix)) keys.push(key);
    }
    return keys;
  }

  return {
    async get(key) {
      checkKey(key);
      return storage().getItem(prefix + key);
    },
    async set(key, value) {
      checkKey(key);
      if (typeof value !== "string") throw new TypeError(`localStorageBackend.set: value must be a string, got ${typeof value}`);
      storage().setItem(prefix + key, value);
    },
    async remove(key) {
      checkKey(key);
      storage().removeItem(prefix + key);
    },
    async keys() {
      return ownKeys().map((key) => key.slice(prefix.length));
    },
    async clear() {
      const s = storage();
      for (const key of ownKeys()) s.removeItem(key);
    },
  };
}

function checkKey(key: unknown): void {
  if (typeof key !== "string") throw new TypeError(`localStorageBackend: key must be a string, got ${typeof key}`);
}
