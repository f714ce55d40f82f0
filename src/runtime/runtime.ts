import { Loop } from "./loop.js";
import { Scope, type ErrorInfo } from "./scope.js";
import type { Future } from "./future.js";
import { defaultServices, type Services } from "./services.js";
import { isDev, options } from "./options.js";
import { activeRuntime } from "./active-runtime.js";

export { enterRuntime, leaveRuntime } from "./active-runtime.js";

export type { ErrorInfo } from "./scope.js";
export type ErrorHandler = (error: unknown, info: ErrorInfo) => void;

/** The default `onError`: log with the component stack, so nothing fails silently. */
export const logError: ErrorHandler = (error, info) => {
  const where = info.componentStack ? `\n${info.componentStack}` : info.component ? `\n in ${info.component}` : "";
  console.error(`[typenative] uncaught ${info.source} error:`, error, where);
};

/** Options of {@link createRuntime}. */
export interface RuntimeOptions {
  /** Services the host provides; the rest default to loop frames, no alert UI, no camera, memory storage. */
  services?: Partial<Services>;
  /** The error handler; defaults to {@link logError}. */
  onError?: ErrorHandler;
}

/**
 * A runtime: the loop everything async runs on, the owner of tasks that no
 * component owns, the error path for failures nobody awaits, and the
 * services a host plugs in (frames, alert presenter, camera, storage).
 *
 * A host creates one per app (or uses the default `pn.runtime`); a root
 * renders on its runtime's loop, its components' tasks count on it, and the
 * platform modules called from its components use its services. Two runtimes
 * in one process — a test host's and a bridged app's — never share services.
 *
 * @example
 * ```ts
 * pn.runtime.onError = (error, info) => myLogger.error(error, info.componentStack);
 * const loop = pn.runtime.getLoop();
 * const handle = loop.callLater(500, () => console.log("half a second later"));
 * ```
 */
export class Runtime {
  /**
   * Receives every failure nobody else handles: a task's error nobody awaited,
   * a render error with no boundary, an event handler's throw, a corrupt
   * storage file. Settable. Defaults to {@link logError}.
   */
  declare onError: ErrorHandler;

  /** Host services, plugged in by the host that created (or claimed) this runtime. */
  declare readonly services: Services;

  /**
   * Who installed the services (a mounted web app, a bridge connection, the
   * testing entry), or null. A host that finds the runtime claimed creates
   * its own instead of replacing another root's services.
   */
  owner: object | null = null;

  /** @internal The scope of tasks started outside any component. */
  declare readonly appScope: Scope;

  readonly #loop: Loop;
  #pending = 0;

