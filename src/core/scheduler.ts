import type { Fiber, RootState } from "./fiber.js";
import { DIRTY, UNMOUNTED, componentName, componentStack } from "./fiber.js";
import { beginWork, endWork, RenderFailure, rollback, savepoint } from "./work.js";
import { catchError, findBoundary, rerender } from "./reconcile.js";
import { commitRoot, flushPassiveEffects } from "./commit.js";
import { nameOf } from "./component.js";
import { runtime } from "../runtime/runtime.js";

/** Passes one component may take with no idle loop turn between them before it is a render storm. */
export const MAX_RENDER_PASSES = 50;

/**
 * Asks for `fiber` to render in the next flush. Never renders inline: every
 * request made in one handler, effect or task step lands in one flush.
 */
export function scheduleUpdate(fiber: Fiber): void {
  if (fiber.flags & (DIRTY | UNMOUNTED)) return;
  fiber.flags |= DIRTY;
  const root = fiber.root;
  root.dirty.push(fiber);
  requestFlush(root);
}

export function requestFlush(root: RootState): void {
  if (root.flushScheduled || root.unmounted) return;
  root.flushScheduled = true;
  runtime.getLoop().callSoon(() => flushRoot(root));
}

function byDepth(a: Fiber, b: Fiber): number {
  return a.depth - b.depth;
}

/**
 * Renders every dirty component of `root`, shallowest first, then commits
 * once. Components dirtied while rendering (context consumers, boundaries
 * that caught an error, render-phase setters) are picked up by further
 * passes of the same flush; each pass counts toward the storm guard.
 */
export function flushRoot(root: RootState): void {
  root.flushScheduled = false;
  if (root.unmounted) return;
  flushPassiveEffects();
  if (root.dirty.length === 0) return;
  beginWork(root);
  try {
    const turn = runtime.getLoop().idleTurns;
    while (root.dirty.length > 0) {
      const batch = root.dirty;
      root.dirty = [];
      batch.sort(byDepth);
      for (let i = 0; i < batch.length; i++) {
        const fiber = batch[i]!;
        if ((fiber.flags & DIRTY) === 0 || fiber.flags & UNMOUNTED) continue;
        if (isStorming(fiber, turn)) continue;
        const save = savepoint();
        try {
          rerender(fiber);
        } catch (failure) {
          rollback(save);
          fiber.flags &= ~DIRTY;
          routeRenderError(failure instanceof RenderFailure ? failure.error : failure, failure instanceof RenderFailure ? failure.fiber : fiber);
        }
      }
    }
    // Dirty requests made while rendering were served by the passes above.
    root.flushScheduled = false;
    commitRoot(root);
  } finally {
    endWork();
  }
}

/** Counts a render pass of `fiber`; past the limit, reports the storm instead of rendering. */
function isStorming(fiber: Fiber, turn: number): boolean {
  fiber.stormCount = fiber.stormTurn === turn ? fiber.stormCount + 1 : 1;
  fiber.stormTurn = turn;
  if (fiber.stormCount <= MAX_RENDER_PASSES) return false;
  fiber.flags &= ~DIRTY;
  fiber.stormCount = 0;
  const name = nameOf(fiber.type);
  routeRenderError(
    new Error(`Too many re-renders: ${name} asked to render more than ${MAX_RENDER_PASSES} times in a row. A setter called during render or in an effect without deps keeps scheduling renders.`),
    fiber,
  );
  return true;
}

/**
 * Sends a render-phase error to the nearest boundary above `fiber` (which
 * re-renders with its fallback in this same flush), else to `onError` — and
 * the last committed tree stays.
 */
export function routeRenderError(error: unknown, fiber: Fiber): void {
  const boundary = findBoundary(fiber);
  if (boundary !== null) {
    catchError(boundary, error, fiber);
    boundary.flags &= ~DIRTY;
    scheduleUpdate(boundary);
    return;
  }
  runtime.reportError(error, { source: "render", component: componentName(fiber), componentStack: componentStack(fiber) });
}
