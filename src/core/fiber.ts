import type { Scope } from "../runtime/scope.js";
import type { Runtime } from "../runtime/runtime.js";
import type { HostConfig, Props } from "./host.js";
import type { Element, Key } from "./element.js";
import type { Hook } from "./hook-types.js";
import { nameOf } from "./component.js";

/** What a fiber stands for. */
export const HOST = 1;
export const TEXT = 2;
export const COMPONENT = 3;
export const FRAGMENT = 4;
export const PROVIDER = 5;
export const BOUNDARY = 6;
export const ROOT = 7;

/** Needs a render in the next flush. */
export const DIRTY = 1 << 0;
/** Committed at least once: its effects ran, its hosts are attached. */
export const MOUNTED = 1 << 1;
/** Gone: setters drop, handlers do nothing. */
export const UNMOUNTED = 1 << 2;
/** Removed in the render in progress; anchor searches skip it. */
export const DELETED = 1 << 3;
/** Has effect slots waiting for the commit. */
export const HAS_EFFECTS = 1 << 4;
/** A dropped setter call has already been warned about. */
export const WARNED_UNMOUNTED = 1 << 5;
/**
 * Dirty for a reason other than its own state (context, boundary, root):
 * it renders even when every state hook's pending value equals its state.
 */
export const FORCED = 1 << 6;
/** Its render was asked for by a setter called while rendering or running effects: counts toward the storm guard. */
export const STORMY = 1 << 7;
/** A `pn.memo` component: an update with equal props is skipped. */
export const MEMO = 1 << 8;
/** In `effectList` already: a component rendered twice in one flush is queued once, at its first place. */
export const EFFECTS_QUEUED = 1 << 9;
/** Its last render left a layout effect pending (a subset of HAS_EFFECTS): commits skip the layout pass of the others. */
export const LAYOUT_EFFECTS = 1 << 10;

/** Per-root state shared by every fiber in it. */
export interface RootState {
  host: HostConfig<object>;
  container: object;
  fiber: Fiber;
  /** Components waiting for a render, in the order they asked. */
  dirty: Fiber[];
  flushScheduled: boolean;
  unmounted: boolean;
  /** Renders and commits the dirty components; queued on the loop by the first update request. */
  flush: () => void;
  /** The runtime whose loop renders this root and whose services its components use. */
  runtime: Runtime;
  /** Removed components whose passive cleanups are due, parent first. */
  removed: Fiber[];
  /** Committed components with passive effects due, children before parents. */
  passive: Fiber[];
  passiveScheduled: boolean;
  /** `flushPassiveEffects` bound to this root, for the loop. */
  flushPassive: () => void;
}

/**
 * One node of the rendered tree. Fibers are reused across renders (their
 * identity is what keeps host views and hook state alive) and mutated in
 * place; the undo log in `work.ts` restores them when a render fails.
 */
export interface Fiber {
  kind: number;
  /** Host type name, render function, context, or null. */
  type: unknown;
  /** Explicit key (string/number) or the position among unkeyed siblings. */
  key: Key | null;
  /** Element props; for text fibers, unused. */
  props: Props;
  /** HOST fibers: what the host was last given (no children, handlers as `true`, styles resolved); computed while rendering. */
  hostProps: Props | null;
  /** The element last rendered into this fiber, for the same-element bailout. */
  element: Element | null;
  text: string;
  parent: Fiber | null;
  children: Fiber[];
  /** Position in `parent.children`, kept current by the children diff. */
  index: number;
  depth: number;
  flags: number;
  /** The host view, for HOST and TEXT fibers (and the container for ROOT). */
  node: object | null;
  root: RootState;
  hooks: Hook[] | null;
  scope: Scope | null;
  /** Context consumers (PROVIDER) or provider fibers this component reads (COMPONENT). */
  links: Set<Fiber> | null;
  /** Render-storm bookkeeping: consecutive flushes with no idle loop turn between them. */
  stormCount: number;
  stormTurn: number;
  /** ErrorBoundary: the error being shown, or NO_ERROR. */
  error: unknown;
  /** Host fibers with animated styles: undoes the value subscriptions. */
  unsubscribe: (() => void) | null;
}

