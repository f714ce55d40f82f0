import { realClock, type Clock, type TimerHandle } from "./clock.js";
import { Future } from "./future.js";

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
  private queue: Job[] = [];
  private head = 0;
  private scheduled = false;
  private readonly drainBound = (): void => this.drain();

  constructor(private readonly report: (error: unknown, source: string) => void) {}

  /** Milliseconds on the loop's clock (virtual under `fakeClock`). */
  time(): number {
    return this.clock.now();
  }

  /** Runs `fn` on the loop soon, after the current job; jobs run in call order. */
  callSoon(fn: Job): void {
    this.queue.push(fn);
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(this.drainBound);
    }
  }

  /**
   * Runs `fn` on the loop after `ms` milliseconds of the loop's clock.
   * With `{ keepAlive: false }` the timer does not keep a Node process alive
   * (for housekeeping such as cache eviction).
   */
  callLater(ms: number, fn: Job, options?: { keepAlive?: boolean }): TimerHandle {
    if (typeof fn !== "function") throw new TypeError("callLater(ms, fn): fn must be a function");
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    return this.clock.setTimer(delay, () => this.callSoon(fn), options?.keepAlive ?? true);
  }

  /** A new unresolved {@link Future}, settled through `runtime.resolveFuture`. */
  createFuture<T>(): Future<T> {
    return new Future<T>();
  }

  /** True while jobs are queued: `settle()` keeps turning until this is false. */
  hasPendingWork(): boolean {
    return this.head < this.queue.length;
  }

  private drain(): void {
    const queue = this.queue;
    while (this.head < queue.length) {
      const job = queue[this.head]!;
      this.head++;
      try {
        job();
      } catch (error) {
        this.report(error, "loop");
      }
    }
    // Reset in place: jobs queued by the last job were pushed onto this array.
    queue.length = 0;
    this.head = 0;
    this.scheduled = false;
    this.idleTurns++;
  }
}
