/**
 * Modal views on the web (`accessibilityViewIsModal`, which `pn.Modal`
 * sets): a new modal takes the focus; while one is open, Tab and Shift+Tab
 * cycle through its focusable elements only; Escape inside a view with
 * `onAccessibilityEscape` calls it; when the modal closes the focus goes
 * back to where it was before it opened.
 *
 * Loaded by the DOM host the first time a view is modal or has
 * `onAccessibilityEscape` (see lazy.ts and features.ts): the focus moves a moment after the
 * modal's first commit when the chunk was not there yet. The flag of
 * `onAccessibilityEscape` is set here too ({@link setEscape}): only this
 * module's listener reads it.
 */
import type { FeatureContext } from "./flags.js";
import { nearest } from "./nearest.js";

/** Flag of a view with `onAccessibilityEscape`: Escape inside it calls it, a modal's close (see flags.ts). */
export const ESCAPE = 128;

const openModals: Array<{ el: HTMLElement; previous: Element | null }> = [];
const FOCUSABLE = "button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select, a[href], [tabindex]:not([tabindex='-1'])";

const installed = new WeakSet<Document>();
let host: FeatureContext;

/** Flags `el` as handling Escape or not, and when it does, makes sure its document listens. */
export function setEscape(el: HTMLElement, on: boolean, context: FeatureContext): void {
  context.flag(el, ESCAPE, on);
  if (on) installModalKeys(el.ownerDocument, context);
}

/** Adds the keyboard listener (focus trap, Escape) to `doc` once. */
function installModalKeys(doc: Document, context: FeatureContext): void {
  host = context;
  if (installed.has(doc)) return;
  installed.add(doc);
  doc.addEventListener("keydown", onKeyDown);
}

/** Focuses the modals in `pending` (emptied) that are on screen and not open yet. */
export function focusNewModals(pending: HTMLElement[], context: FeatureContext): void {
  for (const el of pending.splice(0)) {
    if (!el.isConnected || el.getAttribute("aria-modal") !== "true" || openModals.some((m) => m.el === el)) continue;
    installModalKeys(el.ownerDocument, context);
    openModals.push({ el, previous: el.ownerDocument.activeElement });
    const first = el.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? el).focus();
  }
}

/** After a removal: closes the open modals it took away, giving the focus back. */
export function closeModalsWithin(removed: Node): void {
  for (let i = openModals.length - 1; i >= 0; i--) {
    const modal = openModals[i]!;
    if (!removed.contains(modal.el) && modal.el.isConnected) continue;
    openModals.splice(i, 1);
    const previous = modal.previous as HTMLElement | null;
    if (previous !== null && previous.isConnected && typeof previous.focus === "function") previous.focus();
  }
}

/** Keeps Tab inside the newest open modal. */
function trapTab(event: KeyboardEvent): void {
  const modal = openModals[openModals.length - 1];
  if (modal === undefined || event.key !== "Tab") return;
  const focusable = Array.from(modal.el.querySelectorAll<HTMLElement>(FOCUSABLE));
  if (focusable.length === 0) {
    event.preventDefault();
    modal.el.focus();
    return;
  }
  const active = modal.el.ownerDocument.activeElement;
  const at = focusable.indexOf(active as HTMLElement);
  if (event.shiftKey ? at <= 0 : at === focusable.length - 1 || at === -1) {
    event.preventDefault();
    focusable[event.shiftKey ? focusable.length - 1 : 0]!.focus();
  }
}

function onKeyDown(event: Event): void {
  if (openModals.length > 0) trapTab(event as KeyboardEvent);
  if ((event as KeyboardEvent).key === "Escape") {
    const target = nearest(host, event.target, ESCAPE);
    if (target !== null) {
      event.preventDefault();
      host.emit(target, "onAccessibilityEscape");
    }
  }
}
