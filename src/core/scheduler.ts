import type { Fiber, RootState } from "./fiber.js";
import { DIRTY, FORCED, STORMY, UNMOUNTED } from "./fiber.js";
import { STATE, type StateHook } from "./hook-types.js";
import { beginWork, effectList, endWork, ops, RenderFailure, rollback, undoLength } from "./work.js";
import { rerender } from "./reconcile.js";
import { commitRoot } from "./commit.js";
import { flushPassive } from "./effect-runner.js";
import { routeError } from "./errors.js";
import { nameOf } from "./component.js";
import { isDev } from "./options.js";
import { enterRuntime, leaveRuntime } from "../runtime/runtime.js";

/** Passes one component may take with no idle loop turn between them before it is a render storm. */
export const MAX_RENDER_PASSES = 50;

function byDepth(a: Fiber, b: Fiber): number {
  return a.depth - b.depth;
}

/**
 * Renders every dirty component of `root`, shallowest first, then commits
 * once. Components dirtied while rendering (context consumers, boundaries
 * that caught an error, render-phase setters) are picked up by further
 * passes of the same flush.
 */
export function flushRoot(root: RootState): void {
  root.flushScheduled = false;
  if (root.unmounted) return;
  // Platform modules called while rendering or from effects use this root's services.
  const previous = enterRuntime(root.runtime);
  try {
    flushDirty(root);
  } finally {
    leaveRuntime(previous);
  }
}

function flushDirty(root: RootState): void {
  // Updates asked for by layout effects (measure, then re-render) or by a
  // boundary catching an effect's error are rendered and committed before
  // this returns, as React does: the host never shows the in-between tree.
  // Passive effects of the previous commit always run before the next render.
  do {
    flushPassive(root);
    if (root.dirty.length === 0) break;
    renderAndCommit(root);
  } while (root.dirty.length > 0);
  // Requests made while rendering were all served.
  root.flushScheduled = false;
}

function renderAndCommit(root: RootState): void {
  beginWork(root);
  try {
    const turn = root.runtime.getLoop().idleTurns;
    while (root.dirty.length > 0) {
      const batch = root.dirty;
      root.dirty = [];
      if (batch.length > 1) batch.sort(byDepth);
      for (let i = 0; i < batch.length; i++) {
        const fiber = batch[i]!;
        if ((fiber.flags & DIRTY) === 0 || fiber.flags & UNMOUNTED) continue;
        if ((fiber.flags & FORCED) === 0 && !takeStateChange(fiber)) {
          // The batch netted out (`set(1); set(0)`): nothing to render, no effect to re-run.
          fiber.flags &= ~(DIRTY | STORMY);
          continue;
        }
        if (isStorming(fiber, turn)) continue;
        // The savepoint as three numbers: an object per dirty component
        // would be garbage on every render of every one of them.
        const saveOps = ops.length;
        const saveEffects = effectList.length;
        const saveUndo = undoLength();
        try {
          rerender(fiber);
        } catch (failure) {
          rollback({ ops: saveOps, effects: saveEffects, undo: saveUndo });
          fiber.flags &= ~DIRTY;
          if (failure instanceof RenderFailure) routeError(failure.error, failure.fiber, "render");
          else routeError(failure, fiber, "render");
        }
      }
    }
  } finally {
    endWork();
  }
  commitRoot(root);
}

/**
 * True when a state hook of `fiber` holds a pending value that differs from
 * its state. When none does, the pending values are dropped (they equal the
 * state) so the component is left exactly as it was.
 */
function takeStateChange(fiber: Fiber): boolean {
  const hooks = fiber.hooks;
  if (hooks === null) return true;
  for (let i = 0; i < hooks.length; i++) {
    const hook = hooks[i]!;
    if (hook.tag === STATE && hook.hasPending && !Object.is(hook.pending, hook.state)) return true;
  }
  for (let i = 0; i < hooks.length; i++) {
    const hook = hooks[i]!;
    if (hook.tag === STATE) {
      (hook as StateHook).hasPending = false;
      (hook as StateHook).pending = undefined;
    }
  }
  return false;
}

/**
 * Counts a render pass of `fiber` that a setter called while rendering or in
 * an effect asked for; past the limit, reports the storm instead of
 * rendering. Other passes (external renders, handlers, context) reset the count.
 */
function isStorming(fiber: Fiber, turn: number): boolean {
  if ((fiber.flags & STORMY) === 0) {
    fiber.stormCount = 0;
    return false;
  }
  fiber.flags &= ~STORMY;
  fiber.stormCount = fiber.stormTurn === turn ? fiber.stormCount + 1 : 1;
  fiber.stormTurn = turn;
  if (fiber.stormCount <= MAX_RENDER_PASSES) return false;
  fiber.flags &= ~DIRTY;
  fiber.stormCount = 0;
  const name = nameOf(fiber.type);
  routeError(
    new Error(
      // The explanation only in development: production bundles drop it (every app downloads this message).
      /* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production"
        ? `Too many re-renders: ${name} asked to render more than ${MAX_RENDER_PASSES} times in a row. A setter called during render or in an effect without deps keeps scheduling renders.`
        : /* `Too many re-renders: ${name}` */ `typenative #56: ${name}`,
    ),
    fiber,
    "render",
  );
  return true;
}
