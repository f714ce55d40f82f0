/**
 * `typenative/worker`: run an app's code in a Web Worker and show it in the
 * page, over the bridge protocol (docs/bridge.md).
 *
 * - In the Worker: `mountWorker(App())` — the runtime, the components and
 *   their async work live off the main thread.
 * - In the page: `serveWorker(worker, domNode)` — the reference applier with
 *   the web host's DOM mapping, the page's dialogs, camera, `localStorage`
 *   and animation frames as services, DOM input raised back as events.
 *
 * @example
 * ```ts
 * // main.ts (the page)
 * import { serveWorker } from "typenative/worker";
 * const worker = new Worker(new URL("./app.worker.js", import.meta.url), { type: "module" });
 * serveWorker(worker, document.getElementById("root")!);
 *
 * // app.worker.ts
 * import { mountWorker } from "typenative/worker";
 * import { App } from "./App.js";
 * await mountWorker(App());
 * ```
 */
export { serveWorker, type ServeWorkerOptions, type WorkerPage, type KeystrokeLatency } from "./page.js";
export { createDomBackend, type DomBackend } from "./dom-backend.js";
export { createPageServices, type PageServices, type PageServicesOptions } from "./page-services.js";
export { mountWorker, type MountWorkerOptions } from "./worker.js";
