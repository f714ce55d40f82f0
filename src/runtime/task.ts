import { frameless, isCancellation } from "./errors.js";
import { isDev } from "./options.js";
import type { Scope } from "./scope.js";
import { currentRuntime, getCurrentScope, type Runtime } from "./runtime.js";
import { thenOf, type ThenMethod } from "./thenable.js";
import { noop } from "./noop.js";

export { thenOf, type ThenMethod } from "./thenable.js";

const PENDING = 0;
const FULFILLED = 1;
const REJECTED = 2;

type Waiter = [resolve: (value: unknown) => void, reject: (error: unknown) => void];

/**
 * @internal Hears a task settle without the two promises and closures of
 * `then`: the query cache starts one task per fetch, thousands at a time.
 */
export interface TaskObserver {
  onTaskSettled(task: Task<unknown>, fulfilled: boolean, result: unknown): void;
}

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
  readonly #controller = new AbortController();
  #state = PENDING;
  #result: unknown = undefined;
  #observed = false;
  #waiters: Waiter[] | null = null;
  /** Set by {@link Task.observe}; told once, when the task settles. */
  #observer: TaskObserver | null = null;
  /**
   * The owner while the task runs. Dropped on settling: a cancelled task may
   * stay reachable from detached work that never settles, and through the
   * scope it would keep its unmounted component alive with it.
   */
  private scope: Scope | null;
  /**
   * What the work's `then` callbacks reach the task through, cut on
   * settling: detached work that never settles then holds two empty
   * closures, not the task, its signal and its error.
   */
  #link: { task: Task<T> | null } | null = null;

  /** @internal Use `runAsync`. */
  constructor(scope: Scope) {
    this.scope = scope;
    this.signal = this.#controller.signal;
    scope.runtime.trackTask(1);
    scope.adopt(this as Task<unknown>);
  }

  /** True once the task has settled: fulfilled, failed or cancelled. */
  get done(): boolean {
    return this.#state !== PENDING;
  }

  /** Cancels the task: aborts its signal and rejects awaiters with `CancelledError`. No-op once settled. */
  cancel(reason?: string): void {
    if (this.#state !== PENDING) return;
    // Frameless: see `frameless` for how a stack would keep an unmounted tree alive.
    const error = frameless(reason);
    this.settle(REJECTED, error);
    this.#controller.abort(error);
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.#observed = true;
    const settled = new Promise<T>((resolve, reject) => {
      if (this.#state === FULFILLED) resolve(this.#result as T);
      else if (this.#state === REJECTED) reject(this.#result);
      else (this.#waiters ??= []).push([resolve as (v: unknown) => void, reject]);
    });
    return settled.then(onFulfilled, onRejected);
  }

  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }

  /**
   * @internal Tells `observer` how the task settled, like `then` does
   * (the task counts as awaited: its failure is not reported) but without
   * allocating promises. A pending task tells it synchronously as it
   * settles (a cancellation included); a settled one on a microtask, so the
   * observer is never called back from inside the call that started the
   * task. One observer per task.
   */
  observe(observer: TaskObserver): void {
    this.#observed = true;
    if (this.#state === PENDING) {
      this.#observer = observer;
      return;
    }
    const runtime = currentRuntime();
    queueMicrotask(() => this.#tell(observer, runtime));
  }

  /**
   * @internal Follows a thenable whose `then` was already read (a getter is
   * read once). A `then` that throws fails the task.
   */
  followThen(thenable: unknown, then: ThenMethod): void {
    // The callbacks must not close over `this`: only over the cuttable link.
    const link: { task: Task<T> | null } = { task: this };
    this.#link = link;
    try {
      then.call(
        thenable,
        (value) => link.task?.settle(FULFILLED, value),
        (error: unknown) => link.task?.settle(REJECTED, error),
      );
    } catch (error) {
      // As a promise would: a throwing `then` is a rejection, not a throw at the call.
      this.settle(REJECTED, error);
    }
  }

  /** @internal */
  settle(state: typeof FULFILLED | typeof REJECTED, result: unknown): void {
    if (this.#state !== PENDING) return;
    this.#state = state;
    this.#result = result;
    const scope = this.scope!;
    scope.runtime.trackTask(-1);
    this.scope = null;
    scope.release(this as Task<unknown>);
    if (this.#link !== null) {
      this.#link.task = null;
      this.#link = null;
    }
    const waiters = this.#waiters;
    this.#waiters = null;
    if (waiters !== null) {
      for (const [resolve, reject] of waiters) (state === FULFILLED ? resolve : reject)(result);
    }
    const observer = this.#observer;
    if (observer !== null) {
      this.#observer = null;
      this.#tell(observer, scope.runtime);
    }
    if (state === REJECTED && !this.#observed && !isCancellation(result)) {
      // `await task` attaches its `then` one microtask after the await starts,
      // so a task that fails at once would be reported although awaited.
      // Two microtasks later is still "right after", and late enough.
      const info = { source: "task", ...scope.describe() };
      queueMicrotask(() =>
        queueMicrotask(() => {
          if (!this.#observed) scope.runtime.reportError(result, info);
        }),
      );
    }
  }

  #tell(observer: TaskObserver, runtime: Runtime): void {
    try {
      observer.onTaskSettled(this as Task<unknown>, this.#state === FULFILLED, this.#result);
    } catch (error) {
      // A throwing observer must not break whoever settled the task (a
      // promise reaction, or a `cancel()` caller).
      runtime.reportError(error, { source: "task" });
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
  if (typeof work !== "function") {
    // `then` is read once: a getter may answer differently, or throw.
    const read = readThen(work);
    if (read === NOT_THENABLE) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "runAsync(work): work must be a promise or a function (signal) => promise" : /* "runAsync: work not a promise or function" */ "typenative #154");
    }
    if (read instanceof ThenFailure) {
      const failed = new Task<T>(scope);
      failed.settle(REJECTED, read.error);
      return failed;
    }
    return followTask(scope, work, read);
  }
  const task = new Task<T>(scope);
  if (scope.closed) {
    task.cancel("owner is gone");
    return task;
  }
  let result: T | PromiseLike<T>;
  try {
    result = work(task.signal);
  } catch (error) {
    task.settle(REJECTED, error);
    return task;
  }
  settleWith(task, result);
  return task;
}

/**
 * @internal A task of `scope` following `work`, whose `then` method the
 * caller has read (once): what `emit` makes of a handler's promise. Apart
 * from {@link startTask}, so code that only follows promises carries neither
 * the `(signal) => promise` path nor the checks of what `runAsync` accepts.
 */
export function followTask<T>(scope: Scope, work: unknown, then: ThenMethod): Task<T> {
  const task = new Task<T>(scope);
  if (scope.closed) {
    task.cancel("owner is gone");
    detach(work, then);
  } else {
    task.followThen(work, then);
  }
  return task;
}

/** A `then` getter that threw. */
class ThenFailure {
  constructor(readonly error: unknown) {}
}
const NOT_THENABLE = Symbol("not thenable");

/** The `then` method of `value`, read once; {@link NOT_THENABLE} when there is none. */
function readThen(value: unknown): ThenMethod | ThenFailure | typeof NOT_THENABLE {
  // thenOf, with a throwing `then` getter turned into the task's failure.
  try {
    return thenOf(value) ?? NOT_THENABLE;
  } catch (error) {
    return new ThenFailure(error);
  }
}

/** Settles `task` with what `work(signal)` returned: a plain value, or a thenable to follow. */
function settleWith<T>(task: Task<T>, result: T | PromiseLike<T>): void {
  const then = readThen(result);
  if (then === NOT_THENABLE) task.settle(FULFILLED, result);
  else if (then instanceof ThenFailure) task.settle(REJECTED, then.error);
  else task.followThen(result, then);
}

/** @internal Thenable check without touching getters twice. */
export function isThenable<T>(value: unknown): value is PromiseLike<T> {
  return thenOf(value) !== undefined;
}

function detach(thenable: unknown, then: ThenMethod): void {
  try {
    then.call(thenable, noop, noop);
  } catch {
    // Its result was going to be dropped anyway.
  }
}
