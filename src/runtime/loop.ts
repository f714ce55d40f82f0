import { NEVER_FIRES, realClock, type Clock, type TimerHandle } from "./clock.js";
import { Future } from "./future.js";
import { isDev } from "./options.js";
import { enterRuntime, leaveRuntime } from "./active-runtime.js";
import type { Runtime } from "./runtime.js";

type Job = () => void;

/**
 * The app's runtime loop: one queue of jobs, drained on a microtask, plus
 * timers from a swappable {@link Clock}. Renders, effects, future
 * resolutions and timer callbacks all run here, so a test can run the loop
 * until idle (`settle()`) and move time by hand (`fakeClock()`).
 */
export class Loop {
  /** Swapped by `fakeClock()`; read on every call, never cached. */
  clock: Clock = realClock;
  /**
   * Counts the times the queue ran dry. The render-storm guard compares it
   * between flushes: no idle turn between two renders of one component means
   * they are one storm.
   */
  idleTurns = 0;
  #queue: Job[] = [];
  #head = 0;
  #scheduled = false;
  readonly #drainBound = (): void => this.#drain();

  readonly #runtime: Runtime;

  /**
   * `runtime` is current while the loop's jobs run: a timer callback or a
   * future's reaction that starts a task or calls `AsyncStorage` acts on the
   * runtime whose loop ran it, not on the default one. A job that throws is
   * reported to it (`source: "loop"`).
   */
  constructor(runtime: Runtime) {
    this.#runtime = runtime;
  }

  /** Milliseconds on the loop's clock (virtual under `fakeClock`). */
  time(): number {
    return this.clock.now();
  }

  /** Runs `fn` on the loop soon, after the current job; jobs run in call order. */
  callSoon(fn: Job): void {
    this.#queue.push(fn);
    if (!this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(this.#drainBound);
    }
  }

  /**
   * Runs `fn` on the loop after `ms` milliseconds of the loop's clock.
   * Any length works, also past `setTimeout`'s 2^31−1 ms (about 24.8 days);
   * `Infinity` never fires (and holds no timer). A negative or `NaN` delay
   * is a `TypeError`: it is always a computation gone wrong, and running it
   * at once would hide that. With `{ keepAlive: false }` the timer does not
   * keep a Node process alive (for housekeeping such as cache eviction).
   *
   * @example
   * ```ts
   * const handle = pn.runtime.getLoop().callLater(30 * 24 * 3600_000, expireSession);
   * handle.cancel();
   * ```
   */
  callLater(ms: number, fn: Job, options?: { keepAlive?: boolean }): TimerHandle {
    if (typeof fn !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "callLater(ms, fn): fn must be a function" : /* "callLater: fn not a function" */ "typenative #151");
    checkDelay(ms, "callLater(ms, fn)");
    if (ms === Infinity) return NEVER_FIRES;
    return this.clock.setTimer(ms, () => this.callSoon(fn), options?.keepAlive ?? true);
  }

  /** A new unresolved {@link Future}, settled through `runtime.resolveFuture`. */
  createFuture<T>(): Future<T> {
    return new Future<T>();
  }

  /** True while jobs are queued: `settle()` keeps turning until this is false. */
  hasPendingWork(): boolean {
    return this.#head < this.#queue.length;
  }

  #drain(): void {
    const queue = this.#queue;
    const previous = enterRuntime(this.#runtime);
    while (this.#head < queue.length) {
      const job = queue[this.#head]!;
      this.#head++;
      try {
        job();
      } catch (error) {
        this.#runtime.reportError(error, { source: "loop" });
      }
    }
    // Reset in place: jobs queued by the last job were pushed onto this array.
    queue.length = 0;
    this.#head = 0;
    this.#scheduled = false;
    this.idleTurns++;
    leaveRuntime(previous);
  }
}

/**
 * Throws a `TypeError` unless `ms` is a number ≥ 0 (`Infinity` included).
 * Shared by `callLater` and `sleep` so both name the same rule.
 */
export function checkDelay(ms: unknown, where: string): asserts ms is number {
  if (typeof ms !== "number" || !(ms >= 0)) {
    throw new TypeError(
      /* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production"
        ? `${where}: ms must be a number of milliseconds ≥ 0 (or Infinity), got ${typeof ms === "number" ? ms : typeof ms}`
        : /* `${where}: ms must be ≥ 0` */ `typenative #152: ${where}`,
    );
  }
}
