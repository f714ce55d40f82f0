import { isCancellation } from "../runtime/errors.js";
import { currentRuntime } from "../runtime/runtime.js";
import { isThenable, startTask } from "../runtime/task.js";

/** What `useMutation` shows: frozen, idle (`{ loading: false, data: undefined, error: null }`) at first. */
export interface MutationState<R, E = Error> {
  /** True while any call is in flight. */
  readonly loading: boolean;
  /** The result of the newest call that succeeded (kept through later failures). */
  readonly data: R | undefined;
  /** The failure of the newest settled call, `null` after a success and while a new call runs. */
  readonly error: E | null;
}

/**
 * One call of `mutate(...)`: awaitable (rejects with the mutator's error),
 * cancellable, and safe to ignore — an ignored failure shows up only in
 * `state.error`, never as an unhandled rejection or through `onError`.
 */
export interface MutationCall<R> extends PromiseLike<R> {
  /** True once the call has settled. */
  readonly done: boolean;
  /** Aborts on `cancel()`; handed to the mutator with `withSignal: true`. */
  readonly signal: AbortSignal;
  /** Settles the call at once with `CancelledError` and aborts its signal. No-op once settled. */
  cancel(reason?: string): void;
  catch<T = never>(onRejected?: ((reason: unknown) => T | PromiseLike<T>) | null): Promise<R | T>;
  finally(onFinally?: (() => void) | null): Promise<R>;
}

/** The trailing argument a mutator gets with `withSignal: true`. */
export interface MutationContext {
  /** Aborts when the call is cancelled: pass it on to `pn.fetch` and friends. */
  readonly signal: AbortSignal;
}

/** Options of `useMutation` / {@link Mutation}. */
export interface MutationOptions<R, A extends unknown[] = unknown[], E = Error> {
  /** Called after each successful call with its result and arguments (the latest callback is used). */
  onSuccess?: (data: R, ...args: A) => unknown;
  /** Called after each failed call (not a cancelled one) with the error and the arguments. */
  onError?: (error: E, ...args: A) => unknown;
  /**
   * Pass `{ signal }` to the mutator after the arguments of `mutate`, so
   * `cancel()` aborts its I/O. Off by default, so a plain `(arg) => promise`
   * mutator, optional parameters and all, is called exactly as written.
   */
  withSignal?: boolean;
}

interface Store<R, E> {
  readonly state: MutationState<R, E>;
  /** Ids of the calls in flight. */
  readonly inFlight: readonly number[];
  /** Id of the newest call whose outcome `state` shows. */
  readonly applied: number;
}

/** Every way a mutation's state can change. */
export type MutationAction<R, E> =
  | { type: "start"; id: number }
  | { type: "success"; id: number; data: R }
  | { type: "error"; id: number; error: E }
  | { type: "cancel"; id: number }
  | { type: "reset" };

const IDLE: MutationState<never, never> = Object.freeze({ loading: false, data: undefined, error: null });

function reduce<R, E>(store: Store<R, E>, action: MutationAction<R, E>): Store<R, E> {
  const { state, inFlight } = store;
  if (action.type === "reset") return { state: IDLE, inFlight: [], applied: store.applied };
  if (action.type === "start") {
    return { state: Object.freeze({ loading: true, data: state.data, error: null }), inFlight: [...inFlight, action.id], applied: store.applied };
  }
  // A call forgotten by reset(), or settled already (a cancel heard twice), changes nothing.
  if (!inFlight.includes(action.id)) return store;
  const rest = inFlight.filter((id) => id !== action.id);
  const loading = rest.length > 0;
  // An older call settling after a newer one did never overwrites its outcome.
  if (action.type === "cancel" || action.id < store.applied) {
    return { state: loading === state.loading ? state : Object.freeze({ ...state, loading }), inFlight: rest, applied: store.applied };
  }
  const next = action.type === "success" ? { loading, data: action.data, error: null } : { loading, data: state.data, error: action.error };
  return { state: Object.freeze(next), inFlight: rest, applied: action.id };
}

type Mutator<A extends unknown[], R> = (...args: A) => R | PromiseLike<R>;

/**
 * The framework-free half of `useMutation`: runs calls of a mutator and
 * keeps their {@link MutationState}. Calls are tasks of the app scope, not of
 * a component: a write the user started finishes even if the screen goes
 * away; only `cancel()` stops it.
 *
 * @example
 * ```ts
 * const create = new Mutation(api.createPost);
 * create.subscribe((state) => console.log(state.loading, state.error));
 * const post = await create.mutate({ title: "Hello" });
 * ```
 */
