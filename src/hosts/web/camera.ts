/**
 * `pn.Camera` on the web as a module of its own: the file input of
 * file-camera.ts, for code that imports it directly (the worker host's page
 * side, tests). `typenative/web` exports the lazy camera of
 * lazy-services.ts instead, which loads file-camera.ts on the first photo.
 */
import type { CameraService } from "../../runtime/services.js";
import { cancellationOf } from "../../runtime/errors.js";
import { createCameraService } from "./file-camera.js";

/**
 * Creates the camera service for `doc`. `mount()` installs one as
 * `runtime.services.camera`.
 *
 * @example
 * ```ts
 * const uri = await pn.Camera.takePhoto({ quality: 0.8 });
 * if (uri !== null) setPhoto(uri);
 * ```
 */
export function createFileCamera(doc: Document = document): CameraService {
  return createCameraService(doc, cancellationOf);
}
