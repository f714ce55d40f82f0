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
   * Calls `fn` once after `ms` milliseconds unless cancelled first; `ms` is
   * a number ≥ 0, and `Infinity` never fires. `keepAlive: false` marks
   * housekeeping (cache eviction) that must not keep a Node process running
   * on its own.
   */
  setTimer(ms: number, fn: () => void, keepAlive?: boolean): TimerHandle;
}

/**
 * The longest delay `setTimeout` takes: browsers and Node store it in a
 * signed 32-bit integer and turn anything larger into 1 ms.
 */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** The platform functions a real clock runs on; {@link createRealClock} takes them for tests. */
export interface TimerPlatform {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** The globals, looked up at each call so a test may replace them. */
const globalPlatform: TimerPlatform = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** The handle of a timer that never fires: nothing to cancel, nothing kept alive. */
export const NEVER_FIRES: TimerHandle = Object.freeze({ cancel() {} });

/**
 * A clock on real time. Delays above {@link MAX_TIMEOUT_MS} are chained:
 * the timer re-arms with what is left until the deadline (measured on
 * `now()`, not by adding up timeouts, so a late wake-up is not added twice),
 * and `Infinity` arms nothing at all.
 *
 * @example
 * ```ts
 * // A test that must not wait 25 days: count the platform timers instead.
 * const armed: number[] = [];
 * const clock = createRealClock({ now: () => t, setTimeout: (fn, ms) => armed.push(ms), clearTimeout() {} });
 * ```
 */
export function createRealClock(platform: TimerPlatform = globalPlatform): Clock {
  return {
    now: () => platform.now(),
    setTimer(ms, fn, keepAlive = true) {
      if (ms === Infinity) return NEVER_FIRES;
      let id: unknown;
      const arm = (delay: number, then: () => void): void => {
        id = platform.setTimeout(then, delay);
        if (!keepAlive) (id as { unref?: () => void } | null)?.unref?.();
      };
      if (ms <= MAX_TIMEOUT_MS) {
        arm(ms, fn);
      } else {
        const deadline = platform.now() + ms;
        const step = (): void => {
          const left = deadline - platform.now();
          if (left > MAX_TIMEOUT_MS) arm(MAX_TIMEOUT_MS, step);
          else arm(Math.max(0, left), fn);
        };
        arm(MAX_TIMEOUT_MS, step);
      }
      return {
        cancel() {
          // `id` is the latest link of the chain.
          platform.clearTimeout(id);
        },
      };
    },
  };
}

/** The clock of a real process: `performance.now()` and `setTimeout`, chained past 2^31−1 ms. */
export const realClock: Clock = createRealClock();
