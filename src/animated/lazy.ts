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
 * The one difference during the load: arguments the stand-in cannot check
 * without the code (a spring's `stiffness`, a loop's `iterations`) are
 * checked when the real animation is built; a bad one is reported through
 * `runtime.onError` and the animation ends `{ finished: false }`.
 */
import { currentRuntime } from "../runtime/runtime.js";
import { Animation, now, type AnimationOptions, type AnimationResult, type Restore } from "./animation.js";
import { checkFinite, ValueAnimation } from "./driver.js";
import type { AnimationKit } from "./kit.js";
import { AnimatedValue } from "./value.js";
import type { Implementations } from "./deferred.js";

type Kind = keyof Implementations;

const KIT: AnimationKit = { Animation, ValueAnimation, checkFinite, currentRuntime };

let implementations: Implementations | null = null;
let loading: Promise<Implementations> | null = null;

/**
 * @internal Makes the deferred animations available synchronously, from now
 * on. Called by `typenative/testing` with the module imported statically
 * (tests drive time with a virtual clock and must not wait for an import).
 */
export function registerAnimations(deferred: typeof import("./deferred.js")): void {
  implementations ??= deferred.implement(KIT);
}

/**
 * @internal Imports the deferred animations (once; a failed import is tried
 * again on the next call) and registers them.
 */
export function loadAnimations(): Promise<Implementations> {
  if (implementations !== null) return Promise.resolve(implementations);
  return (loading ??= import("./deferred.js").then(
    (deferred) => {
      registerAnimations(deferred);
      return implementations!;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  ));
}

/**
 * Stands in for an animation whose code is still loading. A composition's
 * children are the animations among its arguments: stopping or resetting the
 * stand-in before the real one exists does to them what the composition
 * would (children never started resolve `{ finished: false }`).
 */
class LazyAnimation extends Animation {
  private inner: Animation | null = null;
  /** Bumped per run: a load finishing after its run ended must start nothing. */
  private runId = 0;
  private readonly onInnerEnd = (result: AnimationResult, time: number): void => this.finish(time, result.finished);

  constructor(
    private readonly kind: Kind,
    private readonly args: unknown[],
    options: AnimationOptions | undefined,
    /** The value a driver (spring, decay) moves: claimed at start, as the real driver would. */
    private readonly target: AnimatedValue | null,
  ) {
    super(options, `Animated.${kind}`);
  }

  protected begin(time: number): void {
    const run = ++this.runId;
    // Owning the value now keeps the order of starts: a later animation on
    // it stops this one, and this one stops the one running before.
    this.target?._attach(this);
    if (implementations !== null) {
      this.startInner(implementations, time);
      return;
    }
    loadAnimations().then(
      (loaded) => {
        if (this.runId === run && this.running) this.startInner(loaded, now());
      },
      (error: unknown) => {
        if (this.runId !== run || !this.running) return;
        currentRuntime().reportError(error, { source: "animation" });
        this.stop();
      },
    );
  }

  private startInner(loaded: Implementations, time: number): void {
    if (this.inner === null) {
      try {
        this.inner = (loaded[this.kind] as unknown as (...args: unknown[]) => Animation)(...this.args);
      } catch (error) {
        currentRuntime().reportError(error, { source: "animation" });
        this.stop();
        return;
      }
    }
    // The real driver claims the value itself; were this one still its
    // owner, that claim would stop it.
    this.target?._detach(this);
    this.inner._run(time, this.onInnerEnd);
  }

  protected halt(): void {
    this.target?._detach(this);
    if (this.inner !== null) this.inner.stop();
    else for (const child of this.children()) child.stop();
  }

  protected override onReset(restore: Restore | null): void {
    if (this.inner !== null) {
      this.inner._reset(restore);
      return;
    }
    const children = this.children();
    for (let i = children.length - 1; i >= 0; i--) children[i]!._reset(restore);
  }

  private children(): Animation[] {
    const found: Animation[] = [];
    for (const arg of this.args) {
      if (arg instanceof Animation) found.push(arg);
      else if (Array.isArray(arg)) for (const item of arg) if (item instanceof Animation) found.push(item);
    }
    return found;
  }
}

/** The real animation when its code is here, else a stand-in that loads it. */
function make(kind: Kind, args: unknown[], options: unknown, target: unknown): Animation {
  if (implementations !== null) return (implementations[kind] as unknown as (...a: unknown[]) => Animation)(...args);
  return new LazyAnimation(kind, args, options as AnimationOptions | undefined, target instanceof AnimatedValue ? target : null);
}

// The signatures are the implementations' own, so the API and its types are
// unchanged; each passes the argument holding `signal` as `options`.

export const spring: Implementations["spring"] = (value, options) => make("spring", [value, options], options, value);
export const decay: Implementations["decay"] = (value, options) => make("decay", [value, options], options, value);
export const delay: Implementations["delay"] = (ms, options) => make("delay", [ms, options], options, null);
export const sequence: Implementations["sequence"] = (animations, options) => make("sequence", [animations, options], options, null);
export const parallel: Implementations["parallel"] = (animations, options) => make("parallel", [animations, options], options, null);
export const stagger: Implementations["stagger"] = (ms, animations, options) => make("stagger", [ms, animations, options], options, null);
export const loop: Implementations["loop"] = (animation, options) => make("loop", [animation, options], options, null);
