import { createElement, isPropsObject, type Child, type Element } from "./element.js";
import type { ErrorInfo } from "../runtime/scope.js";
import { BOUNDARY_TYPE } from "./types.js";
import { installBoundaries } from "./boundary.js";

/** Props of {@link ErrorBoundary}. */
export interface ErrorBoundaryProps {
  /** Shown instead of the children after one of them failed to render or in a synchronous effect. */
  fallback: Child | ((error: unknown, reset: () => void) => Child);
  /** Told about every error the boundary catches. */
  onError?: (error: unknown, info: ErrorInfo) => void;
  key?: string | number;
}

/**
 * Catches errors thrown while rendering its children or in their synchronous
 * effects and shows `fallback` instead. `reset()` (given to a fallback
 * function) remounts the children fresh. Errors of event handlers and tasks
 * do not come here: they go to `runtime.onError`.
 *
 * @example
 * ```ts
 * pn.ErrorBoundary(
 *   { fallback: (error, reset) => pn.Column(pn.Text(String(error)), pn.Button("Retry", { onClick: reset })) },
 *   Profile({ userId }),
 * );
 * ```
 */
export function ErrorBoundary(props: ErrorBoundaryProps, ...children: Child[]): Element {
  if (!isPropsObject(props) || !("fallback" in props)) {
    throw new TypeError("ErrorBoundary(props, ...children): props must be an object with a fallback");
  }
  // Before the element exists: the reconciler renders boundaries only once this ran.
  installBoundaries();
  const finalProps: Record<string, unknown> = { fallback: props.fallback, onError: props.onError };
  if (children.length === 1) finalProps.children = children[0];
  else if (children.length > 1) finalProps.children = children;
  return createElement(BOUNDARY_TYPE, finalProps, props.key === undefined ? null : String(props.key));
}
