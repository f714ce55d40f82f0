import { isCancellation } from "./errors.js";
import type { Owned, Scope } from "./scope.js";
import type { ThenMethod } from "./thenable.js";

/**
 * @internal Makes `scope` own a promise that nobody will await, without a
 * `Task`: what a host's event dispatch makes of a handler that returns a
 * promise (the host ignores the result, so there is nothing to hand back).
 * As a task would be, it is counted by `pendingTasks()` until it settles,
 * dropped (its result ignored) when the scope closes, and its failure,
 * unless a cancellation, goes to `runtime.onError` with the owner's
 * component. A closed scope (its component is gone) lets the promise go at
 * once. Keeping `Task` (its signal, awaiters, observers) out of this path
 * keeps it out of the first load of an app that starts no task.
 */
export function followPromise(scope: Scope, work: unknown, then: ThenMethod): void {
  // The callbacks reach the scope only through `owner`, cut when the
  // promise settles or the scope closes: work that never settles keeps no
  // unmounted component alive. Under a closed scope it starts cut: the
  // promise is only listened to, so its failure is no unhandled rejection.
  let owner: Scope | null = scope.closed ? null : scope;
  const end = (): Scope | null => {
    const held = owner;
    if (held !== null) {
      owner = null;
      held.runtime.trackTask(-1);
      held.release(followed);
    }
    return held;
  };
  const fail = (error: unknown): void => {
    const held = end();
    if (held !== null && !isCancellation(error)) held.runtime.reportError(error, { source: "task", ...held.describe() });
  };
  // Closing the scope drops the outcome.
  const followed: Owned = { cancel: end };
  if (owner !== null) {
    owner.runtime.trackTask(1);
    owner.adopt(followed);
  }
  try {
    then.call(work, end, fail);
  } catch (error) {
    // As a promise would: a throwing `then` is a rejection, not a throw at the call.
    fail(error);
  }
}
