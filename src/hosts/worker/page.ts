/**
 * The page side of the Worker host: serves the bridge protocol to an app
 * running in a Web Worker, with the DOM as the widgets.
 *
 * The protocol logic is the reference endpoint and applier, the same files
 * the GTK host runs in GJS; only the backend (the web host's DOM mapping)
 * and the services (dialogs, file input, `localStorage`, animation frames)
 * are the browser's.
 */
import { messagePortTransport, serveHost, type HostEndpoint, type PortLike, type Transport } from "../bridge/index.js";
import type { Json, ProtocolError } from "../bridge/protocol.js";
import type { StorageBackend } from "../../platform/storage-backend.js";
import { createDomBackend } from "./dom-backend.js";
import { createPageServices } from "./page-services.js";

export interface ServeWorkerOptions {
  /** The host's name in the handshake, which is the app's `pn.Platform.OS`. Default "web" (as under `typenative/web`). */
  name?: string;
  /** Where `AsyncStorage` lives. Default: `localStorage` under the `typenative:` prefix (as `typenative/web`). */
  storage?: StorageBackend;
  /** Protocol problems (a rejected commit, an unknown message). Default: `console.error`. */
  onError?: (error: ProtocolError) => void;
}

/** One keystroke's way to the screen, measured on the page. */
export interface KeystrokeLatency {
  revision: number;
  /** From the DOM `input` event to the frame that showed the commit answering it. */
  keystrokeToPaintMs: number;
  /** From that commit's arrival to the frame. */
  commitToPaintMs: number;
}

/** A page serving a Worker's app. */
export interface WorkerPage {
  readonly endpoint: HostEndpoint<Node>;
  readonly transport: Transport;
  /** Keystroke-to-frame latencies measured so far (the last 100). */
  readonly latencies: readonly KeystrokeLatency[];
  /** Stops listening, closes dialogs and empties the container. `terminate()`s a Worker. */
  close(): void;
}

/**
 * Serves the app in `worker` (a `Worker`, or a `MessagePort` whose other end
 * the app's `mountWorker` uses) into `container`: its children are replaced
 * by the app's views.
 *
 * @example
 * ```ts
 * // page.ts
 * import { serveWorker } from "typenative/worker";
 * serveWorker(new Worker(new URL("./app.worker.js", import.meta.url), { type: "module" }), document.getElementById("root")!);
 * // app.worker.ts
 * import { mountWorker } from "typenative/worker";
 * await mountWorker(App());
 * ```
 */
export function serveWorker(worker: PortLike, container: Element, options: ServeWorkerOptions = {}): WorkerPage {
  const doc = container.ownerDocument;
  const view = doc.defaultView as Window & typeof globalThis;
  const backend = createDomBackend(container);
  const page = createPageServices(doc, options.storage === undefined ? {} : { storage: options.storage });
  const transport = messagePortTransport(worker);
  const onError = options.onError ?? ((error: ProtocolError) => console.error(`[typenative worker host] ${error.code}: ${error.message}`));
  const endpoint = serveHost<Node>(transport, { name: options.name ?? "web", backend, services: page.services, onError });
  const stopListening = backend.listen(endpoint);

  // Keystroke latency, as the GTK host measures it: when the commit carrying
  // the answer to an edit is applied, wait for the frame that paints it.
  const latencies: KeystrokeLatency[] = [];
  const editTimes = new Map<string, number>();
  const userEdited = endpoint.userEdited.bind(endpoint);
  endpoint.userEdited = (tag, text) => {
    const edit = userEdited(tag, text);
    if (edit > 0) editTimes.set(`${tag}:${edit}`, performance.now());
    return edit;
  };
  transport.onMessage((message) => {
    const received = performance.now();
    let editTime: number | null = null;
    const commit = message as { type?: unknown; revision?: unknown; ops?: unknown };
    if (commit !== null && typeof commit === "object" && commit.type === "commit" && Array.isArray(commit.ops)) {
      for (const op of commit.ops as { op?: unknown; tag?: unknown; edit?: unknown }[]) {
        if (op?.op !== "update" || typeof op.edit !== "number") continue;
        const key = `${op.tag}:${op.edit}`;
        const time = editTimes.get(key);
        if (time !== undefined) {
          editTime = time;
          editTimes.delete(key);
        }
      }
    }
    endpoint.receive(message);
    if (editTime !== null && typeof commit.revision === "number") {
      const revision = commit.revision;
      const start = editTime;
      // The frame callback runs before the paint; a task queued from it runs after.
      view.requestAnimationFrame(() =>
        view.setTimeout(() => {
          const now = performance.now();
          const latency = { revision, keystrokeToPaintMs: now - start, commitToPaintMs: now - received };
          latencies.push(latency);
          if (latencies.length > 100) latencies.shift();
          endpoint.presented(revision, latency as unknown as Record<string, Json>);
        }, 0),
      );
    }
  });

  // A Worker that fails to load or throws outside the runtime shows up here.
  const onWorkerError = (event: Event): void => {
    const message = (event as ErrorEvent).message;
    console.error(`[typenative worker host] the worker failed${message ? `: ${message}` : ""}`);
  };
  const target = worker as Partial<EventTarget>;
  target.addEventListener?.("error", onWorkerError);

  let closed = false;
  return {
    endpoint,
    transport,
    latencies,
    close() {
      if (closed) return;
      closed = true;
      target.removeEventListener?.("error", onWorkerError);
      stopListening();
      page.dispose();
      transport.close();
      (worker as { terminate?(): void }).terminate?.();
      container.replaceChildren();
    },
  };
}
