/**
 * `Animated.spring`, `decay`, `delay`, `sequence`, `parallel`, `stagger` and
 * `loop` as the app sees them: their code (`deferred.ts`, about 7 KB
 * minified) is imported with `import()` the first time one of them is
 * called, so an app that only fades with `timing` does not download it.
 *
 * Why a handle and not a promise of one: the API returns an awaitable,
 * cancellable animation synchronously. Before the code has arrived, a call
 * returns a {@link LazyAnimation}, a full `Animation` (start, stop, reset,
 * signal, composable) that creates the real one when the code is there and
 * forwards to it. Once loaded — and always where the implementations were
 * registered up front ({@link registerAnimations}; `typenative/testing` does
 * it, so virtual-clock tests stay synchronous) — the calls build the real
 * animation directly, with the same synchronous argument checks.
 *
 * Two differences last only until the code has arrived: the animation
 * starts moving when it is there, not in the instant of `start()`; and
 * arguments the stand-in cannot check without the code (a spring's
 * `stiffness`, a loop's `iterations`) are checked when the real animation
 * is built — a bad one is reported through `runtime.onError` and the
 * animation ends `{ finished: false }`.
 */
import { currentRuntime } from "../runtime/runtime.js";
import { Animation, now, type AnimationOptions, type AnimationResult, type Restore } from "./animation.js";
import { checkFinite, ValueAnimation } from "./driver.js";
import type { AnimationKit } from "./kit.js";
import { AnimatedValue } from "./value.js";
import type { Implementations } from "./deferred.js";
import { deferred } from "../platform/deferred.js";

type Kind = keyof Implementations;

const KIT: AnimationKit = { Animation, ValueAnimation, checkFinite, currentRuntime };

/** The deferred animations: `loaded()` is null until `deferred.ts` is imported or registered. */
const animations = deferred(KIT, () => import("./deferred.js"));

/**
 * @internal Makes the deferred animations available synchronously, from now
 * on. Called by `typenative/testing` with the module imported statically
 * (tests drive time with a virtual clock and must not wait for an import).
 */
export function registerAnimations(module: typeof import("./deferred.js")): void {
  animations.register(module);
}

/**
 * @internal Imports the deferred animations (once; a failed import is tried
 * again on the next call) and registers them.
 */
export function loadAnimations(): Promise<Implementations> {
  return animations.load();
}

/**
 * Stands in for an animation whose code is still loading. A composition's
 * children are the animations among its arguments: stopping or resetting the
 * stand-in before the real one exists does to them what the composition
 * would (children never started resolve `{ finished: false }`).
 */
class LazyAnimation extends Animation {
  #inner: Animation | null = null;
  /** Bumped per run: a load finishing after its run ended must start nothing. */
  #runId = 0;
  readonly #kind: Kind;
  readonly #args: unknown[];
  /** The value a driver (spring, decay) moves: claimed at start, as the real driver would. */
  readonly #target: AnimatedValue | null;
  readonly #onInnerEnd = (result: AnimationResult, time: number): void => this.finish(time, result.finished);

  constructor(kind: Kind, args: unknown[], options: AnimationOptions | undefined, target: AnimatedValue | null) {
    super(options, `Animated.${kind}`);
    this.#kind = kind;
    this.#args = args;
    this.#target = target;
  }

