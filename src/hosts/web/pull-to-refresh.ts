/**
 * Pull-to-refresh on the web (a `ScrollView` / `FlatList` with `onRefresh`):
 * wheel or finger travel upwards while the list is already at its top adds
 * up; past {@link PULL_DISTANCE} the list's `onRefresh` fires once, and the
 * pull starts over after a pause. The listeners (one per document) are
 * installed by the DOM host the first time a view has `onRefresh` (see lazy.ts and features.ts),
 * which also sets the views' flag here ({@link setRefresh}): only these
 * listeners read it.
 */
import type { FeatureContext } from "./flags.js";
import { nearest } from "./nearest.js";

/** Flag of a `ScrollView` / `FlatList` with `onRefresh` (see flags.ts). */
export const REFRESH = 64;

/** How far (CSS px of wheel or finger travel) a pull at the top goes before it refreshes. */
const PULL_DISTANCE = 120;

const installed = new WeakSet<Document>();
let host: FeatureContext;

/** Flags `el` as refreshable or not, and when it is, makes sure its document listens. */
export function setRefresh(el: HTMLElement, on: boolean, context: FeatureContext): void {
  context.flag(el, REFRESH, on);
  if (on) installPullToRefresh(el.ownerDocument, context);
}

/** Adds the wheel and touch listeners to `doc` once. */
function installPullToRefresh(doc: Document, context: FeatureContext): void {
  host = context;
  if (installed.has(doc)) return;
  installed.add(doc);
  doc.addEventListener("wheel", onWheel, { passive: true });
  doc.addEventListener("touchstart", onTouchStart, { passive: true });
  doc.addEventListener("touchmove", onTouchMove, { passive: true });
}

let pull: { el: Element; distance: number; last: number; touchY: number } | null = null;

function pulling(target: EventTarget | null, now: number): NonNullable<typeof pull> | null {
  const el = nearest(host, target, REFRESH);
  if (el === null || (el as HTMLElement).scrollTop > 0 || el.getAttribute("aria-busy") === "true") return null;
  if (pull === null || pull.el !== el || now - pull.last > 400) pull = { el, distance: 0, last: now, touchY: 0 };
  pull.last = now;
  return pull;
}

function pulled(state: NonNullable<typeof pull>, delta: number): void {
  if (delta <= 0) return;
  state.distance += delta;
  if (state.distance < PULL_DISTANCE) return;
  pull = null;
  host.emit(state.el, "onRefresh");
}

function onWheel(event: Event): void {
  const e = event as WheelEvent;
  if (e.deltaY >= 0) return;
  const state = pulling(e.target, e.timeStamp);
  if (state !== null) pulled(state, -e.deltaY);
}

function onTouchStart(event: Event): void {
  const e = event as TouchEvent;
  const state = pulling(e.target, e.timeStamp);
  if (state !== null) state.touchY = e.touches[0]?.clientY ?? 0;
}

function onTouchMove(event: Event): void {
  const e = event as TouchEvent;
  const state = pull;
  if (state === null || !state.el.contains(e.target as Node)) return;
  const y = e.touches[0]?.clientY ?? state.touchY;
  if ((state.el as HTMLElement).scrollTop > 0) return;
  pulled(state, y - state.touchY);
  state.touchY = y;
  state.last = e.timeStamp;
}
