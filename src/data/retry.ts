import { isCancellation } from "../runtime/errors.js";
import { sleep } from "../runtime/sleep.js";
import { isDev } from "../core/options.js";

/**
 * Whether a failed attempt is tried again: `false`/`0` never (the default),
 * `true` three more times, a number that many more times, or a function of
 * the failures so far and the last error.
 */
export type RetryOption<E = unknown> = boolean | number | ((failureCount: number, error: E) => boolean);

/** Milliseconds to wait before the next attempt: a number, or a function of the failures so far. */
export type RetryDelayOption<E = unknown> = number | ((failureCount: number, error: E) => number);

/** What {@link withRetry} needs to know. */
export interface RetryPolicy<E = unknown> {
  retry?: RetryOption<E> | undefined;
  retryDelay?: RetryDelayOption<E> | undefined;
}

/** Exponential backoff: 1 s, 2 s, 4 s, … capped at 30 s. */
export function defaultRetryDelay(failureCount: number): number {
  return Math.min(1000 * 2 ** (failureCount - 1), 30_000);
}

/**
 * Runs `attempt(signal)` until it succeeds, the policy gives up, or `signal`
 * aborts. Waits between attempts sleep on the runtime loop's clock, so a
 * virtual clock drives the backoff in tests. A cancellation is never retried.
 * `onFailure` hears about each failure that will be retried; `beforeRetry`
 * runs after the backoff, right before the next attempt (a query waits there
 * for the network while offline).
 *
 * @example
 * ```ts
 * const user = await withRetry((signal) => api.getUser(1, { signal }), signal, { retry: 3 });
 * ```
 */
export async function withRetry<T, E = unknown>(
  attempt: (signal: AbortSignal) => T | PromiseLike<T>,
  signal: AbortSignal,
  policy: RetryPolicy<E>,
  onFailure?: (failureCount: number, error: E) => void,
  beforeRetry?: () => void | PromiseLike<void>,
): Promise<T> {
  for (let failureCount = 1; ; failureCount++) {
    try {
      return await attempt(signal);
    } catch (error) {
      if (signal.aborted || isCancellation(error) || !shouldRetry(policy.retry, failureCount, error as E)) throw error;
      onFailure?.(failureCount, error as E);
      await sleep(delayFor(policy.retryDelay, failureCount, error as E), { signal });
      if (beforeRetry !== undefined) await beforeRetry();
    }
  }
}

/** Throws a `TypeError` naming `where` for a malformed `retry` / `retryDelay`. */
export function validateRetry(policy: RetryPolicy<never>, where: string): void {
  const { retry, retryDelay } = policy;
  if (retry !== undefined && typeof retry !== "boolean" && typeof retry !== "function" && !(Number.isInteger(retry) && retry >= 0)) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: retry must be a boolean, a whole number ≥ 0 or a function, got ${String(retry)}` : /* `${where}: invalid retry` */ `typenative #81: ${where}`);
  }
  if (retryDelay !== undefined && typeof retryDelay !== "function" && !(typeof retryDelay === "number" && retryDelay >= 0)) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: retryDelay must be a number ≥ 0 or a function, got ${String(retryDelay)}` : /* `${where}: invalid retryDelay` */ `typenative #82: ${where}`);
  }
}

export function shouldRetry<E>(retry: RetryOption<E> | undefined, failureCount: number, error: E): boolean {
  if (retry === undefined || retry === false) return false;
  if (retry === true) return failureCount <= 3;
  if (typeof retry === "number") return failureCount <= retry;
  return retry(failureCount, error);
}

export function delayFor<E>(retryDelay: RetryDelayOption<E> | undefined, failureCount: number, error: E): number {
  if (retryDelay === undefined) return defaultRetryDelay(failureCount);
  return typeof retryDelay === "number" ? retryDelay : retryDelay(failureCount, error);
}
