import { describe, it, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as nodeFs from "node:fs/promises";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, basename } from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { fileStorage, type StorageFs } from "../../../src/hosts/node/file-storage.js";
import { runtime, type ErrorHandler, type ErrorInfo } from "../../../src/runtime/index.js";
import { stormKey, stormValue } from "./fixtures/storm-keys.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const STORM = fileURLToPath(new URL("./fixtures/storage-storm.ts", import.meta.url));
const ENV = fileURLToPath(new URL("./fixtures/storage-env.ts", import.meta.url));

const ODD_KEYS = ["../x", "__proto__", "constructor", "", "a/b\\c", "ключ", "🔑", "line\nbreak"];

let dir: string;
let file: string;
let originalOnError: ErrorHandler;
let reported: Array<{ error: unknown; info: ErrorInfo }>;

beforeEach(async () => {
  dir = await nodeFs.mkdtemp(join(tmpdir(), "typenative-storage-"));
  file = join(dir, "storage.json");
  originalOnError = runtime.onError;
  reported = [];
  runtime.onError = (error, info) => reported.push({ error, info });
});

afterEach(async () => {
  runtime.onError = originalOnError;
  await nodeFs.rm(dir, { recursive: true, force: true });
});

function readStored(): Record<string, string> {
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
}

function leftovers(): string[] {
  return readdirSync(dir).filter((name) => name.includes(".tmp-"));
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** node:fs/promises with counters, and hooks a test can set to delay or fail a step. */
function instrumentedFs() {
  const stats = { reads: 0, renames: 0, writesInFlight: 0, maxWritesInFlight: 0 };
  const hooks: { beforeRename?: (from: string, to: string) => Promise<void> } = {};
  const fs: StorageFs = {
    ...nodeFs,
    readFile: ((...args: Parameters<typeof nodeFs.readFile>) => {
      stats.reads++;
      return nodeFs.readFile(...args);
    }) as StorageFs["readFile"],
    open: (async (path: string, flags: string) => {
      if (path.includes(".tmp-")) {
        stats.writesInFlight++;
        stats.maxWritesInFlight = Math.max(stats.maxWritesInFlight, stats.writesInFlight);
      }
      const handle = await nodeFs.open(path, flags);
      // A slower disk makes overlapping writes likely if serialization were broken.
      await turn();
      return handle;
    }) as StorageFs["open"],
    rename: async (from, to) => {
      try {
        if (hooks.beforeRename !== undefined) await hooks.beforeRename(String(from), String(to));
        await nodeFs.rename(from, to);
        if (String(to) === file) stats.renames++;
      } finally {
        if (String(from).includes(".tmp-")) stats.writesInFlight--;
      }
    },
  };
  return { fs, stats, hooks };
}

describe("fileStorage", () => {
  it("round-trips keys across two instances on the same file", async () => {
    const first = fileStorage(file);
    for (const key of ODD_KEYS) await first.set(key, `value of ${JSON.stringify(key)}`);
    await first.set("gone", "soon");
    await first.remove("gone");
    await first.set("json", JSON.stringify({ a: [1, 2] }));

    const second = fileStorage(file);
    assert.deepEqual((await second.keys()).sort(), [...ODD_KEYS, "json"].sort());
    for (const key of ODD_KEYS) assert.equal(await second.get(key), `value of ${JSON.stringify(key)}`);
    assert.equal(await second.get("gone"), null);
    assert.equal(await second.get("json"), '{"a":[1,2]}');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);

    await second.clear();
    assert.deepEqual(await fileStorage(file).keys(), []);
    assert.deepEqual(readStored(), {});
    assert.deepEqual(leftovers(), []);
  });

  it("treats a missing file as empty and creates the parent directory on the first write", async () => {
    file = join(dir, "nested", "deeper", "storage.json");
    const storage = fileStorage(file);
    assert.equal(await storage.get("a"), null);
    assert.deepEqual(await storage.keys(), []);
    assert.equal(existsSync(join(dir, "nested")), false);
    await storage.set("a", "1");
    assert.deepEqual(readStored(), { a: "1" });
  });

  it("loads the file once, lazily, sharing the load between concurrent first operations", async () => {
    writeFileSync(file, JSON.stringify({ a: "old", b: "kept" }));
    const { fs, stats } = instrumentedFs();
    const storage = fileStorage(file, { fs });
    assert.equal(stats.reads, 0);
    const written = storage.set("a", "new");
    const [a, b, keys] = await Promise.all([storage.get("a"), storage.get("b"), storage.keys()]);
    // A change accepted before the load lands is applied on top of the file.
    assert.equal(a, "new");
    assert.equal(b, "kept");
    assert.deepEqual(keys.sort(), ["a", "b"]);
    await written;
    await storage.get("b");
    assert.equal(stats.reads, 1);
    assert.deepEqual(readStored(), { a: "new", b: "kept" });
  });

  it("coalesces 1,000 sets in one tick into at most a few file writes", async () => {
    const { fs, stats } = instrumentedFs();
    const storage = fileStorage(file, { fs });
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 1000; i++) writes.push(storage.set(`key${i}`, `value${i}`));
    await Promise.all(writes);
    assert.ok(stats.renames >= 1 && stats.renames <= 3, `expected at most 3 file writes, got ${stats.renames}`);
    assert.equal(Object.keys(readStored()).length, 1000);

    // Once loaded, a storm in one tick is one write too.
    const before = stats.renames;
    writes.length = 0;
    for (let i = 0; i < 1000; i++) writes.push(storage.set(`key${i}`, `again${i}`));
    await Promise.all(writes);
    assert.ok(stats.renames - before <= 2, `expected at most 2 file writes, got ${stats.renames - before}`);
    const stored = readStored();
    for (let i = 0; i < 1000; i++) assert.equal(stored[`key${i}`], `again${i}`);
  });

  it("never runs two file writes at once", async () => {
    const { fs, stats } = instrumentedFs();
    const storage = fileStorage(file, { fs });
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 40; i++) {
      let done = false;
      const set = storage.set(`k${i}`, String(i)).then(() => {
        done = true;
      });
      writes.push(set);
      if (i % 3 === 0) writes.push(storage.remove(`k${i - 1}`));
      // Wait until a file write is in flight (or this set already landed), so
      // the next set always arrives while a write runs: real disk speed must
      // not decide whether the writes overlap.
      for (let t = 0; t < 10_000 && stats.writesInFlight === 0 && !done; t++) await turn();
    }
    await Promise.all(writes);
    assert.ok(stats.renames > 1, "the test needs several writes to overlap");
    assert.equal(stats.maxWritesInFlight, 1);
    const expected: Record<string, string> = {};
    for (let i = 0; i < 40; i++) expected[`k${i}`] = String(i);
    for (let i = 0; i < 40; i += 3) delete expected[`k${i - 1}`];
    assert.deepEqual(readStored(), expected);
  });

  it("resolves a set only once the file holds it", async () => {
    const storage = fileStorage(file);
    for (let i = 0; i < 20; i++) {
      await storage.set(`k${i}`, `v${i}`);
      assert.equal(readStored()[`k${i}`], `v${i}`);
    }
    await storage.remove("k3");
    assert.equal("k3" in readStored(), false);
    assert.deepEqual(leftovers(), []);
  });

  it("flush resolves once every accepted write is on disk, even before the first load", async () => {
    const storage = fileStorage(file);
    for (let i = 0; i < 100; i++) void storage.set(`k${i}`, `v${i}`);
    await storage.flush!();
    assert.equal(Object.keys(readStored()).length, 100);
    await storage.flush!();
  });

  it("a failed write rejects its batch, rolls memory back to the file, and later writes succeed", async () => {
    const { fs, hooks } = instrumentedFs();
    const storage = fileStorage(file, { fs });
    await storage.set("a", "1");

    let renameStarted!: () => void;
    const started = new Promise<void>((resolve) => (renameStarted = resolve));
    let releaseRename!: () => void;
    const gate = new Promise<void>((resolve) => (releaseRename = resolve));
    hooks.beforeRename = async () => {
      hooks.beforeRename = undefined;
      renameStarted();
      await gate;
      throw Object.assign(new Error("disk full"), { code: "ENOSPC" });
    };

    const failedA = storage.set("a", "2");
    const failedB = storage.set("b", "x");
    const flushed = storage.flush!();
    await started;
    // Queued behind the failing write: it must survive the rollback.
    const queued = storage.set("d", "4");
    assert.equal(await storage.get("a"), "2");
    releaseRename();

    await assert.rejects(failedA, /disk full/);
    await assert.rejects(failedB, /disk full/);
    await assert.rejects(flushed, /disk full/);
    await queued;
    assert.equal(await storage.get("a"), "1");
    assert.equal(await storage.get("b"), null);
    assert.equal(await storage.get("d"), "4");
    assert.deepEqual(readStored(), { a: "1", d: "4" });
    assert.deepEqual(leftovers(), []);

    await storage.set("c", "3");
    assert.deepEqual(readStored(), { a: "1", d: "4", c: "3" });
  });

  for (const [label, bytes] of [
    ["invalid JSON", '{"a": "1", oops'],
    ["an array", '["a", "b"]'],
    ["a JSON string", '"just text"'],
    ["non-string values", '{"a": 1, "b": "2"}'],
    ["an empty file", ""],
  ] as const) {
    it(`sets a corrupt file (${label}) aside, reports it, and starts empty`, async () => {
      writeFileSync(file, bytes);
      const storage = fileStorage(file);
      assert.equal(await storage.get("a"), null);
      assert.deepEqual(await storage.keys(), []);

      assert.equal(reported.length, 1);
      assert.equal(reported[0]!.info.source, "storage");
      const message = (reported[0]!.error as Error).message;
      assert.match(message, /not a JSON object of strings/);

      const aside = readdirSync(dir).filter((name) => name.startsWith(`${basename(file)}.corrupt-`));
      assert.equal(aside.length, 1);
      assert.ok(message.includes(aside[0]!), "the report names the file it was moved to");
      assert.equal(readFileSync(join(dir, aside[0]!), "utf8"), bytes);

      await storage.set("fresh", "yes");
      assert.deepEqual(readStored(), { fresh: "yes" });
      assert.equal(readFileSync(join(dir, aside[0]!), "utf8"), bytes);
    });
  }

  it("never sets two corrupt files aside under one name", async () => {
    writeFileSync(file, "first");
    await fileStorage(file).keys();
    writeFileSync(file, "second");
    await fileStorage(file).keys();
    const aside = readdirSync(dir).filter((name) => name.includes(".corrupt-"));
    assert.equal(aside.length, 2);
    assert.deepEqual(aside.map((name) => readFileSync(join(dir, name), "utf8")).sort(), ["first", "second"]);
  });

  it("fails operations, keeping the file, when a corrupt file cannot be set aside", async () => {
    writeFileSync(file, "not json");
    const { fs, hooks } = instrumentedFs();
    hooks.beforeRename = async () => {
      throw Object.assign(new Error("read-only file system"), { code: "EROFS" });
    };
    const storage = fileStorage(file, { fs });
    await assert.rejects(storage.get("a"), /read-only/);
    await assert.rejects(storage.set("a", "1"), /read-only/);
    assert.equal(readFileSync(file, "utf8"), "not json");
    assert.equal(reported.length, 0);

    // The next operation retries the load.
    hooks.beforeRename = undefined;
    assert.equal(await storage.get("a"), null);
    assert.equal(reported.length, 1);
  });

  it("a relative path names the file under the directory current when the storage was made, not at each write", async () => {
    const before = process.cwd();
    const elsewhere = join(dir, "elsewhere");
    await nodeFs.mkdir(elsewhere);
    process.chdir(dir);
    try {
      const storage = fileStorage("storage.json");
      // A script that changes directory after configuring storage.
      process.chdir(elsewhere);
      await storage.set("a", "1");
      assert.deepEqual(readStored(), { a: "1" });
      assert.equal(existsSync(join(elsewhere, "storage.json")), false);
    } finally {
      process.chdir(before);
    }
  });

  it("rejects bad arguments with TypeError", async () => {
    const storage = fileStorage(file);
    await assert.rejects(storage.set("k", 1 as unknown as string), TypeError);
    await assert.rejects(storage.set(1 as unknown as string, "v"), TypeError);
    await assert.rejects(storage.get(null as unknown as string), TypeError);
    await assert.rejects(storage.remove({} as unknown as string), TypeError);
    assert.throws(() => fileStorage(""), TypeError);
    assert.throws(() => fileStorage(42 as unknown as string), TypeError);
    assert.equal(existsSync(file), false);
  });
});

