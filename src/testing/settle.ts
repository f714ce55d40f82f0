import { runtime } from "../runtime/runtime.js";

const MAX_TURNS = 10_000;

/** One macrotask turn: every microtask (promise continuation, loop drain) queued before it has run. */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs the loop until it is idle: renders, effects and every promise chain
 * that can move without a timer or real I/O. Never moves time and never waits
 * for real timers or I/O.
 */
export async function settle(): Promise<void> {
  const loop = runtime.getLoop();
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    await macrotask();
    if (!loop.hasPendingWork()) {
      // One more turn: a promise resolved by the last job may queue more work.
      await macrotask();
      if (!loop.hasPendingWork()) return;
    }
  }
  throw new Error(`settle(): the loop was still busy after ${MAX_TURNS} turns — is something rendering or scheduling forever?`);
}
