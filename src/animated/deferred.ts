/**
 * The animations a bundle loads on first use: the spring and decay drivers
 * and the compositions. `lazy.ts` imports this module with `import()`, so a
 * bundler that splits puts it in a chunk of its own, and builds them with
 * the engine parts they extend ({@link AnimationKit}); `typenative/testing`
 * imports it statically and registers it, so tests never wait for it.
 */
import type { AnimationKit } from "./kit.js";
import { defineSpring } from "./spring.js";
import { defineDecay } from "./decay.js";
import { defineCompositions } from "./composition.js";

/** @internal Builds the deferred animations on `kit`. */
export function implement(kit: AnimationKit) {
  return { spring: defineSpring(kit), decay: defineDecay(kit), ...defineCompositions(kit) };
}

/** @internal What {@link implement} builds: `Animated.spring`, `decay`, `delay`, `sequence`, `parallel`, `stagger`, `loop`. */
export type Implementations = ReturnType<typeof implement>;
