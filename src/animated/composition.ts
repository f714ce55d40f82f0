import type { TimerHandle } from "../runtime/clock.js";
import type { FrameHandle } from "../runtime/services.js";
import type { Animation, AnimationOptions, AnimationResult, EndCallback, Restore } from "./animation.js";
import type { AnimationKit } from "./kit.js";

/**
 * Compositions chain children through their synchronous end callbacks, so
 * the next animation of a sequence starts in the very instant the previous
 * one ends — not a frame or a microtask later. Children that end during
 * their own start (duration 0, delay 0, an aborted signal) are handled by a
 * loop in the parent rather than by recursion, so long chains of instant
 * animations cannot overflow the stack.
 */

/** Options of {@link parallel}. */
export interface ParallelOptions extends AnimationOptions {
  /** When one child is stopped, stop all the others too; default true. */
  stopTogether?: boolean;
}

/** Options of {@link loop}. */
export interface LoopOptions extends AnimationOptions {
  /** How many times to run; -1 (the default) or Infinity loops until stopped. */
  iterations?: number;
  /** Reset the animation (putting its values back) before each iteration; default true. */
  resetBeforeIteration?: boolean;
}

/**
 * @internal Builds the compositions on the engine's `Animation` (handed in,
 * not imported: see kit.ts).
 */
