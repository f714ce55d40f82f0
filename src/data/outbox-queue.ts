/**
 * The durable mutation outbox's queue, imported on first use (see
 * outbox.ts): storage, ordered replay, retries and failures. It imports
 * types only and takes the framework parts it needs as arguments
 * ({@link OutboxKit}), so its chunk shares no module with the entry.
 */
import type { TimerHandle } from "../runtime/clock.js";
import type { CancelledError, isCancellation } from "../runtime/errors.js";
import type { Runtime } from "../runtime/runtime.js";
import type { isThenable } from "../runtime/task.js";
import type { getStorageBackend, subscribeIn } from "../platform/storage.js";
import type { NetworkError, TimeoutError } from "../platform/http-errors.js";
import type { definitionNamed } from "./mutation-registry.js";
import type { onlineManagerOf } from "./online-manager.js";
import type { delayFor, shouldRetry } from "./retry.js";
import type { FailedOutboxEntry, LiveCall, OutboxEntry } from "./outbox.js";

/** @internal What the queue takes from the rest of the framework. */
export interface OutboxKit {
  readonly OUTBOX_KEY: string;
  readonly CancelledError: typeof CancelledError;
  readonly isCancellation: typeof isCancellation;
  readonly isThenable: typeof isThenable;
  readonly getStorageBackend: typeof getStorageBackend;
  readonly subscribeIn: typeof subscribeIn;
  readonly NetworkError: typeof NetworkError;
  readonly TimeoutError: typeof TimeoutError;
  readonly definitionNamed: typeof definitionNamed;
  readonly onlineManagerOf: typeof onlineManagerOf;
  readonly delayFor: typeof delayFor;
  readonly shouldRetry: typeof shouldRetry;
  readonly copyEntry: (entry: OutboxEntry) => OutboxEntry;
}

/** What the outbox's storage entry holds. */
interface StoredOutbox {
  version: 1;
  pending: OutboxEntry[];
  failed: Array<OutboxEntry & { error: { name: string; message: string; status?: number } }>;
}

