import { runtime } from "../runtime/runtime.js";

const MAX_TURNS = 10_000;

/** What `macrotask` needs of the platform; `setImmediate` is Node's, `MessageChannel` every browser's. */
type Platform = {
  setImmediate?: (callback: () => void) => unknown;
  MessageChannel?: new () => { port1: { onmessage: (() => void) | null; close(): void }; port2: { postMessage(message: unknown): void; close(): void } };
};

/**
 * One macrotask turn: every microtask (promise continuation, loop drain)
 * queued before it has run. Node's `setImmediate` where there is one; in a
 * browser, a `MessageChannel` message (a task without `setTimeout`'s
 * clamping); else a zero timeout.
 */
export function macrotask(): Promise<void> {
  const platform = globalThis as unknown as Platform;
  const immediate = platform.setImmediate;
  if (typeof immediate === "function") return new Promise((resolve) => void immediate(resolve));
  const Channel = platform.MessageChannel;
  if (typeof Channel === "function") {
    return new Promise((resolve) => {
      const channel = new Channel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        channel.port2.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => void setTimeout(resolve, 0));
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
