/**
 * Platform services across the bridge: each is an implementation of the
 * interface the framework already uses (AlertPresenter, CameraService,
 * FrameSource, StorageBackend), made of service calls `{ id, service,
 * method, args }` that the host answers by id. An aborted signal cancels the
 * call on both sides: the promise rejects with `CancelledError` at once and
 * the host closes its dialog or picker.
 *
 * Each service is a small factory over a connection, so an owner (a root, a
 * runtime instance) decides where it is plugged in.
 */
import { runtime as defaultRuntime, type Runtime } from "../../runtime/runtime.js";
import { isCancellation } from "../../runtime/errors.js";
import { enterRuntime, leaveRuntime } from "../../runtime/active-runtime.js";
import type { AlertPresenter, CameraService, ColorSchemeService, FrameHandle, FrameSource, Services, HostSignal } from "../../runtime/services.js";
import type { StorageBackend } from "../../platform/storage-backend.js";
import { getStorageBackend, setDefaultBackend } from "../../platform/storage.js";
import type { Json } from "./protocol.js";
import type { BridgeConnection } from "./connection.js";

/** Alerts presented by the host (GTK dialogs, UIAlertController, AlertDialog). */
export function bridgeAlert(connection: BridgeConnection): AlertPresenter {
  return {
    async present(request, signal) {
      const result = await connection.call("alert", "present", [request as unknown as Json], signal);
      return typeof result === "number" ? result : null;
    },
  };
}

/** The host's camera or photo picker. */
export function bridgeCamera(connection: BridgeConnection): CameraService {
  return {
    async takePhoto(options) {
      const args: Json[] = options.quality === undefined ? [{}] : [{ quality: options.quality }];
      const result = await connection.call("camera", "takePhoto", args, options.signal);
      return typeof result === "string" ? result : null;
    },
    async pickFromGallery(options) {
      const result = await connection.call("camera", "pickFromGallery", [{}], options.signal);
      return typeof result === "string" ? result : null;
    },
  };
}

/**
 * Animation frames paced by the host's display (GTK's frame clock,
 * CADisplayLink, Choreographer): each request is a `frames.next` call the
 * host answers on its next frame. The callback gets the runtime loop's time.
 * A request that fails (the host disconnected, or refused it) is reported
 * and stops the animation that made it: no frame will come, and an awaited
 * animation must not hang.
 */
export function bridgeFrames(connection: BridgeConnection, runtime: Runtime = defaultRuntime): FrameSource {
  // A promise reaction runs outside any runtime: an animation's next frame
  // request (and its clock) must be this runtime's, not the default's.
  const inRuntime = (fn: () => void): void => {
    const previous = enterRuntime(runtime);
    try {
      fn();
    } finally {
      leaveRuntime(previous);
    }
  };
  return {
    requestFrame(callback, requester): FrameHandle {
      const controller = new AbortController();
      connection.call("frames", "next", [], controller.signal).then(
        () => {
          if (!controller.signal.aborted) inRuntime(() => callback(runtime.getLoop().time()));
        },
        (error: unknown) => {
          // Our own cancel: the animation ended or moved on already.
          if (isCancellation(error) || controller.signal.aborted) return;
          runtime.reportError(error, { source: "frames" });
          if (requester !== undefined) inRuntime(() => requester.stop());
        },
      );
      return { cancel: () => controller.abort() };
    },
  };
}

/** Key/value storage kept by the host (a JSON file on desktop, the app's sandbox on mobile). */
export function bridgeStorage(connection: BridgeConnection): StorageBackend {
  return {
    async get(key) {
      const value = await connection.call("storage", "get", [key]);
      return typeof value === "string" ? value : null;
    },
    async set(key, value) {
      await connection.call("storage", "set", [key, value]);
    },
    async remove(key) {
      await connection.call("storage", "remove", [key]);
    },
    async keys() {
      const keys = await connection.call("storage", "keys", []);
      return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === "string") : [];
    },
    async clear() {
      await connection.call("storage", "clear", []);
    },
    async flush() {
      await connection.call("storage", "flush", []);
    },
  };
}

/** The host's clipboard (text only). */
export interface Clipboard {
  getText(options?: { signal?: AbortSignal }): Promise<string | null>;
  setText(text: string, options?: { signal?: AbortSignal }): Promise<void>;
}

