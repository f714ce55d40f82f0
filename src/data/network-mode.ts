import type { SignalManager } from "./host-signal-manager.js";
import { isDev } from "../core/options.js";

/**
 * When a query may use the network, after TanStack Query's:
 *
 * - `"online"` (default): only while online. A fetch started offline, or a
 *   retry due while offline, pauses (`fetchStatus: "paused"`) and continues
 *   when the app is back online.
 * - `"always"`: never pauses; the online state is ignored (local data,
 *   a fetcher that reads a cache).
 * - `"offlineFirst"`: the first attempt always runs (a service worker or an
 *   HTTP cache may answer it); retries pause while offline.
 */
export type NetworkMode = "online" | "always" | "offlineFirst";

const MODES: readonly string[] = ["online", "always", "offlineFirst"];

/** Throws a `TypeError` naming `where` unless `mode` is a network mode (or undefined). */
export function checkNetworkMode(mode: unknown, where: string): NetworkMode {
  if (mode === undefined) return "online";
  if (typeof mode !== "string" || !MODES.includes(mode)) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: networkMode must be "online", "always" or "offlineFirst", got ${String(mode)}` : /* `${where}: invalid networkMode` */ `typenative #69: ${where}`);
  return mode as NetworkMode;
}

/** True when the first attempt of a fetch in `mode` has to wait for the network. */
export function pausesAtStart(mode: NetworkMode, online: SignalManager): boolean {
  return mode === "online" && !online.get();
}

/** True when a retry in `mode` has to wait for the network. */
export function pausesBeforeRetry(mode: NetworkMode, online: SignalManager): boolean {
  return mode !== "always" && !online.get();
}

/**
 * Resolves when `online` says online (at once if it does), rejects with the
 * abort reason when `signal` aborts first. Subscribes only while waiting.
 */
export function untilOnline(online: SignalManager, signal: AbortSignal): Promise<void> {
  if (online.get()) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const stop = online.subscribe((isOnline) => {
      if (!isOnline) return;
      done();
      resolve();
    }, "untilOnline");
    const onAbort = (): void => {
      done();
      reject(signal.reason);
    };
    function done(): void {
      stop();
      signal.removeEventListener("abort", onAbort);
    }
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
}
