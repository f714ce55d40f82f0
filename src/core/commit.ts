import type { Fiber, RootState } from "./fiber.js";
import { COMPONENT, DIRTY, HAS_EFFECTS, HOST, TEXT, UNMOUNTED, componentName, componentStack } from "./fiber.js";
import { EFFECT, type EffectHook } from "./hook-types.js";
import { OP_ANIMATE, OP_INSERT, OP_MOVE, OP_REMOVE, OP_SIZE, OP_TEXT, OP_UPDATE, effectList, ops } from "./work.js";
import { animatedNodesOf, resolveStyle } from "./animated-style.js";
import { catchError, findBoundary } from "./reconcile.js";
import { scheduleUpdate } from "./scheduler.js";
import { getComponentScope } from "./scope.js";
import { runtime, withScope } from "../runtime/runtime.js";
import { isThenable } from "../runtime/task.js";

/** Components whose passive effects wait for the next loop turn. */
let passiveQueue: Fiber[] = [];
let passiveScheduled = false;

/**
 * Applies the op log to the host in one batch, then runs layout effects
 * (children before parents) and queues passive effects on the loop.
 */
export function commitRoot(root: RootState): void {
  const host = root.host;
  if (ops.length > 0) {
    host.commitStart?.();
    try {
      for (let i = 0; i < ops.length; i += OP_SIZE) {
        const code = ops[i];
        const a = ops[i + 1];
        const b = ops[i + 2];
        const c = ops[i + 3];
        if (code === OP_INSERT || code === OP_MOVE) host.insertBefore(a as object, b as object, c as object | null);
        else if (code === OP_UPDATE) {
          const fiber = b as Fiber;
          host.updateProps(a as object, fiber.type as string, c as Record<string, unknown>, hostView(fiber));
        } else if (code === OP_TEXT) host.setText(a as object, b as string);
        else if (code === OP_REMOVE) removeFiber(host, a as object, b as Fiber);
        else if (code === OP_ANIMATE) followAnimatedStyle(a as Fiber);
      }
    } finally {
      ops.length = 0;
      host.commitEnd?.();
    }
  }
  if (effectList.length === 0) return;
  const fibers = effectList.slice();
  effectList.length = 0;
  for (let i = 0; i < fibers.length; i++) runEffects(fibers[i]!, true);
  for (let i = 0; i < fibers.length; i++) passiveQueue.push(fibers[i]!);
  if (!passiveScheduled) {
    passiveScheduled = true;
    runtime.getLoop().callSoon(flushPassiveEffects);
  }
}

/** Runs queued passive effects now. A flush calls this first, so effects never fall behind renders. */
export function flushPassiveEffects(): void {
  passiveScheduled = false;
  if (passiveQueue.length === 0) return;
  const fibers = passiveQueue;
  passiveQueue = [];
  for (let i = 0; i < fibers.length; i++) runEffects(fibers[i]!, false);
}

function runEffects(fiber: Fiber, layout: boolean): void {
  if (fiber.flags & UNMOUNTED) return;
  const hooks = fiber.hooks;
  if (hooks === null) return;
  let remaining = false;
  for (let i = 0; i < hooks.length; i++) {
    const hook = hooks[i]!;
    if (hook.tag !== EFFECT || !hook.pending) continue;
    if (hook.layout !== layout) {
      remaining = true;
      continue;
    }
    hook.pending = false;
    runCleanup(fiber, hook);
    try {
      const result = withScope(getComponentScope(fiber), hook.create);
      if (typeof result === "function") hook.cleanup = result as () => void;
      else if (isThenable(result)) {
        // An async function passed to useEffect: its promise is not a cleanup.
        // Keep its failure visible without an unhandled rejection.
        result.then(undefined, (error: unknown) => reportEffectError(fiber, error));
      }
    } catch (error) {
      effectFailed(fiber, error);
      return;
    }
  }
  if (!remaining) fiber.flags &= ~HAS_EFFECTS;
}

function runCleanup(fiber: Fiber, hook: EffectHook): void {
  const cleanup = hook.cleanup;
  if (cleanup === null) return;
  hook.cleanup = null;
  try {
    withScope(getComponentScope(fiber), cleanup);
  } catch (error) {
    reportEffectError(fiber, error);
  }
}

/** A synchronous effect threw: its boundary shows the fallback, else `onError`. */
function effectFailed(fiber: Fiber, error: unknown): void {
  const boundary = findBoundary(fiber);
  if (boundary === null) {
    reportEffectError(fiber, error);
    return;
  }
  catchError(boundary, error, fiber);
  boundary.flags &= ~DIRTY;
  scheduleUpdate(boundary);
}

function reportEffectError(fiber: Fiber, error: unknown): void {
  runtime.reportError(error, { source: "effect", component: componentName(fiber), componentStack: componentStack(fiber) });
}

/** Detaches a fiber's views, then unmounts its subtree. */
function removeFiber(host: RootState["host"], parentNode: object, fiber: Fiber): void {
  detachHosts(host, parentNode, fiber);
  unmountFiber(fiber);
}

function detachHosts(host: RootState["host"], parentNode: object, fiber: Fiber): void {
  if (fiber.kind === HOST || fiber.kind === TEXT) {
    host.removeChild(parentNode, fiber.node!);
    return;
  }
  const children = fiber.children;
  for (let i = 0; i < children.length; i++) detachHosts(host, parentNode, children[i]!);
}

/**
 * Ends a subtree's life, children before parents: effect cleanups run, owned
 * tasks are cancelled, animated styles stop following their values, setters
 * go quiet.
 */
export function unmountFiber(fiber: Fiber): void {
  const children = fiber.children;
  for (let i = 0; i < children.length; i++) unmountFiber(children[i]!);
  fiber.flags |= UNMOUNTED;
  fiber.flags &= ~DIRTY;
  if (fiber.unsubscribe !== null) {
    fiber.unsubscribe();
    fiber.unsubscribe = null;
  }
  if (fiber.kind !== COMPONENT) {
    if (fiber.links !== null) fiber.links = null;
    return;
  }
  const hooks = fiber.hooks;
  if (hooks !== null) {
    for (let i = 0; i < hooks.length; i++) {
      const hook = hooks[i]!;
      if (hook.tag === EFFECT) runCleanup(fiber, hook);
    }
  }
  fiber.scope?.close();
  if (fiber.links !== null) {
    for (const provider of fiber.links) provider.links?.delete(fiber);
    fiber.links = null;
  }
}

/** The props a host sees for a fiber (style resolved, children dropped). */
function hostView(fiber: Fiber): Record<string, unknown> {
  const props = fiber.props;
  const out: Record<string, unknown> = {};
  for (const name in props) if (name !== "children") out[name] = name === "style" ? resolveStyle(props[name]) : props[name];
  return out;
}

/**
 * Subscribes a host view to the animated values in its style, so each change
 * writes the new style straight to the host: no component re-renders.
 */
function followAnimatedStyle(fiber: Fiber): void {
  if (fiber.unsubscribe !== null) {
    fiber.unsubscribe();
    fiber.unsubscribe = null;
  }
  if (fiber.flags & UNMOUNTED || fiber.kind !== HOST) return;
  const nodes = animatedNodesOf(fiber.props.style);
  if (nodes.length === 0) return;
  const host = fiber.root.host;
  const write = (): void => {
    if (fiber.flags & UNMOUNTED) return;
    const props = hostView(fiber);
    host.updateProps(fiber.node!, fiber.type as string, { style: props.style }, props);
  };
  const unsubscribers = nodes.map((node) => node.addListener(write));
  fiber.unsubscribe = () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

