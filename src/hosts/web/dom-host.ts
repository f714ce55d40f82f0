/**
 * The web host: the reconciler's views as real DOM.
 *
 * | typenative   | DOM                                                  |
 * | ------------ | ---------------------------------------------------- |
 * | `Text`       | `<span>` (text always as text nodes, never HTML)     |
 * | `Button`     | `<button type="button">`                             |
 * | `TextInput`  | labelled `<input>`, or `<textarea>` when `multiline` |
 * | `View`, `Column`, `Row`, `ScrollView` | flex `<div>`s               |
 * | `FlatList`   | a scrolling `<div role="list">` of `listitem`s       |
 * | `Image`      | `<img>` with `alt`                                   |
 * | `Spacer`     | an `aria-hidden` flexible `<div>`                    |
 *
 * Listeners never call props: they call `emit(node, "onClick")` and the core
 * runs the latest handler in its component's scope, batching its setters.
 * Events that bubble (`click`, `keydown`, `input`) are delegated: one
 * listener per document, and a view with a handler only carries a flag
 * (`LISTENS`), so mounting a thousand clickable rows adds no listener at
 * all. `focus`, `blur` and `scroll` do not bubble: those views get a
 * shared listener (no closure per view) while they have the handler.
 */
import type { HostConfig, Props } from "../../core/host.js";
import { emit } from "../../core/events.js";
import { options } from "../../core/options.js";
import { currentRuntime } from "../../runtime/runtime.js";
import { resolveImageSource } from "../../platform/image-source.js";
import { applyStyle } from "./style.js";
import { installBaseStyles } from "./base-styles.js";

/** Element and class for each built-in type (`TextInput` picks its element from `multiline`). */
const VIEWS: Record<string, readonly [tag: string, className: string]> = {
  Text: ["span", "tn tn-text"],
  Button: ["button", "tn tn-button"],
  TextInput: ["input", "tn tn-input"],
  View: ["div", "tn tn-view"],
  Column: ["div", "tn tn-column"],
  Row: ["div", "tn tn-row"],
  ScrollView: ["div", "tn tn-scroll"],
  FlatList: ["div", "tn tn-list"],
  Image: ["img", "tn tn-image"],
  Spacer: ["div", "tn tn-spacer"],
};

type Input = HTMLInputElement | HTMLTextAreaElement;

/** Keys of `accessibilityState`, each written as `aria-<key>`. */
const A11Y_STATES = ["selected", "checked", "expanded", "busy", "disabled"] as const;

/**
 * Creates the DOM host for `doc`. Views are created in `doc`; the base
 * stylesheet is installed there once.
 *
 * @example
 * ```ts
 * import { createRoot } from "typenative/core";
 * const root = createRoot(createDomHost(document), document.getElementById("app")!);
 * root.render(App());
 * ```
 */
export function createDomHost(doc: Document = document): HostConfig<Node> {
  installBaseStyles(doc);
  delegateEvents(doc);
  const scrollWatch = new ScrollWatch(doc);
  return {
    createView(type, props) {
      const spec = VIEWS[type];
      if (spec === undefined) {
        throw new TypeError(`web host: unknown view type "${type}" (expected one of ${Object.keys(VIEWS).join(", ")})`);
      }
      const tag = type === "TextInput" && props.multiline === true ? "textarea" : spec[0];
      const el = doc.createElement(tag);
      el.className = spec[1];
      if (type === "Button") (el as HTMLButtonElement).type = "button";
      else if (type === "FlatList") el.setAttribute("role", "list");
      else if (type === "Spacer") el.setAttribute("aria-hidden", "true");
      for (const name in props) setProp(el, type, name, props[name], props, scrollWatch);
      if (type === "TextInput") labelInput(el as Input, props);
      return el;
    },
    createText(text) {
      return doc.createTextNode(text);
    },
    appendInitialChild(parent, child) {
      markListItem(parent, child);
      parent.appendChild(child);
    },
    insertBefore(parent, child, before) {
      markListItem(parent, child);
      parent.insertBefore(child, before);
    },
    removeChild(parent, child) {
      parent.removeChild(child);
      scrollWatch.forgetWithin(child);
      if (openModals.length > 0) closeModalsWithin(child);
    },
    commitEnd() {
      // A modal view put on screen by this commit takes the focus.
      if (pendingModals.length > 0) focusNewModals();
    },
    updateProps(node, type, changes, props) {
      const el = node as HTMLElement;
      let relabel = false;
      for (const name in changes) {
        setProp(el, type, name, changes[name], props, scrollWatch);
        if (name === "label" || name === "accessibilityLabel" || name === "placeholder") relabel = true;
      }
      if (relabel && type === "TextInput") labelInput(el as Input, props);
    },
    setText(node, text) {
      (node as Text).data = text;
    },
  };
}

