/**
 * `typenative/web`: render typenative components to the DOM.
 *
 * `mount(element, domNode)` renders `element` into `domNode` and plugs the
 * browser's services into the runtime: alerts as accessible modal dialogs,
 * `AsyncStorage` in `localStorage` (unless the app configured another
 * backend), the camera through a file input, animation frames from
 * `requestAnimationFrame`, online and focus state (`navigator.onLine`,
 * `visibilitychange`) for `pn.onlineManager` / `pn.focusManager`, and, in
 * development builds, an error overlay.
 *
 * What an app does not use costs it nothing: the dialog and camera code is
 * loaded with `import()` on the first alert or photo (a bundler that splits
 * puts it in its own chunk), and the overlay sits behind the dev guard, so a
 * production bundle leaves it out.
 *
 * @example
 * ```ts
 * import * as pn from "typenative";
 * import { mount } from "typenative/web";
 *
 * const App = pn.component(() => pn.Text("Hello, web"));
 * const app = mount(App(), document.getElementById("root")!);
 * // later: app.unmount();
 * ```
 */
import { createRoot, type Root } from "../../core/root.js";
import type { Child } from "../../core/element.js";
import { claimRuntime, type Runtime } from "../../runtime/runtime.js";
import type { Services } from "../../runtime/services.js";
import { isStorageConfigured } from "../../platform/storage-default.js";
import { createDomHost } from "./dom-host.js";
import { createAlertPresenter, createFileCamera, lazyLocalStorage } from "./lazy-services.js";
import { isDev } from "../../core/options.js";
import { animationFrames } from "./frames.js";
import { browserHistory, mediaColorScheme } from "./browser-history.js";
import { browserFocus, browserOnline } from "./connectivity.js";
import { installErrorOverlay, type ErrorOverlay } from "./overlay.js";

export { createDomHost, type ScrollEvent } from "./dom-host.js";
// Not from alert-dialog.ts (dialog.ts), camera.ts (file-camera.ts) and local-storage.ts: see lazy-services.ts.
export { createAlertPresenter, createFileCamera, localStorageBackend } from "./lazy-services.js";
export type { DialogAlertPresenter } from "./alert-dialog.js";
export { animationFrames } from "./frames.js";
export { browserOnline, browserFocus } from "./connectivity.js";
export { installErrorOverlay, type ErrorOverlay } from "./overlay.js";

/** Options of {@link mount}. */
export interface MountOptions {
  /**
   * Show uncaught errors over the page, in development (`pn.options.dev`).
   * Default: true. A production build never shows it and does not carry
   * it; call `installErrorOverlay(document, app.runtime)` to have it there.
   */
  errorOverlay?: boolean;
  /**
   * The runtime the app runs on. Default: `pn.runtime` when no other app has
   * claimed it, else a new one — a mount never replaces another root's services.
   */
  runtime?: Runtime;
}

/** A mounted app. */
export interface WebApp {
  /** The runtime the app runs on (its services are the browser's). */
  readonly runtime: Runtime;
  /** Renders a new element into the same root (an update, not a remount). */
  render(element: Child): void;
  /** Unmounts the tree, cancels its tasks, dismisses open alerts and restores the services it installed. */
  unmount(): void;
}

const mounted = new WeakSet<Element>();

/**
 * Renders `element` into `domNode` (replacing what the node held) and
 * installs the web services. One app per node; mount again after `unmount()`.
 */
export function mount(element: Child, domNode: Element, options: MountOptions = {}): WebApp {
  // Not an object, or not an element (`?.` also turns null and undefined away).
  if ((domNode as Element | null | undefined)?.nodeType !== 1) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "mount(element, domNode): domNode must be a DOM element, e.g. document.getElementById(\"root\")" : /* "mount(element, domNode): domNode is not a DOM element" */ "typenative #87");
  }
  if (mounted.has(domNode)) throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "mount(): this element already holds a typenative app; unmount it first" : /* "mount(): already mounted" */ "typenative #88");
  const doc = domNode.ownerDocument;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view === null) throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "mount(): domNode's document has no window" : /* "mount(): no window" */ "typenative #89");

  const runtime = claimRuntime(options.runtime, "mount()");
  const alert = createAlertPresenter(doc);
  const installed: Partial<Services> = {
    frames: animationFrames(view, runtime), alert, camera: createFileCamera(doc),
    online: browserOnline(view), focus: browserFocus(doc),
    history: browserHistory(view), colorScheme: mediaColorScheme(view), os: "web",
  };
  // The default storage unless the app configured a backend. Not
  // `setDefaultBackend`: its checks of a foreign backend's methods are dead
  // weight for our own.
  if (!isStorageConfigured(runtime)) installed.storage = lazyLocalStorage();
  const services = runtime.services as unknown as Record<string, unknown>;
  const previous = { ...services };
  Object.assign(services, installed);
  const owner = {};
  runtime.owner = owner;
  let overlay: ErrorOverlay | null = null;
  if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production") {
    if (options.errorOverlay !== false) overlay = installErrorOverlay(doc, runtime);
  }

  let root: Root;
  try {
    domNode.replaceChildren();
    root = createRoot(createDomHost(doc), domNode, { runtime });
    mounted.add(domNode);
    root.render(element);
  } catch (error) {
    restore();
    throw error;
  }

  function restore(): void {
    mounted.delete(domNode);
    alert.dispose();
    overlay?.uninstall();
    // Put back only what is still ours: the app may have swapped a service meanwhile.
    for (const name in installed) if (services[name] === installed[name as keyof Services]) services[name] = previous[name];
    if (runtime.owner === owner) runtime.owner = null;
  }

  let done = false;
  return {
    runtime,
    render(next) {
      if (done) throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "render(): this app was unmounted" : /* "render(): this app was unmounted" */ "typenative #90");
      root.render(next);
    },
    unmount() {
      if (done) return;
      done = true;
      try {
        root.unmount();
      } finally {
        restore();
      }
    },
  };
}
