import type { Element } from "./element.js";
import { Fragment } from "./element.js";
import type { Fiber } from "./fiber.js";
import {
  BOUNDARY, COMPONENT, DIRTY, EFFECTS_QUEUED, FORCED, FRAGMENT, HAS_EFFECTS, HOST, LAYOUT_EFFECTS, MEMO, PROVIDER, STORMY, TEXT,
  componentName, createFiber, forEachHost,
} from "./fiber.js";
import { contextSupport } from "./context-support.js";
import { current, FIBER_OF } from "./current.js";
import { mountChildren, reconcileChildren, type Item, type ItemVisitor, type MatchKey } from "./children.js";
import { applyChanges, diffProps, hasAnimatedStyle, hostProps } from "./props.js";
import {
  OP_ANIMATE, OP_TEXT, OP_UPDATE, RenderFailure, effectList, ops, remember, rememberCreated, workRoot,
} from "./work.js";
import { boundarySupport } from "./errors.js";
import { MEMO_COMPARE, type AreEqual } from "./memo.js";
import { nameOf } from "./component.js";
import { isDev } from "./options.js";
import { checkHostProps } from "./host-prop-checks.js";
import type { Props } from "./host.js";

const EMPTY_PROPS = Object.freeze({}) as Fiber["props"];

/** How the children diff (and boundary.ts) reach back into this file (passed, not imported, so the files form no cycle). */
export const visitor: ItemVisitor = { mount: mountItem, update: updateItem };

/** Creates the fiber (and detached views) for a new item. */
function mountItem(item: Item, key: MatchKey, parent: Fiber, index: number): Fiber {
  const root = workRoot();
  if (typeof item === "string") {
    const fiber = createFiber(TEXT, null, key, EMPTY_PROPS, parent, root);
    fiber.text = item;
    fiber.node = root.host.createText(item);
    (fiber.node as Record<symbol, unknown>)[FIBER_OF] = fiber;
    fiber.index = index;
    return fiber;
  }
  const type = item.type;
  const props = item.props;
  let fiber: Fiber;
  if (typeof type === "string") {
    fiber = createFiber(HOST, type, key, props, parent, root, item);
    if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production") checkHostProps(type, props, componentName(parent));
    const visible = hostProps(props);
    fiber.hostProps = visible;
    const node = root.host.createView(type, visible);
    (node as Record<symbol, unknown>)[FIBER_OF] = fiber;
    fiber.node = node;
    mountChildren(fiber, props.children, visitor);
    const children = fiber.children;
    for (let i = 0; i < children.length; i++) forEachHost(children[i]!, appendView, root.host, node);
    if (hasAnimatedStyle(props)) ops.push(OP_ANIMATE, fiber, null, null);
  } else if (typeof type === "function") {
    fiber = createFiber(COMPONENT, type, key, props, parent, root, item);
    if ((type as { [MEMO_COMPARE]?: unknown })[MEMO_COMPARE] !== undefined) fiber.flags |= MEMO;
    rememberCreated(fiber);
    renderComponent(fiber, true);
  } else if (type === Fragment) {
    fiber = createFiber(FRAGMENT, type, key, props, parent, root, item);
    mountChildren(fiber, props.children, visitor);
  } else if (boundarySupport.render !== null && type === boundarySupport.type) {
    // Installed by the `ErrorBoundary` that made the element (boundary.ts).
    fiber = createFiber(BOUNDARY, type, key, props, parent, root, item);
    boundarySupport.render(fiber, true);
  } else if (contextSupport.current !== null && contextSupport.current.isContext(type)) {
    // Installed by `createContext`: no Provider element exists before.
    fiber = createFiber(PROVIDER, type, key, props, parent, root, item);
    mountChildren(fiber, props.children, visitor);
  } else {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `Cannot render element of type ${String(type)}` : /* `Cannot render element of type ${String(type)}` */ `typenative #52: ${String(type)}`);
  }
  fiber.index = index;
  return fiber;
}

