/**
 * Modal views on the web (`accessibilityViewIsModal`, which `pn.Modal`
 * sets): a new modal takes the focus; while one is open, Tab and Shift+Tab
 * cycle through its focusable elements only; Escape inside a view with
 * `onAccessibilityEscape` calls it; when the modal closes the focus goes
 * back to where it was before it opened.
 *
 * The browser's back button is a back action too: an open modal that
 * handles Escape (`pn.Modal` does, with its `onRequestClose`) takes it, so
 * the screen under it and the URL stay (see {@link ownEntry}). The alert
 * dialog (dialog.ts) takes it the same way, through {@link openOverlay}.
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

/** An open modal; `overlay` is its part in the back button's, when it handles Escape. */
interface OpenModal {
  el: HTMLElement;
  previous: Element | null;
  overlay: Overlay | null;
}
const openModals: OpenModal[] = [];

/**
 * Something open that the back button closes: a modal that handles Escape,
 * an alert dialog (dialog.ts). `entry` names the history entry it owns (""
 * once it owns none); `back` is its back action.
 */
export interface Overlay {
  entry: string;
  readonly back: () => void;
}
/** The open overlays, oldest first: a back is the newest's. */
const overlays: Overlay[] = [];
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
    const modal: OpenModal = { el, previous: el.ownerDocument.activeElement, overlay: null };
    openModals.push(modal);
    if (context.flagsOf(el) & ESCAPE) {
      modal.overlay = { entry: "", back: () => host.emit(el, "onAccessibilityEscape") };
      openOverlay(modal.overlay, el.ownerDocument.defaultView);
    }
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
    if (modal.overlay !== null) closeOverlay(modal.overlay);
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

/*
 * The browser's back button and open modals.
 *
 * An overlay (a modal that handles Escape, an alert dialog) owns a history
 * entry: opening it marks the
 * current entry as its base and pushes a copy of it (same URL, same state)
 * marked as the modal's. Back from there lands on the base: that popstate
 * is the modal's alone (the navigation container's listener asks this
 * module first, see {@link POP_FIRST}, and does not hear it), and it gets its
 * back action (a modal's `onAccessibilityEscape`, an alert's dismiss). One
 * that stays open owns a new entry again. Overlays open over each other
 * (an alert over a modal, two roots' alerts) own entries on top of each
 * other's, so a back is the newest's, the next one the one under it.
 *
 * An overlay closed otherwise (its button, Escape, the app moving on) leaves
 * its entry where it is, not to race the app's own pushes with a
 * `history.back()`. Such an entry, and the one left ahead by a back that
 * closed the modal, is a copy of its base: the listener steps over it, so
 * no back or forward press does nothing (back from it to its base goes on
 * back; forward from its base onto it goes back again, so nothing is ahead).
 */

const MODAL = "typenativeModal";
const BASE = "typenativeModalBase";
type Marked = { [MODAL]?: string; [BASE]?: string } | null;

/** The entry the page was on at the last popstate or push seen here (its state). */
let position: Marked = null;
/** Popstates of this module's own `history.back()` to let pass unseen. */
let skip = 0;
let entries = 0;
const listening = new WeakSet<Window>();

/** The page's state without this module's marks, for the copy an entry makes. */
function unmarked(state: unknown): Record<string, unknown> {
  const { [MODAL]: _modal, [BASE]: _base, ...rest } = (state ?? {}) as Record<string, unknown>;
  return rest;
}

/**
 * Puts `overlay` on top of the open ones, with a history entry of its own
 * in `view`: the back button is its until {@link closeOverlay}.
 */
export function openOverlay(overlay: Overlay, view: Window | null): void {
  overlays.push(overlay);
  ownEntry(overlay, view);
}

/** Takes a closed `overlay` out; the entry it leaves is stepped over later. */
export function closeOverlay(overlay: Overlay): void {
  const at = overlays.indexOf(overlay);
  if (at >= 0) overlays.splice(at, 1);
}

/** Pushes the entry `overlay` owns, a copy of the current one, which becomes its base. */
function ownEntry(overlay: Overlay, view: Window | null): void {
  if (view === null) return;
  if (!listening.has(view)) {
    listening.add(view);
    // The navigation container's listener calls it first (keyed-history.ts);
    // this one is for a page without one.
    (view as unknown as Record<symbol, typeof hearFirst>)[POP_FIRST] = hearFirst;
    view.addEventListener("popstate", hearFirst);
  }
  const history = view.history;
  const state = unmarked(history.state);
  overlay.entry = `${Date.now().toString(36)}-${++entries}`;
  history.replaceState({ ...(history.state as object | null), [BASE]: overlay.entry }, "");
  history.pushState((position = { ...state, [MODAL]: overlay.entry }), "");
}

/** The symbol keyed-history.ts reads {@link hearFirst} from on a window (it may not import this module). */
const POP_FIRST = Symbol.for("typenative.popFirst");
const heard = new WeakMap<Event, boolean>();

/** Runs {@link onPopState} once per event (two listeners call it); a move it took stops here. */
function hearFirst(event: PopStateEvent): boolean {
  let taken = heard.get(event);
  if (taken === undefined) heard.set(event, (taken = onPopState(event)));
  if (taken) event.stopImmediatePropagation();
  return taken;
}

/** Whether `entry` is an entry an open overlay still owns. */
const owned = (entry: string | undefined): boolean => entry !== undefined && overlays.some((o) => o.entry === entry);

/** Takes the moves that are an overlay's or that would do nothing (see above). */
function onPopState(event: PopStateEvent): boolean {
  const view = event.currentTarget as Window;
  const was = position;
  const state = (position = event.state as Marked);
  if (skip > 0) {
    skip--;
    return true;
  }
  let newest: Overlay | undefined;
  for (const open of overlays) if (open.entry !== "") newest = open;
  const left = newest?.entry;
  // A jump out of the newest owned entry past its base (history.go(-2), the
  // back button's menu) is the app's to follow; the entry is left behind.
  if (newest !== undefined && was?.[MODAL] === left && state?.[BASE] !== left && state?.[MODAL] !== left) newest.entry = "";
  // Back from the newest owned entry to its base: the overlay's back.
  else if (newest !== undefined && was?.[MODAL] === left && state?.[BASE] === left) {
    newest.entry = "";
    newest.back();
    // Once the app had its say (its render is a microtask away): an overlay
    // still open (a modal whose onRequestClose refused) owns a new entry, so
    // the next back is its too.
    view.setTimeout(() => {
      if (overlays.includes(newest) && newest.entry === "" && (view.history.state as Marked)?.[BASE] === left) ownEntry(newest, view);
    });
    return true;
  }
  const entry = state?.[MODAL];
  if (entry !== undefined && !owned(entry) && was?.[BASE] === entry) {
    // Forward onto a closed overlay's copy of its base: nothing is ahead.
    skip++;
    view.history.back();
    return true;
  }
  const base = state?.[BASE];
  if (base !== undefined && !owned(base) && was?.[MODAL] === base) {
    // Back from a closed overlay's copy to its base: the same screen, so on back.
    view.history.back();
    return true;
  }
  return false;
}
