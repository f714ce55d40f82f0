import type { Fiber } from "./fiber.js";
import { BOUNDARY, DELETED, DIRTY, NO_ERROR, UNMOUNTED, componentName, componentStack } from "./fiber.js";
import { scheduleUpdate } from "./dirty.js";

/**
 * Error routing, in one place: an error thrown while rendering, by an
 * effect, or by an effect's cleanup goes to the nearest ErrorBoundary that
 * can still show a fallback; with none, to `runtime.onError`, and the last
 * committed tree stays on screen. (Errors of event handlers and tasks never
 * come here: they go straight to `onError`.)
 */

/** Where an error came from, as `onError`'s `info.source` says. */
export type ErrorSource = "render" | "effect";

/**
 * The nearest ErrorBoundary above `fiber` that is alive and not already
 * showing an error. A boundary being removed in this commit cannot show
 * anything, so errors from its dying subtree go further up.
 */
export function findBoundary(fiber: Fiber): Fiber | null {
  for (let f = fiber.parent; f !== null; f = f.parent) {
    if (f.kind === BOUNDARY && f.error === NO_ERROR && f.text === "" && (f.flags & (UNMOUNTED | DELETED)) === 0) return f;
  }
  return null;
}

/**
 * What `ErrorBoundary` brings (boundary.ts), installed by its first element:
 * how a boundary renders, and how it takes an error. Null until then, when
 * no boundary fiber exists for an error to reach.
 */
export const boundarySupport: {
  render: ((fiber: Fiber, mounting: boolean) => void) | null;
  catchError: ((boundary: Fiber, error: unknown, source: Fiber | null, kind?: ErrorSource) => void) | null;
} = { render: null, catchError: null };

/**
 * Sends an error thrown by `fiber` (while rendering, or in an effect or
 * cleanup) to its boundary, which re-renders with its fallback, else to
 * `onError`.
 */
export function routeError(error: unknown, fiber: Fiber, kind: ErrorSource): void {
  const boundary = findBoundary(fiber);
  if (boundary !== null) {
    boundarySupport.catchError!(boundary, error, fiber, kind);
    boundary.flags &= ~DIRTY;
    scheduleUpdate(boundary);
    return;
  }
  fiber.root.runtime.reportError(error, { source: kind, component: componentName(fiber), componentStack: componentStack(fiber) });
}