  protected begin(time: number): void {
    const run = ++this.#runId;
    // Owning the value now keeps the order of starts: a later animation on
    // it stops this one, and this one stops the one running before.
    this.#target?._attach(this);
    const implementations = animations.loaded();
    if (implementations !== null) {
      this.#startInner(implementations, time);
      return;
    }
    // Through `use`, which runs the start in the runtime of this call: the
    // code arrives in a promise reaction, where the default runtime is
    // current, and a root on its own runtime must get the frames and timers.
    const rt = currentRuntime();
    (animations.use((loaded) => {
      if (this.#runId === run && this.running) this.#startInner(loaded, now());
    }) as Promise<void>).then(undefined, (error: unknown) => {
      if (this.#runId !== run || !this.running) return;
      rt.reportError(error, { source: "animation" });
      this.stop();
    });
  }

  #startInner(loaded: Implementations, time: number): void {
    if (this.#inner === null) {
      try {
        this.#inner = (loaded[this.#kind] as unknown as (...args: unknown[]) => Animation)(...this.#args);
      } catch (error) {
        currentRuntime().reportError(error, { source: "animation" });
        this.stop();
        return;
      }
    }
    // The real driver claims the value itself; were this one still its
    // owner, that claim would stop it.
    this.#target?._detach(this);
    this.#inner._run(time, this.#onInnerEnd);
  }

  protected halt(): void {
    this.#target?._detach(this);
    if (this.#inner !== null) this.#inner.stop();
    else for (const child of this.#children()) child.stop();
  }

  protected override onReset(restore: Restore | null): void {
    if (this.#inner !== null) {
      this.#inner._reset(restore);
      return;
    }
    const children = this.#children();
    for (let i = children.length - 1; i >= 0; i--) children[i]!._reset(restore);
  }

  #children(): Animation[] {
    const found: Animation[] = [];
    for (const arg of this.#args) {
      if (arg instanceof Animation) found.push(arg);
      else if (Array.isArray(arg)) for (const item of arg) if (item instanceof Animation) found.push(item);
    }
    return found;
  }
}

/** The real animation when its code is here, else a stand-in that loads it. */
function make(kind: Kind, args: unknown[], options: unknown, target: unknown): Animation {
  const implementations = animations.loaded();
  if (implementations !== null) return (implementations[kind] as unknown as (...a: unknown[]) => Animation)(...args);
  return new LazyAnimation(kind, args, options as AnimationOptions | undefined, target instanceof AnimatedValue ? target : null);
}

// The signatures (and docs) are the implementations' own, so the API and its
// types are unchanged; each passes the argument holding `signal` as `options`.

/**
 * Moves `value` to `to` like a mass on a damped spring: physically plausible
 * motion that may overshoot and settle. The simulation runs in fixed 1 ms
 * steps (deterministic at any frame rate); once both the distance to `to`
 * and the speed are below their thresholds (0.001) the value snaps to `to`
 * and the animation finishes.
 *
 * @throws TypeError for a non-finite `to`, non-positive `stiffness`/`mass`, negative `damping`.
 *
 * @example
 * ```ts
 * const scale = pn.useAnimatedValue(1);
 * pn.Button("Pop", { onClick: () => pn.Animated.spring(scale, { to: 1.2, damping: 4 }).start() });
 * ```
 */
export const spring: Implementations["spring"] = (value, options) => make("spring", [value, options], options, value);

/**
 * Lets `value` coast from its current number with an initial `velocity`
 * (units per ms), slowing exponentially — the fling after a swipe. The speed
 * after t ms is velocity · deceleration^t (approximately), and the value
 * tends to `from + velocity / (1 − deceleration)`; once within
 * `restDisplacementThreshold` of that point it lands on it and finishes.
 *
 * @throws TypeError for a non-finite `velocity` or a `deceleration` outside (0, 1).
 *
 * @example
 * ```ts
 * const x = pn.useAnimatedValue(0);
 * await pn.Animated.decay(x, { velocity: 1.2 }); // x ends near 600
 * ```
 */
export const decay: Implementations["decay"] = (value, options) => make("decay", [value, options], options, value);

/**
 * An animation that does nothing for `ms` milliseconds, for sequences.
 *
 * @example
 * ```ts
 * await pn.Animated.sequence([fadeIn, pn.Animated.delay(1000), fadeOut]);
 * ```
 */
export const delay: Implementations["delay"] = (ms, options) => make("delay", [ms, options], options, null);

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
export const sequence: Implementations["sequence"] = (animations, options) => make("sequence", [animations, options], options, null);

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
export const parallel: Implementations["parallel"] = (animations, options) => make("parallel", [animations, options], options, null);

/**
 * Starts animations in parallel, the i-th after `i * ms` milliseconds — for
 * lists whose items arrive one after another.
 *
 * @example
 * ```ts
 * pn.Animated.stagger(50, items.map((v) => pn.Animated.timing(v, { to: 1 }))).start();
 * ```
 */
export const stagger: Implementations["stagger"] = (ms, animations, options) => make("stagger", [ms, animations, options], options, null);

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
export const loop: Implementations["loop"] = (animation, options) => make("loop", [animation, options], options, null);
