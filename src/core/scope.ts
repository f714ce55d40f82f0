import type { Fiber } from "./fiber.js";
import { componentStack, UNMOUNTED } from "./fiber.js";
import { nameOf } from "./component.js";
import { Scope } from "../runtime/scope.js";

/**
 * The scope that owns a component's tasks, created on first use. It closes
 * when the component unmounts, cancelling everything the component started.
 */
export function getComponentScope(fiber: Fiber): Scope {
  let scope = fiber.scope;
  if (scope === null) {
    scope = new Scope(fiber.root.runtime, () => ({ component: nameOf(fiber.type), componentStack: componentStack(fiber) }));
    fiber.scope = scope;
  }
  return scope;
}

/**
 * The scope an effect or cleanup of `fiber` gives a task it starts, made
 * then (see `withOwner`). Made after the component unmounted (a cleanup
 * of a component whose effects started no task), it is closed at once, as
 * the unmount would have closed it: its tasks are cancelled at birth.
 */
export function effectScope(fiber: Fiber): Scope {
  const made = fiber.scope === null;
  const scope = getComponentScope(fiber);
  if (made && fiber.flags & UNMOUNTED) scope.close();
  return scope;
}
