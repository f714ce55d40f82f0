import { Loop } from "./loop.js";
import { Scope, type ErrorInfo } from "./scope.js";
import type { Future } from "./future.js";
import { defaultServices, type Services } from "./services.js";

export type { ErrorInfo } from "./scope.js";
export type ErrorHandler = (error: unknown, info: ErrorInfo) => void;

/** The default `onError`: log with the component stack, so nothing fails silently. */
export const logError: ErrorHandler = (error, info) => {
  const where = info.componentStack ? `\n${info.componentStack}` : info.component ? `\n in ${info.component}` : "";
  console.error(`[typenative] uncaught ${info.source} error:`, error, where);
};

let appScope = new Scope();
let currentScope: Scope | null = null;
let pending = 0;

function report(error: unknown, info: ErrorInfo): void {
  try {
    runtime.onError(error, info);
  } catch (handlerError) {
    // A broken handler must not take the loop down with it.
    logError(handlerError, { source: "onError" });
    logError(error, info);
  }
}

const loop = new Loop((error, source) => report(error, { source }));

/**
 * The app's runtime: the loop everything async runs on, ownership of tasks,
 * and the error path for failures nobody awaits.
 *
 * @example
 * ```ts
 * pn.runtime.onError = (error, info) => myLogger.error(error, info.componentStack);
 * const loop = pn.runtime.getLoop();
 * const handle = loop.callLater(500, () => console.log("half a second later"));
 * ```
 */
export const runtime = {
  /**
   * Receives every failure nobody else handles: a task's error nobody awaited,
   * a render error with no boundary, an event handler's throw, a corrupt
   * storage file. Settable. Defaults to {@link logError}.
   */
  onError: logError as ErrorHandler,

  /** Host services (frames, alert presenter, camera), plugged in by a host. */
  services: defaultServices(loop) as Services,

  /** The runtime loop: `time()`, `callSoon`, `callLater`, `createFuture`. */
  getLoop(): Loop {
    return loop;
  },

  /**
   * Delivers `value` to `future` on the loop. The first of
   * `resolveFuture`/`rejectFuture` wins; later calls do nothing.
   */
  resolveFuture<T>(future: Future<T>, value: T): void {
    if (future.claimed) return;
    future.claimed = true;
    loop.callSoon(() => future.settle(true, value));
  },

  /** Delivers `error` to `future` on the loop; no-op if already settled. */
  rejectFuture(future: Future<unknown>, error: unknown): void {
    if (future.claimed) return;
    future.claimed = true;
    loop.callSoon(() => future.settle(false, error));
  },

  /** Unsettled tasks: `runAsync` tasks, handler tasks, async effects, query fetches. */
  pendingTasks(): number {
    return pending;
  },

  /** @internal Routes an error to `onError`, guarding against a throwing handler. */
  reportError: report,
};

/** @internal The scope new tasks join: a component's during its handlers and effects, else the app's. */
export function getCurrentScope(): Scope {
  return currentScope ?? appScope;
}

/** @internal The app scope, owner of tasks started outside any component. */
export function getAppScope(): Scope {
  return appScope;
}

/** @internal Runs `fn` with `scope` as the owner of any task it starts synchronously. */
export function withScope<R>(scope: Scope | null, fn: () => R): R {
  const previous = currentScope;
  currentScope = scope;
  try {
    return fn();
  } finally {
    currentScope = previous;
  }
}

/** @internal Pending-task bookkeeping for Task. */
export function trackTask(delta: 1 | -1): void {
  pending += delta;
}

/** @internal Test isolation: cancels every app task and starts a fresh app scope. */
export function resetAppScope(): void {
  const old = appScope;
  appScope = new Scope();
  old.close();
}
