/**
 * Which storage backend a runtime uses, as far as a host needs to know:
 * install a default (`localStorage` on the web, `TYPENATIVE_STORAGE_DIR` on
 * Node) unless the app chose one with `AsyncStorage.configure`.
 *
 * Apart from `storage.ts` so that a host can install its default without
 * carrying `AsyncStorage` and the memory backend: `mount()` runs in every
 * web app, most of which never touch storage. (With code splitting, sharing
 * a module between the entry and a lazily loaded chunk — the query-cache
 * persister uses `AsyncStorage` — puts the whole module in the first load.)
 */
import type { Runtime } from "../runtime/runtime.js";
import { currentRuntime } from "../runtime/runtime.js";
import type { StorageBackend } from "./storage-backend.js";
import { isDev } from "../core/options.js";

/**
 * Runtimes whose backend `AsyncStorage.configure` (the app, or
 * `typenative/testing`) chose: a host default never overrides that,
 * whichever module runs first.
 */
const configured = new WeakSet<Runtime>();

const BACKEND_METHODS = ["get", "set", "remove", "keys", "clear"] as const;

/**
 * @internal Installs a host's default backend unless one was configured
 * explicitly. Returns whether it was installed. `typenative/node` calls it for
 * `TYPENATIVE_STORAGE_DIR` (`mount()` installs its own `localStorage` backend
 * after the same {@link isStorageConfigured} test); `typenative/testing`
 * uses `configure`, so its memory storage wins in either import order.
 */
export function setDefaultBackend(candidate: StorageBackend, rt: Runtime = currentRuntime()): boolean {
  validateBackend(candidate, "setDefaultBackend");
  if (configured.has(rt)) return false;
  rt.services.storage = candidate;
  return true;
}

/** @internal True once `AsyncStorage.configure` has chosen the backend (of `rt`). */
export function isStorageConfigured(rt: Runtime = currentRuntime()): boolean {
  return configured.has(rt);
}

/** @internal Installs the app's own choice (`AsyncStorage.configure`), which host defaults leave alone from then on. */
export function configureBackend(candidate: StorageBackend, rt: Runtime, where: string): void {
  validateBackend(candidate, where);
  rt.services.storage = candidate;
  configured.add(rt);
}

function validateBackend(candidate: unknown, where: string): asserts candidate is StorageBackend {
  if (typeof candidate !== "object" || candidate === null) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: backend must be an object with get, set, remove, keys and clear` : /* `${where}: backend must be an object` */ `typenative #142: ${where}`);
  }
  const record = candidate as Record<string, unknown>;
  for (const name of BACKEND_METHODS) {
    if (typeof record[name] !== "function") {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: backend.${name} must be a function` : /* `${where}: backend.${name} must be a function` */ `typenative #143: ${where}, ${name}`);
    }
  }
  if (record.flush !== undefined && typeof record.flush !== "function") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: backend.flush must be a function when present` : /* `${where}: backend.flush must be a function when present` */ `typenative #144: ${where}`);
  }
}
