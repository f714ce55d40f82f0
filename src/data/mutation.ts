import { CancelledError, isCancellation } from "../runtime/errors.js";
import { currentRuntime } from "../runtime/runtime.js";
import { isThenable, startTask } from "../runtime/task.js";
import { deferred as deferredCode } from "../platform/deferred.js";
import type { MutationDefinition } from "./define-mutation.js";
import type { MutationKit, StartedCall } from "./mutation-calls.js";
import { isMutationDefinition, outboxRouteOf } from "./mutation-registry.js";
import { withRetry } from "./retry.js";
import { onlineManagerOf } from "./online-manager.js";
import { isDev } from "../core/options.js";
import { noop } from "../runtime/noop.js";

/**
 * @internal What a call runs once started (`onMutate`, the mutator, retries,
 * the outbox) and what its outcome does (the state's `data` or `error`,
 * `onSuccess`, `onError`, `onSettled`), imported on the first
 * `mutate(...)`: no app calls a mutation before its first render. Until it
 * is here a call shows `loading` and is cancellable as ever;
 * `typenative/testing` registers it up front.
 */
export const mutationCalls = /* @__PURE__ */ deferredCode(
  { isThenable, isCancellation, CancelledError, onlineManagerOf, withRetry, outboxRouteOf } satisfies MutationKit as MutationKit,
  () => import("./mutation-calls.js"),
);

/** What `useMutation` shows: frozen, idle (`{ loading: false, data: undefined, error: null, queued: false }`) at first. */
export interface MutationState<R, E = Error> {
  /** True while any call is in flight (a durable call: until the server has it). */
  readonly loading: boolean;
  /** The result of the newest call that succeeded (kept through later failures). */
  readonly data: R | undefined;
  /** The failure of the newest call, if it failed: `null` after a success, and from the moment a new call starts (an older call failing later does not show). */
  readonly error: E | null;
  /**
   * True while a durable call waits for the network in the outbox (offline,
   * or its last attempt failed with a network error). It is saved: show
   * "will send when online", not an error.
   */
  readonly queued: boolean;
}

/**
 * One call of `mutate(...)`: awaitable (rejects with the mutator's error),
 * cancellable, and safe to ignore — an ignored failure shows up only in
 * `state.error`, never as an unhandled rejection or through `onError`.
 */
export interface MutationCall<R> extends PromiseLike<R> {
  /** True once the call has settled. */
  readonly done: boolean;
  /** Aborts on `cancel()`; handed to the mutator with `withSignal: true` (and always to a defined mutation). */
  readonly signal: AbortSignal;
  /**
   * A durable call only: resolves once the call is in the outbox on the
   * storage medium — from then on it reaches the server exactly once, through
   * offline periods, crashes and restarts. Rejects if that write failed (the
   * call then never runs) or the call was cancelled first. Safe to ignore.
   */
  readonly persisted?: Promise<void>;
  /** Settles the call at once with `CancelledError` and aborts its signal (a queued durable call leaves the outbox). No-op once settled. */
  cancel(reason?: string): void;
  catch<T = never>(onRejected?: ((reason: unknown) => T | PromiseLike<T>) | null): Promise<R | T>;
  finally(onFinally?: (() => void) | null): Promise<R>;
}

/** The trailing argument a mutator gets with `withSignal: true`. */
export interface MutationContext {
  /** Aborts when the call is cancelled: pass it on to `pn.fetch` and friends. */
  readonly signal: AbortSignal;
}

/**
 * Options of `useMutation` / {@link Mutation}, after TanStack Query's. `C`
 * is what `onMutate` returns (for optimistic updates: what to roll back to).
 * The latest callbacks are used; a callback that throws is reported through
 * `pn.runtime.onError` as a bug, and never changes the call's outcome.
 */
