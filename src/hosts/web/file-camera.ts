/**
 * `pn.Camera` on the web: a file input with `capture`, which opens the camera
 * on phones and a file picker on desktops. Resolves a `blob:` URI of the
 * photo (usable as an `Image` source; revoke it with `URL.revokeObjectURL`
 * when done), or `null` when the user cancels the picker.
 *
 * The browser only opens the picker from a user gesture; a call right after a
 * tap (including one awaited through `Alert.choose`) qualifies.
 */
import type { CameraService } from "../../runtime/services.js";
import type { cancellationOf as Cancellation } from "../../runtime/errors.js";

/**
 * The camera service for `doc`, with `cancellationOf` passed in rather than
 * imported (see `DialogContext` in dialog.ts for why): use
 * `createFileCamera` (camera.ts, or the lazy one `typenative/web` exports).
 */
export function createCameraService(doc: Document, cancellationOf: typeof Cancellation): CameraService {
  return {
    takePhoto({ quality, signal } = {}) {
      return pick(doc, cancellationOf, true, quality, signal);
    },
    pickFromGallery({ signal } = {}) {
      return pick(doc, cancellationOf, false, undefined, signal);
    },
  };
}

function pick(
  doc: Document,
  cancellationOf: typeof Cancellation,
  capture: boolean,
  quality: number | undefined,
  signal: AbortSignal | undefined,
): Promise<string | null> {
  if (quality !== undefined && (typeof quality !== "number" || !(quality >= 0 && quality <= 1))) {
    return Promise.reject(new TypeError(`Camera: quality must be a number from 0 to 1, got ${String(quality)}`));
  }
  if (signal?.aborted) return Promise.reject(cancellationOf(signal));
  return new Promise<string | null>((resolve, reject) => {
    const input = doc.createElement("input");
    input.type = "file";
    input.accept = "image/*";
    if (capture) input.setAttribute("capture", "environment");
    input.hidden = true;
    input.setAttribute("data-testid", "typenative-camera-input");

    const finish = (): void => {
      input.remove();
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(cancellationOf(signal!));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    input.addEventListener("cancel", () => {
      finish();
      resolve(null);
    });
    input.addEventListener("change", () => {
      finish();
      const file = input.files?.[0];
      if (file === undefined) {
        resolve(null);
        return;
      }
      encode(doc, file, quality).then((blob) => {
        // Aborted while re-encoding: the caller has moved on.
        if (signal?.aborted) reject(cancellationOf(signal));
        else resolve(URL.createObjectURL(blob));
      }, reject);
    });
    // Some browsers only open pickers for inputs in the document.
    doc.body.appendChild(input);
    input.click();
  });
}

/** The file as is, or re-encoded as JPEG at `quality` when one was asked for. */
async function encode(doc: Document, file: File, quality: number | undefined): Promise<Blob> {
  if (quality === undefined || quality === 1) return file;
  const bitmap = await createImageBitmap(file);
  const canvas = doc.createElement("canvas");
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext("2d");
  if (context === null) return file;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("Camera: could not encode the photo"))), "image/jpeg", quality);
  });
}
