/**
 * The durable mutation outbox, as the app and `Mutation` see it: the
 * stored entry's shape, `pn.mutationQueue`, and the outbox of each runtime.
 *
 * The queue itself (storage, ordered replay, retries: `outbox-queue.ts`,
 * about 6 KB minified) is imported with `import()` when a runtime's outbox
 * is first used — by `pn.mutationQueue.resume()` at start-up, normally, or
 * by the first durable call — so a bundler that splits keeps it out of the
 * page's first download. Until it has arrived, calls made wait here in call
 * order (listed by `pending()`, shown as queued while offline, cancellable)
 * and are handed to the queue, in that order, when it is. The queue takes
 * the framework parts it uses as arguments (see src/platform/deferred.ts);
 * `typenative/testing` registers it up front, so tests never wait for it.
 */
import { CancelledError, isCancellation } from "../runtime/errors.js";
import { currentRuntime, type Runtime } from "../runtime/runtime.js";
import { isThenable } from "../runtime/task.js";
import { deferred } from "../platform/deferred.js";
import { getStorageBackend, subscribeIn } from "../platform/storage.js";
import { NetworkError, TimeoutError } from "../platform/http-errors.js";
import { definitionNamed } from "./mutation-registry.js";
import { onlineManagerOf } from "./online-manager.js";
import { delayFor, shouldRetry } from "./retry.js";
import type { OutboxKit, OutboxQueue } from "./outbox-queue.js";

/** One durable call waiting in the outbox, as stored. */
export interface OutboxEntry {
  /** Unique id of the call. */
  readonly id: string;
  /** The name it was defined under (`pn.defineMutation(name, ...)`). */
  readonly name: string;
  /** The arguments of `mutate(...)`, as JSON. */
  readonly args: readonly unknown[];
  /** Sent with every attempt: the server applies the call once. */
  readonly idempotencyKey: string;
  /** Wall-clock milliseconds (`Date.now()`) of the call. */
  readonly createdAt: number;
}

/** A call that failed for good (a 4xx, a bug): kept with its error until `clear()`, never silently dropped. */
export interface FailedOutboxEntry extends OutboxEntry {
  readonly error: Error;
}

/** The storage key of the outbox (in `pn.AsyncStorage`'s configured backend). */
export const OUTBOX_KEY = "typenative:mutation-outbox";

/** @internal The live side of a call made in this process: how to settle it and show it queued. */
export interface LiveCall {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  persisted: { resolve(): void; reject(error: unknown): void };
  onQueued(queued: boolean): void;
}

/** @internal The queue's code, imported on first use. */
export const outboxCode = /* @__PURE__ */ deferred(
  {
    OUTBOX_KEY, CancelledError, isCancellation, isThenable, getStorageBackend, NetworkError, TimeoutError,
    definitionNamed, onlineManagerOf, subscribeIn, delayFor, shouldRetry, copyEntry,
  } satisfies OutboxKit as OutboxKit,
  () => import("./outbox-queue.js"),
);

/** @internal A call made before the queue's code arrived (see outbox-submit.ts). */
export interface Waiting {
  readonly entry: OutboxEntry;
  readonly signal: AbortSignal;
  readonly call: LiveCall;
  readonly onAbort: () => void;
}

/**
 * The durable mutation outbox of one runtime: calls of durable mutations,
 * kept in storage from before they run until the server has them.
 *
 * - A call is written to storage before it runs; `persisted` resolves when
 *   that write did. A call whose write failed never runs (its call rejects).
 * - Entries run one at a time, in call order (after a restart: stored
 *   order), while online. Success removes the entry, durably, before the
 *   call resolves.
 * - A `NetworkError` or `TimeoutError` leaves the entry at the head of the
 *   queue; it is tried again after a backoff, on reconnect, or on
 *   `resume()`. Any other error (after the definition's `retry`) moves it to
 *   `failed()` and rejects the call.
 * - Each attempt sends the entry's idempotency key, the same on every
 *   attempt and after restarts, so a call that reached the server before a
 *   crash (but whose removal did not reach the disk) is applied once.
 *
 * This object forwards to the queue (`outbox-queue.ts`) once its code is
 * here; calls submitted before (by `outbox-submit.ts`, which only a started
 * durable call reaches) wait in order and are handed over then.
 */
