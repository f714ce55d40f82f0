import type { Element } from "./element.js";
import { Fragment } from "./element.js";
import type { Fiber } from "./fiber.js";
import {
  BOUNDARY, COMPONENT, DIRTY, EMPTY, FRAGMENT, HAS_EFFECTS, HOST, NO_ERROR, PROVIDER, TEXT,
  componentStack, createFiber,
} from "./fiber.js";
import { BOUNDARY_TYPE, isContextType } from "./types.js";
import { current, FIBER_OF } from "./current.js";
import { mountChildren, reconcileChildren, type Item } from "./children.js";
import { hasAnimatedStyle, diffProps, hostProps } from "./props.js";
import {
  OP_ANIMATE, OP_TEXT, OP_UPDATE, RenderFailure, effectList, ops, remember, rememberCreated, rollback, savepoint, workRoot,
} from "./work.js";
import { scheduleUpdate } from "./scheduler.js";
import { nameOf } from "./component.js";
import { runtime } from "../runtime/runtime.js";

const EMPTY_PROPS = Object.freeze({}) as Fiber["props"];

/** Creates the fiber (and detached views) for a new item. */
export function mountItem(item: Item, parent: Fiber, index: number): Fiber {
  const root = workRoot();
  if (typeof item === "string") {
    const fiber = createFiber(TEXT, null, index, EMPTY_PROPS, parent, root);
    fiber.text = item;
    fiber.node = root.host.createText(item);
    (fiber.node as Record<symbol, unknown>)[FIBER_OF] = fiber;
    return fiber;
  }
  const type = item.type;
  const key = item.key ?? index;
  const props = item.props;
  let fiber: Fiber;
  if (typeof type === "string") {
    fiber = createFiber(HOST, type, key, props, parent, root);
    fiber.element = item;
    const node = root.host.createView(type, hostProps(props));
    (node as Record<symbol, unknown>)[FIBER_OF] = fiber;
    fiber.node = node;
    mountChildren(fiber, props.children);
    const children = fiber.children;
    for (let i = 0; i < children.length; i++) appendHosts(root.host, node, children[i]!);
    if (hasAnimatedStyle(props)) ops.push(OP_ANIMATE, fiber, null, null);
  } else if (typeof type === "function") {
    fiber = createFiber(COMPONENT, type, key, props, parent, root);
    fiber.element = item;
    rememberCreated(fiber);
    renderComponent(fiber, true);
  } else if (type === Fragment) {
    fiber = createFiber(FRAGMENT, type, key, props, parent, root);
    fiber.element = item;
    mountChildren(fiber, props.children);
  } else if (type === BOUNDARY_TYPE) {
    fiber = createFiber(BOUNDARY, type, key, props, parent, root);
    fiber.element = item;
    renderBoundary(fiber, true);
  } else if (isContextType(type)) {
    fiber = createFiber(PROVIDER, type, key, props, parent, root);
    fiber.element = item;
    mountChildren(fiber, props.children);
  } else {
    throw new TypeError(`Cannot render element of type ${String(type)}`);
  }
  fiber.index = index;
  return fiber;
}

/** Appends the top-level views of a new subtree to a new host view. */
function appendHosts(host: Fiber["root"]["host"], parentNode: object, fiber: Fiber): void {
  if (fiber.kind === HOST || fiber.kind === TEXT) {
    host.appendInitialChild(parentNode, fiber.node!);
    return;
  }
  const children = fiber.children;
  for (let i = 0; i < children.length; i++) appendHosts(host, parentNode, children[i]!);
}

/** Brings a reused fiber up to date with a new item of the same type and key. */
export function updateItem(fiber: Fiber, item: Item): Fiber {
  if (typeof item === "string") {
    if (fiber.text !== item) {
      remember(fiber);
      fiber.text = item;
      ops.push(OP_TEXT, fiber.node, item, null);
    }
    return fiber;
  }
  // Elements are immutable: the same element means the same output, unless
  // the component asked for a render itself (then it is in the dirty list).
  if (fiber.element === item && (fiber.flags & DIRTY) === 0) return fiber;
  remember(fiber);
  const prevProps = fiber.props;
  fiber.element = item;
  fiber.props = item.props;
  switch (fiber.kind) {
    case HOST: {
      const changes = diffProps(prevProps, item.props);
      if (changes !== null) {
        ops.push(OP_UPDATE, fiber.node, fiber, changes);
        if ("style" in changes && (fiber.unsubscribe !== null || hasAnimatedStyle(item.props))) {
          ops.push(OP_ANIMATE, fiber, null, null);
        }
      }
      reconcileChildren(fiber, item.props.children);
      break;
    }
    case COMPONENT:
      renderComponent(fiber, false);
      break;
    case PROVIDER:
      if (!Object.is(prevProps.value, item.props.value)) notifyConsumers(fiber);
      reconcileChildren(fiber, item.props.children);
      break;
    case BOUNDARY:
      renderBoundary(fiber, false);
      break;
    default:
      reconcileChildren(fiber, item.props.children);
  }
  return fiber;
}

