import * as nodeFs from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { currentRuntime } from "../../runtime/runtime.js";
import type { StorageBackend } from "../../platform/storage-backend.js";

/** The `node:fs/promises` functions `fileStorage` uses; tests may pass a wrapped set. */
export type StorageFs = Pick<typeof nodeFs, "readFile" | "open" | "rename" | "mkdir" | "unlink" | "access">;

/** Options of {@link fileStorage}. */
export interface FileStorageOptions {
  /**
   * The file system to use, `node:fs/promises` by default. Meant for tests
   * that count writes or inject failures.
   */
  fs?: StorageFs;
}

type Change = { op: "set"; key: string; value: string } | { op: "remove"; key: string } | { op: "clear" };

/** Changes that go to disk in one file write, and the promise all their callers share. */
interface Batch {
  changes: Change[];
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

// Unique temp names across every instance in this process (two instances may
// share a path, e.g. a test reopening a file).
let tempCounter = 0;

// Directory fsync is a POSIX feature: Windows refuses to open a directory
// (EISDIR / EPERM) and some file systems reject fsync on one (EINVAL).
const NO_DIR_SYNC = new Set(["EISDIR", "EPERM", "EINVAL"]);

/**
 * A storage backend that keeps every key in one JSON file (an object of
 * key → string), for scripts, desktop tools and tests with real files.
 *
 * - The file is read once, lazily, on the first operation; reads are then
 *   served from memory.
 * - Writes are serialized (never two at once) and coalesced: the `set`s of
 *   one tick become one file write.
 * - Each write is atomic and durable: the whole object goes to
 *   `<path>.tmp-<pid>-<n>` in the same directory, is fsynced and closed, then
 *   renamed over `path`, and the directory is fsynced where the platform
 *   allows. A `set` resolves only after the write holding it has completed,
 *   so a crash right after a resolved `set` loses nothing.
 * - A failed write rejects every operation of its batch with the error, and
 *   memory rolls back to what the file holds (plus writes still queued): a
 *   rejected `set` did not happen. The next write is attempted normally.
 * - A file that is not a JSON object of strings is renamed to
 *   `<path>.corrupt-<timestamp>` and reported through `pn.runtime.onError`
 *   (source `"storage"`), then storage starts empty — never silently emptied.
 *   A missing file is simply empty; a missing parent directory is created on
 *   the first write.
 *
 * Two processes (or two instances) writing one file is not supported: each
 * keeps its own copy in memory and the last write wins.
 *
 * @example
 * ```ts
 * import * as pn from "typenative";
 * import { fileStorage } from "typenative/node";
 *
 * pn.AsyncStorage.configure({ backend: fileStorage("./data/app-storage.json") });
 * await pn.AsyncStorage.set("token", "abc"); // on disk when this resolves
 * ```
 */
export function fileStorage(path: string, options: FileStorageOptions = {}): StorageBackend {
  if (typeof path !== "string" || path === "") throw new TypeError("fileStorage(path): path must be a non-empty string");
  if (typeof options !== "object" || options === null) throw new TypeError("fileStorage(path, options): options must be an object");
  // Resolved now: a script that changes directory later still writes the file it named.
  return new FileStorage(resolve(path), options.fs ?? nodeFs);
}

class FileStorage implements StorageBackend {
  /** What the file holds, as of the last completed write (or the load). */
  #onDisk: Map<string, string> | null = null;
  /** `onDisk` plus every accepted change not yet written: what reads see. */
  #view: Map<string, string> | null = null;
  #loading: Promise<void> | null = null;
  /** Accepting changes; written once `writing` is done. */
  #next: Batch | null = null;
  /** On its way to disk. */
  #writing: Batch | null = null;
  #writeScheduled = false;
  #directoryReady = false;

  constructor(
    private readonly path: string,
    private readonly fs: StorageFs,
  ) {}

  async get(key: string): Promise<string | null> {
    checkKey(key);
    const view = this.#view ?? (await this.#load());
    const value = view.get(key);
    return value === undefined ? null : value;
  }

  async keys(): Promise<string[]> {
    const view = this.#view ?? (await this.#load());
    return Array.from(view.keys());
  }

  async set(key: string, value: string): Promise<void> {
    checkKey(key);
    if (typeof value !== "string") throw new TypeError(`fileStorage.set: value must be a string, got ${typeof value}`);
    return this.#change({ op: "set", key, value });
  }

  async remove(key: string): Promise<void> {
    checkKey(key);
    return this.#change({ op: "remove", key });
  }

  async clear(): Promise<void> {
    return this.#change({ op: "clear" });
  }

