/**
 * The page side's platform services, answering the bridge's service calls
 * with the browser: alerts as the web host's accessible dialogs, the camera
 * through its file input, storage in `localStorage` (the same `typenative:`
 * keys as `typenative/web`), frames from `requestAnimationFrame`, the
 * clipboard from `navigator.clipboard`. A call the runtime cancels closes
 * the dialog, removes the picker, drops the frame request.
 */
import type { AlertRequest } from "../../runtime/services.js";
import type { StorageBackend } from "../../platform/storage-backend.js";
import type { HostCall, HostServices } from "../bridge/endpoint.js";
import type { Json } from "../bridge/protocol.js";
import { createAlertPresenter, type DialogAlertPresenter } from "../web/alert-dialog.js";
import { createFileCamera } from "../web/camera.js";
import { localStorageBackend } from "../web/local-storage.js";

/** The services plus what their owner must tear down. */
export interface PageServices {
  services: HostServices;
  /** Closes open dialogs. */
  dispose(): void;
}

export interface PageServicesOptions {
  /** Where storage lives. Default: `localStorage` under the `typenative:` prefix. */
  storage?: StorageBackend;
}

/** A signal that aborts when the runtime cancels `call`. */
function signalOf(call: HostCall): AbortSignal {
  const controller = new AbortController();
  call.onCancel(() => controller.abort());
  return controller.signal;
}

/** An object argument of a call, or an empty one. */
function options(args: Json[]): Record<string, Json> {
  const first = args[0];
  return typeof first === "object" && first !== null && !Array.isArray(first) ? first : {};
}

function stringArg(args: Json[], index: number, what: string): string {
  const value = args[index];
  if (typeof value !== "string") throw Object.assign(new TypeError(`${what} must be a string`), { code: "bad-args" });
  return value;
}

/**
 * Creates the page's services for `doc`.
 *
 * @example
 * ```ts
 * const { services } = createPageServices(document);
 * serveHost(transport, { backend, services, name: "web" });
 * ```
 */
export function createPageServices(doc: Document, opts: PageServicesOptions = {}): PageServices {
  const view = doc.defaultView as Window & typeof globalThis;
  const alert: DialogAlertPresenter = createAlertPresenter(doc);
  const camera = createFileCamera(doc);
  const storage = opts.storage ?? localStorageBackend();

  const services: HostServices = {
    alert: {
      present(args, call) {
        const request = options(args) as unknown as Partial<AlertRequest>;
        if (typeof request.title !== "string" || !Array.isArray(request.buttons)) {
          throw Object.assign(new TypeError("alert.present needs a title and buttons"), { code: "bad-args" });
        }
        return alert.present(
          {
            kind: request.kind ?? "show",
            title: request.title,
            message: typeof request.message === "string" ? request.message : undefined,
            buttons: request.buttons.map(String),
            destructive: Array.isArray(request.destructive) ? request.destructive.map(String) : [],
            cancelIndex: typeof request.cancelIndex === "number" ? request.cancelIndex : -1,
          },
          signalOf(call),
        );
      },
    },
    camera: {
      takePhoto(args, call) {
        const quality = options(args).quality;
        return camera.takePhoto({ signal: signalOf(call), ...(typeof quality === "number" ? { quality } : {}) });
      },
      pickFromGallery(_args, call) {
        return camera.pickFromGallery({ signal: signalOf(call) });
      },
    },
    storage: {
      get: (args) => storage.get(stringArg(args, 0, "storage.get: key")),
      set: async (args) => {
        await storage.set(stringArg(args, 0, "storage.set: key"), stringArg(args, 1, "storage.set: value"));
        return null;
      },
      remove: async (args) => {
        await storage.remove(stringArg(args, 0, "storage.remove: key"));
        return null;
      },
      keys: () => storage.keys(),
      clear: async () => {
        await storage.clear();
        return null;
      },
      // localStorage writes are durable when they return.
      flush: () => null,
    },
    frames: {
      next(_args, call) {
        return new Promise<null>((resolve) => {
          // Hidden tabs get no animation frames: fall back to 60 Hz timers so awaited animations finish.
          if (doc.visibilityState === "hidden") {
            const timer = view.setTimeout(() => resolve(null), 1000 / 60);
            call.onCancel(() => view.clearTimeout(timer));
          } else {
            const id = view.requestAnimationFrame(() => resolve(null));
            call.onCancel(() => view.cancelAnimationFrame(id));
          }
        });
      },
    },
    clipboard: {
      async getText() {
        const text = await view.navigator.clipboard?.readText();
        return typeof text === "string" ? text : null;
      },
      async setText(args) {
        await view.navigator.clipboard.writeText(stringArg(args, 0, "clipboard.setText: text"));
        return null;
      },
    },
  };
  return { services, dispose: () => alert.dispose() };
}
