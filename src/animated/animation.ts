import { currentRuntime, getCurrentScope } from "../runtime/runtime.js";
import type { Scope } from "../runtime/scope.js";
import { isDev } from "../core/options.js";

/** How an animation ended: `finished: false` when it was stopped, superseded or aborted. */
export interface AnimationResult {
  readonly finished: boolean;
}

/** Options every animation takes. */
export interface AnimationOptions {
  /** Aborting it stops the animation (it resolves `{ finished: false }`). */
  signal?: AbortSignal;
}

/** @internal Something whose value a reset puts back. */
export interface RestoreTarget {
  setValue(value: number): void;
}

/**
 * @internal Collects, during one reset, the value each target had before the
 * animation first moved it. Children are visited last-to-first, so the
 * earliest start wins and a value moved by several children is written once.
 */
export type Restore = Map<RestoreTarget, number>;

/** @internal Told synchronously when a run ends, with the instant it ended; compositions chain on it. */
export type EndCallback = (result: AnimationResult, time: number) => void;

const FINISHED: AnimationResult = Object.freeze({ finished: true });
const STOPPED: AnimationResult = Object.freeze({ finished: false });

const IDLE = 0;
const RUNNING = 1;
const DONE = 2;

/**
 * The lifecycle every animation shares: a run starts on {@link Animation.start}
 * or on the first `await`, ends by finishing or by {@link Animation.stop}, and
 * resolves `{ finished }`. The promise never rejects, so an animation can be
 * awaited, ignored or raced without ever causing an unhandled rejection.
 *
 * An animation can run again: {@link Animation.reset} returns it to idle
 * (restoring the values it moved), and `start()` on a finished animation runs
 * it again from where its values are now. `Animated.loop` relies on this.
 *
 * Subclasses implement `begin` (drive the run and call `finish` at the end)
 * and `halt` (cancel whatever they scheduled).
 */
export abstract class Animation implements PromiseLike<AnimationResult> {
  #state = IDLE;
  #result: AnimationResult | null = null;
  #promise: Promise<AnimationResult> | null = null;
  #resolve: ((result: AnimationResult) => void) | null = null;
  #onEnd: EndCallback | null = null;
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort = (): void => this.stop();
  /** The scope that owns the current run when `start()` began it: closing the scope stops it, as it cancels a task. */
  #owner: Scope | null = null;

