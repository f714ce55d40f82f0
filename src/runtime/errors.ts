/**
 * Raised into every await that a cancellation interrupted: a cancelled task,
 * an aborted `sleep`, an aborted fetch, a cancelled mutation call.
 *
 * A task that ends with `CancelledError` is never reported as a failure.
 *
 * @example
 * ```ts
 * try { await pn.sleep(1000, { signal }); }
 * catch (e) { if (e instanceof pn.CancelledError) return; throw e; }
 * ```
 */
export class CancelledError extends Error {
  constructor(message = "The operation was cancelled") {
    super(message);
    this.name = "CancelledError";
  }
}

/**
 * @internal A {@link CancelledError} that captures no stack frames. V8 keeps
 * the receiver and function of every captured frame until the stack is
 * formatted, and a cancellation made while unmounting has the root, the
 * scope and the fibers of the unmounted tree on its stack. The error lives
 * as long as the cancelled task and its signal's `reason` — which detached
 * work that never settles holds forever — so its frames would keep the whole
 * unmounted component alive. Cancelling is control flow, not a bug: the
 * place it was called from is not worth that memory.
 */
export function frameless(reason?: string): CancelledError {
  const ctor = Error as { stackTraceLimit?: number };
  const limit = ctor.stackTraceLimit;
  if (typeof limit !== "number") return new CancelledError(reason);
  ctor.stackTraceLimit = 0;
  try {
    return new CancelledError(reason);
  } finally {
    ctor.stackTraceLimit = limit;
  }
}

/** True for a {@link CancelledError}, or an `AbortError` raised by a platform API we passed a signal to. */
export function isCancellation(error: unknown): boolean {
  return (
    error instanceof CancelledError ||
    (typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError")
  );
}

/**
 * The error a cancelled signal carries. `AbortSignal.reason` is whatever was
 * passed to `abort()`; signals the framework aborts carry a `CancelledError`,
 * foreign ones are translated so callers see one type.
 */
export function cancellationOf(signal: AbortSignal): CancelledError {
  const reason: unknown = signal.reason;
  return reason instanceof CancelledError ? reason : new CancelledError();
}

/** Throws the signal's {@link CancelledError} when it has already been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal !== undefined && signal.aborted) throw cancellationOf(signal);
}