/** Writes one prop. `props` is the view's full current props. */
function setProp(el: HTMLElement, type: string, name: string, value: unknown, props: Props, scrollWatch: ScrollWatch): void {
  switch (name) {
    case "style":
      applyStyle(el, value, props.style);
      // A sized Spacer stops flexing (see base-styles).
      if (type === "Spacer") el.classList.toggle("tn-sized", isSized(props.style));
      return;
    case "testID":
      setAttr(el, "data-testid", value);
      return;
    case "accessibilityLabel":
      if (type !== "TextInput") setAttr(el, "aria-label", value);
      return;
    case "accessibilityRole":
      setAttr(el, "role", value ?? defaultRole(type, props));
      return;
    case "accessibilityState": {
      // React Native's { selected, checked, expanded, busy, disabled } → aria-* attributes.
      const state = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
      for (const key of A11Y_STATES) {
        const v = state[key];
        setAttr(el, `aria-${key}`, typeof v === "boolean" || v === "mixed" ? String(v) : undefined);
      }
      return;
    }
    case "onClick":
      flag(el, CLICK, value === true);
      if (type !== "Button") makeClickable(el, value === true, props);
      return;
    case "disabled":
      if (type === "Button" || type === "TextInput") (el as HTMLButtonElement | Input).disabled = value === true;
      else setAttr(el, "aria-disabled", value === true ? "true" : undefined);
      return;
    case "onPressIn":
    case "onPressOut":
      flag(el, PRESS, value === true || (name === "onPressIn" ? props.onPressOut : props.onPressIn) === true);
      return;
    case "onLongPress":
      flag(el, LONG_PRESS, value === true);
      if (type !== "Button") makeClickable(el, value === true || props.onClick === true, props);
      return;
    case "onAccessibilityEscape":
      flag(el, ESCAPE, value === true);
      return;
    case "accessibilityViewIsModal":
      setAttr(el, "aria-modal", value === true ? "true" : undefined);
      if (value === true) {
        if (!el.hasAttribute("tabindex")) el.tabIndex = -1;
        pendingModals.push(el);
      }
      return;
    case "onRefresh":
      flag(el, REFRESH, value === true);
      return;
    case "refreshing":
      setAttr(el, "aria-busy", value === true ? "true" : undefined);
      return;
    case "onScroll":
      listen(el, "scroll", onScroll, value);
      if (value === true) scrollWatch.watch(el);
      else scrollWatch.unwatch(el);
      return;
  }
  if (type === "TextInput") setInputProp(el as Input, name, value);
  else if (type === "Image") setImageProp(el as HTMLImageElement, name, value);
  // Other props (a FlatList's `data`, `renderItem`, ...) belong to components, not to the DOM.
}