export interface MutationOptions<R, A extends unknown[] = unknown[], E = Error, C = unknown> {
  /** Called with the arguments when a call starts, before the mutator; its result (awaited) is the `context` of the other callbacks. */
  onMutate?: (...args: A) => C | PromiseLike<C>;
  /** Called after each successful call. */
  onSuccess?: (data: R, args: A, context: C | undefined) => unknown;
  /**
   * Called after each failed call, and after a call cancelled once its
   * `onMutate` ran (with the `CancelledError`): roll an optimistic update back here.
   */
  onError?: (error: E | CancelledError, args: A, context: C | undefined) => unknown;
  /** Called after each call that succeeded or failed, or was cancelled once its `onMutate` ran. */
  onSettled?: (data: R | undefined, error: E | CancelledError | null, args: A, context: C | undefined) => unknown;
  /**
   * Pass `{ signal }` to the mutator after the arguments of `mutate`, so
   * `cancel()` aborts its I/O. Off by default, so a plain `(arg) => promise`
   * mutator, optional parameters and all, is called exactly as written.
   * (A defined mutation always gets its context object.)
   */
  withSignal?: boolean;
}

/** Every way a mutation's state can change. */
export type MutationAction<R, E> =
  | { type: "start"; id: number }
  | { type: "queued"; id: number; queued: boolean }
  | { type: "success"; id: number; data: R }
  | { type: "error"; id: number; error: E }
  | { type: "cancel"; id: number }
  | { type: "reset" };

const IDLE: MutationState<never, never> = Object.freeze({ loading: false, data: undefined, error: null, queued: false });

type Mutator<A extends unknown[], R> = (...args: A) => R | PromiseLike<R>;

/** What a {@link Mutation} runs: a plain mutator, or a definition from `pn.defineMutation`. */
export type MutationSource<A extends unknown[], R> = Mutator<A, R> | Mutator<[...A, MutationContext], R> | MutationDefinition<A, R>;

/**
 * The framework-free half of `useMutation`: runs calls of a mutator (or of a
 * defined mutation) and keeps their {@link MutationState}. Calls are tasks of
 * the app scope, not of a component: a write the user started finishes even
 * if the screen goes away; only `cancel()` stops it.
 *
 * @example
 * ```ts
 * const create = new Mutation(api.createPost);
 * create.subscribe((state) => console.log(state.loading, state.error));
 * const post = await create.mutate({ title: "Hello" });
 * ```
 */
export class Mutation<A extends unknown[], R, E = Error, C = unknown> {
  #current: MutationState<R, E> = IDLE;
  /** The calls in flight, by id: whether each waits for the network (a durable call, queued). */
  readonly #calls = new Map<number, boolean>();
  /** Id of the newest call whose outcome `state` shows. */
  #applied = 0;
  /** The newest call started (see `dispatch`). */
  #latest = 0;
  #mutator!: (...args: unknown[]) => R | PromiseLike<R>;
  #definition: MutationDefinition<A, R> | null = null;
  /** @internal The latest options: what the callbacks of calls in flight are taken from. */
  options!: MutationOptions<R, A, E, C>;
  #nextId = 0;
  readonly #listeners = new Set<{ listener: (state: MutationState<R, E>) => void }>();

  constructor(source: MutationSource<A, R>, options: MutationOptions<R, A, E, C> = {}) {
    this.setMutator(source, options);
  }

  /** The current state. */
  get state(): MutationState<R, E> {
    return this.#current;
  }

