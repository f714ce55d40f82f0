/**
 * The web host's code that no first screen needs, as one chunk: the DOM
 * host's rarer features — press feedback and long presses (press.ts),
 * pull-to-refresh (pull-to-refresh.ts), modal focus and Escape
 * (modal-focus.ts), `onScroll` (scroll-watch.ts), image sources (image.ts)
 * — the history's implementation (keyed-history.ts), the alert dialog
 * (dialog.ts) and the file camera (file-camera.ts). It is imported with
 * `import()` (`loadFeatures` in lazy.ts) the first time a view, a linking
 * navigation container, an alert or a photo needs any of it, so an app of
 * `Text`s and `Button`s downloads none of it.
 *
 * One chunk rather than one per feature: each `import()` site, with its
 * chunk's hashed name and its loader, is code in every app's first load;
 * eight sites cost the counter's first load about 130 bytes of gzip more
 * than one (measured). The price is paid later, and only by apps that use
 * one of them: the first brings the others' code too (about 5 KB gzipped in
 * all). The `localStorage` backend stays a chunk of its own: an app may
 * read its storage before its first render (the example restores its query
 * cache first), and that wait must not include the rest.
 *
 * Like the modules it gathers, it imports no values of the first chunk:
 * what they need of it is passed in (`FeatureContext` in flags.ts, the
 * dialog's kit, the camera's `cancellationOf`).
 */
export { setPress } from "./press.js";
export { setRefresh } from "./pull-to-refresh.js";
export { setEscape, focusNewModals, closeModalsWithin } from "./modal-focus.js";
export { ScrollWatch } from "./scroll-watch.js";
export { setImageSource } from "./image.js";
export { keyedHistory } from "./keyed-history.js";
export { createDialogPresenter } from "./dialog.js";
export { createCameraService } from "./file-camera.js";
