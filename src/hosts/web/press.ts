/**
 * Press feedback and long presses on the web (`onPressIn`, `onPressOut`,
 * `onLongPress`, which `Pressable` uses): pointer listeners, one per
 * document, installed by the DOM host the first time a view has one of
 * these handlers (see lazy.ts and features.ts). The views' flags for them are set here too
 * ({@link setPress}): only these listeners read them.
 */
import type { FeatureContext } from "./flags.js";
import { nearest } from "./nearest.js";

/** Flag of a view with `onPressIn` / `onPressOut` (press feedback, e.g. `Pressable`'s `{ pressed }`); see flags.ts. */
export const PRESS = 16;
/** Flag of a view with `onLongPress`: a held press fires it instead of `onClick`. */
export const LONG_PRESS = 32;

/** How long a press is held before it is a long press. */
const LONG_PRESS_MS = 500;

const installed = new WeakSet<Document>();
let host: FeatureContext;

/**
 * Flags `el` by its current `props` (hosts see handlers as `true`) and, when
 * it has one of them, makes sure its document listens. (The DOM host also
 * calls this to undo, for a view whose handlers went or never were, once
 * the feature chunk is loaded for another feature: that adds no listener.)
 */
export function setPress(el: HTMLElement, _on: boolean, context: FeatureContext, props: Record<string, unknown>): void {
  const press = props.onPressIn === true || props.onPressOut === true;
  const long = props.onLongPress === true;
  context.flag(el, PRESS, press);
  context.flag(el, LONG_PRESS, long);
  if (press || long) installPress(el.ownerDocument, context);
}

/** Adds the pointer listeners to `doc` once. */
function installPress(doc: Document, context: FeatureContext): void {
  host = context;
  if (installed.has(doc)) return;
  installed.add(doc);
  doc.addEventListener("pointerdown", onPointerDown);
  doc.addEventListener("pointerup", onPointerEnd);
  doc.addEventListener("pointercancel", onPointerEnd);
}

/** The view a pointer went down on, and which pointer, for press feedback and long presses. */
let pressed: { el: Element; pointer: number; timer: ReturnType<typeof setTimeout> | null; long: boolean } | null = null;

function onPointerDown(event: Event): void {
  const { emit } = host;
  const { button, pointerId, isPrimary } = event as PointerEvent;
  // A press is the main button's (a touch or a pen is button 0 too): a
  // right-button hold is the context menu, not a long press. A second finger
  // (not primary) starts none.
  if (button !== 0 || !isPrimary) return;
  const el = nearest(host, event.target, PRESS | LONG_PRESS);
  if (el === null) return;
  const flags = host.flagsOf(el);
  const press = { el, pointer: pointerId, timer: null as ReturnType<typeof setTimeout> | null, long: false };
  if (flags & LONG_PRESS) {
    press.timer = setTimeout(() => {
      press.timer = null;
      press.long = true;
      emit(el, "onLongPress");
    }, LONG_PRESS_MS);
  }
  pressed = press;
  if (flags & PRESS) emit(el, "onPressIn");
}

function onPointerEnd(event: Event): void {
  const press = pressed;
  // Another finger's lift does not end the press.
  if (press === null || (event as PointerEvent).pointerId !== press.pointer) return;
  pressed = null;
  if (press.timer !== null) clearTimeout(press.timer);
  if (host.flagsOf(press.el) & PRESS) host.emit(press.el, "onPressOut");
  // The click that follows a long press is part of it, not a second action.
  if (press.long) {
    const el = press.el;
    el.addEventListener("click", swallowClick, { capture: true, once: true });
    // The click comes right after the pointerup, or not at all (the pointer left).
    setTimeout(() => el.removeEventListener("click", swallowClick, { capture: true }), 0);
  }
}

function swallowClick(event: Event): void {
  event.stopPropagation();
}
