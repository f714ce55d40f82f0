import type { Loop } from "./loop.js";
import type { StorageBackend } from "../platform/storage-backend.js";

/** A scheduled frame; `cancel()` before it fires drops it. */
export interface FrameHandle {
  cancel(): void;
}

/**
 * Where animation frames come from. The callback receives the frame time in
 * the loop clock's milliseconds. Browser hosts use `requestAnimationFrame`;
 * elsewhere frames are loop timers at 60 Hz, which the virtual clock drives.
 *
 * `requester` is the animation asking. A source that can give no frame any
 * more (a bridged host that disconnected) calls its `stop()` instead of
 * `callback`, so the animation ends `{ finished: false }` rather than
 * waiting forever; a source that always delivers ignores it.
 */
export interface FrameSource {
  requestFrame(callback: (time: number) => void, requester?: { stop(): void }): FrameHandle;
}

/** Milliseconds between frames when frames come from loop timers. */
export const FRAME_MS = 1000 / 60;

/** Frames from the loop's own timers: virtual under `fakeClock()`, real otherwise. */
export function loopFrames(loop: Loop): FrameSource {
  return {
    requestFrame(callback) {
      return loop.callLater(FRAME_MS, () => callback(loop.time()));
    },
  };
}

/** One button of an alert as a host presents it. */
export interface AlertRequest {
  kind: "show" | "confirm" | "choose";
  title: string;
  message: string | undefined;
  /** Labels in display order. */
  buttons: string[];
  /** Labels drawn as destructive (choose only). */
  destructive: string[];
  /** The index in `buttons` that means "cancel", or -1. */
  cancelIndex: number;
}

/**
 * Presents an alert and reports the pressed button's index, or `null` for a
 * dismiss (back button, tap outside, Escape). Hosts implement this; the
 * framework turns indices into `boolean` / option / `null` results.
 */
export interface AlertPresenter {
  present(request: AlertRequest, signal?: AbortSignal): Promise<number | null>;
}

/** What a camera host can do. Resolves a path or URI, or `null` when the user cancels. */
export interface CameraService {
  takePhoto(options: { quality?: number; signal?: AbortSignal }): Promise<string | null>;
  pickFromGallery(options: { signal?: AbortSignal }): Promise<string | null>;
}

/**
 * A yes/no fact the host knows and announces changes of: whether the device
 * is online (`navigator.onLine` and `online`/`offline` events on the web),
 * whether the app has focus (`visibilitychange`). `subscribe` calls the
 * listener after each change and returns the unsubscribe function. The
 * online and focus managers (`pn.onlineManager`, `pn.focusManager`) follow
 * it unless the app (or a test) sets a value.
 */
export interface HostSignal {
  get(): boolean;
  subscribe(listener: () => void): () => void;
}

/**
 * A host's address bar and back/forward buttons (the browser's history), for
 * navigation containers with `linking`. Paths are like `/post/7`.
 */
export interface HistoryService {
  location(): string;
  push(path: string): void;
  replace(path: string): void;
  /** Back/forward moves made by the user; returns the unsubscribe. */
  subscribe(listener: (path: string) => void): () => void;
}

/** The services a host plugs into the runtime. */
export interface Services {
  frames: FrameSource;
  alert: AlertPresenter | null;
  camera: CameraService | null;
  /**
   * Where `AsyncStorage` keeps its strings; null until a host or the app
   * picks one (then memory storage is made on first use).
   */
  storage: StorageBackend | null;
  /** Whether the device is online; null: a host that cannot tell (always online). */
  online: HostSignal | null;
  /** Whether the app is focused (visible); null: a host that cannot tell (always focused). */
  focus: HostSignal | null;
  /** The host's URL history, where it has one (the web). */
  history?: HistoryService | null;
  /** Which host runs the app (`pn.Platform.OS`): `"web"`, `"gtk"`, `"test"`, ... */
  os?: string;
  /** The system's light or dark appearance (`pn.useColorScheme()`); absent: light. */
  colorScheme?: ColorSchemeService | null;
}

/** The system colour scheme, as a host reports it. */
export interface ColorSchemeService {
  get(): "light" | "dark";
  subscribe(listener: () => void): () => void;
}

/** Services of a host that brings none: loop frames, no alert UI, no camera, storage picked on first use, always online and focused. */
export function defaultServices(loop: Loop): Services {
  return { frames: loopFrames(loop), alert: null, camera: null, storage: null, online: null, focus: null };
}
