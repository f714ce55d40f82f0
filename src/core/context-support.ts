import type { Fiber } from "./fiber.js";
import type { Props } from "./host.js";

/**
 * What the reconciler does for contexts: recognise a Provider element, tell
 * a provider's consumers that its value changed, and unlink a consumer that
 * is gone. `reconcile.ts`, `commit.ts` and `work.ts` reach it through
 * {@link contextSupport} rather than importing it: `createContext` installs
 * it (`context.ts`) before any Provider element or `useContext` link can
 * exist, so an app that makes no context does not carry it.
 */
export interface ContextSupport {
  /** True for a context object: the type of its Provider elements. */
  isContext(type: unknown): boolean;
  /** A provider rendered again (its props were `previous`): schedules its consumers if the value changed. */
  updated(provider: Fiber, previous: Props): void;
  /** Drops `fiber`'s context links (a consumer's providers, a provider's consumers): it unmounted or never committed. */
  unlink(fiber: Fiber): void;
}

/** The installed support, or null while no context exists. */
export const contextSupport: { current: ContextSupport | null } = { current: null };
