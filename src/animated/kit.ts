/**
 * What the deferred animations (spring, decay, the compositions) take from
 * the rest of the engine, handed to them when they load.
 *
 * Why not imports: a module that the entry chunk and an `import()`ed chunk
 * both import is moved by esbuild into a third chunk that the entry loads
 * too; split off, the engine and the runtime compress worse (about 0.7 KB
 * more min+gzip in the example app). Taking these as arguments, the
 * deferred modules import types only, so their chunk shares nothing.
 */
import type { currentRuntime } from "../runtime/runtime.js";
import type { Animation } from "./animation.js";
import type { checkFinite, ValueAnimation } from "./driver.js";

/** @internal The engine parts the deferred animations build on. */
export interface AnimationKit {
  readonly Animation: typeof Animation;
  readonly ValueAnimation: typeof ValueAnimation;
  readonly checkFinite: typeof checkFinite;
  readonly currentRuntime: typeof currentRuntime;
}
