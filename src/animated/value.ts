import { currentRuntime } from "../runtime/runtime.js";
import { installAnimatedStyles } from "../core/animated-style.js";
import { createInterpolator, type InterpolationConfig } from "./interpolate.js";
import { isDev } from "../core/options.js";

/** Called with the new value after each change. */
export type AnimatedListener<T> = (value: T) => void;

/** @internal What a value knows of the animation driving it: enough to stop it. */
export interface ValueDriver {
  stop(): void;
}

/** One subscription; a wrapper so the same function can be subscribed twice and unsubscribed once. */
interface Subscription<T> {
  readonly fn: AnimatedListener<T>;
}

/**
 * Something with a current `value` that tells listeners when it changes: an
 * {@link AnimatedValue}, or an {@link AnimatedInterpolation} derived from one.
 * Style props accept any animated node; the host view follows it each frame.
 */
export abstract class AnimatedNode<T extends number | string = number | string> {
  #subscriptions: Set<Subscription<T>> | null = null;
  /** Bumped per notification, so a nested change stops an outer, now stale, one. */
  #version = 0;

  constructor() {
    // The reconciler follows animated styles once a node exists: an app that animates nothing does not carry that code.
    installAnimatedStyles();
  }

  /** The current value. */
  abstract get value(): T;

  /**
   * Calls `listener(value)` after every change, until the returned function
   * is called. Unsubscribing (any listener, any time, even while being
   * notified) is safe; a throwing listener is reported through
   * `runtime.onError` and does not stop the others.
   *
   * @example
   * ```ts
   * const off = progress.addListener((v) => console.log("progress", v));
   * off();
   * ```
   */
  addListener(listener: AnimatedListener<T>): () => void {
    if (typeof listener !== "function") {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `addListener(listener): listener must be a function, got ${typeof listener}` : /* "addListener: listener must be a function" */ "typenative #19");
    }
    const subscriptions = (this.#subscriptions ??= new Set());
    const subscription: Subscription<T> = { fn: listener };
    subscriptions.add(subscription);
    if (subscriptions.size === 1) this.onFirstListener();
    return () => {
      if (subscriptions.delete(subscription) && subscriptions.size === 0 && this.#subscriptions === subscriptions) {
        this.onLastListener();
      }
    };
  }

  /** Number of current listeners (a host or test can check nothing leaked). */
  get listenerCount(): number {
    return this.#subscriptions === null ? 0 : this.#subscriptions.size;
  }

  /**
   * A read-only node that maps this value through ranges.
   *
   * @example
   * ```ts
   * const x = new pn.Animated.Value(0);
   * const rotate = x.interpolate({ inputRange: [0, 1], outputRange: ["0deg", "90deg"] });
   * const color = x.interpolate({ inputRange: [0, 1], outputRange: ["#ff0000", "#0000ff"] });
   * const opacity = x.interpolate({ inputRange: [0, 0.5, 1], outputRange: [0, 1, 1], extrapolate: "clamp" });
   * ```
   */
  interpolate(this: AnimatedNode<number>, config: InterpolationConfig<number>): AnimatedInterpolation<number>;
  interpolate(this: AnimatedNode<number>, config: InterpolationConfig<string>): AnimatedInterpolation<string>;
  interpolate(
    this: AnimatedNode<number>,
    config: InterpolationConfig<number> | InterpolationConfig<string>,
  ): AnimatedInterpolation<number> | AnimatedInterpolation<string> {
    return new AnimatedInterpolation(this, config as InterpolationConfig<number | string>) as
      | AnimatedInterpolation<number>
      | AnimatedInterpolation<string>;
  }

  /** Tells every listener about `value`. Iterates the live set: deletions during the loop are honoured. */
  protected notify(value: T): void {
    const subscriptions = this.#subscriptions;
    if (subscriptions === null) return;
    const version = ++this.#version;
    for (const subscription of subscriptions) {
      // A listener changed the value again: the nested call already told everyone the newer value.
      if (this.#version !== version) return;
      try {
        subscription.fn(value);
      } catch (error) {
        currentRuntime().reportError(error, { source: "animated listener" });
      }
    }
  }

  /** Hook for derived nodes: start following the source. */
  protected onFirstListener(): void {}
  /** Hook for derived nodes: stop following the source, so nothing leaks. */
  protected onLastListener(): void {}
}

/**
 * A number that animations drive and views follow, the counterpart of React
 * Native's `Animated.Value`. Put it (or an interpolation of it) in a style and
 * the host view updates each frame without re-rendering the component.
 *
 * At most one animation drives a value at a time: starting another one, or
 * calling {@link AnimatedValue.setValue}, stops the one running.
 *
 * @example
 * ```ts
 * const opacity = new pn.Animated.Value(0); // in a component: pn.useAnimatedValue(0)
 * await pn.Animated.timing(opacity, { to: 1, duration: 300 });
 * opacity.value; // 1
 * ```
 */
export class AnimatedValue extends AnimatedNode<number> {
  #current: number;
  /** @internal The animation currently driving this value. */
  driver: ValueDriver | null = null;

  constructor(initial = 0) {
    super();
    this.#current = checkNumber(initial, "new AnimatedValue(initial)");
  }

  get value(): number {
    return this.#current;
  }

  /** Sets the value now, stopping any animation running on it, and notifies listeners. */
  setValue(value: number): void {
    checkNumber(value, "setValue(value)");
    this.driver?.stop();
    this._update(value);
  }

  /** Stops the animation running on this value, if any; the value stays where it is. */
  stopAnimation(): void {
    this.driver?.stop();
  }

  /** @internal A driver's write: no validation, no stopping. Equal values notify nobody. */
  _update(value: number): void {
    if (Object.is(value, this.#current)) return;
    this.#current = value;
    this.notify(value);
  }

  /** @internal Makes `driver` the one animation on this value, stopping the previous one. */
  _attach(driver: ValueDriver): void {
    const previous = this.driver;
    if (previous === driver) return;
    // Claim first: the previous driver's stop detaches only if it still owns the value.
    this.driver = driver;
    previous?.stop();
  }

  /** @internal Releases the value if `driver` still owns it. */
  _detach(driver: ValueDriver): void {
    if (this.driver === driver) this.driver = null;
  }
}

/**
 * A read-only node computed from another: created by `interpolate`. It
 * follows its source only while it has listeners, so an unused
 * interpolation holds no subscription.
 */
export class AnimatedInterpolation<T extends number | string = number | string> extends AnimatedNode<T> {
  readonly #map: (input: number) => T;
  #unsubscribe: (() => void) | null = null;
  #last: T | undefined = undefined;
  readonly #onSource = (input: number): void => {
    const output = this.#map(input);
    if (output === this.#last) return;
    this.#last = output;
    this.notify(output);
  };

  readonly #source: AnimatedNode<number>;

  constructor(source: AnimatedNode<number>, config: InterpolationConfig<T>) {
    super();
    this.#source = source;
    if (!(source instanceof AnimatedNode) || typeof source.value !== "number") {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "interpolate: the source must be an animated node with a numeric value" : /* "interpolate: the source must be numeric" */ "typenative #20");
    }
    this.#map = createInterpolator(config as InterpolationConfig<number | string>) as (input: number) => T;
  }

  get value(): T {
    return this.#map(this.#source.value);
  }

  protected override onFirstListener(): void {
    this.#last = this.value;
    this.#unsubscribe = this.#source.addListener(this.#onSource);
  }

  protected override onLastListener(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}

function checkNumber(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: value must be a finite number, got ${String(value)}` : /* `${where}: value must be a finite number` */ `typenative #21: ${where}`);
  }
  return value;
}
