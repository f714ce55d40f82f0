import type { Fiber } from "./fiber.js";

/**
 * What the reconciler does with animated values in a style: resolve them to
 * their current values for the host, tell whether a style holds any, and
 * make a host view follow them between renders. `props.ts` and `commit.ts`
 * reach it through {@link animatedStyles} rather than importing it: the
 * first animated node made installs it (`animated-style.ts`, called by
 * `AnimatedNode`'s constructor), so an app that animates nothing does not
 * carry the walk. Until then no style can hold an animated node, and a
 * style is given to the host as it is.
 */
export interface AnimatedStyles {
  /** `style` with every animated value replaced by its current value (the same object when none is animated). */
  resolve(style: unknown): unknown;
  /** Every animated value `style` holds, including inside `transform`. */
  nodesOf(style: unknown): readonly unknown[];
  /** Makes a host fiber's view follow the animated values of its style (or stop following: the commit's `OP_ANIMATE`). */
  follow(fiber: Fiber): void;
}

/** The installed support, or null while no animated node exists. */
export const animatedStyles: { current: AnimatedStyles | null } = { current: null };