function setInputProp(el: Input, name: string, value: unknown): void {
  switch (name) {
    case "value":
      // Only when it differs: rewriting the same text would move the caret.
      if (value !== undefined) {
        const text = value === null ? "" : String(value);
        if (el.value !== text) el.value = text;
      }
      return;
    case "placeholder":
      setAttr(el, "placeholder", value);
      return;
    case "onChange":
      flag(el, CHANGE, value === true);
      return;
    case "onSubmitEditing":
      flag(el, SUBMIT, value === true);
      return;
    case "onFocus":
      listen(el, "focus", onFocus, value);
      return;
    case "onBlur":
      listen(el, "blur", onBlur, value);
      return;
    case "editable":
      el.readOnly = value === false;
      return;
    case "maxLength":
      if (typeof value === "number") el.maxLength = value;
      else el.removeAttribute("maxlength");
      return;
    case "secureTextEntry":
      if (el instanceof HTMLInputElement) el.type = value === true ? "password" : "text";
      return;
    case "multiline":
      if (options.dev && process.env.NODE_ENV !== "production" && (value === true) !== (el.tagName === "TEXTAREA")) {
        warnOnce("TextInput's multiline is read when the input is created; give it a new key to switch");
      }
      return;
    case "autoFocus":
      el.autofocus = value === true;
      return;
  }
}

function setImageProp(el: HTMLImageElement, name: string, value: unknown): void {
  if (name === "source") {
    // Decided on the URL as the browser parses it, against this document's base (see image-source.ts).
    const decision = resolveImageSource(value, { base: el.ownerDocument.baseURI });
    if (decision.action === "load") {
      el.src = decision.uri;
    } else {
      el.removeAttribute("src");
      if (decision.action === "refuse") currentRuntime().reportError(decision.error, { source: "host" });
    }
  } else if (name === "alt" || name === "accessibilityLabel") {
    // An image with no description is decorative: alt="" hides it from screen readers.
    el.alt = typeof value === "string" ? value : "";
  }
}

/** An input's accessible name: `label`, else `accessibilityLabel`, else its placeholder. */
function labelInput(el: Input, props: Props): void {
  const label = props.label ?? props.accessibilityLabel ?? props.placeholder;
  if (typeof label === "string" && label !== "") {
    el.setAttribute("aria-label", label);
  } else {
    el.removeAttribute("aria-label");
    if (options.dev && process.env.NODE_ENV !== "production") {
      warnOnce("TextInput has no label, accessibilityLabel or placeholder; screen readers cannot name it");
    }
  }
}

/** A clickable `View` behaves like a button for keyboards and screen readers. */
function makeClickable(el: HTMLElement, on: boolean, props: Props): void {
  if (on) {
    if (props.accessibilityRole === undefined) el.setAttribute("role", "button");
    el.tabIndex = 0;
  } else {
    if (props.accessibilityRole === undefined) el.removeAttribute("role");
    el.removeAttribute("tabindex");
  }
  flag(el, CLICK_KEY, on);
}

function isSized(style: unknown): boolean {
  if (typeof style !== "object" || style === null) return false;
  const s = style as Props;
  return s.width !== undefined || s.height !== undefined;
}

/** The role a view has when `accessibilityRole` does not say. */
function defaultRole(type: string, props: Props): string | undefined {
  if (type === "FlatList") return "list";
  if (type !== "Button" && props.onClick === true) return "button";
  return undefined;
}

function markListItem(parent: Node, child: Node): void {
  // Rows of a list are list items, whatever view a renderItem returned.
  // Spacers (aria-hidden) stay out of the accessibility tree.
  if (child instanceof Element && !child.hasAttribute("role") && !child.hasAttribute("aria-hidden") && (parent as Element).getAttribute?.("role") === "list") {
    child.setAttribute("role", "listitem");
  }
}

function setAttr(el: Element, name: string, value: unknown): void {
  if (value === undefined || value === null || value === false) el.removeAttribute(name);
  else el.setAttribute(name, String(value));
}

/** Adds the shared listener while the view has a handler (hosts see handlers as `true`); adding it twice is a no-op. */
function listen(el: HTMLElement, event: string, listener: (this: HTMLElement, e: Event) => void, handler: unknown): void {
  if (handler === true) el.addEventListener(event, listener as EventListener);
  else el.removeEventListener(event, listener as EventListener);
}

