import type { Clock, TimerHandle } from "../runtime/clock.js";
import { realClock } from "../runtime/clock.js";
import { runtime as defaultRuntime, type Runtime } from "../runtime/runtime.js";
import type { Loop } from "../runtime/loop.js";
import { drive, settle } from "./settle.js";

interface Timer {
  time: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** Virtual time for the runtime loop. */
export interface FakeClock {
  /** Current virtual time in ms. */
  now(): number;
  /**
   * Settles, fires every timer due within `ms` in time order (each at its own
   * virtual time, settling after each, including timers scheduled meanwhile),
   * then sets the time to start + `ms` and settles.
   */
  advance(ms: number): Promise<void>;
  /** Runs timers until none is left (bounded), for "run everything" tests. */
  runAll(limit?: number): Promise<void>;
  /** Timers scheduled and not yet fired or cancelled. */
  pendingTimers(): number;
  /** Puts the real clock back and drops pending virtual timers. */
  uninstall(): void;
}

/** The fake clock installed on each loop. */
const installed = new Map<Loop, FakeClock>();

/**
 * Replaces the runtime loop's clock and timers with virtual ones: sleeps,
 * timeouts, retries and animations run without waiting. The globals
 * (`setTimeout`, `Date.now`) stay real. Installing a new fake clock on a
 * runtime uninstalls the one installed on it before.
 *
 * `runtime` (default `pn.runtime`) is the runtime whose loop it drives: a
 * tree rendered with `render(element, { runtime })` runs on that one's
 * time. Each runtime has its own clock; `advance` settles the runtimes the
 * test host drives (see {@link settle}), this one among them.
 *
 * @example
 * ```ts
 * const clock = fakeClock();
 * const ui = render(WelcomeBanner());
 * await clock.advance(3000);
 * assert.equal(ui.queryByText("Welcome!"), null);
 * clock.uninstall();
 * ```
 */
export function fakeClock(start = 0, runtime: Runtime = defaultRuntime): FakeClock {
  const loop = runtime.getLoop();
  installed.get(loop)?.uninstall();
  let now = start;
  let seq = 0;
  let timers: Timer[] = [];

  function insert(timer: Timer): void {
    // Keep timers sorted by (time, seq): binary search for the slot.
    let lo = 0;
    let hi = timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = timers[mid]!;
      if (t.time < timer.time || (t.time === timer.time && t.seq < timer.seq)) lo = mid + 1;
      else hi = mid;
    }
    timers.splice(lo, 0, timer);
  }

  const clock: Clock = {
    now: () => now,
    setTimer(ms: number, fn: () => void): TimerHandle {
      // Frames every 1000/60 ms add up to 100.00000000000001 after six; a due
      // time within a nanosecond of a whole millisecond is that millisecond,
      // so "the last frame lands exactly at start + duration" holds.
      let time = now + Math.max(0, ms);
      const whole = Math.round(time);
      if (Math.abs(time - whole) < 1e-6) time = whole;
      const timer: Timer = { time, seq: seq++, fn, cancelled: false };
      insert(timer);
      return {
        cancel() {
          if (timer.cancelled) return;
          timer.cancelled = true;
          const at = timers.indexOf(timer);
          if (at !== -1) timers.splice(at, 1);
        },
      };
    },
  };

  const fake = {
    active: true,
    now: () => now,
    pendingTimers: () => timers.length,
    async advance(ms: number): Promise<void> {
      if (typeof ms !== "number" || !(ms >= 0) || !Number.isFinite(ms)) throw new TypeError(`advance(ms): ms must be a finite number ≥ 0, got ${String(ms)}`);
      if (!fake.active) throw new Error("advance(): this fake clock was uninstalled");
      await settle();
      const target = now + ms;
      for (;;) {
        const next = timers[0];
        if (next === undefined || next.time > target) break;
        timers.shift();
        now = Math.max(now, next.time);
        next.fn();
        await settle();
      }
      now = target;
      await settle();
    },
    async runAll(limit = 10_000): Promise<void> {
      await settle();
      for (let i = 0; timers.length > 0; i++) {
        if (i >= limit) throw new Error(`runAll(): timers kept coming after ${limit} firings`);
        const next = timers.shift()!;
        now = Math.max(now, next.time);
        next.fn();
        await settle();
      }
    },
    uninstall(): void {
      if (!fake.active) return;
      fake.active = false;
      for (const t of timers) t.cancelled = true;
      timers = [];
      if (loop.clock === clock) loop.clock = realClock;
      if (installed.get(loop) === fake) installed.delete(loop);
      release();
    },
  };
  loop.clock = clock;
  installed.set(loop, fake);
  // So that settle() (and with it advance) drives this runtime too.
  const release = drive(runtime);
  return fake;
}
