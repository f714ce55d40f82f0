// Browser side of the web services' tests: exposes the services on `window.tn`.
import { createAlertPresenter } from "../../../../src/hosts/web/alert-dialog.js";
import { installErrorOverlay } from "../../../../src/hosts/web/overlay.js";
import { localStorageBackend } from "../../../../src/hosts/web/local-storage.js";
import { createFileCamera } from "../../../../src/hosts/web/camera.js";
import { applyStyle } from "../../../../src/hosts/web/style.js";
import { animationFrames } from "../../../../src/hosts/web/frames.js";
import { browserHistory, mediaColorScheme } from "../../../../src/hosts/web/browser-history.js";
import { runtime } from "../../../../src/runtime/runtime.js";
import type { AlertRequest } from "../../../../src/runtime/services.js";
// The same services as typenative/web exports them: code loaded on first use.
import * as web from "../../../../src/hosts/web/index.js";

const results: unknown[] = [];
const reported: string[] = [];
runtime.onError = (error) => reported.push(String(error));
const presenter = createAlertPresenter(document);
// A second root's presenter on the same page (each mount() has its own).
const otherPresenter = createAlertPresenter(document);

function record(promise: Promise<unknown>): void {
  promise.then(
    (value) => results.push(value),
    (error: unknown) => results.push(`rejected:${(error as Error).name}`),
  );
}