/**
 * Re-renders a component that asked for it (a dirty root of the flush).
 * Records it first so a failure can restore it.
 */
export function rerender(fiber: Fiber): void {
  remember(fiber);
  if (fiber.kind === COMPONENT) renderComponent(fiber, false);
  else if (fiber.kind === BOUNDARY) renderBoundary(fiber, false);
  else reconcileChildren(fiber, fiber.element === null ? null : fiber.element.props.children);
}

/** Calls the render function with hooks bound to `fiber`, then diffs its output. */
function renderComponent(fiber: Fiber, mounting: boolean): void {
  fiber.flags &= ~DIRTY;
  current.fiber = fiber;
  current.index = 0;
  current.mounting = mounting;
  let output: unknown;
  try {
    output = (fiber.type as (props: unknown) => unknown)(fiber.props);
    if (!mounting && fiber.hooks !== null && current.index < fiber.hooks.length) {
      throw new Error(`Rendered fewer hooks than during the previous render in ${nameOf(fiber.type)}: hooks must not be called conditionally`);
    }
  } catch (error) {
    throw error instanceof RenderFailure ? error : new RenderFailure(error, fiber);
  } finally {
    current.fiber = null;
  }
  if (mounting) mountChildren(fiber, output);
  else reconcileChildren(fiber, output);
  if (fiber.flags & HAS_EFFECTS) effectList.push(fiber);
}

/**
 * Renders an ErrorBoundary: its children, or its fallback when a descendant
 * failed. A failure while rendering the children is rolled back to the
 * boundary's savepoint (nothing of it reaches the host) and the fallback
 * renders in its place within the same render.
 */
function renderBoundary(fiber: Fiber, mounting: boolean): void {
  const mode = fiber.error === NO_ERROR ? "" : "error";
  if (!mounting && fiber.text !== mode) {
    // Switching between children and fallback always remounts: reset()
    // promises fresh children, and a fallback never inherits their state.
    reconcileChildren(fiber, null);
  }
  fiber.text = mode;
  if (mode === "error") {
    renderList(fiber, fallbackOf(fiber), mounting);
    return;
  }
  const save = savepoint();
  try {
    renderList(fiber, fiber.props.children, mounting);
  } catch (failure) {
    if (!(failure instanceof RenderFailure)) throw failure;
    rollback(save);
    if (mounting) fiber.children = EMPTY;
    else reconcileChildren(fiber, null);
    catchError(fiber, failure.error, failure.fiber);
    fiber.text = "error";
    renderList(fiber, fallbackOf(fiber), mounting && fiber.children.length === 0);
  }
}

function renderList(fiber: Fiber, raw: unknown, mounting: boolean): void {
  if (mounting) mountChildren(fiber, raw);
  else reconcileChildren(fiber, raw);
}

/** Puts a boundary into its error state and tells its `onError`. */
export function catchError(boundary: Fiber, error: unknown, source: Fiber | null): void {
  boundary.error = error;
  const onError = boundary.props.onError;
  if (typeof onError === "function") {
    const info = { source: "render", component: source === null ? undefined : nameOf(source.type), componentStack: componentStack(source) };
    try {
      onError(error, info);
    } catch (handlerError) {
      runtime.reportError(handlerError, { source: "ErrorBoundary.onError" });
    }
  }
}

function fallbackOf(fiber: Fiber): unknown {
  const fallback = fiber.props.fallback;
  if (typeof fallback !== "function") return fallback ?? null;
  const reset = (): void => {
    if (fiber.error === NO_ERROR) return;
    fiber.error = NO_ERROR;
    scheduleUpdate(fiber);
  };
  return (fallback as (error: unknown, reset: () => void) => unknown)(fiber.error, reset);
}

/** The nearest ErrorBoundary above `fiber` that is not already showing an error. */
export function findBoundary(fiber: Fiber): Fiber | null {
  for (let f = fiber.parent; f !== null; f = f.parent) {
    if (f.kind === BOUNDARY && f.error === NO_ERROR && f.text === "") return f;
  }
  return null;
}

function notifyConsumers(provider: Fiber): void {
  const consumers = provider.links;
  if (consumers === null) return;
  for (const consumer of consumers) scheduleUpdate(consumer);
}

export type { Element };