/** Appends a top-level view of a new subtree to a new host view. */
function appendView(host: Fiber["root"]["host"], parentNode: object, node: object): void {
  host.appendInitialChild(parentNode, node);
}

/** Brings a reused fiber up to date with a new item of the same type and key. */
function updateItem(fiber: Fiber, item: Item): Fiber {
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
  // A memo component with equal props keeps its output; it still renders
  // when its own state or context asked for it.
  if (fiber.flags & MEMO && (fiber.flags & DIRTY) === 0 && (fiber.type as { [MEMO_COMPARE]: AreEqual<Props> })[MEMO_COMPARE](fiber.props, item.props)) {
    return fiber;
  }
  remember(fiber);
  const prevProps = fiber.props;
  fiber.element = item;
  fiber.props = item.props;
  switch (fiber.kind) {
    case HOST: {
      const changes = diffProps(prevProps, item.props);
      if (changes !== null) {
        if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production") checkHostProps(fiber.type as string, item.props, componentName(fiber.parent));
        const visible = applyChanges(fiber.hostProps!, changes);
        fiber.hostProps = visible;
        ops.push(OP_UPDATE, fiber, changes, visible);
        if ("style" in changes && (fiber.unsubscribe !== null || hasAnimatedStyle(item.props))) {
          ops.push(OP_ANIMATE, fiber, null, null);
        }
      }
      reconcileChildren(fiber, item.props.children, visitor);
      break;
    }
    case COMPONENT:
      renderComponent(fiber, false);
      break;
    case PROVIDER:
      // A provider fiber exists only once context-support.ts is installed.
      contextSupport.current!.updated(fiber, prevProps);
      reconcileChildren(fiber, item.props.children, visitor);
      break;
    case BOUNDARY:
      // A boundary fiber exists only once boundary.ts installed its renderer.
      boundarySupport.render!(fiber, false);
      break;
    default:
      reconcileChildren(fiber, item.props.children, visitor);
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
  else if (fiber.kind === BOUNDARY) boundarySupport.render!(fiber, false);
  else {
    fiber.flags &= ~(DIRTY | FORCED | STORMY);
    reconcileChildren(fiber, fiber.element === null ? null : fiber.element.props.children, visitor);
  }
}

/** Calls the render function with hooks bound to `fiber`, then diffs its output. */
function renderComponent(fiber: Fiber, mounting: boolean): void {
  // Effect hooks set HAS_EFFECTS again when this render leaves one pending.
  fiber.flags &= ~(DIRTY | FORCED | STORMY | HAS_EFFECTS | LAYOUT_EFFECTS);
  current.fiber = fiber;
  current.index = 0;
  current.mounting = mounting;
  try {
    const output = (fiber.type as (props: unknown) => unknown)(fiber.props);
    if (!mounting && fiber.hooks !== null && current.index < fiber.hooks.length) {
      throw new Error(
        /* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production"
          ? `Rendered fewer hooks than during the previous render in ${nameOf(fiber.type)}: hooks must not be called conditionally`
          : /* `Rendered fewer hooks in ${nameOf(fiber.type)}` */ `typenative #53: ${nameOf(fiber.type)}`,
      );
    }
    current.fiber = null;
    if (mounting) mountChildren(fiber, output, visitor);
    else reconcileChildren(fiber, output, visitor);
  } catch (error) {
    current.fiber = null;
    // A failure of the render function, or a bad child (an object, an
    // unknown view type a host refused), is this component's render error:
    // its boundary catches it. A child's own failure passes through.
    throw error instanceof RenderFailure ? error : new RenderFailure(error, fiber);
  }
  if (fiber.flags & HAS_EFFECTS && (fiber.flags & EFFECTS_QUEUED) === 0) {
    fiber.flags |= EFFECTS_QUEUED;
    effectList.push(fiber);
  }
}

export type { Element };
