/**
 * What a mutation call runs once it has started, imported on the first
 * `mutate(...)` (see mutation.ts): `onMutate`, the mutator with its
 * context, a defined mutation's retries and `onSuccess`, and a durable
 * call's way into the outbox. Mutations answer the user, so no app needs
 * this before its first render; the state machine, `mutate` itself and
 * the call it returns stay in mutation.ts, synchronous.
 *
 * Built on a kit of framework parts handed to it (see
 * src/platform/deferred.ts), so its chunk imports nothing; `randomId` is
 * used here only, so it comes along in the chunk.
 */
import type { currentRuntime } from "../runtime/runtime.js";
import type { isThenable } from "../runtime/task.js";
import type { DurableContext, MutationDefinition } from "./define-mutation.js";
import { randomId } from "./ids.js";
import type { outboxRouteOf } from "./mutation-registry.js";
import type { withRetry } from "./retry.js";

/** @internal The framework parts a started call uses. */
export interface MutationKit {
  readonly currentRuntime: typeof currentRuntime;
  readonly isThenable: typeof isThenable;
  readonly withRetry: typeof withRetry;
  readonly outboxRouteOf: typeof outboxRouteOf;
}

/** @internal One started call, as `Mutation.mutate` hands it over. */
export interface StartedCall {
  readonly args: unknown[];
  readonly signal: AbortSignal;
  readonly mutator: (...args: unknown[]) => unknown;
  readonly definition: MutationDefinition<unknown[], unknown> | null;
  readonly withSignal: boolean;
  readonly onMutate: ((...args: unknown[]) => unknown) | undefined;
  /** A durable call's `persisted`; `null` for any other. */
  readonly persisted: { resolve(): void; reject(error: unknown): void } | null;
  /** Keeps what `onMutate` returned, for the callbacks. */
  setContext(context: unknown): void;
  /** Shows the call as waiting for the network (or not). */
  onQueued(queued: boolean): void;
}

/** @internal Builds the started-call side of `Mutation` on `kit`. */
export function implement({ currentRuntime, isThenable, withRetry, outboxRouteOf }: MutationKit) {
  /** Puts a durable call in the outbox; resolves with its result once the server has it. */
  function enqueue(call: StartedCall, definition: MutationDefinition<unknown[], unknown>, idempotencyKey: string): Promise<unknown> {
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
    const outbox = route(currentRuntime());
    return new Promise((resolve, reject) => {
      outbox.submit(
        { id: randomId(), name: definition.name, args: stored, idempotencyKey, createdAt: Date.now() },
        call.signal,
        { resolve, reject, persisted: call.persisted!, onQueued: call.onQueued },
      );
    });
  }

  /** Calls the mutator (or the durable route) of a definition. */
  function runDefined(call: StartedCall, definition: MutationDefinition<unknown[], unknown>): unknown {
    const { args, mutator, signal } = call;
    const idempotencyKey = randomId();
    if (call.persisted !== null) return enqueue(call, definition, idempotencyKey);
    const result = withRetry((attemptSignal) => mutator(...args, { signal: attemptSignal, idempotencyKey } satisfies DurableContext), signal, definition);
    const onSuccess = definition.onSuccess;
    if (onSuccess === undefined) return result;
    const rt = currentRuntime();
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

  return {
    /** Runs a started call: `onMutate` first (a synchronous one keeps the mutator's call synchronous), then the mutator. */
    run(call: StartedCall): unknown {
      const run = (): unknown => {
        const { definition, mutator, args } = call;
        if (definition !== null) return runDefined(call, definition);
        return call.withSignal ? mutator(...args, { signal: call.signal }) : mutator(...args);
      };
      const prepared = call.onMutate?.(...call.args);
      if (isThenable(prepared)) {
        return Promise.resolve(prepared).then((value) => {
          call.setContext(value);
          return run();
        });
      }
      call.setContext(prepared);
      return run();
    },
  };
}