export class Outbox {
  #queue: OutboxQueue | null = null;
  /** @internal Calls submitted before the queue's code arrived, in call order. */
  waiting: Waiting[] = [];

  /** @internal */
  constructor(readonly runtime: Runtime) {}

  /** Calls waiting, in the order they will run. */
  pendingEntries(): OutboxEntry[] {
    const queue = this.ready();
    return queue !== null ? queue.pendingEntries() : this.waiting.map((w) => copyEntry(w.entry));
  }

  /** Calls that failed for good, oldest first (none are known before the stored outbox is read). */
  failedList(): FailedOutboxEntry[] {
    return this.ready()?.failedList() ?? [];
  }

  /**
   * Loads the stored outbox and runs the queue: resolves when it has
   * drained, or paused (offline, or a network failure it will retry later).
   */
  resume(): Promise<void> {
    return this.load().then((queue) => queue.resume());
  }

  /** Removes every pending and failed entry (durably); calls still waiting reject with `CancelledError`. */
  clear(): Promise<void> {
    return this.load().then((queue) => queue.clear());
  }

  /** @internal The queue, made (and handed the waiting calls) once its code is here; `null` before. */
  ready(): OutboxQueue | null {
    if (this.#queue !== null) return this.#queue;
    const code = outboxCode.loaded();
    if (code === null) return null;
    const queue = (this.#queue = code.create(this.runtime));
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) {
      w.signal.removeEventListener("abort", w.onAbort);
      queue.submit(w.entry, w.signal, w.call);
    }
    return queue;
  }

  /** @internal Imports the queue's code (once) and makes the queue. */
  load(): Promise<OutboxQueue> {
    const queue = this.ready();
    return queue !== null ? Promise.resolve(queue) : outboxCode.load().then(() => this.ready()!);
  }
}

const outboxes = new WeakMap<Runtime, Outbox>();

/** @internal The outbox of `rt`. */
export function outboxOf(rt: Runtime): Outbox {
  let outbox = outboxes.get(rt);
  if (outbox === undefined) outboxes.set(rt, (outbox = new Outbox(rt)));
  return outbox;
}

/**
 * The durable mutation outbox of the current runtime (`pn.runtime` outside
 * components). Call `resume()` at start-up, after defining your mutations:
 * it loads what a previous run left and replays it, in order.
 *
 * @example
 * ```ts
 * import "./mutations.js";                 // the pn.defineMutation(...) calls
 * await pn.mutationQueue.resume();         // replays what the last run left
 * pn.mutationQueue.pending();              // [{ id, name, args, idempotencyKey, createdAt }]
 * pn.mutationQueue.failed();               // the same, plus error
 * ```
 */
export const mutationQueue = {
  /** Calls waiting, in the order they will run (after `resume()`, including those of earlier runs). */
  pending(): OutboxEntry[] {
    return outboxOf(currentRuntime()).pendingEntries();
  },
  /** Calls that failed for good, with their error; kept (also across restarts) until `clear()`. */
  failed(): FailedOutboxEntry[] {
    return outboxOf(currentRuntime()).failedList();
  },
  /** Loads the stored outbox and replays it; settles when it has drained or paused (offline, network down). */
  resume(): Promise<void> {
    return outboxOf(currentRuntime()).resume();
  },
  /** Drops every pending and failed call, durably; calls still waiting reject with `CancelledError`. */
  clear(): Promise<void> {
    return outboxOf(currentRuntime()).clear();
  },
};

function copyEntry(entry: OutboxEntry): OutboxEntry {
  return { id: entry.id, name: entry.name, args: entry.args, idempotencyKey: entry.idempotencyKey, createdAt: entry.createdAt };
}
