import { currentRuntime } from "../runtime/runtime.js";

/**
 * Batched notifications for the query cache, after TanStack's notify
 * manager: state changes made inside {@link batch} reach listeners only when
 * the outermost batch ends, so a listener never sees half an update (say,
 * one query of an `invalidate()` refetching and its sibling not yet).
 *
 * Delivery is synchronous at the end of the batch. Components do not need a
 * deferral here: their setters already coalesce into one render on the loop.
 */

let depth = 0;
let queue: Notifiable[] = [];

/** What {@link scheduleNotify} delivers to: an object, so scheduling allocates no closure. */
export interface Notifiable {
  deliverNotify(): void;
}

/** Runs `fn`; notifications scheduled inside it go out when the outermost batch ends. */
export function batch<R>(fn: () => R): R {
  depth++;
  try {
    return fn();
  } finally {
    if (--depth === 0) flush();
  }
}

/**
 * Opens a batch without a closure, for hot paths; pair every call with
 * {@link endBatch} in a `finally`.
 */
export function beginBatch(): void {
  depth++;
}

/** Closes a batch opened by {@link beginBatch}; the outermost delivers what was scheduled. */
export function endBatch(): void {
  if (--depth === 0) flush();
}

/** Delivers `notify` now, or at the end of the current batch. */
export function scheduleNotify(notify: Notifiable): void {
  if (depth > 0) queue.push(notify);
  else deliver(notify);
}

function flush(): void {
  // A notification may start a new batch that schedules more: loop until dry,
  // swapping the queue so pushes during delivery land in a fresh array.
  while (queue.length > 0) {
    const jobs = queue;
    queue = [];
    for (let i = 0; i < jobs.length; i++) deliver(jobs[i]!);
  }
}

function deliver(notify: Notifiable): void {
  try {
    notify.deliverNotify();
  } catch (error) {
    // One broken listener must not starve the others.
    currentRuntime().reportError(error, { source: "query" });
  }
}
