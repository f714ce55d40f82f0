/**
 * How an ErrorBoundary renders and catches, apart from the reconciler so
 * that an app that never makes a boundary does not carry it: `ErrorBoundary`
 * installs it into {@link boundarySupport} when it makes its first element,
 * before any boundary fiber can exist. Until then the reconciler renders no
 * boundary and every error goes to `runtime.onError`.
 */
import type { Fiber } from "./fiber.js";
import { BOUNDARY, DELETED, DIRTY, EMPTY, FORCED, NO_ERROR, STORMY, UNMOUNTED, componentStack } from "./fiber.js";
import { mountChildren, reconcileChildren } from "./children.js";
import { RenderFailure, rollback, savepoint } from "./work.js";
import { scheduleUpdate } from "./dirty.js";
import { boundarySupport, type ErrorSource } from "./errors.js";
import { nameOf } from "./component.js";
import { visitor } from "./reconcile.js";
import { BOUNDARY_TYPE } from "./types.js";

/** Called by `ErrorBoundary` with each element it makes (cheap after the first). */
export function installBoundaries(): void {
  boundarySupport.type = BOUNDARY_TYPE;
  boundarySupport.render = renderBoundary;
  boundarySupport.route = routeToBoundary;
}

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

/** An error thrown by `fiber` goes to its nearest boundary, which re-renders with its fallback. False when none can take it. */
function routeToBoundary(error: unknown, fiber: Fiber, kind: ErrorSource): boolean {
  const boundary = findBoundary(fiber);
  if (boundary === null) return false;
  catchError(boundary, error, fiber, kind);
  boundary.flags &= ~DIRTY;
  scheduleUpdate(boundary);
  return true;
}

/** Puts a boundary into its error state and tells its `onError`. */
function catchError(boundary: Fiber, error: unknown, source: Fiber | null, kind: ErrorSource = "render"): void {
  boundary.error = error;
  const onError = boundary.props.onError;
  if (typeof onError === "function") {
    const info = { source: kind, component: source === null ? undefined : nameOf(source.type), componentStack: componentStack(source) };
    try {
      onError(error, info);
    } catch (handlerError) {
      boundary.root.runtime.reportError(handlerError, { source: "ErrorBoundary.onError" });
    }
  }
}

/**
 * Renders an ErrorBoundary: its children, or its fallback when a descendant
 * failed. A failure while rendering the children is rolled back to the
 * boundary's savepoint (nothing of it reaches the host) and the fallback
 * renders in its place within the same render.
 */
function renderBoundary(fiber: Fiber, mounting: boolean): void {
  fiber.flags &= ~(DIRTY | FORCED | STORMY);
  const mode = fiber.error === NO_ERROR ? "" : "error";
  if (!mounting && fiber.text !== mode) {
    // Switching between children and fallback always remounts: reset()
    // promises fresh children, and a fallback never inherits their state.
    reconcileChildren(fiber, null, visitor);
  }
  fiber.text = mode;
  if (mode === "error") {
    renderList(fiber, fallbackOf(fiber), mounting);
    return;
  }
  const save = savepoint();
  try {
    renderList(fiber, fiber.props.children, mounting);
  } catch (thrown) {
    const failure = thrown instanceof RenderFailure ? thrown : new RenderFailure(thrown, fiber);
    rollback(save);
    if (mounting) fiber.children = EMPTY;
    else reconcileChildren(fiber, null, visitor);
    catchError(fiber, failure.error, failure.fiber);
    fiber.text = "error";
    renderList(fiber, fallbackOf(fiber), mounting && fiber.children.length === 0);
  }
}

function renderList(fiber: Fiber, raw: unknown, mounting: boolean): void {
  if (mounting) mountChildren(fiber, raw, visitor);
  else reconcileChildren(fiber, raw, visitor);
}

function fallbackOf(fiber: Fiber): unknown {
  const fallback = fiber.props.fallback;
  if (typeof fallback !== "function") return fallback ?? null;
  const reset = (): void => {
    if (fiber.error === NO_ERROR) return;
    fiber.error = NO_ERROR;
    scheduleUpdate(fiber);
  };
  return (fallback as (error: unknown, reset: () => void) => unknown)(fiber.error, reset);
}
