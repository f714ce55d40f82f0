import type { Fiber } from "./fiber.js";
import { UNMOUNTED, componentName, componentStack, ownerComponent } from "./fiber.js";
import { FIBER_OF } from "./current.js";
import { getComponentScope } from "./scope.js";
import { withScope } from "../runtime/runtime.js";
import { followTask, thenOf } from "../runtime/task.js";

/** The fiber a host view belongs to, or null for views the reconciler does not own (or no longer does). */
export function fiberOf(node: object): Fiber | null {
  const fiber = (node as Record<symbol, unknown>)[FIBER_OF] as Fiber | undefined;
  return fiber === undefined || fiber.flags & UNMOUNTED ? null : fiber;
}

/**
 * Delivers a host event: calls the view's current `props[name]` with `args`.
 *
 * The handler runs in its component's scope, so a `runAsync` it makes (or
 * the promise it returns) becomes a task the component owns and cancels on
 * unmount. Setters it calls land in one render on the loop. A throw goes to
 * `runtime.onError` (never to an ErrorBoundary). Returns the handler's
 * result (a {@link Task} when it returned a promise), or undefined when the
 * view has no such handler or is gone.
 *
 * @example
 * ```ts
 * // in a DOM host
 * button.addEventListener("click", () => emit(button, "onClick"));
 * ```
 */
export function emit(node: object, name: string, ...args: unknown[]): unknown {
  const fiber = fiberOf(node);
  if (fiber === null) return undefined;
  const handler = fiber.props[name];
  if (typeof handler !== "function") return undefined;
  const owner = ownerComponent(fiber);
  const scope = owner === null ? fiber.root.runtime.appScope : getComponentScope(owner);
  let result: unknown;
  try {
    result = withScope(scope, () => (handler as (...a: unknown[]) => unknown)(...args));
  } catch (error) {
    fiber.root.runtime.reportError(error, { source: "handler", component: componentName(fiber), componentStack: componentStack(fiber) });
    return undefined;
  }
  // A handler that returns a promise (an async function) runs as a task of
  // its component; a Task returned by runAsync already is one.
  const then = thenOf(result);
  if (then !== undefined && typeof (result as { cancel?: unknown }).cancel !== "function") return followTask(scope, result, then);
  return result;
}
