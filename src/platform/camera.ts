/**
 * `pn.Camera`: photos from the host's camera or gallery, through the
 * `CameraService` a host plugs into `runtime.services.camera`.
 */
import { currentRuntime } from "../runtime/runtime.js";
import type { CameraService } from "../runtime/services.js";
import { abortable, checkSignal } from "./abortable.js";
import { NotSupportedError } from "./errors.js";

/** Options of {@link Camera.takePhoto}. */
export interface TakePhotoOptions {
  /** JPEG quality from 0 to 1, a hint the host may ignore. */
  quality?: number;
  /** Aborting closes the camera and rejects with `CancelledError`. */
  signal?: AbortSignal;
}

/** Options of {@link Camera.pickFromGallery}. */
export interface PickFromGalleryOptions {
  /** Aborting closes the picker and rejects with `CancelledError`. */
  signal?: AbortSignal;
}

/**
 * The device camera and photo gallery (the seed's `pn.Camera`). Both calls
 * resolve a path or URI of the image — a `blob:` URI on the web — or `null`
 * when the user backs out.
 *
 * A host without a camera (Node scripts, a bare runtime) rejects with
 * `NotSupportedError`; `typenative/testing` installs a camera that tests
 * answer through its `camera` driver.
 *
 * @example
 * ```ts
 * const source = await pn.Alert.choose("Photo source", ["Camera", "Gallery"]);
 * const path =
 *   source === "Camera" ? await pn.Camera.takePhoto({ quality: 0.8 }) :
 *   source === "Gallery" ? await pn.Camera.pickFromGallery() :
 *   null;
 * if (path !== null) setPhoto(path);
 * ```
 */
export const Camera = {
  /**
   * Opens the camera. Resolves the photo's path or URI, `null` when the user
   * cancels. Rejects with `TypeError`/`RangeError` for a bad `quality`,
   * `NotSupportedError` without a camera, `CancelledError` when `signal` aborts.
   */
  async takePhoto(options: TakePhotoOptions = {}): Promise<string | null> {
    checkOptions("Camera.takePhoto", options);
    const { quality, signal } = options;
    if (quality !== undefined) {
      if (typeof quality !== "number") throw new TypeError(`Camera.takePhoto: quality must be a number from 0 to 1, got ${typeof quality}`);
      if (!(quality >= 0 && quality <= 1)) throw new RangeError(`Camera.takePhoto: quality must be from 0 to 1, got ${quality}`);
    }
    const service = cameraService("takePhoto");
    // Hosts see `quality` only when the caller gave one, so their own default applies.
    const start = (s: AbortSignal | undefined) => service.takePhoto(quality === undefined ? { signal: s } : { quality, signal: s });
    return checkAnswer("takePhoto", await abortable(start, signal));
  },

  /**
   * Opens the photo gallery. Resolves the chosen image's path or URI, `null`
   * when the user cancels. Rejects with `NotSupportedError` without a camera
   * service, `CancelledError` when `signal` aborts.
   */
  async pickFromGallery(options: PickFromGalleryOptions = {}): Promise<string | null> {
    checkOptions("Camera.pickFromGallery", options);
    const service = cameraService("pickFromGallery");
    return checkAnswer("pickFromGallery", await abortable((s) => service.pickFromGallery({ signal: s }), options.signal));
  },
};

function cameraService(method: string): CameraService {
  const service = currentRuntime().services.camera;
  if (service === null || service === undefined) {
    throw new NotSupportedError(
      "camera",
      `Camera.${method}(): this host has no camera (currentRuntime().services.camera is null). ` +
        "The web host uses a file input, typenative/testing a programmable fake; on other hosts, install a CameraService.",
    );
  }
  return service;
}

function checkOptions(where: string, options: unknown): asserts options is { signal?: AbortSignal } {
  if (typeof options !== "object" || options === null) throw new TypeError(`${where}(options): options must be an object`);
  checkSignal(where, (options as { signal?: unknown }).signal);
}

function checkAnswer(method: string, answer: unknown): string | null {
  if (answer === null || typeof answer === "string") return answer;
  throw new Error(`The camera service answered ${typeof answer} to ${method}(); it must answer a path/URI string or null`);
}
