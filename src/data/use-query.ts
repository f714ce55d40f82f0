import { useEffect, useReducer, useRef, type Deps } from "../core/hooks.js";
import { queryClient } from "./query-cache.js";
import { QueryObserver, type Fetcher, type QueryObserverOptions, type QueryOptions, type QueryResult } from "./query-observer.js";

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
  if (options !== undefined && (options === null || typeof options !== "object")) throw new TypeError("useQuery(fetcher, deps, options): options must be an object");
  const [, rerender] = useReducer(increment, 0);
  const observerRef = useRef<QueryObserver<T, E, S> | null>(null);
  const rendered = useRef<QueryResult<S, E> | null>(null);
  const observerOptions: QueryObserverOptions<T, E, S> = { ...options, fetcher, deps: deps ?? NO_DEPS };
  const observer = (observerRef.current ??= new QueryObserver<T, E, S>(queryClient, observerOptions));
  // What these options will show, computed without side effects: fetching
  // and aborting wait for the commit.
  const result = observer.getOptimisticResult(observerOptions);

  // Every commit: the latest fetcher; a deps or key change refetches.
  useEffect(() => {
    rendered.current = result;
    observer.setOptions(observerOptions);
  });

  useEffect(() => {
    const unsubscribe = observer.subscribe((next) => {
      if (next !== rendered.current) rerender(undefined);
    });
    // A change between this render and the subscription would be missed.
    if (observer.getResult() !== rendered.current) rerender(undefined);
    return unsubscribe;
  }, [observer]);

  return result;
}

const NO_DEPS: readonly unknown[] = [];

function increment(n: number): number {
  return n + 1;
}