/** Where a view keeps the delegated events it handles: a bit set of the flags below. */
const LISTENS = Symbol("typenative.listens");
/** Has `onClick`. */
const CLICK = 1;
/** A clickable non-button: Enter and Space press it. */
const CLICK_KEY = 2;
/** A `TextInput` with `onChange`. */
const CHANGE = 4;
/** A `TextInput` with `onSubmitEditing`. */
const SUBMIT = 8;
/** Has `onPressIn` / `onPressOut` (press feedback, e.g. `Pressable`'s `{ pressed }`). */
const PRESS = 16;
/** Has `onLongPress`: a press held {@link LONG_PRESS_MS} fires it instead of `onClick`. */
const LONG_PRESS = 32;
const LONG_PRESS_MS = 500;
/** A `ScrollView` / `FlatList` with `onRefresh`: pulling down past its top refreshes it. */
const REFRESH = 64;
/** Has `onAccessibilityEscape`: Escape inside it calls it (a modal's close). */
const ESCAPE = 128;
/** How far (CSS px of wheel or finger travel) a pull at the top goes before it refreshes. */
const PULL_DISTANCE = 120;

type Flagged = HTMLElement & { [LISTENS]?: number };

function flag(el: HTMLElement, bit: number, on: boolean): void {
  const flags = (el as Flagged)[LISTENS] ?? 0;
  (el as Flagged)[LISTENS] = on ? flags | bit : flags & ~bit;
}

const delegated = new WeakSet<Document>();

/** One listener per document and event, whatever the number of views and roots. */
function delegateEvents(doc: Document): void {
  if (delegated.has(doc)) return;
  delegated.add(doc);
  doc.addEventListener("click", onClick);
  doc.addEventListener("keydown", onKeyDown);
  doc.addEventListener("input", onInput);
  doc.addEventListener("pointerdown", onPointerDown);
  doc.addEventListener("pointerup", onPointerEnd);
  doc.addEventListener("pointercancel", onPointerEnd);
  doc.addEventListener("wheel", onWheel, { passive: true });
  doc.addEventListener("touchstart", onTouchStart, { passive: true });
  doc.addEventListener("touchmove", onTouchMove, { passive: true });
}

/**
 * Pull-to-refresh on the web: wheel or finger travel upwards while the
 * list is already at its top adds up; past {@link PULL_DISTANCE} the list's
 * `onRefresh` fires once, and the pull starts over after a pause.
 */
let pull: { el: Element; distance: number; last: number; touchY: number } | null = null;

