/**
 * `pn.Alert` on the web: an accessible modal dialog.
 *
 * - `role="dialog"`, `aria-modal="true"`, named by its title and described by
 *   its message; everything else on the page is `inert` while it is open.
 * - Focus moves into the dialog (to the cancel button when there is one, so
 *   Enter never confirms a destructive action by accident), Tab and Shift+Tab
 *   cycle inside it, and focus returns to where it was when it closes.
 * - Escape, a click on the backdrop or the browser's back button dismisses
 *   (`null`); the back leaves the screen under it and the URL as they were.
 * - Alerts raised while one is open wait their turn. Another root's (a second
 *   `mount()` on the page) can open over it: the newest dialog gets the keys
 *   and the focus, and the page stays inert until the last one closes.
 * - Title, message and labels are set as text, never as HTML.
 */
import type { AlertPresenter, AlertRequest } from "../../runtime/services.js";
import type { cancellationOf } from "../../runtime/errors.js";
import type { installStyles } from "./base-styles.js";
import type { Overlay } from "./modal-focus.js";

/**
 * What the dialog uses of modules the page's first chunk already holds,
 * passed in rather than imported: a module that both the first chunk and
 * this lazily loaded one import is split by esbuild into a chunk of its
 * own, one more request in every first load (see `FeatureContext`).
 */
export interface DialogContext {
  readonly installStyles: typeof installStyles;
  readonly cancellationOf: typeof cancellationOf;
}

/** The dialog's rules, installed with its first presenter (zero specificity, as the base styles). */
const RULES = `
:where(.tn-alert-backdrop) { position: fixed; inset: 0; z-index: 2147483000; display: flex; align-items: center; justify-content: center; padding: 16px; background: rgba(0, 0, 0, 0.4); }
:where(.tn-alert) { box-sizing: border-box; width: min(100%, 340px); padding: 20px; border-radius: 14px; background: Canvas; color: CanvasText; box-shadow: 0 10px 40px rgba(0, 0, 0, 0.3); font: 15px/1.4 system-ui, sans-serif; }
:where(.tn-alert-title) { margin: 0 0 8px; font-size: 17px; }
:where(.tn-alert-message) { margin: 0 0 16px; white-space: pre-wrap; }
:where(.tn-alert-buttons) { display: flex; flex-direction: row-reverse; flex-wrap: wrap-reverse; justify-content: flex-start; gap: 8px; }
:where(.tn-alert-stacked) { flex-direction: column; }
:where(.tn-alert-button) { font: inherit; padding: 8px 14px; border: 1px solid rgba(127, 127, 127, 0.4); border-radius: 8px; background: transparent; color: inherit; cursor: pointer; }
:where(.tn-alert-button:focus-visible) { outline: 2px solid Highlight; outline-offset: 2px; }
:where(.tn-alert-cancel) { font-weight: 600; }
:where(.tn-alert-destructive) { color: #d70015; }
`;

interface Pending {
  request: AlertRequest;
  resolve(index: number | null): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | null;
}

/** An {@link AlertPresenter} that also lets its host close everything on unmount. */
export interface DialogAlertPresenter extends AlertPresenter {
  /** Dismisses the open alert and every queued one (each resolves `null`). */
  dispose(): void;
}

let dialogs = 0;

/**
 * Where the back button's part lives: modal-focus.ts, which owns the history
 * entries of open modals, so one mechanism orders an alert over a modal and
 * two roots' alerts (the newest first). Imported from the chunk of the DOM
 * host's features (features.ts), not from modal-focus.ts: a module imported
 * by two chunks would be split into a third. Loaded with the first alert, so
 * the first load pays nothing; until it is here a back is the app's.
 */
type Back = Pick<typeof import("./features.js"), "openOverlay" | "closeOverlay">;
let back: Back | undefined;
let loadingBack: Promise<Back> | null = null;

/**
 * Each document's open dialogs, oldest first (one per root at most: two
 * `mount()`ed apps can each show one), and the elements they made inert.
 * Shared rather than kept by each dialog: the older dialog may close first,
 * and the page must stay inert while any is open.
 */
