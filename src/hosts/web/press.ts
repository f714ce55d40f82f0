/**
 * Press feedback and long presses on the web (`onPressIn`, `onPressOut`,
 * `onLongPress`, which `Pressable` uses): pointer listeners, one per
 * document, installed by the DOM host the first time a view has one of
 * these handlers (see lazy.ts).
 */
import type { FeatureContext } from "./flags.js";

/** How long a press is held before it is a long press. */
const LONG_PRESS_MS = 500;

const installed = new WeakSet<Document>();
let host: FeatureContext;

/** Adds the pointer listeners to `doc` once. */
export function installPress(doc: Document, context: FeatureContext): void {
  host = context;
  if (installed.has(doc)) return;
  installed.add(doc);
  doc.addEventListener("pointerdown", onPointerDown);
  doc.addEventListener("pointerup", onPointerEnd);
  doc.addEventListener("pointercancel", onPointerEnd);
}

/** The view a pointer went down on, for press feedback and long presses. */
let pressed: { el: Element; timer: ReturnType<typeof setTimeout> | null; long: boolean } | null = null;

function onPointerDown(event: Event): void {
  const { emit, bits } = host;
  const el = host.nearest(event.target, bits.PRESS | bits.LONG_PRESS);
  if (el === null) return;
  const flags = host.flagsOf(el);
  const press = { el, timer: null as ReturnType<typeof setTimeout> | null, long: false };
  if (flags & bits.LONG_PRESS) {
    press.timer = setTimeout(() => {
      press.timer = null;
      press.long = true;
      emit(el, "onLongPress");
    }, LONG_PRESS_MS);
  }
  pressed = press;
  if (flags & bits.PRESS) emit(el, "onPressIn");
}

function onPointerEnd(): void {
  const press = pressed;
  if (press === null) return;
  pressed = null;
  if (press.timer !== null) clearTimeout(press.timer);
  if (host.flagsOf(press.el) & host.bits.PRESS) host.emit(press.el, "onPressOut");
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
