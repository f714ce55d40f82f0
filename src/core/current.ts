import type { Fiber } from "./fiber.js";

/**
 * Which component is rendering right now, and where its hook cursor is.
 * Hooks read this; the reconciler sets it around each render call.
 */
export const current = {
  fiber: null as Fiber | null,
  index: 0,
  /** True on a component's first render: hooks create their slots. */
  mounting: false,
};

/** Symbol under which a host node points back to its fiber (an expando, cheaper than a WeakMap lookup). */
export const FIBER_OF = Symbol.for("typenative.fiber");
