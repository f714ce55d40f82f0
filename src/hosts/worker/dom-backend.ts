/**
 * The page side's widgets: an {@link ApplierBackend} that builds the DOM
 * with the web host's own mapping (`createDomHost`: the same elements,
 * classes, styles, ARIA and controlled-input writes as `typenative/web`), and
 * raises DOM input back across the bridge.
 *
 * The web host's own listeners call the core's `emit`, which finds no
 * component here (the components live in the Worker) and does nothing. User
 * input is caught instead by a few listeners delegated on the container —
 * one per event kind, not one per view — and raised through the endpoint,
 * which sends it only for live views whose handler prop is `true`.
 */
import type { HostConfig, Props } from "../../core/host.js";
import { createDomHost } from "../web/dom-host.js";
import { ROOT_TAG } from "../bridge/protocol.js";
import type { ApplierBackend, ShadowNode } from "../bridge/applier.js";
import type { HostEndpoint } from "../bridge/endpoint.js";
import type { Json } from "../bridge/protocol.js";

type Input = HTMLInputElement | HTMLTextAreaElement;

/** What {@link createDomBackend} returns: the backend plus the wiring of events to an endpoint. */
export interface DomBackend extends ApplierBackend<Node> {
  /** Starts raising DOM input on `endpoint`. Returns a function that stops it. */
  listen(endpoint: HostEndpoint<Node>): () => void;
  /** The tag of the view `node` is, or undefined. */
  tagOf(node: Node): number | undefined;
}

/**
 * Creates the DOM backend rendering into `container` (which the app owns:
 * its children are replaced).
 *
 * @example
 * ```ts
 * const backend = createDomBackend(document.getElementById("root")!);
 * const endpoint = serveHost(transport, { backend, name: "web" });
 * backend.listen(endpoint);
 * ```
 */
export function createDomBackend(container: Element): DomBackend {
  const doc = container.ownerDocument;
  const dom: HostConfig<Node> = createDomHost(doc);
  const tags = new WeakMap<Node, number>();
  let endpoint: HostEndpoint<Node> | null = null;
  container.replaceChildren();

  const element = (node: ShadowNode<Node>): Node => (node.tag === ROOT_TAG ? container : node.handle);

  // Scrolling views report their size when first laid out and whenever it
  // changes, so a windowed FlatList learns its viewport before any scroll.
  const View = doc.defaultView as (Window & typeof globalThis) | null;
  const resizes = View?.ResizeObserver === undefined ? null : new View.ResizeObserver((entries) => {
    for (const entry of entries) raiseScroll(entry.target as HTMLElement);
  });
  const watchScroll = (el: Node, on: boolean): void => {
    if (resizes === null) return;
    if (on) resizes.observe(el as Element);
    else resizes.unobserve(el as Element);
  };

  function raiseScroll(el: HTMLElement): void {
    const tag = tags.get(el);
    if (tag === undefined || endpoint === null || !el.isConnected) return;
    endpoint.raise(tag, "onScroll", { offset: el.scrollTop, viewportHeight: el.clientHeight, contentHeight: el.scrollHeight });
  }

  /** The innermost view at or above `target` (inside the container) whose `name` prop is true. */
  function listening(target: EventTarget | null, name: string): { el: HTMLElement; tag: number } | null {
    if (endpoint === null) return null;
    for (let at = target as Node | null; at !== null && at !== container; at = at.parentNode) {
      const tag = tags.get(at);
      if (tag === undefined) continue;
      if (endpoint.applier.get(tag)?.props[name] === true) return { el: at as HTMLElement, tag };
    }
    return null;
  }

  /** The view `event.target` is, when it is one (no walking up). */
  function targetView(event: Event): { el: HTMLElement; node: ShadowNode<Node> } | null {
    const el = event.target as HTMLElement;
    const tag = tags.get(el);
    const node = tag === undefined || endpoint === null ? undefined : endpoint.applier.get(tag);
    return node === undefined ? null : { el, node };
  }

  const handlers: Record<string, (event: Event) => void> = {
    click(event) {
      // As on native platforms, only the innermost view with an onClick handles a press.
      const hit = listening(event.target, "onClick");
      if (hit === null || hit.el.getAttribute("aria-disabled") === "true") return;
      endpoint!.raise(hit.tag, "onClick");
    },
    keydown(event) {
      const e = event as KeyboardEvent;
      const view = targetView(e);
      if (view === null) return;
      const { el, node } = view;
      if (node.type === "TextInput") {
        if (e.key === "Enter" && !e.isComposing && el.tagName !== "TEXTAREA" && node.props.onSubmitEditing === true) {
          endpoint!.raise(node.tag, "onSubmitEditing", (el as Input).value);
        }
      } else if (node.type !== "Button" && node.props.onClick === true && (e.key === "Enter" || e.key === " ")) {
        // A clickable View is a button for the keyboard (the web host made it focusable).
        e.preventDefault();
        if (el.getAttribute("aria-disabled") !== "true") endpoint!.raise(node.tag, "onClick");
      }
    },
    input(event) {
      const view = targetView(event);
      // Counted even without an onChange: the edit number orders the runtime's answers.
      if (view !== null && view.node.type === "TextInput") endpoint!.userEdited(view.node.tag, (view.el as Input).value);
    },
    focusin(event) {
      const view = targetView(event);
      if (view !== null) endpoint!.raise(view.node.tag, "onFocus");
    },
    focusout(event) {
      const view = targetView(event);
      if (view !== null) endpoint!.raise(view.node.tag, "onBlur");
    },
    scroll(event) {
      raiseScroll(event.target as HTMLElement);
    },
  };

  return {
    createView(node) {
      const el = dom.createView(node.type, node.props as Props);
      tags.set(el, node.tag);
      if (node.props.onScroll === true) watchScroll(el, true);
      return el;
    },
    createText(node) {
      return dom.createText(node.text);
    },
    insert(parent, child, index) {
      // `parent.children` already holds `child` at `index`: insert before its next sibling.
      const next = parent.children[index + 1];
      dom.insertBefore(element(parent), child.handle, next === undefined ? null : next.handle);
    },
    move(parent, child, index) {
      const next = parent.children[index + 1];
      dom.insertBefore(element(parent), child.handle, next === undefined ? null : next.handle);
    },
    remove(parent, child) {
      dom.removeChild(element(parent), child.handle);
    },
    update(node, changes, removed) {
      if (removed.length === 0) dom.updateProps(node.handle, node.type, changes as Props, node.props as Props);
      else {
        const all: Record<string, Json | undefined> = { ...changes };
        for (const name of removed) all[name] = undefined;
        dom.updateProps(node.handle, node.type, all as Props, node.props as Props);
      }
      if ("onScroll" in changes || removed.includes("onScroll")) watchScroll(node.handle, node.props.onScroll === true);
    },
    setText(node) {
      dom.setText(node.handle, node.text);
    },
    release(node) {
      if (node.props.onScroll === true) watchScroll(node.handle, false);
    },
    listen(next) {
      endpoint = next;
      // Delegated: focus and scroll do not bubble, so those listen in the capture phase.
      for (const name of Object.keys(handlers)) container.addEventListener(name, handlers[name]!, name === "scroll");
      return () => {
        for (const name of Object.keys(handlers)) container.removeEventListener(name, handlers[name]!, name === "scroll");
        resizes?.disconnect();
        if (endpoint === next) endpoint = null;
      };
    },
    tagOf(node) {
      return tags.get(node);
    },
  };
}
