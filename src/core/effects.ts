import type { Fiber, RootState } from "./fiber.js";
import { COMPONENT, LAYOUT_EFFECTS, UNMOUNTED } from "./fiber.js";
import { EFFECT, type EffectHook } from "./hook-types.js";
import { routeError } from "./errors.js";
import { beginEffects, endEffects } from "./dirty.js";
import { effectScope } from "./scope.js";
import { isDev, options } from "./options.js";
import { nameOf } from "./component.js";
import { enterRuntime, leaveRuntime, withOwner } from "../runtime/runtime.js";
import { isThenable } from "../runtime/task.js";

/**
 * Running effects, in React's order. For one commit:
 *
 * 1. layout cleanups of removed subtrees, parent first in tree order, while
 *    their views are still attached (`runRemovedLayoutCleanups`, before the
 *    host ops);
 * 2. the host ops;
 * 3. layout cleanups of updated components, then every layout effect,
 *    children before parents (`runLayoutEffects`);
 * 4. on the next loop turn (or before the next render, whichever is first):
 *    passive cleanups of removed components, then of updated ones, then
 *    every passive effect (`flushPassiveEffects`).
 *
 * Every cleanup of a kind runs before any effect of that kind, so an effect
 * never sees a sibling's stale subscription. Errors thrown by effects and
 * cleanups alike go to the nearest ErrorBoundary.
 */

/** Step 1: a removed subtree's layout cleanups, parent first; its passive cleanups are queued for step 4. */
export function runRemovedLayoutCleanups(fiber: Fiber): void {
  if (fiber.kind === COMPONENT && fiber.hooks !== null) {
    const hooks = fiber.hooks;
    let passive = false;
    for (let i = 0; i < hooks.length; i++) {
      const hook = hooks[i]!;
      if (hook.tag !== EFFECT) continue;
      if (hook.layout) runCleanup(fiber, hook);
      else if (hook.cleanup !== null) passive = true;
    }
    if (passive) fiber.root.removed.push(fiber);
  }
  const children = fiber.children;
  for (let i = 0; i < children.length; i++) runRemovedLayoutCleanups(children[i]!);
}

/** Step 3: `fibers` in commit order (children before parents). Queues their passive effects. */
export function runLayoutEffects(root: RootState, fibers: readonly Fiber[]): void {
  // Most components have only passive effects: their hooks are not walked here.
  for (let i = 0; i < fibers.length; i++) if (fibers[i]!.flags & LAYOUT_EFFECTS) runCleanups(fibers[i]!, true);
  for (let i = 0; i < fibers.length; i++) if (fibers[i]!.flags & LAYOUT_EFFECTS) runCreates(fibers[i]!, true);
  const passive = root.passive;
  for (let i = 0; i < fibers.length; i++) passive.push(fibers[i]!);
  schedulePassive(root);
}

/** Queues step 4 on the root's loop (it runs earlier if a render comes first). */
export function schedulePassive(root: RootState): void {
  if (root.passiveScheduled || (root.passive.length === 0 && root.removed.length === 0)) return;
  root.passiveScheduled = true;
  root.runtime.getLoop().callSoon(root.flushPassive);
}

/** Step 4, now. A flush calls this first, so effects never fall behind renders. */
export function flushPassiveEffects(root: RootState): void {
  root.passiveScheduled = false;
  if (root.removed.length === 0 && root.passive.length === 0) return;
  const previous = enterRuntime(root.runtime);
  try {
    runPassive(root);
  } finally {
    leaveRuntime(previous);
  }
}

function runPassive(root: RootState): void {
  if (root.removed.length > 0) {
    const removed = root.removed;
    root.removed = [];
    for (let i = 0; i < removed.length; i++) {
      const fiber = removed[i]!;
      const hooks = fiber.hooks!;
      for (let h = 0; h < hooks.length; h++) {
        const hook = hooks[h]!;
        if (hook.tag === EFFECT && !hook.layout) runCleanup(fiber, hook);
      }
    }
  }
  if (root.passive.length === 0) return;
  const fibers = root.passive;
  root.passive = [];
  for (let i = 0; i < fibers.length; i++) runCleanups(fibers[i]!, false);
  for (let i = 0; i < fibers.length; i++) runCreates(fibers[i]!, false);
}

function runCleanups(fiber: Fiber, layout: boolean): void {
  if (fiber.flags & UNMOUNTED) return;
  const hooks = fiber.hooks!;
  for (let i = 0; i < hooks.length; i++) {
    const hook = hooks[i]!;
    if (hook.tag === EFFECT && hook.pending && hook.layout === layout && !hook.keep) runCleanup(fiber, hook);
  }
}

function runCreates(fiber: Fiber, layout: boolean): void {
  if (fiber.flags & UNMOUNTED) return;
  const hooks = fiber.hooks!;
  for (let i = 0; i < hooks.length; i++) {
    const hook = hooks[i]!;
    if (hook.tag !== EFFECT || !hook.pending || hook.layout !== layout) continue;
    hook.pending = false;
    hook.deps = hook.nextDeps;
    let result: unknown;
    beginEffects();
    try {
      // The component's scope is made only if the effect starts a task.
      result = withOwner(fiber, fiber.root.runtime, effectScope, hook.create);
    } catch (error) {
      // Its boundary shows the fallback (or onError was told): the
      // component's later effects must not run against a broken render.
      routeError(error, fiber, "effect");
      return;
    } finally {
      endEffects();
    }
    // A kept hook's re-run (`scheduleOwnEffect`) returns nothing: its first cleanup stays until unmount.
    if (typeof result === "function") hook.cleanup = result as () => void;
    else if (isThenable(result)) asyncEffectReturned(fiber, result);
  }
}

/** An async function passed to useEffect: its promise is not a cleanup. Keep its failure visible, never unhandled. */
function asyncEffectReturned(fiber: Fiber, promise: PromiseLike<unknown>): void {
  if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production") warnAsyncEffect(fiber);
  promise.then(undefined, (error: unknown) => routeError(error, fiber, "effect"));
}

const warnedAsync = new WeakSet<object>();

function warnAsyncEffect(fiber: Fiber): void {
  const type = fiber.type as object;
  if (warnedAsync.has(type)) return;
  warnedAsync.add(type);
  options.warn(
    `An effect of ${nameOf(fiber.type)} returned a promise: useEffect callbacks must be synchronous and may return only a cleanup function. For async work use pn.useAsyncEffect(async (signal) => { ... }, deps), which cancels it on unmount.`,
  );
}

/** Runs and drops a hook's cleanup; a throw goes to the nearest boundary like an effect's. */
export function runCleanup(fiber: Fiber, hook: EffectHook): void {
  const cleanup = hook.cleanup;
  if (cleanup === null) return;
  hook.cleanup = null;
  beginEffects();
  try {
    withOwner(fiber, fiber.root.runtime, effectScope, cleanup);
  } catch (error) {
    routeError(error, fiber, "effect");
  } finally {
    endEffects();
  }
}
