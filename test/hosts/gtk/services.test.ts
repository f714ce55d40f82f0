// The GTK host's services (src/hosts/gtk/services.js) under GJS, without a
// window: the storage file.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const SERVICES = pathToFileURL(new URL("../../../src/hosts/gtk/services.js", import.meta.url).pathname).href;
const skip = spawnSync("sh", ["-c", "command -v gjs"]).status === 0 ? false : "missing gjs (apt-get install -y gjs gir1.2-gtk-4.0)";

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
      const result = spawnSync("gjs", ["-m", script], { encoding: "utf8", timeout: 30_000 });
      const line = result.stdout.split("\n").find((l) => l.startsWith("{"));
      assert.ok(line, `no report; stderr:\n${result.stderr}`);
      assert.deepEqual(JSON.parse(line), { a: "1", b: "2" });
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
      const result = spawnSync("gjs", ["-m", script], { encoding: "utf8", timeout: 30_000 });
      const line = result.stdout.split("\n").find((l) => l.startsWith("{"));
      assert.ok(line, `no report; stderr:\n${result.stderr}`);
      const report = JSON.parse(line) as { now: Record<string, string | null>; keys: string[]; reloaded: Record<string, string | null>; cleared: string | null };
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
});
