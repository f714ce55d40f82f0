/** A cancellable timer returned by {@link Clock.setTimer} and `loop.callLater`. */
export interface TimerHandle {
  cancel(): void;
}

/**
 * Where the loop gets time and timers from. The real clock reads the globals
 * at call time (never captured at import), so tests can swap in a virtual
 * clock (`fakeClock()` from `typenative/testing`) without touching globals.
 */
export interface Clock {
  /** Milliseconds, monotonic. */
  now(): number;
  /**
   * Calls `fn` once after `ms` milliseconds unless cancelled first.
   * `keepAlive: false` marks housekeeping (cache eviction) that must not keep
   * a Node process running on its own.
   */
  setTimer(ms: number, fn: () => void, keepAlive?: boolean): TimerHandle;
}

/** The clock of a real process: `performance.now()` and `setTimeout`. */
export const realClock: Clock = {
  now() {
    return globalThis.performance.now();
  },
  setTimer(ms, fn, keepAlive = true) {
    const id = globalThis.setTimeout(fn, ms);
    if (!keepAlive) (id as { unref?: () => void }).unref?.();
    return {
      cancel() {
        globalThis.clearTimeout(id);
      },
    };
  },
};
