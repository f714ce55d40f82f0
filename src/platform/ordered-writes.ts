interface Entry {
  key: string;
  text: string;
}

/**
 * One writer's queue of storage writes, applied strictly one after another so
 * a later write is never overtaken by an earlier one, whatever the backend's
 * latency. Consecutive writes to the same key that have not started yet
 * collapse into the last one: a burst of edits costs one write per round trip,
 * not one per keystroke.
 *
 * Writes are not tasks: they are not counted by `pendingTasks()` and are not
 * cancelled when their component unmounts — a value the user set is saved.
 *
 * @internal Used by `usePersistedState`, one per hook instance, from the
 * code it loads with its first write (persisted-writes.ts); it imports
 * nothing, so that chunk imports nothing of the first load.
 */
export class OrderedWrites {
  readonly #queue: Entry[] = [];
  #inFlight: Entry | null = null;
  #draining = false;

  /**
   * @param set Stores one write (`AsyncStorage.set`).
   * @param onError Receives a failed write's error and key; the queue goes on.
   */
  constructor(
    private readonly set: (key: string, text: string) => Promise<void>,
    private readonly onError: (error: unknown, key: string) => void,
  ) {}

  /** Queues `text` for `key`. */
  write(key: string, text: string): void {
    const last = this.#queue[this.#queue.length - 1];
    if (last !== undefined && last.key === key) last.text = text;
    else this.#queue.push({ key, text });
    if (!this.#draining) void this.drain();
  }

  /**
   * True while a write to `key` is queued or in flight. Its change
   * notification (fired before the write's promise resolves) is an echo of
   * this writer, and anyone else's write to `key` seen meanwhile is about to
   * be overwritten by ours.
   */
  busyWith(key: string): boolean {
    if (this.#inFlight !== null && this.#inFlight.key === key) return true;
    for (const entry of this.#queue) if (entry.key === key) return true;
    return false;
  }

  // Never rejects: every failure goes to onError.
  private async drain(): Promise<void> {
    this.#draining = true;
    let entry: Entry | undefined;
    while ((entry = this.#queue.shift()) !== undefined) {
      this.#inFlight = entry;
      try {
        await this.set(entry.key, entry.text);
      } catch (error) {
        this.onError(error, entry.key);
      }
      this.#inFlight = null;
    }
    this.#draining = false;
  }
}