export class Mutation<A extends unknown[], R, E = Error> {
  private store: Store<R, E> = { state: IDLE, inFlight: [], applied: 0 };
  private mutator!: (...args: unknown[]) => R | PromiseLike<R>;
  private options!: MutationOptions<R, A, E>;
  private nextId = 0;
  private readonly listeners = new Set<{ listener: (state: MutationState<R, E>) => void }>();

  constructor(mutator: Mutator<A, R> | Mutator<[...A, MutationContext], R>, options: MutationOptions<R, A, E> = {}) {
    this.setMutator(mutator, options);
  }

  /** The current state. */
  get state(): MutationState<R, E> {
    return this.store.state;
  }

  /** Replaces the mutator and options used by later calls (and callbacks of calls in flight). */
  setMutator(mutator: Mutator<A, R> | Mutator<[...A, MutationContext], R>, options: MutationOptions<R, A, E> = {}): void {
    if (typeof mutator !== "function") throw new TypeError(`useMutation(mutator): mutator must be a function (...args) => promise, got ${typeof mutator}`);
    if (options === null || typeof options !== "object") throw new TypeError("useMutation(mutator, options): options must be an object");
    for (const name of ["onSuccess", "onError"] as const) {
      if (options[name] !== undefined && typeof options[name] !== "function") throw new TypeError(`useMutation options: ${name} must be a function`);
    }
    this.mutator = mutator as (...args: unknown[]) => R | PromiseLike<R>;
    this.options = options;
  }

  /** Calls `listener` with each new state. Returns the unsubscribe function. */
  subscribe(listener: (state: MutationState<R, E>) => void): () => void {
    if (typeof listener !== "function") throw new TypeError("mutation.subscribe(listener): listener must be a function");
    const slot = { listener };
    this.listeners.add(slot);
    return () => void this.listeners.delete(slot);
  }

  /**
   * Calls the mutator with `args` (plus `{ signal }` with `withSignal`) and
   * returns the {@link MutationCall}. Stable: safe to pass around.
   */
  readonly mutate = (...args: A): MutationCall<R> => {
    const id = ++this.nextId;
    const mutator = this.mutator;
    const withSignal = this.options.withSignal === true;
    this.dispatch({ type: "start", id });
    const task = startTask<R>(currentRuntime().appScope, (signal) => (withSignal ? mutator(...args, { signal }) : mutator(...args)));
    // cancel() aborts the signal synchronously: `loading` clears at once.
    task.signal.addEventListener("abort", () => this.dispatch({ type: "cancel", id }), { once: true });
    // Attaching here also marks the task observed, so its failure is never
    // reported through onError: it belongs in state.error.
    task.then(
      (data) => {
        this.dispatch({ type: "success", id, data });
        this.callback("onSuccess", data, args);
      },
      (error: unknown) => {
        if (isCancellation(error)) {
          this.dispatch({ type: "cancel", id });
          return;
        }
        this.dispatch({ type: "error", id, error: error as E });
        this.callback("onError", error, args);
      },
    );
    return task;
  };

  /** Back to idle. Calls in flight keep running, but their outcomes no longer reach the state. */
  readonly reset = (): void => {
    this.dispatch({ type: "reset" });
  };

  private dispatch(action: MutationAction<R, E>): void {
    const previous = this.store.state;
    this.store = reduce(this.store, action);
    const state = this.store.state;
    if (state === previous) return;
    for (const slot of Array.from(this.listeners)) {
      try {
        slot.listener(state);
      } catch (error) {
        currentRuntime().reportError(error, { source: "mutation" });
      }
    }
  }

  private callback(name: "onSuccess" | "onError", value: unknown, args: A): void {
    const callback = this.options[name] as ((value: unknown, ...args: A) => unknown) | undefined;
    if (callback === undefined) return;
    try {
      const result = callback(value, ...args);
      if (isThenable(result)) result.then(undefined, (error: unknown) => currentRuntime().reportError(error, { source: "mutation" }));
    } catch (error) {
      // A bug in the callback, not a failure of the mutation: report it.
      currentRuntime().reportError(error, { source: "mutation" });
    }
  }
}
