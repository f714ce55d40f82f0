import { currentRuntime, type Runtime } from "../runtime/runtime.js";
import { signalManagerOf, type SignalListener } from "./host-signal-manager.js";

/**
 * Whether the app is online, per runtime: the host tells (on the web,
 * `navigator.onLine` and the `online`/`offline` events, wired by
 * `typenative/web`'s `mount`), the app or a test may override. Queries
 * pause while offline and refetch on reconnect; durable mutations wait in
 * the outbox.
 *
 * Every method acts on the current runtime (a component's while it runs,
 * else `pn.runtime`).
 *
 * @example
 * ```ts
 * pn.onlineManager.setOnline(false);          // a test goes offline
 * const stop = pn.onlineManager.subscribe((online) => console.log(online ? "back" : "offline"));
 * pn.onlineManager.setOnline(undefined);      // follow the host again
 * stop();
 * ```
 */
export const onlineManager = {
  /** True unless the host (or a `setOnline(false)`) says offline. */
  isOnline(): boolean {
    return onlineManagerOf(currentRuntime()).get();
  },
  /** Overrides the host: `true`/`false`; `undefined` follows the host again. Listeners hear a change. */
  setOnline(value?: boolean): void {
    onlineManagerOf(currentRuntime()).set(value, "onlineManager.setOnline(value)");
  },
  /** Calls `listener(online)` after each change; returns the unsubscribe function. */
  subscribe(listener: SignalListener): () => void {
    return onlineManagerOf(currentRuntime()).subscribe(listener, "onlineManager.subscribe(listener)");
  },
};

/** @internal The online manager of `rt`. */
export function onlineManagerOf(rt: Runtime) {
  return signalManagerOf(rt, "online");
}
