/**
 * The development error overlay: an uncaught render, effect, handler or task
 * error shows its message and component stack over the page, until the
 * developer dismisses it. It wraps `runtime.onError` rather than replacing
 * it, so the previous handler (logging, by default) still runs.
 */
import { runtime as defaultRuntime, type ErrorHandler, type ErrorInfo, type Runtime } from "../../runtime/runtime.js";
import { installStyles } from "./base-styles.js";

/** The overlay's rules (also the dev server client's build-error panel's), installed on first use. */
export const OVERLAY_RULES = `
:where(.tn-overlay) { position: fixed; inset: 0; z-index: 2147483600; overflow: auto; padding: 24px; background: rgba(20, 0, 0, 0.92); color: #fff; font: 14px/1.5 ui-monospace, Menlo, Consolas, monospace; }
:where(.tn-overlay-title) { margin: 0 0 4px; color: #ff6b6b; font-size: 18px; }
:where(.tn-overlay-source) { margin: 0 0 16px; opacity: 0.7; }
:where(.tn-overlay-message) { margin: 0 0 12px; white-space: pre-wrap; font-size: 16px; }
:where(.tn-overlay-stack) { margin: 0 0 20px; white-space: pre-wrap; opacity: 0.85; }
:where(.tn-overlay-dismiss) { font: inherit; padding: 6px 14px; border: 1px solid #fff; border-radius: 6px; background: transparent; color: #fff; cursor: pointer; }
`;

/**
 * Development hooks. `mapStack` is set by the dev server's client
 * (`typenative dev`): the overlay then shows each error's stack, first as
 * the browser reports it, then mapped to the source files.
 */
export const overlayHooks: { mapStack: ((stack: string) => Promise<string>) | null } = { mapStack: null };

/** At most this many errors are listed; later ones only bump the count. */
const MAX_SHOWN = 10;

/** Installed overlay; `uninstall()` restores the previous `onError` (if still ours) and removes the panel. */
export interface ErrorOverlay {
  /** Errors received since the last dismiss. */
  readonly count: number;
  dismiss(): void;
  uninstall(): void;
}

/**
 * Hooks the overlay into `runtime.onError`. `mount()` does this unless told
 * `{ errorOverlay: false }`.
 *
 * @example
 * ```ts
 * const overlay = installErrorOverlay(document);
 * // ... later
 * overlay.uninstall();
 * ```
 */
export function installErrorOverlay(doc: Document = document, runtime: Runtime = defaultRuntime): ErrorOverlay {
  installStyles(doc, OVERLAY_RULES);
  const previous: ErrorHandler = runtime.onError;
  let panel: HTMLElement | null = null;
  let list: HTMLElement | null = null;
  let heading: HTMLElement | null = null;
  let count = 0;

  const handler: ErrorHandler = (error, info) => {
    try {
      show(error, info);
    } finally {
      previous(error, info);
    }
  };
  runtime.onError = handler;

  function show(error: unknown, info: ErrorInfo): void {
    count++;
    if (panel === null || !panel.isConnected) {
      panel = doc.createElement("div");
      panel.className = "tn-overlay";
      panel.setAttribute("role", "alert");
      panel.setAttribute("data-testid", "typenative-error-overlay");
      heading = doc.createElement("h2");
      heading.className = "tn-overlay-title";
      list = doc.createElement("div");
      const dismiss = doc.createElement("button");
      dismiss.type = "button";
      dismiss.className = "tn-overlay-dismiss";
      dismiss.textContent = "Dismiss";
      dismiss.addEventListener("click", overlay.dismiss);
      panel.append(heading, list, dismiss);
      doc.body.appendChild(panel);
    }
    heading!.textContent = count === 1 ? "Uncaught error" : `Uncaught errors (${count})`;
    if (count > MAX_SHOWN) return;
    list!.appendChild(entry(doc, error, info));
  }

  const overlay: ErrorOverlay = {
    get count() {
      return count;
    },
    dismiss() {
      panel?.remove();
      panel = list = heading = null;
      count = 0;
    },
    uninstall() {
      if (runtime.onError === handler) runtime.onError = previous;
      overlay.dismiss();
    },
  };
  return overlay;
}

function entry(doc: Document, error: unknown, info: ErrorInfo): HTMLElement {
  const section = doc.createElement("section");
  const source = doc.createElement("p");
  source.className = "tn-overlay-source";
  source.textContent = `${info.source} error${info.component ? ` in ${info.component}` : ""}`;
  const message = doc.createElement("pre");
  message.className = "tn-overlay-message";
  message.textContent = describe(error);
  section.append(source, message);
  const mapStack = overlayHooks.mapStack;
  if (mapStack !== null && error instanceof Error && typeof error.stack === "string") {
    const js = doc.createElement("pre");
    js.className = "tn-overlay-stack tn-overlay-js-stack";
    js.textContent = error.stack;
    section.appendChild(js);
    mapStack(error.stack).then((mapped) => void (js.textContent = mapped), () => {});
  }
  const stack = info.componentStack ?? (info.component ? `in ${info.component}` : "");
  if (stack !== "") {
    const pre = doc.createElement("pre");
    pre.className = "tn-overlay-stack";
    pre.textContent = stack;
    section.appendChild(pre);
  }
  return section;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return typeof error === "string" ? error : JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
