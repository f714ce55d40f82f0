/**
 * The Worker side of the Worker host: the app's components, hooks and
 * runtime run here, off the page's main thread, and render into the page
 * through the bridge (`mountBridge` over the Worker's own message port).
 */
import type { Child } from "../../core/element.js";
import { messagePortTransport, mountBridge, type BridgeApp, type MountBridgeOptions, type PortLike } from "../bridge/index.js";

export interface MountWorkerOptions extends MountBridgeOptions {
  /** The port to the page. Default: the Worker's global scope (`self`). */
  port?: PortLike;
}

/**
 * Renders `element` on the page that started this Worker (which called
 * `serveWorker`). The page's alert dialogs, camera, `localStorage` and
 * animation frames serve `pn.Alert`, `pn.Camera`, `AsyncStorage` and `Animated`.
 *
 * @example
 * ```ts
 * // app.worker.ts, started by the page with new Worker(url, { type: "module" })
 * import { mountWorker } from "typenative/worker";
 * import { App } from "./App.js";
 * const app = await mountWorker(App());
 * ```
 */
export function mountWorker(element: Child, options: MountWorkerOptions = {}): Promise<BridgeApp> {
  const port = options.port ?? (globalThis as unknown as PortLike);
  if (typeof (port as { postMessage?: unknown }).postMessage !== "function") {
    throw new TypeError("mountWorker(): no port to the page; call it inside a Worker or pass { port }");
  }
  return mountBridge(element, messagePortTransport(port), options);
}
