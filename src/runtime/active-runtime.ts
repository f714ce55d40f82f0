import type { Runtime } from "./runtime.js";

/**
 * The runtime current outside any component: the one whose root is being
 * rendered or committed, or whose loop is running its jobs. Its own module
 * so that the loop (which `runtime.ts` imports) can enter its runtime
 * without an import cycle.
 */
export let activeRuntime: Runtime | null = null;

/** @internal Makes `rt` current (while a root renders and commits, or its loop runs jobs); returns the previous one for {@link leaveRuntime}. */
export function enterRuntime(rt: Runtime): Runtime | null {
  const previous = activeRuntime;
  activeRuntime = rt;
  return previous;
}

/** @internal Restores what {@link enterRuntime} returned. */
export function leaveRuntime(previous: Runtime | null): void {
  activeRuntime = previous;
}
