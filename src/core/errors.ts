import type { Fiber } from "./fiber.js";
import { componentName, componentStack } from "./fiber.js";

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
 * What `ErrorBoundary` brings (boundary.ts), installed by its first element:
 * its element type, how a boundary renders, and how an error finds the
 * nearest boundary and is caught there. Null until then, when no boundary
 * fiber exists for an error to reach, so an app without boundaries carries
 * none of it.
 */
export const boundarySupport: {
  type: unknown;
  render: ((fiber: Fiber, mounting: boolean) => void) | null;
  /** Hands the error to the nearest boundary that can take it; false when there is none. */
  route: ((error: unknown, fiber: Fiber, kind: ErrorSource) => boolean) | null;
} = { type: null, render: null, route: null };

/**
 * Sends an error thrown by `fiber` (while rendering, or in an effect or
 * cleanup) to its boundary, which re-renders with its fallback, else to
 * `onError`.
 */
export function routeError(error: unknown, fiber: Fiber, kind: ErrorSource): void {
  if (boundarySupport.route !== null && boundarySupport.route(error, fiber, kind)) return;
  fiber.root.runtime.reportError(error, { source: kind, component: componentName(fiber), componentStack: componentStack(fiber) });
}
