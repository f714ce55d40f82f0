/**
 * `pn.Camera`: photos from the host's camera or gallery, through the
 * `CameraService` a host plugs into `runtime.services.camera`.
 *
 * Both calls are async and run when the user asks for a photo, never at
 * start-up, so their body (`camera-calls.ts`) is imported on the first
 * call: a bundler that splits keeps it out of the page's first download.
 * An argument error is a rejection either way, so nothing a caller sees
 * changes; `typenative/testing` registers the body up front.
 */
import { deferredCalls } from "./kit.js";

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
/** @internal The calls behind {@link Camera}, imported on first use. */
export const cameraCalls = /* @__PURE__ */ deferredCalls(() => import("./camera-calls.js"));

export const Camera = {
  /**
   * Opens the camera. Resolves the photo's path or URI, `null` when the user
   * cancels. Rejects with `TypeError`/`RangeError` for a bad `quality`,
   * `NotSupportedError` without a camera, `CancelledError` when `signal` aborts.
   */
  async takePhoto(options: TakePhotoOptions = {}): Promise<string | null> {
    return cameraCalls.use((calls) => calls.takePhoto(options));
  },

  /**
   * Opens the photo gallery. Resolves the chosen image's path or URI, `null`
   * when the user cancels. Rejects with `NotSupportedError` without a camera
   * service, `CancelledError` when `signal` aborts.
   */
  async pickFromGallery(options: PickFromGalleryOptions = {}): Promise<string | null> {
    return cameraCalls.use((calls) => calls.pickFromGallery(options));
  },
};
