import type { Fiber, RootState } from "./fiber.js";

/**
 * What a commit needs of the effect machinery (`effects.ts`): the steps it
 * calls at its fixed points. The commit, the scheduler and the root reach it
 * through {@link effectRunner} rather than importing it, and the first effect
 * a component schedules installs it (`install-effects.ts`, called by the
 * effect hooks): an app whose components use no effect hook does not carry
 * that code. Until it is installed no fiber has an effect to run, a cleanup
 * to call or a passive queue to drain, so skipping the steps is exact.
 */
export interface EffectRunner {
  /** Commit step 1: a removed subtree's layout cleanups, before the host ops (`runRemovedLayoutCleanups`). */
  removed(fiber: Fiber): void;
  /** Commit step 3: layout effects of the rendered fibers, then their passive effects queued (`runLayoutEffects`). */
  layout(root: RootState, fibers: readonly Fiber[]): void;
  /** Queues step 4 on the root's loop when something is due (`schedulePassive`). */
  schedule(root: RootState): void;
  /** Step 4, now (`flushPassiveEffects`). */
  flush(root: RootState): void;
}

/** The installed runner, or null while no component has scheduled an effect. */
export const effectRunner: { current: EffectRunner | null } = { current: null };

/** Runs the passive effects due on `root`, if effects are installed. */
export function flushPassive(root: RootState): void {
  const runner = effectRunner.current;
  if (runner !== null) runner.flush(root);
}