/** @internal Builds the queue on `kit`: `create(runtime)` makes the queue of one runtime. */
export function implement(kit: OutboxKit): { create(runtime: Runtime): OutboxQueue } {
  const { OUTBOX_KEY, CancelledError, isCancellation, isThenable, getStorageBackend, subscribeIn, NetworkError, TimeoutError, definitionNamed, onlineManagerOf, delayFor, shouldRetry, copyEntry } = kit;

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
   */
  class Queue implements OutboxQueue {
    #pending: OutboxEntry[] = [];
    #failedEntries: FailedOutboxEntry[] = [];
    /** Entries whose write has not succeeded yet: not run before it does. */
    readonly #unsaved = new Set<string>();
    readonly #calls = new Map<string, LiveCall>();
    #loading: Promise<void> | null = null;
    #writeQueued: Promise<void> | null = null;
    #lastWrite: Promise<void> = Promise.resolve();
    #draining: Promise<void> | null = null;
    private running: { id: string; controller: AbortController } | null = null;
    #retryTimer: TimerHandle | null = null;
    /** Consecutive network failures, for the backoff. */
    #networkFailures = 0;
    /** Failures (not network ones) of the head entry, for its definition's `retry`. */
    #headFailures = 0;
    /** Ends the head's wait before a retry at once: its entry was cancelled (or cleared), so the next one need not wait. */
    #endWait: (() => void) | null = null;
    private stopWatchingOnline: (() => void) | null = null;

    constructor(private readonly runtime: Runtime) {
      // AsyncStorage.clear() (a logout, say) deletes the stored outbox too;
      // the calls in it were acknowledged as durable, so write them again.
      // (remove(OUTBOX_KEY) is heard the same way.)
      subscribeIn(runtime, OUTBOX_KEY, (value) => {
        if (value === null && this.#pending.length + this.#failedEntries.length > 0) this.#save().catch(this.report);
      });
    }

    /** Calls waiting, in the order they will run. */
    pendingEntries(): OutboxEntry[] {
      return this.#pending.map(copyEntry);
    }

    /** Calls that failed for good, oldest first. */
    failedList(): FailedOutboxEntry[] {
      return this.#failedEntries.map((entry) => ({ ...copyEntry(entry), error: entry.error }));
    }

    /** Reads the stored outbox once (shared by every caller); entries added before it lands go after the stored ones. */
    load(): Promise<void> {
      return (this.#loading ??= this.read().catch((error: unknown) => {
        this.#loading = null;
        throw error;
      }));
    }

    /**
     * Adds a call: writes it, then runs it in its turn. Returns its result;
     * `call.persisted` settles with the write. `signal` aborting removes it.
     */
    submit(entry: OutboxEntry, signal: AbortSignal, call: LiveCall): void {
      this.#pending.push(entry);
      this.#unsaved.add(entry.id);
      this.#calls.set(entry.id, call);
      if (!onlineManagerOf(this.runtime).get()) call.onQueued(true);
      this.#watchOnline();
      signal.addEventListener("abort", () => this.cancel(entry.id, signal.reason), { once: true });
      void this.#save().catch(noop); // failures are handled per entry inside the write
    }

    /**
     * Loads the stored outbox and runs the queue: resolves when it has
     * drained, or paused (offline, or a network failure it will retry later).
     */
    async resume(): Promise<void> {
      await this.load();
      // An explicit resume retries now rather than after the backoff.
      if (this.#retryTimer !== null) {
        this.#retryTimer.cancel();
        this.#retryTimer = null;
      }
      await this.#kick();
    }

    /** Removes every pending and failed entry (durably); calls still waiting reject with `CancelledError`. */
    async clear(): Promise<void> {
      await this.load();
      for (const entry of this.#pending.slice()) this.cancel(entry.id, new CancelledError("the mutation queue was cleared"), false);
      this.#failedEntries = [];
      await this.#save();
    }

    /** Removes a waiting entry; a running one is aborted (the server may or may not have applied it). */
    cancel(id: string, reason: unknown, write = true): void {
      const index = this.#pending.findIndex((entry) => entry.id === id);
      if (index < 0) return;
      this.#pending.splice(index, 1);
      const call = this.#calls.get(id);
      this.#calls.delete(id);
      const cancelled = isCancellation(reason) ? reason : new CancelledError("cancelled");
      if (this.#unsaved.delete(id)) call?.persisted.reject(cancelled);
      call?.reject(cancelled);
      if (this.running?.id === id) this.running.controller.abort(cancelled);
      if (index === 0) {
        this.#headFailures = 0;
        this.#endWait?.();
      }
      this.#watchOnline();
      if (write) this.#save().catch(this.report);
    }

    private readonly report = (error: unknown): void => {
      this.runtime.reportError(error, { source: "storage" });
    };

    private async read(): Promise<void> {
      const backend = getStorageBackend(this.runtime);
      const text = await backend.get(OUTBOX_KEY);
      if (text === null) return;
      const stored = parseOutbox(text);
      if (stored === null) {
        // Never silently emptied: set the unreadable outbox aside, report it, start empty.
        const aside = `${OUTBOX_KEY}.corrupt-${Date.now()}`;
        await backend.set(aside, text);
        this.runtime.reportError(new Error(`the mutation outbox in storage was not readable; it was kept under "${aside}"`), { source: "storage" });
        return;
      }
      const known = new Set(this.#pending.map((entry) => entry.id));
      this.#pending = [...stored.pending.filter((entry) => !known.has(entry.id)), ...this.#pending];
      this.#failedEntries = [...stored.failed.map(reviveFailed), ...this.#failedEntries];
      this.#watchOnline();
    }

    /**
     * Writes the whole outbox. Writes never overlap and run in order; a
     * write not yet started is shared by everyone asking meanwhile, and reads
     * the outbox when it starts, so it holds every change made before.
     */
    #save(): Promise<void> {
      if (this.#writeQueued !== null) return this.#writeQueued;
      const write = this.#lastWrite.then(() => this.load()).then(null, (error: unknown) => {
        // The stored outbox could not be read, so nothing can be written over
        // it: the entries waiting for this write fail as if it had, and the
        // next write (which reads again) is queued afresh.
        this.#writeQueued = null;
        this.#failUnsaved(Array.from(this.#unsaved), error);
        throw error;
      }).then(async () => {
        this.#writeQueued = null;
        const included = this.#pending.filter((entry) => this.#unsaved.has(entry.id)).map((entry) => entry.id);
        try {
          await getStorageBackend(this.runtime).set(OUTBOX_KEY, this.#serialize());
        } catch (error) {
          // Entries this write was to make durable are not: they never run,
          // and their calls fail. Done here, before the next write starts.
          this.#failUnsaved(included, error);
          throw error;
        }
        let saved = false;
        for (const id of included) {
          if (!this.#unsaved.delete(id)) continue;
          saved = true;
          this.#calls.get(id)?.persisted.resolve();
        }
        if (saved) this.#kick().catch(this.report);
      });
      this.#writeQueued = write;
      this.#lastWrite = write.catch(noop);
      return write;
    }

    /** The calls of `ids` still waiting for their write will not get it: they fail with `error` and never run. */
    #failUnsaved(ids: string[], error: unknown): void {
      for (const id of ids) {
        if (!this.#unsaved.delete(id)) continue;
        const call = this.#calls.get(id);
        this.#calls.delete(id);
        this.#pending = this.#pending.filter((entry) => entry.id !== id);
        call?.persisted.reject(error);
        call?.reject(error);
      }
      this.#watchOnline();
    }

    #serialize(): string {
      const stored: StoredOutbox = {
        version: 1,
        pending: this.#pending,
        failed: this.#failedEntries.map((entry) => ({ ...copyEntry(entry), error: describeError(entry.error) })),
      };
      return JSON.stringify(stored);
    }

    /** Runs the queue unless it is running; resolves when that run stops (drained or paused). */
    #kick(): Promise<void> {
      return (this.#draining ??= this.drain());
    }

    private async drain(): Promise<void> {
      try {
        await this.load();
        await this.drainLoop();
      } catch (error) {
        this.#draining = null;
        throw error;
      }
    }

    /**
     * Runs entries until the queue is empty or must wait. Every exit clears
     * `draining` in the same turn as the decision, so a kick right after
     * starts a new run instead of joining one that has already decided to stop.
     */
    private async drainLoop(): Promise<void> {
      const online = onlineManagerOf(this.runtime);
      for (;;) {
        const head = this.#pending[0];
        // Not written yet: its write kicks the queue once it is durable.
        if (head === undefined || this.#unsaved.has(head.id)) {
          this.#draining = null;
          return;
        }
        if (!online.get() || this.#retryTimer !== null) {
          this.#markQueued();
          this.#draining = null;
          return;
        }
        const definition = definitionNamed(head.name);
        if (definition === undefined) {
          await this.fail(head, new Error(`no mutation named "${head.name}" is defined: call pn.defineMutation("${head.name}", ...) before pn.mutationQueue.resume()`));
          continue;
        }
        const controller = new AbortController();
        this.running = { id: head.id, controller };
        this.#calls.get(head.id)?.onQueued(false);
        let ok = false;
        let value: unknown;
        try {
          value = await definition.mutator(...head.args, { signal: controller.signal, idempotencyKey: head.idempotencyKey });
          ok = true;
        } catch (error) {
          value = error;
        } finally {
          this.running = null;
        }
        // Cancelled or cleared while it ran: the entry is gone already.
        if (this.#pending[0] !== head) continue;
        if (ok) {
          await this.succeed(head, value);
          this.#definitionSuccess(definition, value, head.args);
          continue;
        }
        const error = value;
        if (error instanceof NetworkError || error instanceof TimeoutError) {
          this.#networkFailures++;
          this.#markQueued();
          if (online.get()) {
            this.#retryTimer = this.runtime.getLoop().callLater(delayFor(definition.retryDelay, this.#networkFailures, error), () => {
              this.#retryTimer = null;
              this.#kick().catch(this.report);
            });
          }
          this.#draining = null;
          return;
        }
        this.#headFailures++;
        if (!isCancellation(error) && shouldRetry(definition.retry, this.#headFailures, error)) {
          const wait = delayFor(definition.retryDelay, this.#headFailures, error);
          await new Promise<void>((resolve) => {
            const timer = this.runtime.getLoop().callLater(wait, resolve);
            this.#endWait = () => {
              timer.cancel();
              resolve();
            };
          });
          this.#endWait = null;
          continue;
        }
        await this.fail(head, error);
      }
    }

    private async succeed(head: OutboxEntry, value: unknown): Promise<void> {
      this.#pending.shift();
      this.#networkFailures = 0;
      this.#headFailures = 0;
      const call = this.#calls.get(head.id);
      this.#calls.delete(head.id);
      this.#watchOnline();
      try {
        // The removal is durable before the call resolves (and before resume() does).
        await this.#save();
      } catch (error) {
        // The server has it; a replay after a crash is deduplicated by its idempotency key.
        this.report(error);
      }
      call?.resolve(value);
    }

    private async fail(head: OutboxEntry, reason: unknown): Promise<void> {
      this.#pending.shift();
      this.#headFailures = 0;
      const error = reason instanceof Error ? reason : new Error(String(reason));
      this.#failedEntries.push({ ...copyEntry(head), error });
      const call = this.#calls.get(head.id);
      this.#calls.delete(head.id);
      this.#watchOnline();
      try {
        await this.#save();
      } catch (writeError) {
        this.report(writeError);
      }
      call?.reject(reason);
    }

    #definitionSuccess(definition: { onSuccess: ((data: unknown, args: unknown[]) => unknown) | undefined }, value: unknown, args: readonly unknown[]): void {
      if (definition.onSuccess === undefined) return;
      try {
        const result = definition.onSuccess(value, args.slice());
        if (isThenable(result)) result.then(undefined, (error: unknown) => this.runtime.reportError(error, { source: "mutation" }));
      } catch (error) {
        this.runtime.reportError(error, { source: "mutation" });
      }
    }

    /** Shows every live call still waiting as queued. */
    #markQueued(): void {
      for (const entry of this.#pending) this.#calls.get(entry.id)?.onQueued(true);
    }

    /** Listens for reconnects while anything waits. */
    #watchOnline(): void {
      if (this.#pending.length > 0 && this.stopWatchingOnline === null) {
        this.stopWatchingOnline = onlineManagerOf(this.runtime).subscribe((online) => {
          if (!online) return;
          this.#networkFailures = 0;
          if (this.#retryTimer !== null) {
            this.#retryTimer.cancel();
            this.#retryTimer = null;
          }
          this.#kick().catch(this.report);
        }, "mutation outbox");
      } else if (this.#pending.length === 0 && this.stopWatchingOnline !== null) {
        this.stopWatchingOnline();
        this.stopWatchingOnline = null;
      }
    }
  }

  function describeError(error: Error): { name: string; message: string; status?: number } {
    const status = (error as { status?: unknown }).status;
    return typeof status === "number" ? { name: error.name, message: error.message, status } : { name: error.name, message: error.message };
  }

  function reviveFailed(entry: StoredOutbox["failed"][number]): FailedOutboxEntry {
    const error = new Error(entry.error.message);
    error.name = entry.error.name;
    if (entry.error.status !== undefined) Object.assign(error, { status: entry.error.status });
    return { ...copyEntry(entry), error };
  }

  function isEntry(value: unknown): value is OutboxEntry {
    if (typeof value !== "object" || value === null) return false;
    const e = value as Record<string, unknown>;
    return typeof e.id === "string" && typeof e.name === "string" && Array.isArray(e.args) && typeof e.idempotencyKey === "string" && typeof e.createdAt === "number";
  }

  function parseOutbox(text: string): StoredOutbox | null {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
    if (typeof value !== "object" || value === null) return null;
    const stored = value as Partial<StoredOutbox>;
    if (stored.version !== 1 || !Array.isArray(stored.pending) || !Array.isArray(stored.failed)) return null;
    if (!stored.pending.every(isEntry)) return null;
    const failed = stored.failed.filter((e) => isEntry(e) && typeof (e as { error?: { message?: unknown } }).error?.message === "string");
    return { version: 1, pending: stored.pending, failed: failed as StoredOutbox["failed"] };
  }

  function noop(): void {}

  return { create: (runtime: Runtime): OutboxQueue => new Queue(runtime) };
}

/** @internal The queue of one runtime, as the outbox front (outbox.ts) uses it. */
export interface OutboxQueue {
  pendingEntries(): OutboxEntry[];
  failedList(): FailedOutboxEntry[];
  submit(entry: OutboxEntry, signal: AbortSignal, call: LiveCall): void;
  resume(): Promise<void>;
  clear(): Promise<void>;
}
