import { currentRuntime } from "../runtime/runtime.js";
import type { TimerHandle } from "../runtime/clock.js";
import type { FrameHandle } from "../runtime/services.js";
import { Animation, type AnimationOptions, type Restore } from "./animation.js";
import { AnimatedValue } from "./value.js";
import { isDev } from "../core/options.js";

/** Options every value-driving animation (timing, spring, decay) takes. */
export interface DriverOptions extends AnimationOptions {
  /** Milliseconds to wait after start before moving; default 0. */
  delay?: number;
}

/**
 * An animation that drives one {@link AnimatedValue} frame by frame.
 *
 * It owns the value while it runs (starting it stops whatever animation held
 * the value), asks the runtime's frame source for one frame at a time — read
 * from `runtime.services.frames` at each request, so a host or test can swap
 * it — and cancels the pending frame when the run ends, so nothing stays
 * scheduled. Subclasses only compute: `launch` at the start instant, `step`
 * at each frame time.
 */
export abstract class ValueAnimation extends Animation {
  #frame: FrameHandle | null = null;
  #timer: TimerHandle | null = null;
  /** The value before this animation first moved it, for `reset`. */
  #startValue: number | null = null;
  /** Bumped per run: a frame callback from a run that ended in the meantime must do nothing. */
  #runId = 0;
  readonly #delay: number;
  readonly #onFrameBound = (time: number): void => this.#onFrame(time);

  protected constructor(
    protected readonly target: AnimatedValue,
    options: DriverOptions | undefined,
    where: string,
  ) {
    super(options, where);
    if (!(target instanceof AnimatedValue)) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: the first argument must be an AnimatedValue, got ${String(target)}` : /* `${where}: the first argument must be an AnimatedValue` */ `typenative #5: ${where}`);
    }
    const delay = options?.delay ?? 0;
    if (typeof delay !== "number" || !Number.isFinite(delay) || delay < 0) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: delay must be a finite number ≥ 0, got ${String(delay)}` : /* `${where}: delay must be a finite number ≥ 0` */ `typenative #6: ${where}`);
    }
    this.#delay = delay;
  }

  /**
   * Called at the instant the animation starts moving (after any delay), with
   * the value's current number. Returns true when there is nothing to animate
   * (the subclass has set the final value): the run then finishes at once.
   */
  protected abstract launch(time: number, from: number): boolean;

  /** Called with each frame's time; sets the value and returns true on the last frame. */
  protected abstract step(time: number): boolean;

  protected begin(time: number): void {
    this.#runId++;
    this.target._attach(this);
    if (this.#startValue === null) this.#startValue = this.target.value;
    if (this.#delay > 0) {
      const run = this.#runId;
      this.#timer = currentRuntime().getLoop().callLater(this.#delay, () => {
        this.#timer = null;
        if (this.#runId === run && this.running) this.#go(time + this.#delay);
      });
    } else {
      this.#go(time);
    }
  }

  protected halt(): void {
    this.#frame?.cancel();
    this.#frame = null;
    this.#timer?.cancel();
    this.#timer = null;
    this.target._detach(this);
  }

  protected override onReset(restore: Restore | null): void {
    const start = this.#startValue;
    this.#startValue = null;
    if (restore !== null && start !== null) restore.set(this.target, start);
  }

  #go(time: number): void {
    const run = this.#runId;
    let done: boolean;
    try {
      done = this.launch(time, this.target.value);
    } catch (error) {
      this.#fail(error);
      return;
    }
    // A listener may have stopped (or restarted) this animation while it set the value.
    if (this.#runId !== run || !this.running) return;
    if (done) this.finish(time);
    else this.#frame = currentRuntime().services.frames.requestFrame(this.#onFrameBound, this);
  }

  #onFrame(time: number): void {
    // A host whose frames cannot be cancelled may still call back: ignore it.
    if (this.#frame === null) return;
    this.#frame = null;
    const run = this.#runId;
    let done: boolean;
    try {
      done = this.step(time);
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (this.#runId !== run || !this.running) return;
    if (done) this.finish(time);
    else this.#frame = currentRuntime().services.frames.requestFrame(this.#onFrameBound, this);
  }

  /** A user easing threw: report it and end the run as stopped, never leaving an awaiter hanging. */
  #fail(error: unknown): void {
    currentRuntime().reportError(error, { source: "animation" });
    this.stop();
  }
}

/** Returns `value`, or throws a clear TypeError unless it is a finite number. */
export function checkFinite(value: unknown, name: string, where: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: ${name} must be a finite number, got ${String(value)}` : /* `${where}: ${name} must be a finite number` */ `typenative #7: ${where}, ${name}`);
  }
  return value;
}