export function defineCompositions({ Animation, currentRuntime }: AnimationKit) {
  class DelayAnimation extends Animation {
    #timer: TimerHandle | null = null;

    constructor(
      private readonly ms: number,
      options: AnimationOptions | undefined,
    ) {
      super(options, "Animated.delay(ms)");
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
        throw new TypeError(`Animated.delay(ms): ms must be a finite number ≥ 0, got ${String(ms)}`);
      }
    }

    protected begin(time: number): void {
      if (this.ms === 0) {
        this.finish(time);
        return;
      }
      this.#timer = currentRuntime().getLoop().callLater(this.ms, () => {
        this.#timer = null;
        // The logical end instant, so offsets stay exact even if the timer fires late.
        this.finish(time + this.ms);
      });
    }

    protected halt(): void {
      this.#timer?.cancel();
      this.#timer = null;
    }
  }

  /**
   * Starts one child and reports whether it ended synchronously. Shared by the
   * compositions that run children one after another.
   */
  abstract class Chain extends Animation {
    /** Set while a child is being started, to catch a synchronous end. */
    #starting = false;
    #syncResult: AnimationResult | null = null;
    #syncTime = 0;
    readonly #onChildEndBound: EndCallback = (result, time) => this.#onChildEnd(result, time);

    /**
     * Runs `child` at `time`. Returns the end time when it finished in the same
     * call, `null` when it is still running (then `next(time)` is called when
     * it finishes) or when the chain has ended (stopped).
     */
    protected runChild(child: Animation, time: number): number | null {
      this.#starting = true;
      this.#syncResult = null;
      child._run(time, this.#onChildEndBound);
      this.#starting = false;
      const result = this.#syncResult;
      this.#syncResult = null;
      if (!this.running || result === null) return null;
      return this.#syncTime;
    }

    /** Called when a child that was still running after its start finishes. */
    protected abstract next(time: number): void;

    #onChildEnd(result: AnimationResult, time: number): void {
      if (!this.running) return;
      if (!result.finished) {
        // A child was stopped, superseded or aborted: the chain ends unfinished.
        this.stop();
        return;
      }
      if (this.#starting) {
        this.#syncResult = result;
        this.#syncTime = time;
        return;
      }
      this.next(time);
    }
  }

  class SequenceAnimation extends Chain {
    #index = 0;

    constructor(
      private readonly children: readonly Animation[],
      options: AnimationOptions | undefined,
    ) {
      super(options, "Animated.sequence(animations)");
    }

    protected begin(time: number): void {
      this.#index = 0;
      this.#advance(time);
    }

    protected next(time: number): void {
      this.#index++;
      this.#advance(time);
    }

    #advance(time: number): void {
      const children = this.children;
      let at = time;
      while (this.#index < children.length) {
        const ended = this.runChild(children[this.#index]!, at);
        if (ended === null) return;
        at = ended;
        this.#index++;
      }
      this.finish(at);
    }

    protected halt(): void {
      // The current child stops; the ones not reached yet resolve { finished: false }.
      const children = this.children;
      for (let i = this.#index; i < children.length; i++) children[i]!.stop();
    }

    protected override onReset(restore: Restore | null): void {
      // Backwards, so for a value moved by several children the first one's start wins.
      for (let i = this.children.length - 1; i >= 0; i--) this.children[i]!._reset(restore);
      this.#index = 0;
    }
  }

  class ParallelAnimation extends Animation {
    #remaining = 0;
    #allFinished = true;
    #starting = false;
    #lastTime = 0;
    readonly #onChildEndBound: EndCallback = (result, time) => this.#onChildEnd(result, time);

    constructor(
      private readonly children: readonly Animation[],
      private readonly stopTogether: boolean,
      options: AnimationOptions | undefined,
      where: string,
    ) {
      super(options, where);
    }

    protected begin(time: number): void {
      const children = this.children;
      this.#remaining = children.length;
      this.#allFinished = true;
      this.#lastTime = time;
      this.#starting = true;
      for (let i = 0; i < children.length && this.running; i++) children[i]!._run(time, this.#onChildEndBound);
      this.#starting = false;
      if (this.running && this.#remaining === 0) this.finish(this.#lastTime, this.#allFinished);
    }

    #onChildEnd(result: AnimationResult, time: number): void {
      if (!this.running) return;
      this.#remaining--;
      this.#lastTime = time;
      if (!result.finished) {
        if (this.stopTogether) {
          this.stop();
          return;
        }
        this.#allFinished = false;
      }
      if (this.#remaining === 0 && !this.#starting) this.finish(time, this.#allFinished);
    }

    protected halt(): void {
      for (const child of this.children) child.stop();
    }

    protected override onReset(restore: Restore | null): void {
      for (let i = this.children.length - 1; i >= 0; i--) this.children[i]!._reset(restore);
    }
  }

  class LoopAnimation extends Chain {
    #count = 0;
    #frame: FrameHandle | null = null;

    constructor(
      private readonly child: Animation,
      private readonly iterations: number,
      private readonly resetBeforeIteration: boolean,
      options: AnimationOptions | undefined,
    ) {
      super(options, "Animated.loop(animation, options)");
    }

    protected begin(time: number): void {
      this.#count = 0;
      this.#iterate(time);
    }

    protected next(time: number): void {
      this.#iterate(time);
    }

    #iterate(time: number): void {
      let at = time;
      for (;;) {
        if (this.iterations >= 0 && this.#count >= this.iterations) {
          this.finish(at);
          return;
        }
        this.#count++;
        if (this.resetBeforeIteration) this.child.reset();
        const ended = this.runChild(this.child, at);
        if (ended === null) return;
        at = ended;
        if (this.iterations < 0) {
          // An endless loop of an instant animation would spin forever in this
          // call; give it one iteration per frame instead.
          this.#frame = currentRuntime().services.frames.requestFrame((frameTime) => {
            this.#frame = null;
            if (this.running) this.#iterate(frameTime);
          }, this);
          return;
        }
      }
    }

    protected halt(): void {
      this.#frame?.cancel();
      this.#frame = null;
      this.child.stop();
    }

    protected override onReset(restore: Restore | null): void {
      this.child._reset(restore);
      this.#count = 0;
    }
  }

  function checkList(animations: unknown, where: string): readonly Animation[] {
    if (!Array.isArray(animations)) {
      throw new TypeError(`${where}: expected an array of animations, got ${String(animations)}`);
    }
    for (let i = 0; i < animations.length; i++) {
      if (!(animations[i] instanceof Animation)) {
        throw new TypeError(`${where}: item ${i} is not an animation (got ${String(animations[i])})`);
      }
    }
    return animations.slice() as Animation[];
  }

  /**
   * An animation that does nothing for `ms` milliseconds, for sequences.
   *
   * @example
   * ```ts
   * await pn.Animated.sequence([fadeIn, pn.Animated.delay(1000), fadeOut]);
   * ```
   */
  function delay(ms: number, options?: AnimationOptions): Animation {
    return new DelayAnimation(ms, options);
  }

  /**
   * Runs animations one after another; each starts in the same instant the
   * previous one finishes. If one is stopped (or the sequence is), the
   * sequence ends with `{ finished: false }` and the ones not reached resolve
   * `{ finished: false }` without running.
   *
   * @example
   * ```ts
   * const { finished } = await pn.Animated.sequence([
   *   pn.Animated.timing(x, { to: 100 }),
   *   pn.Animated.spring(x, { to: 0 }),
   * ]);
   * ```
   */
  function sequence(animations: readonly Animation[], options?: AnimationOptions): Animation {
    return new SequenceAnimation(checkList(animations, "Animated.sequence(animations)"), options);
  }

  /**
   * Starts animations together and finishes when all have finished. With
   * `stopTogether` (the default) stopping one child stops them all.
   *
   * @example
   * ```ts
   * await pn.Animated.parallel([
   *   pn.Animated.timing(opacity, { to: 1 }),
   *   pn.Animated.spring(scale, { to: 1 }),
   * ]);
   * ```
   */
  function parallel(animations: readonly Animation[], options?: ParallelOptions): Animation {
    const where = "Animated.parallel(animations, options)";
    return new ParallelAnimation(checkList(animations, where), options?.stopTogether !== false, options, where);
  }

  /**
   * Starts animations in parallel, the i-th after `i * ms` milliseconds — for
   * lists whose items arrive one after another.
   *
   * @example
   * ```ts
   * pn.Animated.stagger(50, items.map((v) => pn.Animated.timing(v, { to: 1 }))).start();
   * ```
   */
  function stagger(ms: number, animations: readonly Animation[], options?: ParallelOptions): Animation {
    const where = "Animated.stagger(ms, animations)";
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
      throw new TypeError(`${where}: ms must be a finite number ≥ 0, got ${String(ms)}`);
    }
    const list = checkList(animations, where);
    const delayed = list.map((animation, i) => new SequenceAnimation([new DelayAnimation(ms * i, undefined), animation], undefined));
    return new ParallelAnimation(delayed, options?.stopTogether !== false, options, where);
  }

  /**
   * Runs `animation` again and again: `iterations` times, or until stopped.
   * Before each iteration the animation is reset, so its values start over.
   *
   * @example
   * ```ts
   * const pulse = pn.Animated.loop(
   *   pn.Animated.sequence([
   *     pn.Animated.timing(scale, { to: 1.1, duration: 400 }),
   *     pn.Animated.timing(scale, { to: 1, duration: 400 }),
   *   ]),
   * ).start();
   * // later: pulse.stop();
   * ```
   */
  function loop(animation: Animation, options?: LoopOptions): Animation {
    const where = "Animated.loop(animation, options)";
    if (!(animation instanceof Animation)) {
      throw new TypeError(`${where}: expected an animation, got ${String(animation)}`);
    }
    const raw = options?.iterations ?? -1;
    const iterations = raw === Infinity ? -1 : raw;
    if (typeof iterations !== "number" || !Number.isInteger(iterations) || iterations < -1) {
      throw new TypeError(`${where}: iterations must be an integer ≥ 0, or -1 / Infinity for endless, got ${String(raw)}`);
    }
    return new LoopAnimation(animation, iterations, options?.resetBeforeIteration !== false, options);
  }

  return { delay, sequence, parallel, stagger, loop };
}