interface ChildResult {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs a fixture with tsx; `onLine` sees stdout lines as they arrive and may kill the child. */
function runFixture(
  args: string[],
  env: NodeJS.ProcessEnv,
  onLine?: (line: string, kill: () => void) => void,
): Promise<ChildResult> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let partial = "";
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    stdout += chunk;
    partial += chunk;
    const lines = partial.split("\n");
    partial = lines.pop()!;
    for (const line of lines) onLine?.(line, () => child.kill("SIGKILL"));
  });
  child.stderr.on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ stdout, stderr, code, signal }));
  });
}

describe("fileStorage under a crash", () => {
  for (let run = 1; run <= 3; run++) {
    it(`keeps every acknowledged write after SIGKILL mid-storm (run ${run})`, async () => {
      const acked: number[] = [];
      let killed = false;
      const result = await runFixture([STORM, file], process.env, (line, kill) => {
        const match = /^ack (\d+)$/.exec(line);
        if (match === null) return;
        acked.push(Number(match[1]));
        if (acked.length >= 200 && !killed) {
          killed = true;
          kill();
        }
      });
      assert.equal(result.signal, "SIGKILL", `the child should die mid-storm: code ${result.code}\n${result.stderr}`);
      assert.ok(acked.length >= 200);

      const stored = readStored();
      assert.equal(typeof stored, "object");
      for (const n of acked) {
        assert.equal(stored[stormKey(n)], stormValue(n), `acknowledged write ${n} is missing or wrong`);
      }
    });
  }
});

describe("typenative/node default storage", () => {
  const defaultFile = (): string => join(dir, "typenative-storage.json");
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, TYPENATIVE_STORAGE_DIR: dir });

  it("uses <TYPENATIVE_STORAGE_DIR>/typenative-storage.json when nothing is configured", async () => {
    const result = await runFixture([ENV, "default"], env());
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { explicit: false, value: "written in default mode" });
    assert.deepEqual(JSON.parse(readFileSync(defaultFile(), "utf8")), { env: "written in default mode" });
  });

  for (const mode of ["explicit-first", "explicit-after"]) {
    it(`lets an explicit configure win (${mode})`, async () => {
      const result = await runFixture([ENV, mode], env());
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), { explicit: true, value: `written in ${mode} mode` });
      assert.equal(existsSync(defaultFile()), false);
    });
  }
});
