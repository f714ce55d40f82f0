import { addHook, claimHook, currentFiber, hookOrderChanged, requestRender, scheduleOwnEffect, type Deps } from "../core/hooks.js";
import { EFFECT, type EffectHook } from "../core/hook-types.js";
import type { Fiber } from "../core/fiber.js";
import { queryClient } from "./query-cache.js";
import { observerFor, type Fetcher, type PreparedOptions, type QueryObserver, type QuerySlot, type QueryOptions, type QueryResult } from "./query-observer.js";
import { isDev } from "../core/options.js";

/**
 * Loads data with `fetcher(signal)` and re-renders when the result changes.
 * Returns a frozen {@link QueryResult} `{ data, loading, error, status,
 * fetchStatus, isStale, dataUpdatedAt, refetch }`.
 *
 * - The first render has `loading: true` and `data` = `initialData`.
 * - A deps change (omitted deps = `[]`) aborts the fetch in flight before
 *   the next starts; the superseded result is never shown. `data` resets
 *   unless `keepPreviousData`.
 * - Refetching keeps the last data and clears the old error; a failure sets
 *   `error` and keeps the data. Retries are opt-in (`retry`).
 * - `refetch` is stable, returns a promise of the new result, never rejects.
 * - Unmounting aborts the fetch in flight (unless another component shares it).
 * - With `key`, the data lives in `pn.queryClient` under that key, shared by
 *   every query naming it, with one request in flight per key.
 * - Offline, a fetch pauses (`fetchStatus: "paused"`, see `networkMode`) and
 *   continues on reconnect; stale data refetches on reconnect and on focus;
 *   `refetchInterval` polls while the app is focused and online; `select`
 *   derives what is shown, structurally shared.
 *
 * A thin adapter over {@link QueryObserver}: the observer does the work, the
 * hook renders its results.
 *
 * @example
 * ```ts
 * const UserCard = pn.component(function UserCard({ userId }: { userId: number }) {
 *   const q = pn.useQuery((signal) => api.getUser(userId, { signal }), [userId]);
 *   if (q.loading && q.data === undefined) return pn.Text("Loading…");
 *   if (q.error) return pn.Text(`Error: ${q.error.message}`);
 *   return pn.Column(pn.Text(q.data!.name), pn.Button("Refresh", { onClick: q.refetch }));
 * });
 * ```
 */
export function useQuery<T, E = Error, S = T>(fetcher: Fetcher<T>, deps?: Deps, options?: QueryOptions<T, E, S>): QueryResult<S, E> {
  if (options !== undefined && (options === null || typeof options !== "object")) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "useQuery(fetcher, deps, options): options must be an object" : /* "useQuery: options must be an object" */ "typenative #85");
  // One slot holds the binding, which is also the component's effect hook;
  // it asks for renders through its fiber (no state slot, dispatch closure,
  // ref box, effect slot or deps array per component).
  const fiber = currentFiber("useQuery");
  const slot = claimHook<EffectHook>(fiber, "useQuery", EFFECT);
  const callDeps = deps ?? NO_DEPS;
  let binding: Binding<T, E, S>;
  let next: PreparedOptions<T, E, S>;
  let result: QueryResult<S, E>;
  /** This render shows exactly what the observer has applied: its commit has nothing to do. */
  let settled: boolean;
  if (slot === undefined) {
    const observer = observerFor<T, E, S>(queryClient, fetcher, callDeps, options);
    binding = addHook(fiber, new Binding(observer, fiber));
    // A new observer was just normalized from these very arguments and
    // derived its result from them: `prepare` would hand back the same
    // options and `optimisticResultOf` the same result, so the first
    // render skips both. Its commit subscribes.
    next = observer.options;
    result = observer.result;
    settled = false;
  } else {
    // A `useEffect` in this slot last time: the hooks were called in another order.
    if (!(slot instanceof Binding)) hookOrderChanged(fiber, "useQuery");
    binding = slot as Binding<T, E, S>;
    const observer = binding.observer;
    // Unchanged options (the common re-render) come back as the very object
    // applied last, and their result as the very result shown last: no
    // validation, hashing or allocation. Fetching and aborting wait for the commit.
    next = observer.prepare(fetcher, callDeps, options);
    result = observer.optimisticResultOf(next);
    // The usual re-render (new data arrived, a parent rendered): the
    // options applied already, the observer's current result, the same
    // entry. Applying them again would change nothing, and remembering the
    // result is only there to skip a notification of the result shown, which
    // a subscribed observer never sends twice.
    settled = binding.subscribed && next === observer.options && result === observer.result && observer.planKeepsEntry();
  }
  // Handed to the commit effect through the binding rather than a closure
  // per render: every render of this component writes both before its
  // commit, so the effect always applies the render it follows.
  binding.next = next;
  binding.result = result;
  // One effect: every commit that has something to apply hands it the
  // latest fetcher, and a deps or key change refetches; the first also
  // subscribes, until unmount. A settled render's commit runs no effect of
  // this component at all.
  scheduleOwnEffect(fiber, binding, !settled);
  return result;
}

/**
 * One `useQuery`'s observer, what it rendered last, and its subscription,
 * made once per component. It is the component's effect hook too (the
 * {@link EffectHook} fields; see `scheduleOwnEffect`) and its listener slot:
 * its effect, the unsubscribe and the binding are all there is, so a render
 * allocates none.
 */
class Binding<T, E, S> implements EffectHook, QuerySlot<S, E> {
  readonly tag = EFFECT;
  readonly layout = false;
  /** The first commit's cleanup (the unsubscribe) stays until unmount. */
  readonly keep = true;
  deps: readonly unknown[] | undefined = undefined;
  nextDeps: readonly unknown[] | undefined = undefined;
  cleanup: (() => void) | null = null;
  pending = false;
  /** The result of the last committed render. */
  rendered: QueryResult<S, E> | null = null;
  /** The options and result of the latest render, for {@link create}. */
  next: PreparedOptions<T, E, S> | null = null;
  result: QueryResult<S, E> | null = null;
  /** True once the first commit subscribed. */
  subscribed = false;

  readonly #fiber: Fiber;

  constructor(
    readonly observer: QueryObserver<T, E, S>,
    fiber: Fiber,
  ) {
    this.#fiber = fiber;
  }

  /**
   * The effect of every commit: remembers what was shown and applies the
   * options it was rendered with. The first one subscribes and returns the
   * unsubscribe, which runs at unmount only.
   */
  readonly create = (): (() => void) | undefined => {
    this.rendered = this.result;
    const observer = this.observer;
    if (this.subscribed) {
      observer.applyOptions(this.next!);
      return undefined;
    }
    // The result is derived by the subscription right after.
    observer.applyOptions(this.next!, false);
    this.subscribed = true;
    observer.addSlot(this);
    // A change between this render and the subscription would be missed.
    if (observer.result !== this.rendered) requestRender(this.#fiber);
    return this.#unsubscribe;
  };

  readonly #unsubscribe = (): void => {
    this.observer.removeSlot(this);
  };

  /** @internal Hears each new result (the observer calls it as a listener slot). */
  listener(next: QueryResult<S, E>): void {
    if (next !== this.rendered) requestRender(this.#fiber);
  }
}

const NO_DEPS: readonly unknown[] = [];
