// The GTK host's services (src/hosts/gtk/services.js) under GJS, without a
// window: the storage file.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const SERVICES = pathToFileURL(new URL("../../../src/hosts/gtk/services.js", import.meta.url).pathname).href;
const skip = spawnSync("sh", ["-c", "command -v gjs"]).status === 0 ? false : "missing gjs (apt-get install -y gjs gir1.2-gtk-4.0)";

/** Runs `script` as a gjs module; returns the JSON line it printed (parsed) and its stderr. */
function runProbe(script: string): { printed: unknown; stderr: string } {
  const result = spawnSync("gjs", ["-m", script], { encoding: "utf8", timeout: 30_000 });
  const line = result.stdout.split("\n").find((l) => l.startsWith("{"));
  assert.ok(line, `no report; stderr:\n${result.stderr}`);
  return { printed: JSON.parse(line), stderr: result.stderr };
}

describe("GTK host services", { skip }, () => {
  it("storage flush() waits for every change made before it, including those waiting behind a write on disk", () => {
    const dir = mkdtempSync(join(tmpdir(), "typenative-gtk-storage-"));
    try {
      const script = join(dir, "probe.js");
      const path = join(dir, "storage.json");
      writeFileSync(
        script,
        `import { storageService } from ${JSON.stringify(SERVICES)};
import GLib from "gi://GLib";
const storage = storageService(${JSON.stringify(path)});
storage.set(["a", "1"]); // on its way to disk
storage.set(["b", "2"]); // waits for the next write
await storage.flush();
const [, bytes] = GLib.file_get_contents(${JSON.stringify(path)});
print(new TextDecoder().decode(bytes));
`,
      );
      const { printed } = runProbe(script);
      assert.deepEqual(printed, { a: "1", b: "2" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("storage keeps any key, \"__proto__\" included, across a reload", () => {
    const dir = mkdtempSync(join(tmpdir(), "typenative-gtk-storage-"));
    try {
      const script = join(dir, "probe.js");
      writeFileSync(
        script,
        `import { storageService } from ${JSON.stringify(SERVICES)};
const path = ${JSON.stringify(join(dir, "storage.json"))};
const storage = storageService(path);
for (const key of ["__proto__", "constructor", "toString", "plain"]) await storage.set([key, "v:" + key]);
const reloaded = storageService(path);
const read = (s) => Object.fromEntries(["__proto__", "constructor", "toString", "plain"].map((k) => [k, s.get([k])]));
print(JSON.stringify({ now: read(storage), keys: storage.keys().sort(), reloaded: read(reloaded), cleared: (await storage.clear(), storage.get(["__proto__"])) }));
`,
      );
      const { printed } = runProbe(script);
      const report = printed as { now: Record<string, string | null>; keys: string[]; reloaded: Record<string, string | null>; cleared: string | null };
      // Parsed, not a literal: in a literal "__proto__" would set the prototype.
      const expected: unknown = JSON.parse('{"__proto__":"v:__proto__","constructor":"v:constructor","toString":"v:toString","plain":"v:plain"}');
      assert.deepEqual(report.now, expected);
      assert.deepEqual(report.keys, ["__proto__", "constructor", "plain", "toString"]);
      assert.deepEqual(report.reloaded, report.now);
      assert.equal(report.cleared, null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("storage after a failed write: memory goes back to what is on disk, changes made meanwhile are kept and written", () => {
    const dir = mkdtempSync(join(tmpdir(), "typenative-gtk-storage-"));
    try {
      const script = join(dir, "probe.js");
      const path = join(dir, "storage.json");
      writeFileSync(
        script,
        `import GLib from "gi://GLib";
import Gio from "gi://Gio";
const path = ${JSON.stringify(path)};
// The storage file fails the next \`failures\` writes, as a full disk would.
let failures = 0;
const newForPath = Gio.File.new_for_path;
Gio.File.new_for_path = (p) => {
  const file = newForPath(p);
  if (p !== path) return file;
  const write = file.replace_contents_bytes_async.bind(file);
  const finish = file.replace_contents_finish.bind(file);
  file.replace_contents_bytes_async = (...args) => {
    if (failures === 0) return write(...args);
    failures--;
    const callback = args[args.length - 1];
    Promise.resolve().then(() => callback(file, "failed"));
  };
  file.replace_contents_finish = (result) => {
    if (result === "failed") throw new GLib.Error(Gio.IOErrorEnum, Gio.IOErrorEnum.NO_SPACE, "No space left on device");
    return finish(result);
  };
  return file;
};
const { storageService } = await import(${JSON.stringify(SERVICES)});
const storage = storageService(path);
const outcome = (promise) => promise.then(() => "stored", () => "failed");
const read = () => Object.fromEntries(storage.keys().sort().map((k) => [k, storage.get([k])]));
const report = {};
await storage.set(["kept", "1"]);
await storage.set(["gone", "1"]);
failures = 1;
const changed = outcome(storage.set(["kept", "2"])); // on its way to disk: fails
const added = outcome(storage.set(["added", "1"])); // waits for the next write, which succeeds
report.writes = [await changed, await added];
report.afterSet = read();
failures = 2;
report.remove = await outcome(storage.remove(["gone"]));
report.clear = await outcome(storage.clear());
report.afterClear = read();
// A key changed again behind the failed write keeps its later value.
failures = 1;
const first = outcome(storage.set(["kept", "3"]));
const second = outcome(storage.set(["kept", "4"]));
report.again = [await first, await second];
report.afterAgain = read();
const [, bytes] = GLib.file_get_contents(path);
report.disk = JSON.parse(new TextDecoder().decode(bytes));
// A failed clear while a set waits behind it: the clear is undone, the set kept.
failures = 1;
const cleared = outcome(storage.clear());
const after = outcome(storage.set(["late", "1"]));
report.clearThenSet = [await cleared, await after];
report.afterClearThenSet = read();
// A directory that cannot be made (its parent is a file) fails the write too.
GLib.file_set_contents(${JSON.stringify(join(dir, "blocker"))}, "");
const blocked = storageService(${JSON.stringify(join(dir, "blocker", "storage.json"))});
report.blocked = [await outcome(blocked.set(["a", "1"])), blocked.get(["a"]), blocked.keys()];
print(JSON.stringify(report));
`,
      );
      const { printed } = runProbe(script);
      const report = printed as Record<string, unknown>;
      assert.deepEqual(report.writes, ["failed", "stored"]);
      assert.deepEqual(report.afterSet, { added: "1", gone: "1", kept: "1" }, "the failed set is undone, the one behind it kept");
      assert.deepEqual([report.remove, report.clear], ["failed", "failed"]);
      assert.deepEqual(report.afterClear, { added: "1", gone: "1", kept: "1" }, "a failed remove or clear removes nothing");
      assert.deepEqual(report.again, ["failed", "stored"]);
      assert.deepEqual(report.afterAgain, { added: "1", gone: "1", kept: "4" });
      assert.deepEqual(report.disk, report.afterAgain, "memory matches the file");
      assert.deepEqual(report.clearThenSet, ["failed", "stored"]);
      assert.deepEqual(report.afterClearThenSet, { added: "1", gone: "1", kept: "4", late: "1" });
      assert.deepEqual(report.blocked, ["failed", null, []]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("storage never overwrites a file it could not read: a corrupt file is moved aside first", () => {
    const dir = mkdtempSync(join(tmpdir(), "typenative-gtk-storage-"));
    try {
      const script = join(dir, "probe.js");
      const path = join(dir, "storage.json");
      // Hand-edited, with a trailing comma: the user's data is still in there.
      writeFileSync(path, '{"draft":"three weeks of notes",}');
      writeFileSync(
        script,
        `import { storageService } from ${JSON.stringify(SERVICES)};
import GLib from "gi://GLib";
const storage = storageService(${JSON.stringify(path)});
const before = storage.keys();
await storage.set(["theme", "dark"]);
const [, bytes] = GLib.file_get_contents(${JSON.stringify(path)});
print(JSON.stringify({ before, file: JSON.parse(new TextDecoder().decode(bytes)) }));
`,
      );
      const { printed, stderr } = runProbe(script);
      assert.deepEqual(printed, { before: [], file: { theme: "dark" } });
      const aside = readdirSync(dir).filter((name) => name.startsWith("storage.json.corrupt-"));
      assert.equal(aside.length, 1, `files: ${readdirSync(dir).join(", ")}`);
      assert.equal(readFileSync(join(dir, aside[0]!), "utf8"), '{"draft":"three weeks of notes",}');
      assert.match(stderr, /moved it to .*storage\.json\.corrupt-/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("storage whose unreadable file cannot be moved aside fails its writes instead of starting over it", () => {
    const dir = mkdtempSync(join(tmpdir(), "typenative-gtk-storage-"));
    try {
      const script = join(dir, "probe.js");
      // A path under a regular file: neither readable nor movable (as root too).
      writeFileSync(join(dir, "blocker"), "");
      writeFileSync(
        script,
        `import { storageService } from ${JSON.stringify(SERVICES)};
const storage = storageService(${JSON.stringify(join(dir, "blocker", "storage.json"))});
const outcome = await storage.set(["a", "1"]).then(() => "stored", (error) => "failed: " + error.message);
print(JSON.stringify({ outcome, a: storage.get(["a"]) }));
`,
      );
      const { printed } = runProbe(script);
      const report = printed as { outcome: string; a: string | null };
      assert.match(report.outcome, /^failed: /);
      assert.equal(report.a, null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
