import { runtime as defaultRuntime, Runtime } from "../runtime/runtime.js";

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
 * Runtimes besides the default one that the test host drives: those of trees
 * `render` mounted and not yet unmounted, and those with a fake clock
 * installed, each with how many such users it has.
 */
const driven = new Map<Runtime, number>();

/**
 * @internal Counts `rt` among the runtimes `settle()` drives until the
 * returned function is called (once; later calls do nothing).
 */
export function drive(rt: Runtime): () => void {
  driven.set(rt, (driven.get(rt) ?? 0) + 1);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const left = driven.get(rt)! - 1;
    if (left === 0) driven.delete(rt);
    else driven.set(rt, left);
  };
}

function busy(runtime: Runtime | undefined): boolean {
  if (runtime !== undefined) return runtime.getLoop().hasPendingWork();
  if (defaultRuntime.getLoop().hasPendingWork()) return true;
  for (const rt of driven.keys()) if (rt.getLoop().hasPendingWork()) return true;
  return false;
}

/**
 * Runs the loop until it is idle: renders, effects and every promise chain
 * that can move without a timer or real I/O. Never moves time and never waits
 * for real timers or I/O.
 *
 * Without an argument it drives the default runtime and every runtime the
 * test host is using: that of each tree `render` mounted (with
 * `{ runtime }`) and not yet unmounted, and each one a fake clock is
 * installed on. With `runtime` it drives that one: for a root made by hand
 * with `pn.createRoot(host, container, { runtime })`.
 *
 * @example
 * ```ts
 * const rt = pn.createRuntime();
 * const root = pn.createRoot(new TestHost(), container, { runtime: rt });
 * root.render(App());
 * await settle(rt);
 * ```
 */
export async function settle(runtime?: Runtime): Promise<void> {
  if (runtime !== undefined && !(runtime instanceof Runtime)) {
    throw new TypeError(`settle(runtime): runtime must be a pn.Runtime, got ${String(runtime)}`);
  }
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    await macrotask();
    if (!busy(runtime)) {
      // One more turn: a promise resolved by the last job may queue more work.
      await macrotask();
      if (!busy(runtime)) return;
    }
  }
  throw new Error(`settle(): the loop was still busy after ${MAX_TURNS} turns — is something rendering or scheduling forever?`);
}