interface Layer {
  readonly open: OpenDialog[];
  readonly inert: Set<HTMLElement>;
}
const layers = new WeakMap<Document, Layer>();

/**
 * The dialog presenter for `doc`, with its helpers passed in: use
 * `createAlertPresenter` (alert-dialog.ts, or the lazy one `typenative/web`
 * exports).
 */
export function createDialogPresenter(doc: Document, { installStyles, cancellationOf }: DialogContext): DialogAlertPresenter {
  installStyles(doc, RULES);
  const queue: Pending[] = [];
  let open: OpenDialog | null = null;
  let disposing = false;

  function showNext(): void {
    if (open !== null || disposing) return;
    const next = queue[0];
    if (next === undefined) return;
    open = new OpenDialog(doc, next.request, (index) => finish(next, index));
  }

  function finish(entry: Pending, index: number | null): void {
    remove(entry);
    entry.resolve(index);
  }

  function remove(entry: Pending): void {
    const at = queue.indexOf(entry);
    if (at >= 0) queue.splice(at, 1);
    if (entry.onAbort !== null) entry.signal?.removeEventListener("abort", entry.onAbort);
    if (at === 0 && open !== null) {
      open.close();
      open = null;
    }
    showNext();
  }

  return {
    present(request, signal) {
      return new Promise<number | null>((resolve, reject) => {
        if (signal?.aborted) {
          reject(cancellationOf(signal));
          return;
        }
        const entry: Pending = { request, resolve, reject, signal, onAbort: null };
        if (signal !== undefined) {
          entry.onAbort = () => {
            remove(entry);
            reject(cancellationOf(signal));
          };
          signal.addEventListener("abort", entry.onAbort, { once: true });
        }
        queue.push(entry);
        showNext();
      });
    },
    dispose() {
      disposing = true;
      while (queue.length > 0) finish(queue[0]!, null);
      disposing = false;
    },
  };
}

/** One dialog on screen. `onDone` gets the pressed button's index or `null` for a dismiss. */
class OpenDialog {
  readonly #backdrop: HTMLDivElement;
  readonly #buttons: HTMLButtonElement[] = [];
  #returnFocus: Element | null;
  readonly #layer: Layer;
  /** Its part in the back button: a back dismisses it. */
  readonly #overlay: Overlay = { entry: "", back: () => this.onDone(null) };
  #closed = false;
  readonly #onKey = (event: KeyboardEvent): void => this.#key(event);
  readonly #onFocusIn = (event: FocusEvent): void => this.#keepFocus(event);

