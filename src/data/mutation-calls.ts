/**
 * What a mutation call runs once it has started, and what its outcome does,
 * imported on the first `mutate(...)` (see mutation.ts): `onMutate`, the
 * mutator with its context, a defined mutation's retries and `onSuccess`, a
 * durable call's way into the outbox, then the state's `data` or `error`
 * and the `onSuccess`, `onError` and `onSettled` callbacks. Mutations answer
 * the user, so no app needs this before its first render; `mutate` itself,
 * the call it returns, `loading` and a cancel before this code arrives stay
 * in mutation.ts, synchronous.
 *
 * Built on a kit of framework parts handed to it (see
 * src/platform/deferred.ts), so its chunk imports nothing; `randomId` and
 * `outbox-submit.ts` are used here only, so they come along in the chunk.
 */
import type { CancelledError, isCancellation } from "../runtime/errors.js";
import type { Runtime } from "../runtime/runtime.js";
import type { isThenable } from "../runtime/task.js";
import type { DurableContext, MutationDefinition } from "./define-mutation.js";
import { randomId } from "./ids.js";
import type { MutationAction } from "./mutation.js";
import type { outboxRouteOf } from "./mutation-registry.js";
import type { onlineManagerOf } from "./online-manager.js";
import { implement as implementSubmit } from "./outbox-submit.js";
import type { withRetry } from "./retry.js";

/** @internal The framework parts a started call uses. */
export interface MutationKit {
  readonly isThenable: typeof isThenable;
  readonly isCancellation: typeof isCancellation;
  readonly CancelledError: typeof CancelledError;
  readonly onlineManagerOf: typeof onlineManagerOf;
  readonly withRetry: typeof withRetry;
  readonly outboxRouteOf: typeof outboxRouteOf;
}

/** @internal One call, as `Mutation.mutate` made it: what it was called with, and the mutator and options of that moment. */
export interface StartedCall {
  readonly id: number;
  readonly args: unknown[];
  readonly mutator: (...args: unknown[]) => unknown;
  readonly definition: MutationDefinition<unknown[], unknown> | null;
  readonly withSignal: boolean;
  readonly onMutate: ((...args: unknown[]) => unknown) | undefined;
  /** A durable call's `persisted`; `null` for any other. */
  readonly persisted: { readonly promise: Promise<void>; resolve(): void; reject(error: unknown): void } | null;
  /** What `onMutate` returned, for the callbacks. */
  context: unknown;
  /**
   * Set once `onMutate` has returned (or resolved): from then on, a cancel
   * runs `onError` and `onSettled` with the `CancelledError`, so an
   * optimistic update is rolled back. Set here, not in mutation.ts, whose
   * code every app that mutates downloads.
   */
  prepared?: boolean;
  /**
   * The runtime the call was made in: its outbox and its `onError`. The
   * call runs and settles later (after this code's import, after an await),
   * where the current runtime is the default one.
   */
  readonly runtime: Runtime;
}

/** @internal The side of a `Mutation` its calls report to. */
export interface MutationHost {
  /** The latest options: a call's callbacks are taken from them when it settles. */
  readonly options: { readonly [name in "onSuccess" | "onError" | "onSettled"]?: unknown };
  dispatch(action: MutationAction<unknown, unknown>): void;
}