function pulling(target: EventTarget | null, now: number): NonNullable<typeof pull> | null {
  const el = nearest(target, REFRESH);
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
  emit(state.el, "onRefresh");
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

/** The view a pointer went down on, for press feedback and long presses. */
let pressed: { el: Element; timer: ReturnType<typeof setTimeout> | null; long: boolean } | null = null;

function nearest(target: EventTarget | null, bits: number): Element | null {
  for (let node = target as Node | null; node !== null; node = node.parentNode) {
    if (flagsOf(node) & bits) return (node as Element).getAttribute("aria-disabled") === "true" ? null : (node as Element);
  }
  return null;
}

function onPointerDown(event: Event): void {
  const el = nearest(event.target, PRESS | LONG_PRESS);
  if (el === null) return;
  const flags = flagsOf(el);
  const press = { el, timer: null as ReturnType<typeof setTimeout> | null, long: false };
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

function onPointerEnd(): void {
  const press = pressed;
  if (press === null) return;
  pressed = null;
  if (press.timer !== null) clearTimeout(press.timer);
  if (flagsOf(press.el) & PRESS) emit(press.el, "onPressOut");
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

function flagsOf(target: EventTarget | null): number {
  return target === null ? 0 : ((target as Flagged)[LISTENS] ?? 0);
}

// As on native platforms, only the innermost enabled view with an onClick
// handles a press; the DOM event still bubbles on for the page's own listeners.
function onClick(event: Event): void {
  for (let node = event.target as Node | null; node !== null; node = node.parentNode) {
    if (flagsOf(node) & CLICK && (node as Element).getAttribute("aria-disabled") !== "true") {
      emit(node, "onClick");
      return;
    }
  }
}

/**
 * Modal views (`accessibilityViewIsModal`, which `pn.Modal` sets): while one
 * is open, Tab and Shift+Tab cycle through its focusable elements only, and
 * when it closes the focus goes back to where it was before it opened.
 */
const openModals: Array<{ el: HTMLElement; previous: Element | null }> = [];
const pendingModals: HTMLElement[] = [];
const FOCUSABLE = "button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select, a[href], [tabindex]:not([tabindex='-1'])";

function focusNewModals(): void {
  for (const el of pendingModals.splice(0)) {
    if (!el.isConnected || el.getAttribute("aria-modal") !== "true" || openModals.some((m) => m.el === el)) continue;
    openModals.push({ el, previous: el.ownerDocument.activeElement });
    const first = el.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? el).focus();
  }
}

function closeModalsWithin(removed: Node): void {
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
    const target = nearest(event.target, ESCAPE);
    if (target !== null) {
      event.preventDefault();
      emit(target, "onAccessibilityEscape");
      return;
    }
  }
  const el = event.target as HTMLElement;
  const flags = flagsOf(el);
  if (flags === 0) return;
  const e = event as KeyboardEvent;
  if (flags & CLICK_KEY && (e.key === "Enter" || e.key === " ")) {
    event.preventDefault(); // Space would scroll the page.
    if (el.getAttribute("aria-disabled") !== "true") emit(el, "onClick");
  }
  if (flags & SUBMIT && e.key === "Enter" && !e.isComposing && el.tagName !== "TEXTAREA") {
    emit(el, "onSubmitEditing", (el as Input).value);
  }
}

function onInput(event: Event): void {
  const el = event.target as HTMLElement;
  if (flagsOf(el) & CHANGE) emit(el, "onChange", (el as Input).value);
}

function onFocus(this: HTMLElement): void {
  emit(this, "onFocus");
}

function onBlur(this: HTMLElement): void {
  emit(this, "onBlur");
}

function onScroll(this: HTMLElement): void {
  emitScroll(this);
}

/** What a scrolling view reports: where it is, how tall its window is, how tall its content. */
export interface ScrollEvent {
  offset: number;
  viewportHeight: number;
  contentHeight: number;
}

function emitScroll(el: HTMLElement): void {
  const event: ScrollEvent = { offset: el.scrollTop, viewportHeight: el.clientHeight, contentHeight: el.scrollHeight };
  emit(el, "onScroll", event);
}

/**
 * Reports a scrolling view's size when it is first laid out and whenever it
 * changes, as an `onScroll` event, so a windowed list learns its viewport
 * without waiting for the user to scroll.
 */
class ScrollWatch {
  private observer: ResizeObserver | null = null;
  private readonly watched = new Set<HTMLElement>();

  constructor(private readonly doc: Document) {}

  watch(el: HTMLElement): void {
    if (this.watched.has(el)) return;
    const Observer = (this.doc.defaultView as (Window & typeof globalThis) | null)?.ResizeObserver;
    if (Observer === undefined) return;
    this.observer ??= new Observer((entries) => {
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        if (target.isConnected && this.watched.has(target)) emitScroll(target);
      }
    });
    this.watched.add(el);
    this.observer.observe(el);
  }

  unwatch(el: HTMLElement): void {
    if (!this.watched.delete(el)) return;
    this.observer?.unobserve(el);
  }

  /** After a removal: stops observing the removed view and the views inside it. */
  forgetWithin(removed: Node): void {
    if (this.watched.size === 0) return;
    for (const el of Array.from(this.watched)) if (removed === el || removed.contains(el)) this.unwatch(el);
  }
}

const warned = new Set<string>();
/** Dev warnings of the web host go where the core's go (`pn.options.warn`), once each. */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  options.warn(message);
}
