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
 * (flags.ts), so mounting a thousand clickable rows adds no listener at
 * all. `focus` and `blur` do not bubble: those views get a shared
 * listener (no closure per view) while they have the handler; so does
 * `scroll`, with the size reports, in scroll-watch.ts.
 *
 * What few views use is imported on first use (lazy.ts), in one chunk
 * (features.ts), so an app of `Text`s and `Button`s does not download it:
 * press feedback and long presses (press.ts), pull-to-refresh
 * (pull-to-refresh.ts), modal focus and Escape (modal-focus.ts), `onScroll`
 * (scroll-watch.ts) and image sources (image.ts). Their attributes (role,
 * tabindex, aria-*) are set at once; the listeners, the work and the flags
 * only those listeners read (press, long press, refresh, Escape: set by
 * each module) wait for the chunk.
 */
import type { HostConfig, Props } from "../../core/host.js";
import { dispatch as emit, fiberOf } from "../../core/events.js";
import { isDev, options } from "../../core/options.js";
import { currentRuntime, type Runtime } from "../../runtime/runtime.js";
import { applyStyle } from "./style.js";
import { installBaseStyles } from "./base-styles.js";
import { CHANGE, CLICK, CLICK_KEY, SUBMIT, flag, flagsOf, type FeatureContext } from "./flags.js";
import { lazy, perView, type PerView } from "./lazy.js";
import type { ScrollWatch } from "./scroll-watch.js";

export type { ScrollEvent } from "./scroll-watch.js";

/** The feature chunk (features.ts): one `import()` site for all of them. */
const loadFeatures = () => import("./features.js");
/** Press, pull-to-refresh and modal focus: each call waits for the chunk, in call order. */
const features = lazy(loadFeatures);
/** What those modules use of this one, passed in (see `FeatureContext`). */
const context: FeatureContext = { emit, flag, flagsOf };
/** Image sources: the latest per view until the module is here (images load asynchronously anyway). */
const imageSources = perView(
  loadFeatures,
  (module, el, [source, runtime]: readonly [unknown, Runtime]) => module.setImageSource(el as HTMLImageElement, source, runtime),
  ([source]) => source === undefined || source === null || source === "",
);
/** Modal views put on screen since the last commit; the modal module focuses them. */
const pendingModals: HTMLElement[] = [];
/** Set once a modal was shown: before that, no removal can close one. */
let modalsShown = false;

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
  let watcher: ScrollWatch | null = null;
  /** Size reports of views with `onScroll` (a ResizeObserver per document). */
  const scrollWatch = perView(
    loadFeatures,
    (module, el, on: boolean) => (watcher ??= new module.ScrollWatch(doc, emit)).set(el, on),
    (on) => !on,
  );
  /** What the features hold about a removed view and the views inside it goes. */
  function forgetRemoved(child: Node): void {
    watcher?.forgetWithin(child);
    scrollWatch.forget(child);
    imageSources.forget(child);
    // Open modals exist only once the module is here.
    if (modalsShown) features((module) => module.closeModalsWithin(child));
  }
  return {
    createView(type, props) {
      const spec = VIEWS[type];
      if (spec === undefined) {
        throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `web host: unknown view type "${type}" (expected one of ${Object.keys(VIEWS).join(", ")})` : /* `web host: unknown view type "${type}"` */ `typenative #86: ${type}`);
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
      forgetRemoved(child);
    },
    clearChildren(parent, count) {
      // Only when every DOM child is one the reconciler is removing.
      const nodes = parent.childNodes;
      if (nodes.length !== count) return false;
      // The bookkeeping removeChild does, per child, only when some feature is in use.
      const children = watcher !== null || modalsShown || scrollWatch.waiting() || imageSources.waiting() ? Array.from(nodes) : null;
      parent.textContent = "";
      if (children !== null) for (const child of children) forgetRemoved(child);
      return true;
    },
    commitEnd() {
      // A modal view put on screen by this commit takes the focus.
      if (pendingModals.length > 0) {
        modalsShown = true;
        features((module) => module.focusNewModals(pendingModals, context));
      }
    },
    updateProps(node, type, changes, props) {
      const el = node as HTMLElement;
      for (const name in changes) setProp(el, type, name, changes[name], props, scrollWatch);
      if (type === "TextInput" && ("label" in changes || "accessibilityLabel" in changes || "placeholder" in changes)) labelInput(el as Input, props);
    },
    setText(node, text) {
      (node as Text).data = text;
    },
  };
}

