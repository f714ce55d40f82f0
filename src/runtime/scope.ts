import type { Runtime } from "./runtime.js";

/** Where an error came from, handed to `runtime.onError` next to the error. */
export interface ErrorInfo {
  /** What failed: "render", "effect", "handler", "task", "loop", "storage", ... */
  source: string;
  /** Name of the component involved, when there is one. */
  component?: string;
  /** "in Child\n in Parent\n in App", innermost first. */
  componentStack?: string;
}

/**
 * @internal What a scope owns: a `Task`, or the lighter follower of a
 * handler's promise that a host's event dispatch makes (`follow.ts`).
 * Closing the scope calls `cancel()`; the owned thing releases itself.
 */
export interface Owned {
  cancel(): void;
}

/**
 * An owner of tasks. Every task belongs to exactly one scope; closing the
 * scope cancels whatever it still owns. Each mounted component gets one
 * (created lazily, on its first task) and the app has one for the rest.
 */
export class Scope {
  #tasks: Set<Owned> | null = null;
  /** Once closed, tasks started in this scope are cancelled at birth. */
  closed = false;

  /**
   * @param runtime Whose loop, task count and error path the scope's tasks use.
   * @param describe Tells error reports which component owns the scope.
   */
  // `declare`d and assigned: parameter properties would also be emitted as class fields (bytes in every first load).
  declare readonly runtime: Runtime;
  declare readonly describe: () => Omit<ErrorInfo, "source">;
  constructor(runtime: Runtime, describe: () => Omit<ErrorInfo, "source"> = appInfo) {
    this.runtime = runtime;
    this.describe = describe;
  }

  /** @internal Called by Task (and the handler-promise follower) when it starts. */
  adopt(task: Owned): void {
    (this.#tasks ??= new Set()).add(task);
  }

  /** @internal Called by Task (and the follower) when it settles. */
  release(task: Owned): void {
    this.#tasks?.delete(task);
  }

  /** Number of unsettled tasks this scope owns. */
  get size(): number {
    return this.#tasks?.size ?? 0;
  }

  /** Cancels every task still owned, and any started later. */
  close(): void {
    this.closed = true;
    const tasks = this.#tasks;
    if (tasks === null) return;
    this.#tasks = null;
    // No copy: a cancelled task releases itself from `#tasks`, now null, so
    // nothing leaves the set we iterate (a task started meanwhile goes to a new one).
    for (const task of tasks) task.cancel();
  }
}

function appInfo(): Omit<ErrorInfo, "source"> {
  return {};
}
