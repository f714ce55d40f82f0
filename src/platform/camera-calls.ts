/**
 * The body of `pn.Camera`, imported on the first call (see camera.ts): the
 * checks, the host's `CameraService` and its answer.
 */
import type { CameraService } from "../runtime/services.js";
import type { PickFromGalleryOptions, TakePhotoOptions } from "./camera.js";
import type { PlatformKit } from "./kit.js";
import { abortable } from "./abortable.js";

/** @internal Builds `Camera.takePhoto` and `Camera.pickFromGallery` on `kit`. */
export function implement(kit: PlatformKit) {
  const { currentRuntime, cancellationOf, NotSupportedError } = kit;
  // Typed explicitly: TypeScript calls an assertion function only through a declared type.
  const checkSignal: PlatformKit["checkSignal"] = kit.checkSignal;
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

  return {
    async takePhoto(options: TakePhotoOptions): Promise<string | null> {
      checkOptions("Camera.takePhoto", options);
      const { quality, signal } = options;
      if (quality !== undefined) {
        if (typeof quality !== "number") throw new TypeError(`Camera.takePhoto: quality must be a number from 0 to 1, got ${typeof quality}`);
        if (!(quality >= 0 && quality <= 1)) throw new RangeError(`Camera.takePhoto: quality must be from 0 to 1, got ${quality}`);
      }
      const service = cameraService("takePhoto");
      // Hosts see `quality` only when the caller gave one, so their own default applies.
      const start = (s: AbortSignal | undefined) => service.takePhoto(quality === undefined ? { signal: s } : { quality, signal: s });
      return checkAnswer("takePhoto", await abortable(cancellationOf, start, signal));
    },

    async pickFromGallery(options: PickFromGalleryOptions): Promise<string | null> {
      checkOptions("Camera.pickFromGallery", options);
      const service = cameraService("pickFromGallery");
      return checkAnswer("pickFromGallery", await abortable(cancellationOf, (s) => service.pickFromGallery({ signal: s }), options.signal));
    },
  };
}