/** Writes one prop. `props` is the view's full current props. */
function setProp(el: HTMLElement, type: string, name: string, value: unknown, props: Props, scrollWatch: PerView<boolean>): void {
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
      // Any other value (none, a primitive) has none of the keys: `?.` reads undefined.
      for (const key of A11Y_STATES) {
        const v = (value as Record<string, unknown> | null | undefined)?.[key];
        setAttr(el, `aria-${key}`, typeof v === "boolean" || v === "mixed" ? String(v) : undefined);
      }
      return;
    }
    case "onClick":
      flag(el, CLICK, value === true);
      if (type !== "Button") makeClickable(el, props);
      return;
    case "disabled":
      if (type === "Button" || type === "TextInput") (el as HTMLButtonElement | Input).disabled = value === true;
      else setAttr(el, "aria-disabled", value === true || undefined);
      return;
    // The flags of these three features (press, Escape, refresh) are set by their modules, which alone read them.
    case "onPressIn":
    case "onPressOut":
    case "onLongPress":
    case "onAccessibilityEscape":
    case "onRefresh":
      if (name === "onLongPress" && type !== "Button") makeClickable(el, props);
      features((module) => module[name](el, value === true, context, props), value === true);
      return;
    case "accessibilityViewIsModal":
      setAttr(el, "aria-modal", value === true || undefined);
      if (value === true) {
        if (!el.hasAttribute("tabindex")) el.tabIndex = -1;
        pendingModals.push(el);
      }
      return;
    case "refreshing":
      setAttr(el, "aria-busy", value === true || undefined);
      return;
    case "onScroll":
      // Its listener and size reports are scroll-watch.ts's.
      scrollWatch(el, value === true);
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
    case "onBlur":
      listen(el, name === "onFocus" ? "focus" : "blur", onFocusChange, value);
      return;
    case "editable":
      el.readOnly = value === false;
      return;
    case "maxLength":
      // Infinity, NaN or a negative length is no limit: the DOM would make
      // Infinity 0 and throw on a negative (an int32 past 2^31 wraps negative).
      if (typeof value === "number" && value >= 0 && value < 2 ** 31) el.maxLength = value;
      else el.removeAttribute("maxlength");
      return;
    case "secureTextEntry":
      // Not `instanceof HTMLInputElement`: the class of this window, not of an iframe's document.
      if (el.tagName === "INPUT") (el as HTMLInputElement).type = value === true ? "password" : "text";
      return;
    case "multiline":
      if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" && (value === true) !== (el.tagName === "TEXTAREA")) {
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
    // Checked in image.ts; a refusal goes to the runtime rendering now.
    imageSources(el, [value, currentRuntime()]);
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
    if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production") {
      warnOnce("TextInput has no label, accessibilityLabel or placeholder; screen readers cannot name it");
    }
  }
}

/** A pressable `View` behaves like a button for keyboards and screen readers, while it is one. */
function makeClickable(el: HTMLElement, props: Props): void {
  const on = isPressable(props);
  if (on) {
    if (props.accessibilityRole === undefined) el.setAttribute("role", "button");
    el.tabIndex = 0;
  } else {
    if (props.accessibilityRole === undefined) el.removeAttribute("role");
    el.removeAttribute("tabindex");
  }
  flag(el, CLICK_KEY, on);
}

/** A view with `onClick` or `onLongPress` (`props` are the view's current ones) is pressable: a button to keyboards and screen readers. */
function isPressable(props: Props): boolean {
  return props.onClick === true || props.onLongPress === true;
}

function isSized(style: unknown): boolean {
  // No style, or not an object: no width or height (`?.` reads undefined).
  const s = style as Props | null | undefined;
  return s?.width !== undefined || s?.height !== undefined;
}

/** The role a view has when `accessibilityRole` does not say. */
function defaultRole(type: string, props: Props): string | undefined {
  if (type === "FlatList") return "list";
  if (type !== "Button" && isPressable(props)) return "button";
  return undefined;
}

function markListItem(parent: Node, child: Node): void {
  // Rows of a list are list items, whatever view a renderItem returned.
  // Spacers (aria-hidden) stay out of the accessibility tree. A text node has
  // no hasAttribute (`=== false` fails); not `instanceof Element`: that is
  // this window's class, not an iframe document's.
  if (!(child as Element).hasAttribute?.("role") && (child as Element).hasAttribute?.("aria-hidden") === false && (parent as Element).getAttribute?.("role") === "list") {
    (child as Element).setAttribute("role", "listitem");
  }
}

/** Removes the attribute for `undefined`, `null` and `false`; else writes the value as text (`true` as "true"). */
function setAttr(el: Element, name: string, value: unknown): void {
  if (value === undefined || value === null || value === false) el.removeAttribute(name);
  else el.setAttribute(name, String(value));
}

/** Adds the shared listener while the view has a handler (hosts see handlers as `true`); adding it twice is a no-op. */
function listen(el: HTMLElement, event: string, listener: (this: HTMLElement, e: Event) => void, handler: unknown): void {
  if (handler === true) el.addEventListener(event, listener as EventListener);
  else el.removeEventListener(event, listener as EventListener);
}

const delegated = new WeakSet<Document>();

/** One listener per document and event, whatever the number of views and roots. */
function delegateEvents(doc: Document): void {
  if (delegated.has(doc)) return;
  delegated.add(doc);
  doc.addEventListener("click", onClick);
  doc.addEventListener("keydown", onKeyDown);
  doc.addEventListener("input", onInput);
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

// Tab in a modal and Escape are modal-focus.ts's own listener.
function onKeyDown(event: Event): void {
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
  const el = event.target as Input;
  if (flagsOf(el) & CHANGE) emit(el, "onChange", el.value);
  // Once the change is rendered (the flush is a microtask queued before this
  // one), a controlled input shows its value: text its handler refused goes.
  queueMicrotask(() => {
    const value = fiberOf(el)?.props.value;
    if (typeof value === "string" && el.value !== value) el.value = value;
  });
}

/** `focus` → `onFocus`, `blur` → `onBlur`: one shared listener for both. */
function onFocusChange(this: HTMLElement, event: Event): void {
  emit(this, event.type === "focus" ? "onFocus" : "onBlur");
}

const warned = new Set<string>();
/** Dev warnings of the web host go where the core's go (`pn.options.warn`), once each. */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  options.warn(message);
}