  constructor(options: RuntimeOptions = {}) {
    this.onError = options.onError ?? logError;
    this.#loop = new Loop(this);
    this.services = { ...defaultServices(this.#loop), ...options.services };
    this.appScope = new Scope(this);
  }

  /** The runtime loop: `time()`, `callSoon`, `callLater`, `createFuture`. */
  getLoop(): Loop {
    return this.#loop;
  }

  /**
   * Delivers `value` to `future` on the loop. The first of
   * `resolveFuture`/`rejectFuture` wins; later calls do nothing.
   */
  resolveFuture<T>(future: Future<T>, value: T): void {
    if (future.claimed) return;
    future.claimed = true;
    this.#loop.callSoon(() => future.settle(true, value));
  }

  /** Delivers `error` to `future` on the loop; no-op if already settled. */
  rejectFuture(future: Future<unknown>, error: unknown): void {
    if (future.claimed) return;
    future.claimed = true;
    this.#loop.callSoon(() => future.settle(false, error));
  }

  /** Unsettled tasks: `runAsync` tasks, handler tasks, async effects, query fetches. */
  pendingTasks(): number {
    return this.#pending;
  }

  /** @internal Routes an error to `onError`, guarding against a throwing handler. Bound, so it can be passed around. */
  readonly reportError = (error: unknown, info: ErrorInfo): void => {
    try {
      this.onError(error, info);
    } catch (handlerError) {
      // A broken handler must not take the loop down with it.
      logError(handlerError, { source: "onError" });
      logError(error, info);
    }
  };

  /** @internal Pending-task bookkeeping for Task. */
  trackTask(delta: 1 | -1): void {
    this.#pending += delta;
  }
}

/**
 * Creates a runtime with its own loop, tasks and services: for a host that
 * runs an app beside others in one process (a bridged app next to tests).
 *
 * @example
 * ```ts
 * const rt = pn.createRuntime({ services: { alert: myPresenter } });
 * const root = pn.createRoot(myHost, container, { runtime: rt });
 * ```
 */
export function createRuntime(options?: RuntimeOptions): Runtime {
  return new Runtime(options);
}

/** The default runtime: the one `pn.AsyncStorage`, `pn.Alert` and friends use outside any component. */
export const runtime: Runtime = new Runtime();

/**
 * @internal The runtime a host that is mounting an app may plug its services
 * into: `requested` if unclaimed, else the default runtime if unclaimed,
 * else a new one. A mount never replaces another root's services.
 */
export function claimRuntime(requested: Runtime | undefined, who: string): Runtime {
  if (requested !== undefined) {
    if (requested.owner !== null) {
      throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${who}: that runtime's services belong to another app; create one with pn.createRuntime()` : /* `${who}: runtime in use` */ `typenative #153: ${who}`);
    }
    return requested;
  }
  return runtime.owner === null ? runtime : new Runtime();
}

let currentScope: Scope | null = null;
/**
 * Set by {@link withOwner}: the owner whose scope {@link getCurrentScope}
 * makes on first use, with the maker and the owner's runtime. Most
 * components' effects start no task, so most never need a scope.
 */
let lazyOwner: object | null = null;
let lazyMake: ((owner: never) => Scope) | null = null;
let lazyRuntime: Runtime | null = null;

/**
 * @internal The scope new tasks join: a component's during its handlers and
 * effects, else the app scope of the runtime current now (the one whose
 * loop runs the job, or whose root renders), else the default's.
 */
export function getCurrentScope(): Scope {
  if (currentScope === null && lazyOwner !== null) currentScope = (lazyMake as (owner: object) => Scope)(lazyOwner);
  return currentScope ?? (activeRuntime ?? runtime).appScope;
}

/**
 * The runtime of the code running now: a component's (its root's runtime)
 * while its render, handler or effect runs synchronously, else the default.
 * Platform modules use its services.
 */
export function currentRuntime(): Runtime {
  if (currentScope !== null) return currentScope.runtime;
  if (lazyOwner !== null) return lazyRuntime!;
  return activeRuntime ?? runtime;
}

/** @internal Runs `fn` with `scope` as the owner of any task it starts synchronously. */
export function withScope<R>(scope: Scope | null, fn: () => R): R {
  const previous = currentScope;
  const previousOwner = lazyOwner;
  currentScope = scope;
  // `null` means the app scope here, not an enclosing owner's.
  lazyOwner = null;
  try {
    return fn();
  } finally {
    currentScope = previous;
    lazyOwner = previousOwner;
  }
}

/**
 * @internal {@link withScope} for an owner whose scope may not exist yet:
 * `make(owner)` runs only if `fn` starts a task (and then once), so code
 * that starts none allocates no scope. `runtime` is the owner's, current
 * meanwhile. `make` is a plain function, not a closure per call.
 */
export function withOwner<O extends object, R>(owner: O, runtime: Runtime, make: (owner: O) => Scope, fn: () => R): R {
  const previous = currentScope;
  const previousOwner = lazyOwner;
  const previousMake = lazyMake;
  const previousRuntime = lazyRuntime;
  currentScope = null;
  lazyOwner = owner;
  lazyMake = make;
  lazyRuntime = runtime;
  try {
    return fn();
  } finally {
    currentScope = previous;
    lazyOwner = previousOwner;
    lazyMake = previousMake;
    lazyRuntime = previousRuntime;
  }
}