  constructor(
    private readonly doc: Document,
    request: AlertRequest,
    private readonly onDone: (index: number | null) => void,
  ) {
    this.#returnFocus = doc.activeElement;
    const id = `tn-alert-${++dialogs}`;
    const backdrop = doc.createElement("div");
    backdrop.className = "tn-alert-backdrop";
    backdrop.addEventListener("click", (event) => {
      if (event.target === backdrop) this.onDone(null);
    });

    const dialog = doc.createElement("div");
    dialog.className = "tn-alert";
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", `${id}-title`);
    dialog.tabIndex = -1;

    const title = doc.createElement("h2");
    title.id = `${id}-title`;
    title.className = "tn-alert-title";
    title.textContent = request.title;
    dialog.appendChild(title);

    if (request.message !== undefined && request.message !== "") {
      const message = doc.createElement("p");
      message.id = `${id}-message`;
      message.className = "tn-alert-message";
      message.textContent = request.message;
      dialog.setAttribute("aria-describedby", message.id);
      dialog.appendChild(message);
    }

    const row = doc.createElement("div");
    // Many choices read better stacked, as on phones.
    row.className = request.buttons.length > 2 ? "tn-alert-buttons tn-alert-stacked" : "tn-alert-buttons";
    request.buttons.forEach((label, index) => {
      const button = doc.createElement("button");
      button.type = "button";
      button.className = "tn-alert-button";
      if (index === request.cancelIndex) button.classList.add("tn-alert-cancel");
      if (request.destructive.includes(label)) button.classList.add("tn-alert-destructive");
      button.textContent = label;
      button.addEventListener("click", () => this.onDone(index));
      this.#buttons.push(button);
      row.appendChild(button);
    });
    dialog.appendChild(row);
    backdrop.appendChild(dialog);

    let layer = layers.get(doc);
    if (layer === undefined) layers.set(doc, (layer = { open: [], inert: new Set() }));
    this.#layer = layer;
    layer.open.push(this);
    doc.body.appendChild(backdrop);
    this.#backdrop = backdrop;
    settleInert(doc, layer);
    doc.addEventListener("keydown", this.#onKey, true);
    doc.addEventListener("focusin", this.#onFocusIn, true);
    const first = this.#buttons[request.cancelIndex] ?? this.#buttons[0];
    (first ?? dialog).focus();
    (loadingBack ??= import("./features.js")).then(
      (loaded) => {
        back = loaded;
        if (!this.#closed) loaded.openOverlay(this.#overlay, doc.defaultView);
      },
      // Esc and the buttons still work; the next alert tries the import again.
      () => void (loadingBack = null),
    );
  }

  /** The backdrop, for {@link settleInert}. */
  get backdrop(): HTMLDivElement {
    return this.#backdrop;
  }

  close(): void {
    this.#closed = true;
    back?.closeOverlay(this.#overlay);
    this.doc.removeEventListener("keydown", this.#onKey, true);
    this.doc.removeEventListener("focusin", this.#onFocusIn, true);
    const { open } = this.#layer;
    const at = open.indexOf(this);
    open.splice(at, 1);
    // A newer dialog that took the focus from this one gives it back where this one would have.
    const newer = open[at];
    if (newer !== undefined && this.#backdrop.contains(newer.#returnFocus)) newer.#returnFocus = this.#returnFocus;
    const focused = this.#backdrop.contains(this.doc.activeElement);
    this.#backdrop.remove();
    settleInert(this.doc, this.#layer);
    // An older dialog closing under a newer one leaves the focus in the newer one.
    const target = this.#returnFocus as HTMLElement | null;
    if ((focused || open.length === 0) && target !== null && target.isConnected && typeof target.focus === "function") target.focus();
  }

  /** Whether this is the document's newest open dialog, the one keys and focus go to. */
  #onTop(): boolean {
    return this.#layer.open[this.#layer.open.length - 1] === this;
  }

  #key(event: KeyboardEvent): void {
    if (!this.#onTop()) return;
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      this.onDone(null);
    } else if (event.key === "Tab" && this.#buttons.length > 0) {
      // Cycle through the buttons, never out of the dialog.
      event.preventDefault();
      const at = this.#buttons.indexOf(this.doc.activeElement as HTMLButtonElement);
      const step = event.shiftKey ? -1 : 1;
      const next = at < 0 ? (step > 0 ? 0 : this.#buttons.length - 1) : (at + step + this.#buttons.length) % this.#buttons.length;
      this.#buttons[next]!.focus();
    }
  }

  #keepFocus(event: FocusEvent): void {
    if (this.#onTop() && !this.#backdrop.contains(event.target as Node | null)) {
      (this.#buttons[0] ?? this.#backdrop).focus();
    }
  }
}

/**
 * Everything on the page but the newest dialog leaves the tab order and the
 * accessibility tree (`inert`); what no open dialog needs inert any more
 * gets back what it had. Elements that were inert before are left alone.
 */
function settleInert(doc: Document, layer: Layer): void {
  const top = layer.open[layer.open.length - 1]?.backdrop;
  if (top !== undefined) {
    for (const child of Array.from(doc.body.children)) {
      // `inert` in it, not `instanceof HTMLElement`: that class is this window's, not an iframe's.
      if (child !== top && "inert" in child && !(child as HTMLElement).inert) {
        (child as HTMLElement).inert = true;
        layer.inert.add(child as HTMLElement);
      }
    }
  }
  for (const el of layer.inert) {
    if (el === top || top === undefined || !el.isConnected) {
      el.inert = false;
      layer.inert.delete(el);
    }
  }
}
