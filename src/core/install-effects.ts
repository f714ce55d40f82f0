import { effectRunner, type EffectRunner } from "./effect-runner.js";
import { flushPassiveEffects, runLayoutEffects, runRemovedLayoutCleanups, schedulePassive } from "./effects.js";

const runner: EffectRunner = {
  removed: runRemovedLayoutCleanups,
  layout: runLayoutEffects,
  schedule: schedulePassive,
  flush: flushPassiveEffects,
};

/**
 * Plugs the effect machinery into commits (see `effect-runner.ts`). Called
 * by the effect hooks when a render leaves an effect pending, before the
 * commit that runs it; only code that schedules effects imports this file.
 */
export function installEffects(): void {
  effectRunner.current = runner;
}
