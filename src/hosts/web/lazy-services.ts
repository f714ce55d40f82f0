/**
 * The alert dialog and the file camera as `typenative/web` exports them and
 * `mount` installs them: their code is imported on the first alert or photo,
 * then every call goes straight to it.
 *
 * This module must not import `alert-dialog.ts` or `camera.ts` statically,
 * not even to re-export them: a bundler that splits (esbuild) puts a module
 * that is both statically reachable from the entry and imported with
 * `import()` into a chunk the entry loads at once, whether or not the entry
 * uses it.
 */
import type { CameraService } from "../../runtime/services.js";
import type { DialogAlertPresenter } from "./alert-dialog.js";

/**
 * Creates the dialog presenter for `doc` (see `alert-dialog.ts`): alerts as
 * accessible modal dialogs. `mount()` installs one as `runtime.services.alert`.
 * The dialog's code and CSS load with the first alert; `dispose()` also
 * answers `null` to alerts raised while they were loading.
 *
 * @example
 * ```ts
 * pn.runtime.services.alert = createAlertPresenter(document);
 * if (await pn.Alert.confirm("Delete this item?")) await deleteItem();
 * ```
 */
export function createAlertPresenter(doc: Document = document): DialogAlertPresenter {
  let presenter: DialogAlertPresenter | null = null;
  let loading: Promise<DialogAlertPresenter> | null = null;
  // Bumped by dispose(): an alert raised before it is dismissed, not shown.
  let epoch = 0;
  return {
    present(request, signal) {
      if (presenter !== null) return presenter.present(request, signal);
      const raisedIn = epoch;
      loading ??= import("./alert-dialog.js").then((dialog) => (presenter = dialog.createAlertPresenter(doc)));
      return loading.then((loaded) => (raisedIn === epoch ? loaded.present(request, signal) : null));
    },
    dispose() {
      epoch++;
      presenter?.dispose();
    },
  };
}

/**
 * Creates the camera service for `doc` (see `camera.ts`): a file input with
 * `capture`. `mount()` installs one as `runtime.services.camera`. The
 * file-input code loads with the first photo. (The browser opens a picker
 * only within a few seconds of a user gesture; the first call waits for the
 * import, which a slow network could make outlast that.)
 *
 * @example
 * ```ts
 * const uri = await pn.Camera.takePhoto({ quality: 0.8 });
 * if (uri !== null) setPhoto(uri);
 * ```
 */
export function createFileCamera(doc: Document = document): CameraService {
  let camera: CameraService | null = null;
  let loading: Promise<CameraService> | null = null;
  const load = () => (loading ??= import("./camera.js").then((module) => (camera = module.createFileCamera(doc))));
  return {
    takePhoto: (options) => (camera !== null ? camera.takePhoto(options) : load().then((loaded) => loaded.takePhoto(options))),
    pickFromGallery: (options) => (camera !== null ? camera.pickFromGallery(options) : load().then((loaded) => loaded.pickFromGallery(options))),
  };
}