  /** Replaces the mutator (or definition) and options used by later calls (and callbacks of calls in flight). */
  setMutator(source: MutationSource<A, R>, options: MutationOptions<R, A, E, C> = {}): void {
    const definition = isMutationDefinition(source) ? (source as MutationDefinition<A, R>) : null;
    if (definition === null && typeof source !== "function") {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `useMutation(mutator): mutator must be a function (...args) => promise or a pn.defineMutation(...) definition, got ${typeof source}` : /* "useMutation: mutator must be a function or a definition" */ "typenative #65");
    }
    if (options === null || typeof options !== "object") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "useMutation(mutator, options): options must be an object" : /* "useMutation: options must be an object" */ "typenative #66");
    for (const name of ["onMutate", "onSuccess", "onError", "onSettled"] as const) {
      if (options[name] !== undefined && typeof options[name] !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `useMutation options: ${name} must be a function` : /* `useMutation options: ${name} must be a function` */ `typenative #67: ${name}`);
    }
    this.#definition = definition;
    this.#mutator = (definition !== null ? definition.mutator : source) as (...args: unknown[]) => R | PromiseLike<R>;
    this.options = options;
  }

  /** Calls `listener` with each new state. Returns the unsubscribe function. */
  subscribe(listener: (state: MutationState<R, E>) => void): () => void {
    if (typeof listener !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "mutation.subscribe(listener): listener must be a function" : /* "subscribe: listener must be a function" */ "typenative #68");
    const slot = { listener };
    this.#listeners.add(slot);
    return () => void this.#listeners.delete(slot);
  }

  /**
   * Calls the mutator with `args` (plus `{ signal }` with `withSignal`; a
   * defined mutation always gets `{ signal, idempotencyKey }` last) and
   * returns the {@link MutationCall}. A durable definition's call goes
   * through the outbox. Stable: safe to pass around.
   */
  readonly mutate = (...args: A): MutationCall<R> => {
    const id = ++this.#nextId;
    const definition = this.#definition;
    const runtime = currentRuntime();
    // The mutator and options of the moment of the call, even if the code arrives later.
    const call: StartedCall = {
      id,
      args,
      mutator: this.#mutator,
      definition: definition as MutationDefinition<unknown[], unknown> | null,
      withSignal: this.options.withSignal === true,
      onMutate: this.options.onMutate as ((...args: unknown[]) => unknown) | undefined,
      persisted: definition?.durable === true ? deferred<void>() : null,
      context: undefined,
      runtime,
    };
    this.dispatch({ type: "start", id });
    const task = startTask<R>(runtime.appScope, (signal) => {
      // In call order, also for calls made around the moment the code arrives.
      // A call cancelled before the code arrived has settled already: it never runs.
      return mutationCalls.use((calls) => (signal.aborted ? (undefined as R) : (calls.run(this, call, signal) as R | PromiseLike<R>)));
    });
    const persisted = call.persisted;
    if (persisted !== null) {
      // Safe to ignore: a rejection nobody awaits is not an unhandled one.
      persisted.promise.catch(noop);
      Object.defineProperty(task, "persisted", { value: persisted.promise, enumerable: true });
    }
    // Observing marks the task awaited, so its failure is never reported
    // through onError (it belongs in state.error), and hears it settle in
    // that instant: a cancel() clears `loading` at once, code or not. A call
    // that settled did so with the code here (it ran), or without it:
    // cancelled before it arrived, or its import failed.
    task.observe({
      onTaskSettled: (_task, fulfilled, result) => {
        const calls = mutationCalls.loaded();
        if (calls !== null) return calls.settle(this, call, fulfilled, result);
        // Never started: no onMutate ran, so no callback runs either (as for a cancelled call).
        persisted?.reject(result);
        this.dispatch(isCancellation(result) ? { type: "cancel", id } : { type: "error", id, error: result as E });
      },
    });
    return task as MutationCall<R>;
  };

  /** Back to idle. Calls in flight keep running, but their outcomes no longer reach the state. */
  readonly reset = (): void => {
    this.dispatch({ type: "reset" });
  };

  /** @internal Applies `action` to the state and tells the listeners if it changed. */
  dispatch(action: MutationAction<R, E>): void {
    const calls = this.#calls;
    const previous = this.#current;
    let next: MutationState<R, E> = previous;
    if (action.type === "reset") {
      calls.clear();
      next = IDLE;
    } else {
      const { type, id } = action;
      let outcome: Partial<MutationState<R, E>> | null = null;
      if (type === "start") {
        calls.set(id, false);
        this.#latest = id;
        outcome = { error: null };
      } else if (!calls.has(id)) {
        // A call forgotten by reset(), or settled already (a cancel heard twice), changes nothing.
        return;
      } else if (type === "queued") calls.set(id, action.queued);
      else {
        calls.delete(id);
        // An older call settling after a newer one did never overwrites its outcome.
        if (type !== "cancel" && id >= this.#applied) {
          this.#applied = id;
          // A failure shows only from the newest call: a newer one cleared the error when it started.
          outcome = type === "success" ? { data: action.data, error: null } : id === this.#latest ? { error: action.error } : null;
        }
      }
      let queued = false;
      for (const waiting of calls.values()) queued ||= waiting;
      const state = { ...previous, ...outcome, loading: calls.size > 0, queued };
      if ((Object.keys(state) as Array<keyof MutationState<R, E>>).some((key) => state[key] !== previous[key])) next = Object.freeze(state);
    }
    if (next === previous) return;
    this.#current = next;
    for (const slot of Array.from(this.#listeners)) {
      try {
        slot.listener(next);
      } catch (error) {
        currentRuntime().reportError(error, { source: "mutation" });
      }
    }
  }
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
