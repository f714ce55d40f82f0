/**
 * The DOM host's features that few views use, as one chunk: press feedback
 * and long presses (press.ts), pull-to-refresh (pull-to-refresh.ts), modal
 * focus and Escape (modal-focus.ts), `onScroll` (scroll-watch.ts) and image
 * sources (image.ts). The DOM host imports this module with `import()` the
 * first time a view needs any of them (lazy.ts), so an app of `Text`s and
 * `Button`s downloads none of it. The alert dialog (dialog.ts) imports it
 * with its first alert, for the back button's part (modal-focus.ts).
 *
 * One chunk rather than one per feature: each `import()` site, with its
 * chunk's name and its loader, is code in every app's first load, and five
 * sites cost the counter's first load about 80 bytes of gzip more than one
 * (measured). The price is paid later and only by apps that use a feature:
 * the first one brings the others' code too (about 2.4 KB gzipped in all).
 *
 * Like the modules it gathers, it imports no values of the first chunk:
 * what they need of the host is passed in (`FeatureContext` in flags.ts).
 */
export { setPress } from "./press.js";
export { setRefresh } from "./pull-to-refresh.js";
export { setEscape, focusNewModals, closeModalsWithin } from "./modal-focus.js";
// The alert dialog's part in the back button (dialog.ts imports this chunk for it).
export { openOverlay, closeOverlay } from "./modal-focus.js";
// Each prop's setter under the prop's name (all take `el, on, context, props`),
// so the DOM host has one call for the five props instead of one per feature.
export { setPress as onPressIn, setPress as onPressOut, setPress as onLongPress } from "./press.js";
export { setRefresh as onRefresh } from "./pull-to-refresh.js";
export { setEscape as onAccessibilityEscape } from "./modal-focus.js";
export { ScrollWatch } from "./scroll-watch.js";
export { setImageSource } from "./image.js";