// No description: an internal sentinel, and bytes in every first load.
export const NO_ERROR: unique symbol = Symbol();

export function createFiber(kind: number, type: unknown, key: Key | null, props: Props, parent: Fiber | null, root: RootState, element: Element | null = null): Fiber {
  return {
    kind,
    type,
    key,
    props,
    hostProps: null,
    element,
    text: "",
    parent,
    children: EMPTY,
    index: 0,
    depth: parent === null ? 0 : parent.depth + 1,
    flags: 0,
    node: null,
    root,
    hooks: null,
    scope: null,
    links: null,
    stormCount: 0,
    stormTurn: -1,
    error: NO_ERROR,
    unsubscribe: null,
  };
}

/** Shared empty children list; never mutated (the diff always builds a new array). */
export const EMPTY: Fiber[] = [];

/** The first host view in `fiber`'s subtree, in order, or null when it renders none. */
export function firstHost(fiber: Fiber): object | null {
  if (fiber.kind === HOST || fiber.kind === TEXT) return fiber.node;
  const children = fiber.children;
  for (let i = 0; i < children.length; i++) {
    const node = firstHost(children[i]!);
    if (node !== null) return node;
  }
  return null;
}

/**
 * Calls `each(a, b, view)` for each top-level host view of `fiber`, in
 * order: one walk for appending, placing and detaching views (`a` and `b`
 * are passed through, so the callers' functions close over nothing and no
 * call allocates).
 */
export function forEachHost<A, B>(fiber: Fiber, each: (a: A, b: B, node: object) => void, a: A, b: B): void {
  if (fiber.kind === HOST || fiber.kind === TEXT) {
    each(a, b, fiber.node!);
    return;
  }
  const children = fiber.children;
  for (let i = 0; i < children.length; i++) forEachHost(children[i]!, each, a, b);
}

/** The nearest ancestor that owns a host view (HOST or ROOT): where `fiber`'s top views live. */
export function hostParentOf(fiber: Fiber): Fiber {
  let p = fiber.parent;
  while (p !== null && p.kind !== HOST && p.kind !== ROOT) p = p.parent;
  return p!;
}

/**
 * The host view that follows `fiber`'s views inside their host parent, or null
 * when they are last. Walks later siblings, then up through fibers that have
 * no view of their own. Fibers deleted in this render are skipped.
 */
export function nextHostAfter(fiber: Fiber): object | null {
  let f: Fiber = fiber;
  for (;;) {
    const parent = f.parent;
    if (parent === null) return null;
    const siblings = parent.children;
    for (let i = f.index + 1; i < siblings.length; i++) {
      const s = siblings[i]!;
      if (s.flags & DELETED) continue;
      const node = firstHost(s);
      if (node !== null) return node;
    }
    if (parent.kind === HOST || parent.kind === ROOT) return null;
    f = parent;
  }
}

/** The nearest component fiber at or above `fiber`: who owns its handlers' tasks. */
export function ownerComponent(fiber: Fiber): Fiber | null {
  let f: Fiber | null = fiber;
  while (f !== null && f.kind !== COMPONENT) f = f.parent;
  return f;
}

/** "in Child\n in Parent\n in App", innermost first, for error reports. */
export function componentStack(fiber: Fiber | null): string {
  const lines: string[] = [];
  for (let f = fiber; f !== null; f = f.parent) {
    if (f.kind === COMPONENT) lines.push(`    in ${nameOf(f.type)}`);
    else if (f.kind === BOUNDARY) lines.push("    in ErrorBoundary");
  }
  return lines.join("\n");
}

/** The display name of the nearest component at or above `fiber`. */
export function componentName(fiber: Fiber | null): string | undefined {
  const owner = fiber === null ? null : ownerComponent(fiber);
  return owner === null ? undefined : nameOf(owner.type);
}
