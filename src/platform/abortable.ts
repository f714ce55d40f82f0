/**
 * Settling a host call early when its signal aborts, for the calls that
 * `pn.Alert` and `pn.Camera` import on first use (alert-calls.ts,
 * camera-calls.ts). Only they import it, so a bundler that splits puts it in
 * a chunk the two share, never in the page's first download; it takes
 * `cancellationOf` from their kit rather than importing it, so that chunk
 * imports nothing of the first load either.
 */
import type { cancellationOf as CancellationOf } from "../runtime/errors.js";

/**
 * Runs `start(signal)` — a host call that was handed the signal — and settles
 * with its result, unless `signal` aborts first: then it rejects at once with
 * `CancelledError`, whatever the host does afterwards (a host may answer an
 * abort with `null`, with its own error, or not at all; callers see one type).
 * A synchronous throw from `start` becomes a rejection. `cancellationOf` is
 * the runtime's, from the platform kit (kit.ts).
 *
 * @internal Shared by `Alert` and `Camera`.
 */
export function abortable<T>(cancellationOf: typeof CancellationOf, start: (signal: AbortSignal | undefined) => PromiseLike<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal?.aborted) return Promise.reject(cancellationOf(signal));
  return new Promise<T>((resolve, reject) => {
    function onAbort(): void {
      reject(cancellationOf(signal!));
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    let answer: PromiseLike<T>;
    try {
      answer = start(signal);
    } catch (error) {
      signal?.removeEventListener("abort", onAbort);
      reject(error);
      return;
    }
    Promise.resolve(answer).then(
      (value) => {
        signal?.removeEventListener("abort", onAbort);
        // A host that answered the abort (TestAlerts resolves `null`) must not
        // turn a cancellation into an answer.
        if (signal?.aborted) reject(cancellationOf(signal));
        else resolve(value);
      },
      (error: unknown) => {
        signal?.removeEventListener("abort", onAbort);
        reject(signal?.aborted ? cancellationOf(signal) : error);
      },
    );
  });
}

