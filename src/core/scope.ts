import type { Fiber } from "./fiber.js";
import { componentStack } from "./fiber.js";
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