/** @internal Builds the started-call side of `Mutation` on `kit`. */
export function implement(kit: MutationKit) {
  const { isThenable, isCancellation, withRetry, outboxRouteOf } = kit;
  const { submit } = implementSubmit(kit);

  /** Puts a durable call in the outbox; resolves with its result once the server has it. */
  function enqueue(host: MutationHost, call: StartedCall, signal: AbortSignal, definition: MutationDefinition<unknown[], unknown>, idempotencyKey: string): Promise<unknown> {
    let stored: unknown[];
    try {
      // Stored as JSON, and run with what was stored, so a replay after a
      // restart calls the mutator exactly as this process would have.
      stored = JSON.parse(JSON.stringify(call.args)) as unknown[];
    } catch (error) {
      return Promise.reject(new TypeError(`mutate(...) of durable mutation "${definition.name}": the arguments must be JSON (${error instanceof Error ? error.message : String(error)})`));
    }
    // Reached through the definition, never imported: an app that only
    // uses plain mutators carries no outbox code (see mutation-registry.ts).
    const route = outboxRouteOf(definition);
    if (route === undefined) {
      return Promise.reject(new TypeError(`mutate(...) of durable mutation "${definition.name}": a durable definition must come from pn.defineMutation`));
    }
    const outbox = route(call.runtime);
    return new Promise((resolve, reject) => {
      submit(
        outbox,
        { id: randomId(), name: definition.name, args: stored, idempotencyKey, createdAt: Date.now() },
        signal,
        { resolve, reject, persisted: call.persisted!, onQueued: (queued) => host.dispatch({ type: "queued", id: call.id, queued }) },
      );
    });
  }

  /** Calls the mutator (or the durable route) of a definition. */
  function runDefined(host: MutationHost, call: StartedCall, signal: AbortSignal, definition: MutationDefinition<unknown[], unknown>): unknown {
    const { args, mutator } = call;
    const idempotencyKey = randomId();
    if (call.persisted !== null) return enqueue(host, call, signal, definition, idempotencyKey);
    const result = withRetry((attemptSignal) => mutator(...args, { signal: attemptSignal, idempotencyKey } satisfies DurableContext), signal, definition);
    const onSuccess = definition.onSuccess;
    if (onSuccess === undefined) return result;
    const rt = call.runtime;
    return result.then((data) => {
      try {
        const done = onSuccess(data, args.slice());
        if (isThenable(done)) done.then(undefined, (error: unknown) => rt.reportError(error, { source: "mutation" }));
      } catch (error) {
        rt.reportError(error, { source: "mutation" });
      }
      return data;
    });
  }

  /** Calls `name` of the latest options; a callback that throws (or rejects) is a bug, reported, never the call's outcome. */
  function callback(host: MutationHost, call: StartedCall, name: "onSuccess" | "onError" | "onSettled", values: unknown[]): void {
    const callback = host.options[name] as ((...values: unknown[]) => unknown) | undefined;
    if (callback === undefined) return;
    const rt = call.runtime;
    try {
      const result = callback(...values);
      if (isThenable(result)) result.then(undefined, (error: unknown) => rt.reportError(error, { source: "mutation" }));
    } catch (error) {
      rt.reportError(error, { source: "mutation" });
    }
  }

  return {
    /** Runs a started call: `onMutate` first (a synchronous one keeps the mutator's call synchronous), then the mutator. */
    run(host: MutationHost, call: StartedCall, signal: AbortSignal): unknown {
      const run = (): unknown => {
        const { definition, mutator, args } = call;
        if (definition !== null) return runDefined(host, call, signal, definition);
        return call.withSignal ? mutator(...args, { signal }) : mutator(...args);
      };
      const prepared = call.onMutate?.(...call.args);
      if (isThenable(prepared)) {
        return Promise.resolve(prepared).then((value) => {
          call.context = value;
          call.prepared = true;
          if (!signal.aborted) return run();
          // Cancelled while onMutate prepared: the call has settled already,
          // and a cancelled write must not go out (nor into the outbox); what
          // onMutate did is undone by onError, now that its context is here.
          failed(host, call, signal.reason instanceof kit.CancelledError ? signal.reason : new kit.CancelledError());
          return undefined;
        });
      }
      call.context = prepared;
      call.prepared = true;
      return run();
    },

    /** Shows a settled call's outcome and runs the callbacks (for a cancelled call, only once `onMutate` ran). */
    settle(host: MutationHost, call: StartedCall, ok: boolean, value: unknown): void {
      const { id, args, context } = call;
      if (ok) {
        host.dispatch({ type: "success", id, data: value });
        callback(host, call, "onSuccess", [value, args, context]);
        callback(host, call, "onSettled", [value, null, args, context]);
        return;
      }
      // A call that fails before reaching the outbox (onMutate threw, arguments not JSON) was never persisted.
      call.persisted?.reject(value);
      if (isCancellation(value)) {
        host.dispatch({ type: "cancel", id });
        // Cancelled after onMutate ran: its callbacks undo what it did. (Still
        // preparing: run() calls them when its context arrives.)
        if (call.prepared === true) failed(host, call, value);
        return;
      }
      host.dispatch({ type: "error", id, error: value });
      failed(host, call, value);
    },
  };

  /** The callbacks of a call that failed or was cancelled after `onMutate` ran. */
  function failed(host: MutationHost, call: StartedCall, error: unknown): void {
    callback(host, call, "onError", [error, call.args, call.context]);
    callback(host, call, "onSettled", [undefined, error, call.args, call.context]);
  }
}
