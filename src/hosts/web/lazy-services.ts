/**
 * The alert dialog, the file camera and the `localStorage` backend as
 * `typenative/web` exports them and `mount` installs them: their code is
 * imported on the first alert, photo or storage call, then every call goes
 * to it.
 *
 * This module must not import `dialog.ts`, `file-camera.ts` or
 * `local-storage.ts` statically,
 * not even to re-export them: a bundler that splits (esbuild) puts a module
 * that is both statically reachable from the entry and imported with
 * `import()` into a chunk the entry loads at once, whether or not the entry
 * uses it. For the same reason the lazy modules import no values: what they
 * need of the first chunk (`installStyles`, `cancellationOf`) is passed in,
 * so esbuild splits no shared module into a chunk of its own.
 */
import type { CameraService } from "../../runtime/services.js";
import type { StorageBackend } from "../../platform/storage-backend.js";
import type { DialogAlertPresenter } from "./dialog.js";
import { cancellationOf } from "../../runtime/errors.js";
import { installStyles } from "./base-styles.js";
import { isDev } from "../../runtime/options.js";

/**
 * Creates the dialog presenter for `doc` (see `dialog.ts`): alerts as
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
  const load = loadOnce(() => import("./dialog.js").then((dialog) => (presenter = dialog.createDialogPresenter(doc, { installStyles, cancellationOf }))));
  // Bumped by dispose(): an alert raised before it is dismissed, not shown.
  let epoch = 0;
  return {
    present(request, signal) {
      if (presenter !== null) return presenter.present(request, signal);
      const raisedIn = epoch;
      return load().then((loaded) => (raisedIn === epoch ? loaded.present(request, signal) : null));
    },
    dispose() {
      epoch++;
      presenter?.dispose();
    },
  };
}

/**
 * Creates the camera service for `doc` (see `file-camera.ts`): a file input with
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
  return forwarder(() => import("./file-camera.js").then((module) => module.createCameraService(doc, cancellationOf)), "takePhoto pickFromGallery");
}

/**
 * An `AsyncStorage` backend over the browser's `localStorage` (see
 * `local-storage.ts`). Keys are namespaced (`typenative:` by default), so
 * `keys()` and `clear()` only see and touch this app's entries. `mount()`
 * installs one as the default; apps may pick another prefix. Every method
 * is async, so the implementation loads with the first call; calls keep
 * their order.
 *
 * @example
 * ```ts
 * pn.AsyncStorage.configure({ backend: localStorageBackend({ prefix: "myapp:" }) });
 * ```
 */
export function localStorageBackend(options: { prefix?: string; storage?: Storage } = {}): StorageBackend {
  // Checked here, at the call, as before the implementation was lazy.
  if (typeof (options.prefix ?? "") !== "string") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "localStorageBackend({ prefix }): prefix must be a string" : /* "localStorageBackend({ prefix }): prefix must be a string" */ "typenative #91");
  return lazyLocalStorage(options);
}

/**
 * {@link localStorageBackend} without the check of `options`: what `mount()`
 * installs, with the default options, so an app that never calls
 * `localStorageBackend` itself does not carry the check and its message.
 *
 * @internal
 */
export function lazyLocalStorage(options: { prefix?: string; storage?: Storage } = {}): StorageBackend {
  return forwarder(() => import("./local-storage.js").then((module) => module.localStorageBackend(options)), "get set remove keys clear");
}

/**
 * An object whose `methods` (space-separated) load the implementation with
 * the first call, then call it: one body for the camera and the storage.
 * Calls go through the load's promise, so they run in call order; each
 * method returns a promise, as every method of these services does.
 *
 * @internal Exported for its test.
 */
export function forwarder<T>(load: () => Promise<T>, methods: string): T {
  const loaded = loadOnce(load);
  const out: Record<string, unknown> = {};
  for (const name of methods.split(" ")) {
    out[name] = (...args: unknown[]) => loaded().then((loaded) => (loaded as Record<string, (...a: unknown[]) => unknown>)[name]!(...args));
  }
  return out as T;
}

/**
 * `load` started by the first call and shared by the later ones. A failed
 * load is forgotten, so the next call tries again: otherwise one chunk the
 * network dropped would fail every later alert, photo and storage call for
 * the rest of the session (`lazy.ts` and the fetch body reader retry too).
 *
 * @internal Exported for its test.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      throw ((loading = null), error);
    }));
}
