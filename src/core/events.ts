import type { Fiber } from "./fiber.js";
import { UNMOUNTED, componentName, componentStack, ownerComponent } from "./fiber.js";
import { FIBER_OF } from "./current.js";
import { effectScope } from "./scope.js";
import type { Scope } from "../runtime/scope.js";
import { withOwner } from "../runtime/runtime.js";
import { followTask } from "../runtime/task.js";
import { followPromise } from "../runtime/follow.js";
import { thenOf, type ThenMethod } from "../runtime/thenable.js";

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
 * A host that ignores the result should call {@link dispatch} instead.
 *
 * @example
 * ```ts
 * // in a test or a tool that awaits the handler's task
 * const task = emit(button, "onClick") as pn.Task<void>;
 * await task;
 * ```
 */
export function emit(node: object, name: string, ...args: unknown[]): unknown {
  return deliver(node, name, args, followTask);
}

/**
 * {@link emit} for a host that does not use the result (the DOM and bridge
 * listeners): the same handler call, scope, batching and error path, and a
 * returned promise is owned by the component the same way (counted by
 * `pendingTasks()`, dropped on unmount, its failure sent to
 * `runtime.onError`), but no {@link Task} is made for it. So an app whose
 * own code starts no task does not carry the `Task` class.
 *
 * @example
 * ```ts
 * button.addEventListener("click", () => dispatch(button, "onClick"));
 * ```
 */
export function dispatch(node: object, name: string, ...args: unknown[]): void {
  deliver(node, name, args, followPromise);
}

/** What becomes of a handler's promise: a `Task` to return ({@link emit}), or nothing to return ({@link dispatch}). */
type Follow = (scope: Scope, work: unknown, then: ThenMethod) => unknown;

function deliver(node: object, name: string, args: unknown[], follow: Follow): unknown {
  const fiber = fiberOf(node);
  if (fiber === null) return undefined;
  const handler = fiber.props[name];
  if (typeof handler !== "function") return undefined;
  let result: unknown;
  try {
    // The scope is made only if the handler starts a task: most start none.
    result = withOwner(fiber, fiber.root.runtime, handlerScope, () => (handler as (...a: unknown[]) => unknown)(...args));
  } catch (error) {
    fiber.root.runtime.reportError(error, { source: "handler", component: componentName(fiber), componentStack: componentStack(fiber) });
    return undefined;
  }
  // A handler that returns a promise (an async function) runs as a task of
  // its component; a Task returned by runAsync already is one.
  const then = thenOf(result);
  if (then !== undefined && typeof (result as { cancel?: unknown }).cancel !== "function") return follow(handlerScope(fiber), result, then);
  return result;
}

/**
 * The scope a handler of the view `fiber` gives its tasks: its component's,
 * or the app's for a view no component owns. A handler that unmounted its
 * own tree before starting a task gets a closed scope (see `effectScope`).
 */
function handlerScope(fiber: Fiber): Scope {
  const owner = ownerComponent(fiber);
  return owner === null ? fiber.root.runtime.appScope : effectScope(owner);
}
