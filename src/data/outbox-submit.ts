/**
 * How a durable call enters the outbox of its runtime: handed to the queue
 * if its code is here, else held in the outbox's `waiting` list, in call
 * order, until it arrives (`Outbox.ready()` hands them over then). A held
 * call is listed by `pending()`, shows `queued` at once while offline, and
 * leaves the list when cancelled; if the queue's import fails, every held
 * call fails with its error (no queue, so no write).
 *
 * Only a started durable call submits, and only `mutation-calls.ts` starts
 * one, so this comes in that module's chunk, not in the first load, and is
 * built on the same kit (see src/platform/deferred.ts).
 */
import type { CancelledError, isCancellation } from "../runtime/errors.js";
import type { onlineManagerOf } from "./online-manager.js";
import type { LiveCall, Outbox, OutboxEntry, Waiting } from "./outbox.js";

/** @internal The framework parts submitting uses. */
export interface OutboxSubmitKit {
  readonly CancelledError: typeof CancelledError;
  readonly isCancellation: typeof isCancellation;
  readonly onlineManagerOf: typeof onlineManagerOf;
}

/** @internal Builds `submit` on `kit`. */
export function implement({ CancelledError, isCancellation, onlineManagerOf }: OutboxSubmitKit) {
  /**
   * Adds a call to `outbox`: written, then run in its turn; `call` settles
   * with its result, `call.persisted` with the write. `signal` aborting
   * removes it.
   */
  function submit(outbox: Outbox, entry: OutboxEntry, signal: AbortSignal, call: LiveCall): void {
    const queue = outbox.ready();
    if (queue !== null) {
      queue.submit(entry, signal, call);
      return;
    }
    const waiting: Waiting = {
      entry,
      signal,
      call,
      onAbort: () => {
        outbox.waiting = outbox.waiting.filter((w) => w !== waiting);
        const cancelled = isCancellation(signal.reason) ? signal.reason : new CancelledError("cancelled");
        call.persisted.reject(cancelled);
        call.reject(cancelled);
      },
    };
    outbox.waiting.push(waiting);
    signal.addEventListener("abort", waiting.onAbort, { once: true });
    // Shown as queued at once, as the queue would: it waits for the network.
    if (!onlineManagerOf(outbox.runtime).get()) call.onQueued(true);
    outbox.load().catch((error: unknown) => {
      // No queue, so no write: each waiting call fails with the import's error.
      const failed = outbox.waiting;
      outbox.waiting = [];
      for (const w of failed) {
        w.signal.removeEventListener("abort", w.onAbort);
        w.call.persisted.reject(error);
        w.call.reject(error);
      }
    });
  }

  return { submit };
}
