import { isCancellation } from "./errors.js";
import type { Owned, Scope } from "./scope.js";
import { detach, type ThenMethod } from "./thenable.js";

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
  if (scope.closed) return detach(work, then);
  const followed = new Followed(scope);
  scope.runtime.trackTask(1);
  scope.adopt(followed);
  try {
    // The callbacks hold only `followed`, which lets go of the scope when it
    // ends: work that never settles keeps no unmounted component alive.
    then.call(
      work,
      () => followed.end(),
      (error: unknown) => followed.fail(error),
    );
  } catch (error) {
    // As a promise would: a throwing `then` is a rejection, not a throw at the call.
    followed.fail(error);
  }
}

class Followed implements Owned {
  constructor(private scope: Scope | null) {}

  /** Called when the scope closes: the promise's outcome is dropped. */
  cancel(): void {
    this.end();
  }

  /** Stops following; the scope it had, or null if it had already stopped. */
  end(): Scope | null {
    const scope = this.scope;
    if (scope !== null) {
      this.scope = null;
      scope.runtime.trackTask(-1);
      scope.release(this);
    }
    return scope;
  }

  fail(error: unknown): void {
    const scope = this.end();
    if (scope !== null && !isCancellation(error)) scope.runtime.reportError(error, { source: "task", ...scope.describe() });
  }
}
