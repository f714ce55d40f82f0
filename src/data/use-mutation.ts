import { useLayoutEffect, useReducer, useRef } from "../core/hooks.js";
import { Mutation, type MutationCall, type MutationContext, type MutationOptions, type MutationSource, type MutationState } from "./mutation.js";
import type { MutationDefinition } from "./define-mutation.js";

/** The `mutate` function of `useMutation`: stable, calls the latest mutator. */
export type Mutate<A extends unknown[], R> = (...args: A) => MutationCall<R>;

/**
 * For "do something, then maybe refresh" actions (create, update, delete).
 * Returns `[state, mutate, reset]`: `state` is a frozen {@link MutationState}
 * `{ loading, data, error }`, idle at first; `mutate(...args)` calls
 * `mutator(...args)` and returns a {@link MutationCall} — await it for the
 * result (it rejects with the mutator's error), `cancel()` it, or ignore it
 * and watch `state`.
 *
 * - `loading` stays true until the last of several concurrent calls settles;
 *   `data`/`error` show the newest call's outcome.
 * - `cancel()` settles the call with `CancelledError` and clears `loading`
 *   (unless other calls run); `data` and `error` stay as they were.
 * - Unmounting does not cancel a call: the write finishes, the state update
 *   is dropped.
 * - Failures never go to `pn.runtime.onError`; they are in `state.error`.
 * - `onMutate(...args)` runs first and returns a context (say, the data to
 *   roll back to); `onSuccess(data, args, context)`, `onError(error, args,
 *   context)` and `onSettled(data, error, args, context)` run after each call.
 * - Pass a definition from `pn.defineMutation(name, mutator, { durable })`
 *   to get `{ signal, idempotencyKey }` as the mutator's last argument and,
 *   for a durable one, the outbox: `call.persisted` and `state.queued`.
 * - `reset()` (stable) returns to idle; calls still running no longer touch the state.
 *
 * **Cancelling the I/O.** With `{ withSignal: true }` the mutator gets one
 * more argument after those passed to `mutate`: `{ signal }`, aborted by
 * `cancel()`. It is opt-in so that a plain `(arg) => promise` mutator —
 * including one with optional parameters — is called exactly with the
 * arguments you gave; and it is an object, not a bare signal, so it lines up
 * with APIs whose last parameter is an options object (`api.createPost(body, { signal })`).
 *
 * @example
 * ```ts
 * const NewPostForm = pn.component(function NewPostForm() {
 *   const [title, setTitle] = pn.useState("");
 *   const [state, save] = pn.useMutation(api.createPost, { withSignal: true });
 *   async function submit() {
 *     await save({ title });          // the created post
 *     setTitle("");
 *     await pn.Alert.show("Posted!");
 *   }
 *   return pn.Column(
 *     pn.TextInput({ value: title, onChange: setTitle }),
 *     pn.Button(state.loading ? "Saving…" : "Save", { onClick: () => pn.runAsync(submit()) }),
 *     state.error ? pn.Text(String(state.error)) : pn.Spacer(),
 *   );
 * });
 * ```
 */
export function useMutation<A extends unknown[], R, E = Error, C = unknown>(
  definition: MutationDefinition<A, R>,
  options?: Omit<MutationOptions<R, A, E, C>, "withSignal">,
): [MutationState<R, E>, Mutate<A, R>, () => void];
export function useMutation<A extends unknown[], R, E = Error, C = unknown>(
  mutator: (...args: [...A, MutationContext]) => R | PromiseLike<R>,
  options: MutationOptions<R, A, E, C> & { withSignal: true },
): [MutationState<R, E>, Mutate<A, R>, () => void];
export function useMutation<A extends unknown[], R, E = Error, C = unknown>(
  mutator: (...args: A) => R | PromiseLike<R>,
  options?: MutationOptions<R, A, E, C> & { withSignal?: false },
): [MutationState<R, E>, Mutate<A, R>, () => void];
export function useMutation<A extends unknown[], R, E = Error, C = unknown>(
  mutator: MutationSource<A, R>,
  options: MutationOptions<R, A, E, C> = {},
): [MutationState<R, E>, Mutate<A, R>, () => void] {
  const [, rerender] = useReducer(increment, 0);
  const ref = useRef<Mutation<A, R, E, C> | null>(null);
  const mutation = (ref.current ??= new Mutation<A, R, E, C>(mutator, options));
  const state = mutation.state;

  // Layout effects run at the commit, before any handler can fire: `mutate`
  // always calls the mutator of the last committed render.
  useLayoutEffect(() => mutation.setMutator(mutator, options));
  useLayoutEffect(() => {
    const unsubscribe = mutation.subscribe(() => rerender(undefined));
    // A call made between the first render and now (a child's effect) was not heard.
    if (mutation.state !== state) rerender(undefined);
    // Unsubscribing on unmount is what drops updates of calls still running.
    return unsubscribe;
  }, [mutation]);

  return [state, mutation.mutate, mutation.reset];
}

function increment(n: number): number {
  return n + 1;
}
