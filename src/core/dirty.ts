import type { Fiber, RootState } from "./fiber.js";
import { DIRTY, FORCED, STORMY, UNMOUNTED } from "./fiber.js";
import { isRendering } from "./work.js";

/**
 * Render requests. A request never renders inline: it marks the fiber dirty
 * and queues one flush of its root on the loop, so every request made in one
 * handler, effect or task step lands in one render.
 *
 * This file knows nothing of how a flush renders: the root carries its own
 * `flush`, which keeps the scheduler, reconciler and hooks free of import
 * cycles.
 */

/** Nesting depth of effect runs (layout, passive, cleanups) in progress. */
let effectDepth = 0;

/** Effect code starts: setters it calls count toward the render-storm guard. Pair with {@link endEffects} in a `finally`. */
export function beginEffects(): void {
  effectDepth++;
}

export function endEffects(): void {
  effectDepth--;
}

/**
 * A render for a reason other than the fiber's own state: a context value
 * changed, a boundary caught or reset, the root got a new element. Such a
 * render happens even if no state changed.
 */
export function scheduleUpdate(fiber: Fiber): void {
  if (fiber.flags & UNMOUNTED) return;
  fiber.flags |= FORCED;
  markDirty(fiber);
}

/**
 * A render because a state hook of `fiber` got a new pending value. The flush
 * skips it when the batch nets out to the current state (`set(1); set(0)`).
 * Setters called while rendering or running effects are what can loop, so
 * only they count toward the storm guard; a burst of external renders or
 * handler calls never trips it.
 */
export function scheduleStateUpdate(fiber: Fiber): void {
  if (fiber.flags & UNMOUNTED) return;
  if (effectDepth > 0 || isRendering()) fiber.flags |= STORMY;
  markDirty(fiber);
}

function markDirty(fiber: Fiber): void {
  if (fiber.flags & DIRTY) return;
  fiber.flags |= DIRTY;
  const root = fiber.root;
  root.dirty.push(fiber);
  requestFlush(root);
}

/** Queues one flush of `root` on the loop unless one is queued already. */
export function requestFlush(root: RootState): void {
  if (root.flushScheduled || root.unmounted) return;
  root.flushScheduled = true;
  root.runtime.getLoop().callSoon(root.flush);
}