  constructor(options: AnimationOptions | undefined, where: string) {
    if (options !== undefined && (typeof options !== "object" || options === null)) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: options must be an object, got ${String(options)}` : /* `${where}: options must be an object` */ `typenative #1: ${where}`);
    }
    const signal = options?.signal;
    // Not `instanceof`: an AbortSignal of another window (an iframe's) is none of this one's.
    if (signal !== undefined && typeof (signal as AbortSignal | null)?.aborted !== "boolean") {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: signal must be an AbortSignal, got ${String(signal)}` : /* `${where}: signal must be an AbortSignal` */ `typenative #2: ${where}`);
    }
    this.#signal = signal;
  }

  /** True between start and end of a run. */
  get running(): boolean {
    return this.#state === RUNNING;
  }

  /**
   * Starts the animation (fire and forget) and returns it, so it can still be
   * awaited. No-op while running; a finished or stopped animation runs again.
   * Started (or first awaited) synchronously in a component's event handler
   * or effect, the run belongs to that component, as a task would: it stops
   * when the component unmounts. Started where the owner has already closed
   * (a cleanup at unmount), it ends at once `{ finished: false }`, unmoved.
   *
   * @example
   * ```ts
   * const fade = pn.Animated.timing(opacity, { to: 1 }).start();
   * // later: const { finished } = await fade;
   * ```
   */
  start(): this {
    if (this.#state === RUNNING) return this;
    // Owned as a task started here would be: from a component's handler or
    // effect, the run stops when the component unmounts - a sequence waiting
    // in a delay moves no value, so stopping the values' animations misses it.
    (this.#owner = getCurrentScope()).adopt(this);
    this._run(now(), null);
    return this;
  }

  /** @internal Called when the owning scope closes: stops the run. */
  cancel(): void {
    this.stop();
  }

  /**
   * Stops the run where it is: values freeze at their current numbers and the
   * animation resolves `{ finished: false }`. An animation stopped before it
   * started resolves `{ finished: false }` without moving anything.
   */
  stop(): void {
    if (this.#state === RUNNING) {
      this.#endRun(STOPPED, now());
    } else if (this.#state === IDLE) {
      this.#state = DONE;
      this.#settle(STOPPED);
    }
  }

  /** Stops the animation if running, puts the values it moved back where they started, and makes it startable again. */
  reset(): void {
    const restore: Restore = new Map();
    this._reset(restore);
    for (const [target, value] of restore) target.setValue(value);
  }

  /** Awaiting an animation that was never started starts it. Never rejects. */
  then<R1 = AnimationResult, R2 = never>(
    onFulfilled?: ((result: AnimationResult) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    if (this.#state === IDLE) this.start();
    if (this.#result !== null) return Promise.resolve(this.#result).then(onFulfilled, onRejected);
    this.#promise ??= new Promise<AnimationResult>((resolve) => {
      this.#resolve = resolve;
    });
    return this.#promise.then(onFulfilled, onRejected);
  }

  /**
   * @internal Starts a run at `time` (the instant it logically begins, which a
   * composition sets to the instant the previous animation ended). `onEnd`
   * hears the end synchronously. A finished animation is re-armed first.
   */
  _run(time: number, onEnd: EndCallback | null): void {
    if (this.#state !== IDLE) this._reset(null);
    this.#state = RUNNING;
    this.#onEnd = onEnd;
    const signal = this.#signal;
    // An owner already closed (a cleanup after the unmount) ends the run at
    // birth, as it cancels a task: nothing a component started outlives it.
    if (signal?.aborted || this.#owner?.closed) {
      this.#endRun(STOPPED, time);
      return;
    }
    signal?.addEventListener("abort", this.#onAbort);
    try {
      this.begin(time);
    } catch (error) {
      // Never a rejection: a broken run is reported and ends as stopped.
      currentRuntime().reportError(error, { source: "animation" });
      this.#endRun(STOPPED, time);
    }
  }

  /** @internal Ends a run as stopped (if running) and returns to idle; records start values into `restore` when given. */
  _reset(restore: Restore | null): void {
    if (this.#state === RUNNING) this.#endRun(STOPPED, now());
    this.onReset(restore);
    this.#state = IDLE;
    this.#result = null;
    this.#promise = null;
    this.#resolve = null;
  }

  /** Called once per run, in state running. */
  protected abstract begin(time: number): void;

  /** Called once when a run ends (finished or stopped): cancel frames and timers, stop children. */
  protected abstract halt(): void;

  /** Called by `reset`: forget the last run; record the start values of moved values into `restore` when given. */
  protected onReset(_restore: Restore | null): void {}

  /** Ends the run at `time`, finished unless `finished` is false. No-op if not running. */
  protected finish(time: number, finished = true): void {
    this.#endRun(finished ? FINISHED : STOPPED, time);
  }

  #endRun(result: AnimationResult, time: number): void {
    if (this.#state !== RUNNING) return;
    // Done before halt: children that halt stops call back into a composite
    // that must already see itself ended.
    this.#state = DONE;
    this.#signal?.removeEventListener("abort", this.#onAbort);
    this.#owner?.release(this);
    this.#owner = null;
    try {
      this.halt();
    } catch (error) {
      currentRuntime().reportError(error, { source: "animation" });
    }
    const onEnd = this.#onEnd;
    this.#onEnd = null;
    this.#settle(result);
    if (onEnd !== null) onEnd(result, time);
  }

  #settle(result: AnimationResult): void {
    this.#result = result;
    const resolve = this.#resolve;
    this.#resolve = null;
    if (resolve !== null) resolve(result);
  }
}

/** True for any animation built by `Animated.*`. */
export function isAnimation(value: unknown): value is Animation {
  return value instanceof Animation;
}

/** Milliseconds on the runtime loop's clock, read at call time (virtual under a fake clock). */
export function now(): number {
  return currentRuntime().getLoop().time();
}
