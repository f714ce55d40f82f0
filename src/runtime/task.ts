import { CancelledError, isCancellation } from "./errors.js";
import type { Scope } from "./scope.js";
import { getCurrentScope, runtime, trackTask } from "./runtime.js";

const PENDING = 0;
const FULFILLED = 1;
const REJECTED = 2;

type Waiter = [resolve: (value: unknown) => void, reject: (error: unknown) => void];

/** What `runAsync` accepts: a promise (detachable only) or `(signal) => promise` (interruptible). */
export type Work<T> = PromiseLike<T> | ((signal: AbortSignal) => T | PromiseLike<T>);

/**
 * A unit of async work owned by a scope: awaitable, cancellable, and never a
 * source of unhandled rejections. Its failure goes to `runtime.onError` unless
 * someone awaited it (or called `then`) before it failed.
 *
 * Cancelling aborts {@link Task.signal} and settles the task at once with a
 * {@link CancelledError}; work that ignores the signal is detached and its
 * result dropped.
 */
export class Task<T> implements PromiseLike<T> {
  /** Aborted when the task is cancelled or its owner goes away. */
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private state = PENDING;
  private result: unknown = undefined;
  private observed = false;
  private waiters: Waiter[] | null = null;

  /** @internal Use `runAsync`. */
  constructor(private readonly scope: Scope) {
    this.signal = this.controller.signal;
    trackTask(1);
    scope.adopt(this as Task<unknown>);
  }

  /** True once the task has settled: fulfilled, failed or cancelled. */
  get done(): boolean {
    return this.state !== PENDING;
  }

  /** Cancels the task: aborts its signal and rejects awaiters with `CancelledError`. No-op once settled. */
  cancel(reason?: string): void {
    if (this.state !== PENDING) return;
    const error = new CancelledError(reason);
    this.settle(REJECTED, error);
    this.controller.abort(error);
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.observed = true;
    const settled = new Promise<T>((resolve, reject) => {
      if (this.state === FULFILLED) resolve(this.result as T);
      else if (this.state === REJECTED) reject(this.result);
      else (this.waiters ??= []).push([resolve as (v: unknown) => void, reject]);
    });
    return settled.then(onFulfilled, onRejected);
  }

  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }

  private reportIfUnobserved(): void {
    if (!this.observed) runtime.reportError(this.result, { source: "task", ...this.scope.describe() });
  }

  /** @internal Follows the work's promise. */
  follow(promise: PromiseLike<T>): void {
    promise.then(
      (value) => this.settle(FULFILLED, value),
      (error: unknown) => this.settle(REJECTED, error),
    );
  }

  /** @internal */
  settle(state: typeof FULFILLED | typeof REJECTED, result: unknown): void {
    if (this.state !== PENDING) return;
    this.state = state;
    this.result = result;
    trackTask(-1);
    this.scope.release(this as Task<unknown>);
    const waiters = this.waiters;
    this.waiters = null;
    if (waiters !== null) {
      for (const [resolve, reject] of waiters) (state === FULFILLED ? resolve : reject)(result);
    }
    if (state === REJECTED && !this.observed && !isCancellation(result)) {
      // `await task` attaches its `then` one microtask after the await starts,
      // so a task that fails at once would be reported although awaited.
      // Two microtasks later is still "right after", and late enough.
      queueMicrotask(() => queueMicrotask(() => this.reportIfUnobserved()));
    }
  }
}

/**
 * Starts async work from sync code and returns its {@link Task}.
 *
 * `work` is called synchronously, so ownership is decided at the call: from a
 * component's event handler or effect the task belongs to that component and
 * is cancelled when it unmounts; anywhere else (including after an `await`)
 * it belongs to the app.
 *
 * @example
 * ```ts
 * pn.Button("Export", { onClick: () => pn.runAsync(async (signal) => {
 *   const report = await buildReport({ signal });
 *   await saveToDisk(report, { signal });
 * }) });
 * ```
 */
export function runAsync<T>(work: Work<T>): Task<T> {
  return startTask(getCurrentScope(), work);
}

/** @internal `runAsync` with an explicit owner, for hooks that know their component. */
export function startTask<T>(scope: Scope, work: Work<T>): Task<T> {
  if (typeof work !== "function" && !isThenable(work)) {
    throw new TypeError("runAsync(work): work must be a promise or a function (signal) => promise");
  }
  const task = new Task<T>(scope);
  if (scope.closed) {
    task.cancel("owner is gone");
    if (typeof work !== "function") detach(work);
    return task;
  }
  if (typeof work === "function") {
    let result: T | PromiseLike<T>;
    try {
      result = work(task.signal);
    } catch (error) {
      task.settle(REJECTED, error);
      return task;
    }
    if (isThenable(result)) task.follow(result);
    else task.settle(FULFILLED, result);
  } else {
    task.follow(work);
  }
  return task;
}

/** @internal Thenable check without touching getters twice. */
export function isThenable<T>(value: unknown): value is PromiseLike<T> {
  return (
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

function detach(promise: PromiseLike<unknown>): void {
  promise.then(noop, noop);
}

function noop(): void {}
