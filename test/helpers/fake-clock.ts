// A tiny virtual clock for tests, until `typenative/testing`'s fakeClock() lands.
// It replaces the runtime loop's clock only; global setTimeout/Date.now stay real.
import { runtime } from "../../src/runtime/runtime.js";
import type { Clock } from "../../src/runtime/clock.js";

interface FakeTimer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export interface FakeClock {
  /** Current virtual time in ms. */
  now(): number;
  /** Fires due timers in time order (also ones scheduled meanwhile), each at its own time, settling after each. */
  advance(ms: number): Promise<void>;
  /** Restores the previous clock and drops pending timers. */
  uninstall(): void;
}

/** One macrotask turn: lets promise chains and loop jobs queued so far run. */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function installFakeClock(start = 0): FakeClock {
  const loop = runtime.getLoop();
  const previous = loop.clock;
  let time = start;
  let seq = 0;
  let timers: FakeTimer[] = [];

  const clock: Clock = {
    now: () => time,
    setTimer(ms, fn) {
      const timer: FakeTimer = { at: time + Math.max(0, ms), seq: seq++, fn, cancelled: false };
      timers.push(timer);
      return {
        cancel() {
          timer.cancelled = true;
        },
      };
    },
  };
  loop.clock = clock;

  function nextDue(end: number): FakeTimer | undefined {
    let best: FakeTimer | undefined;
    for (const t of timers) {
      if (t.cancelled || t.at > end) continue;
      if (best === undefined || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }

  return {
    now: () => time,
    async advance(ms) {
      const end = time + ms;
      await turn();
      for (let t = nextDue(end); t !== undefined; t = nextDue(end)) {
        timers = timers.filter((x) => x !== t && !x.cancelled);
        time = t.at;
        t.fn();
        await turn();
      }
      time = end;
      await turn();
    },
    uninstall() {
      if (loop.clock === clock) loop.clock = previous;
      timers = [];
    },
  };
}