export function bridgeClipboard(connection: BridgeConnection): Clipboard {
  return {
    async getText(options = {}) {
      const text = await connection.call("clipboard", "getText", [], options.signal);
      return typeof text === "string" ? text : null;
    },
    async setText(text, options = {}) {
      await connection.call("clipboard", "setText", [text], options.signal);
    },
  };
}

/**
 * A value the host keeps and the runtime follows: asked once (`get`), then
 * one standing `changed` call the host answers on the next change. Stops
 * when the bridge closes or the host lacks the method.
 */
function followHostValue<T>(connection: BridgeConnection, service: string, initial: T, valid: (value: unknown) => value is T) {
  let current = initial;
  const listeners = new Set<() => void>();
  const set = (value: unknown): void => {
    if (!valid(value) || value === current) return;
    current = value;
    for (const listener of Array.from(listeners)) listener();
  };
  const watch = (): void => {
    if (connection.isClosed) return;
    connection.call(service, "changed", [current as Json]).then(
      (value) => {
        set(value);
        watch();
      },
      () => {},
    );
  };
  connection.call(service, "get", []).then(
    (value) => {
      set(value);
      watch();
    },
    () => {},
  );
  return {
    get: (): T => current,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * Whether the host's window is the active one (GTK's `is-active`): a signal
 * for `pn.focusManager`.
 */
export function bridgeFocus(connection: BridgeConnection): HostSignal {
  return followHostValue(connection, "focus", true, (v): v is boolean => typeof v === "boolean");
}

/** The host's light or dark appearance (GTK's theme): what `pn.useColorScheme()` reports. */
export function bridgeAppearance(connection: BridgeConnection): ColorSchemeService {
  return followHostValue<"light" | "dark">(connection, "appearance", "light", (v): v is "light" | "dark" => v === "light" || v === "dark");
}

/** Every bridged service, for the services the host said it has (the others are null). */
export interface BridgeServices {
  alert: AlertPresenter | null;
  camera: CameraService | null;
  frames: FrameSource | null;
  storage: StorageBackend | null;
  clipboard: Clipboard | null;
  focus: HostSignal | null;
  colorScheme: ColorSchemeService | null;
}

/**
 * The bridged services of `connection`. With a handshake done, only the
 * services the host announced are made; before it, all of them.
 */
export function bridgeServices(connection: BridgeConnection, runtime: Runtime = defaultRuntime): BridgeServices {
  const has = (name: string) => connection.hostInfo === null || (connection.hostInfo.services[name]?.length ?? 0) > 0;
  // Standing calls are made only to a host that said it has the service.
  const announced = (name: string) => connection.hostInfo !== null && (connection.hostInfo.services[name]?.length ?? 0) > 0;
  return {
    alert: has("alert") ? bridgeAlert(connection) : null,
    camera: has("camera") ? bridgeCamera(connection) : null,
    frames: has("frames") ? bridgeFrames(connection, runtime) : null,
    storage: has("storage") ? bridgeStorage(connection) : null,
    clipboard: has("clipboard") ? bridgeClipboard(connection) : null,
    // Only from a host that says it has it: asking starts a standing call.
    focus: announced("focus") ? bridgeFocus(connection) : null,
    colorScheme: announced("appearance") ? bridgeAppearance(connection) : null,
  };
}

/**
 * Plugs `services` into `runtime` (its services and its storage backend,
 * unless the app configured its own) and returns a function that puts back
 * what it replaced — only what is still ours.
 */
export function installBridgeServices(services: BridgeServices, runtime: Runtime): () => void {
  const slots = runtime.services as unknown as Record<string, unknown>;
  const installed: Partial<Record<keyof Services, unknown>> = {};
  const previous: Partial<Record<keyof Services, unknown>> = {};
  for (const name of ["alert", "camera", "frames", "focus", "colorScheme"] as const) {
    const service = services[name];
    if (service === null) continue;
    previous[name] = slots[name];
    installed[name] = service;
    slots[name] = service;
  }
  const previousBackend = runtime.services.storage;
  const storageInstalled = services.storage !== null && setDefaultBackend(services.storage, runtime);
  return () => {
    for (const name of Object.keys(installed) as (keyof Services)[]) {
      if (slots[name] === installed[name]) slots[name] = previous[name];
    }
    if (storageInstalled && getStorageBackend(runtime) === services.storage) runtime.services.storage = previousBackend;
  };
}
