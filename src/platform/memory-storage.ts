import type { StorageBackend } from "./storage-backend.js";
import { isDev } from "../core/options.js";

/**
 * A storage backend that keeps everything in a `Map` for the life of the
 * process: the default when nothing else is configured, and what
 * `typenative/testing` installs so tests never touch the disk.
 *
 * Keys are arbitrary strings (`"__proto__"`, `"../x"`, `""` included); a `Map`
 * means no key can reach an object prototype.
 *
 * @param initial Entries to start with (a plain object of strings).
 *
 * @example
 * ```ts
 * pn.AsyncStorage.configure({ backend: pn.memoryStorage({ token: "abc" }) });
 * await pn.AsyncStorage.get("token"); // "abc"
 * ```
 */
export function memoryStorage(initial?: Record<string, string>): StorageBackend {
  const entries = new Map<string, string>();
  if (initial !== undefined) {
    if (typeof initial !== "object" || initial === null) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "memoryStorage(initial): initial must be an object of strings" : /* "memoryStorage: initial must be an object" */ "typenative #136");
    }
    for (const key of Object.keys(initial)) {
      const value = initial[key];
      if (typeof value !== "string") {
        throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `memoryStorage(initial): the value of "${key}" must be a string, got ${typeof value}` : /* "memoryStorage: values must be strings" */ "typenative #137");
      }
      entries.set(key, value);
    }
  }

  return {
    async get(key) {
      checkKey(key);
      const value = entries.get(key);
      return value === undefined ? null : value;
    },
    async set(key, value) {
      checkKey(key);
      if (typeof value !== "string") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `memoryStorage.set: value must be a string, got ${typeof value}` : /* "memoryStorage: value must be a string" */ "typenative #138");
      entries.set(key, value);
    },
    async remove(key) {
      checkKey(key);
      entries.delete(key);
    },
    async keys() {
      return Array.from(entries.keys());
    },
    async clear() {
      entries.clear();
    },
  };
}

function checkKey(key: unknown): void {
  if (typeof key !== "string") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `memoryStorage: key must be a string, got ${typeof key}` : /* "memoryStorage: key must be a string" */ "typenative #139");
}