const tn = {
  results,
  reported,
  controllers: [] as AbortController[],
  /** Presents `request`; its answer lands in `results`. `abort(i)` cancels the i-th presented alert. */
  present(request: AlertRequest): void {
    const controller = new AbortController();
    tn.controllers.push(controller);
    record(presenter.present(request, controller.signal));
  },
  /** As `present`, through the second root's presenter. */
  presentOther(request: AlertRequest): void {
    const controller = new AbortController();
    tn.controllers.push(controller);
    record(otherPresenter.present(request, controller.signal));
  },
  abort(index: number): void {
    tn.controllers[index]!.abort();
  },
  disposeAlerts(): void {
    presenter.dispose();
  },
  overlay: null as ReturnType<typeof installErrorOverlay> | null,
  installOverlay(): void {
    tn.overlay = installErrorOverlay(document);
  },
  report(message: string, info: { source: string; component?: string; componentStack?: string }): void {
    runtime.reportError(new Error(message), info);
  },
  /**
   * typenative/web's storage backend (loaded on first call): writes and reads
   * issued without waiting keep their order; a bad prefix still throws at once.
   */
  async lazyStorage(): Promise<unknown[]> {
    const storage = web.localStorageBackend({ prefix: "lazy:" });
    const pending = [storage.set("a", "1"), storage.get("a"), storage.remove("a"), storage.get("a"), storage.keys()];
    const out: unknown[] = await Promise.all(pending);
    out.push(localStorage.getItem("lazy:a"));
    out.push(await storage.get(7 as unknown as string).catch((error: Error) => error.message));
    try {
      web.localStorageBackend({ prefix: 7 as unknown as string });
    } catch (error) {
      out.push((error as Error).message);
    }
    return out;
  },
  /**
   * The history `mount()` installs: made without touching the page's history
   * state; a push is read back at once and applied once its module has
   * loaded; a subscription dropped before then hears nothing; the user's back
   * reaches the listener with the path.
   */
  async historyRoundTrip(): Promise<unknown[]> {
    const start = location.pathname + location.search;
    history.replaceState({ app: 1 }, "");
    const service = browserHistory(window);
    const heard: string[] = [];
    const out: unknown[] = [start, JSON.stringify(history.state)];
    service.subscribe((path) => heard.push(`dropped ${path}`))();
    const unsubscribe = service.subscribe((path) => heard.push(path));
    service.push("/pushed?x=1");
    out.push(service.location(), location.pathname + location.search);
    await new Promise((resolve) => setTimeout(resolve, 0));
    out.push(location.pathname + location.search, service.location(), typeof history.state?.typenativeKey);
    const popped = new Promise((resolve) => window.addEventListener("popstate", resolve, { once: true }));
    history.back();
    await popped;
    out.push(heard.slice(), history.state?.app, typeof history.state?.typenativeKey);
    unsubscribe();
    return out;
  },
  /** typenative/web's alert presenter: an alert disposed while the dialog loads answers null; the next one shows. */
  async lazyAlert(): Promise<unknown[]> {
    const lazy = web.createAlertPresenter(document);
    const first = lazy.present({ kind: "show", title: "Gone", message: undefined, buttons: ["OK"], destructive: [], cancelIndex: -1 });
    lazy.dispose();
    const out: unknown[] = [await first];
    const second = lazy.present({ kind: "show", title: "Shown", message: undefined, buttons: ["OK"], destructive: [], cancelIndex: -1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    out.push(document.querySelector('[role="dialog"]')?.textContent ?? null);
    lazy.dispose();
    out.push(await second);
    return out;
  },
  storage: localStorageBackend(),
  otherStorage: localStorageBackend({ prefix: "other:" }),
  takePhoto(quality?: number): void {
    record(createFileCamera(document).takePhoto({ quality }));
  },
  takePhotoAborted(): void {
    const controller = new AbortController();
    record(createFileCamera(document).takePhoto({ signal: controller.signal }));
    queueMicrotask(() => controller.abort());
  },
  applyStyle,
  /**
   * Runs `fn` and returns every write it made to `el.style`: assignments
   * (`el.style.opacity = "0.3"`) and `setProperty` / `removeProperty` calls,
   * all as `name=value`. Chromium's CSS properties are not accessors that
   * could be wrapped, so `el.style` is replaced, on this element only, by a
   * proxy of the real declaration.
   */
  styleWrites(el: HTMLElement, fn: () => void): string[] {
    const log: string[] = [];
    const css = el.style;
    const proxy = new Proxy(css, {
      get(target, name) {
        const value = Reflect.get(target, name, target) as unknown;
        if (typeof value !== "function") return value;
        if (name === "setProperty" || name === "removeProperty") {
          return (...args: unknown[]) => {
            log.push(`${String(args[0])}=${name === "setProperty" ? String(args[1]) : ""}`);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
      set(target, name, value) {
        log.push(`${String(name)}=${String(value)}`);
        return Reflect.set(target, name, value, target);
      },
    });
    Object.defineProperty(el, "style", { configurable: true, get: () => proxy });
    try {
      fn();
    } finally {
      delete (el as { style?: unknown }).style;
    }
    return log;
  },
  frameTimes(count: number): Promise<number[]> {
    const frames = animationFrames(window);
    const times: number[] = [];
    return new Promise((resolve) => {
      const next = (): void => {
        frames.requestFrame((time) => {
          times.push(time);
          if (times.length === count) resolve(times);
          else next();
        });
      };
      next();
    });
  },
  /** The online, focus and color-scheme signals: a subscription hears its events until it is ended. */
  signals() {
    const heard = { online: 0, focus: 0, scheme: 0 };
    const online = web.browserOnline(window);
    const focus = web.browserFocus(document);
    const scheme = mediaColorScheme(window);
    const offs = [online.subscribe(() => heard.online++), focus.subscribe(() => heard.focus++), scheme.subscribe(() => heard.scheme++)];
    const fire = (): void => {
      window.dispatchEvent(new Event("online"));
      window.dispatchEvent(new Event("offline"));
      document.dispatchEvent(new Event("visibilitychange"));
      // Another window's events are not the page's.
      document.dispatchEvent(new Event("online"));
      window.dispatchEvent(new Event("visibilitychange"));
    };
    fire();
    const during = { ...heard };
    const values = [online.get(), focus.get(), scheme.get()];
    (window as unknown as { schemeHeard: () => number }).schemeHeard = () => heard.scheme;
    (window as unknown as { schemeNow: () => string }).schemeNow = () => scheme.get();
    (window as unknown as { endSignals: () => typeof heard }).endSignals = () => {
      for (const off of offs) off();
      fire();
      return { ...heard };
    };
    return { during, values };
  },
  cancelledFrameRuns(): Promise<boolean> {
    const frames = animationFrames(window);
    let ran = false;
    frames.requestFrame(() => (ran = true)).cancel();
    return new Promise((resolve) => frames.requestFrame(() => resolve(ran)));
  },
};

(window as unknown as { tn: typeof tn; ready: boolean }).tn = tn;
(window as unknown as { ready: boolean }).ready = true;