  /** Resolves when every accepted change is on disk; rejects if one of those writes failed. */
  async flush(): Promise<void> {
    const waiting: Promise<void>[] = [];
    if (this.#writing !== null) waiting.push(this.#writing.promise);
    if (this.#next !== null) waiting.push(this.#next.promise);
    const results = await Promise.allSettled(waiting);
    for (const result of results) if (result.status === "rejected") throw result.reason;
  }

  /**
   * Accepts a change synchronously (so `flush()` sees it at once) and returns
   * the promise of the write that will carry it. Before the first load the
   * change waits in `next` and is applied on top of the file's content.
   */
  #change(change: Change): Promise<void> {
    if (this.#view !== null) apply(this.#view, change);
    const batch = (this.#next ??= createBatch());
    batch.changes.push(change);
    this.#schedule();
    return batch.promise;
  }

  /**
   * Starts the next write on a microtask, so every change made in the same
   * tick joins it; before the first load, once the load lands.
   */
  #schedule(): void {
    if (this.#writeScheduled || this.#writing !== null || this.#next === null) return;
    this.#writeScheduled = true;
    if (this.#view === null) {
      this.#load().then(
        () => {
          this.#writeScheduled = false;
          this.#schedule();
        },
        (error: unknown) => {
          // Nothing was applied anywhere: the waiting changes fail with the load.
          this.#writeScheduled = false;
          const batch = this.#next;
          this.#next = null;
          batch?.reject(error);
        },
      );
      return;
    }
    queueMicrotask(() => {
      this.#writeScheduled = false;
      void this.writeNext();
    });
  }

  private async writeNext(): Promise<void> {
    const batch = this.#next;
    if (batch === null || this.#writing !== null) return;
    this.#next = null;
    this.#writing = batch;
    // `view` is exactly onDisk + this batch here: later changes go to a new `next`.
    const snapshot = new Map(this.#view!);
    try {
      await this.writeFile(JSON.stringify(Object.fromEntries(snapshot)));
      this.#onDisk = snapshot;
      batch.resolve();
    } catch (error) {
      if (error instanceof DirectorySyncError) {
        // Only the directory sync failed: the file already holds the snapshot.
        this.#onDisk = snapshot;
      } else {
        this.#rollBack();
      }
      batch.reject(error);
    } finally {
      this.#writing = null;
      this.#schedule();
    }
  }

  /** Rebuilds `view` as the file's content plus the changes still queued. */
  #rollBack(): void {
    const view = new Map(this.#onDisk!);
    if (this.#next !== null) for (const change of this.#next.changes) apply(view, change);
    this.#view = view;
  }

  /**
   * Writes `text` atomically: temp file, fsync, close, rename over `path`,
   * directory fsync. A {@link DirectorySyncError} means the rename happened;
   * any other error means the file is untouched.
   */
  private async writeFile(text: string): Promise<void> {
    const fs = this.fs;
    const directory = dirname(this.path);
    if (!this.#directoryReady) {
      await fs.mkdir(directory, { recursive: true });
      this.#directoryReady = true;
    }
    const temp = `${this.path}.tmp-${process.pid}-${++tempCounter}`;
    try {
      const handle = await fs.open(temp, "w");
      try {
        await handle.writeFile(text, "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, this.path);
    } catch (error) {
      // Best effort: the temp file is garbage now, the real file is untouched.
      await fs.unlink(temp).catch(() => undefined);
      throw error;
    }
    try {
      await syncDirectory(fs, directory);
    } catch (error) {
      throw new DirectorySyncError(error);
    }
  }

  /** Reads the file once; concurrent first operations share the read. A failed read is retried by the next operation. */
  #load(): Promise<Map<string, string>> {
    this.#loading ??= this.readEntries().then(
      (entries) => {
        this.#onDisk = entries;
        const view = new Map(entries);
        // Changes accepted while the file was being read go on top of it.
        if (this.#next !== null) for (const change of this.#next.changes) apply(view, change);
        this.#view = view;
      },
      (error: unknown) => {
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading.then(() => this.#view!);
  }

  private async readEntries(): Promise<Map<string, string>> {
    let text: string;
    try {
      text = await this.fs.readFile(this.path, "utf8");
    } catch (error) {
      if (codeOf(error) === "ENOENT") return new Map();
      throw error;
    }
    const entries = parseEntries(text);
    if (entries instanceof Map) return entries;
    // Never start empty over data we could not read: move it aside first, and
    // if that fails, fail the operation instead of overwriting the file later.
    const aside = await this.asideName();
    await this.fs.rename(this.path, aside);
    const error = new Error(
      `AsyncStorage file ${this.path} is not a JSON object of strings (${entries}); moved it to ${aside} and started empty`,
    );
    currentRuntime().reportError(error, { source: "storage" });
    return new Map();
  }

  private async asideName(): Promise<string> {
    // Wall-clock time on purpose: this names a file for a human to find, it
    // schedules nothing, so the loop's (possibly virtual) clock is not wanted.
    const base = `${this.path}.corrupt-${Date.now()}`;
    for (let n = 0; ; n++) {
      const candidate = n === 0 ? base : `${base}-${n}`;
      try {
        await this.fs.access(candidate);
      } catch {
        return candidate;
      }
    }
  }
}

/** Thrown when the data is renamed into place but the directory could not be fsynced. */
class DirectorySyncError extends Error {
  constructor(cause: unknown) {
    super(`fileStorage: the directory sync after a write failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = "DirectorySyncError";
  }
}

async function syncDirectory(fs: StorageFs, directory: string): Promise<void> {
  let handle: nodeFs.FileHandle;
  try {
    handle = await fs.open(directory, "r");
  } catch (error) {
    if (NO_DIR_SYNC.has(codeOf(error))) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!NO_DIR_SYNC.has(codeOf(error))) throw error;
  } finally {
    await handle.close();
  }
}

/** The entries of a storage file, or why it is not one. */
function parseEntries(text: string): Map<string, string> | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return error instanceof Error ? error.message : "invalid JSON";
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return "not an object";
  // JSON.parse creates own data properties, so "__proto__" is an ordinary key here.
  const record = data as Record<string, unknown>;
  const entries = new Map<string, string>();
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (typeof value !== "string") return `the value of "${key}" is not a string`;
    entries.set(key, value);
  }
  return entries;
}

function apply(view: Map<string, string>, change: Change): void {
  if (change.op === "set") view.set(change.key, change.value);
  else if (change.op === "remove") view.delete(change.key);
  else view.clear();
}

function createBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { changes: [], promise, resolve, reject };
}

function checkKey(key: unknown): void {
  if (typeof key !== "string") throw new TypeError(`fileStorage: key must be a string, got ${typeof key}`);
}

function codeOf(error: unknown): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : "";
}
