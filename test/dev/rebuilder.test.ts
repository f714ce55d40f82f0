// The dev server's builds (src/dev/rebuilder.ts) without a browser: a
// temporary project edited on disk, and the messages the pages would get.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startRebuilder, type DevMessage, type Rebuilder } from "../../src/dev/rebuilder.js";
import { loadEsbuild } from "../../src/dev/project.js";
import { StackMapper } from "../../src/dev/stack.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

const MAIN = `import { Counter } from "./Counter.js";
import { title } from "./labels.js";
import "./app.css";

document.title = title;
console.log(Counter);
`;

function counter(label: string, extra = ""): string {
  return `import * as pn from "typenative";${extra}

export const Counter = pn.component(function Counter() {
  const [count] = pn.useState(0);
  return pn.Text(\`${label}: \${count}\`);
});
`;
}

describe("typenative dev: rebuilds and what the pages are told (src/dev/rebuilder.ts)", () => {
  let dir: string;
  let builds: Rebuilder;
  let mapper: StackMapper;
  const messages: DevMessage[] = [];
  const logs: string[] = [];
  let waiting: (() => void) | null = null;

  /** Writes by rename, so a watcher never sees the file half written (which would be a build of its own). */
  async function edit(file: string, contents: string): Promise<void> {
    const temp = join(dir, `${file}.tmp`);
    await writeFile(temp, contents);
    await rename(temp, join(dir, file));
  }

  /** The next message the pages get; fails the test instead of hanging when none comes. */
  async function next(): Promise<DevMessage> {
    const seen = messages.length;
    const failure = setTimeout(() => waiting?.(), 20_000);
    while (messages.length === seen) {
      await new Promise<void>((resolve) => (waiting = resolve));
      if (messages.length === seen) assert.fail(`no message after 20 s; log:\n${logs.join("\n")}`);
    }
    clearTimeout(failure);
    return messages[seen]!;
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "typenative-rebuilder-"));
    await mkdir(join(dir, "src"));
    await mkdir(join(dir, "node_modules", "tiny-package"), { recursive: true });
    await symlink(REPO, join(dir, "node_modules", "typenative"), "dir");
    await writeFile(join(dir, "node_modules", "tiny-package", "package.json"), JSON.stringify({ name: "tiny-package", type: "module", main: "index.js" }));
    await writeFile(join(dir, "node_modules", "tiny-package", "index.js"), `export const tiny = 1;\n`);
    await writeFile(join(dir, "package.json"), JSON.stringify({ name: "rebuilder-app", private: true, type: "module" }));
    await writeFile(join(dir, "src", "main.ts"), MAIN);
    await writeFile(join(dir, "src", "labels.ts"), `export const title = "first";\n`);
    await writeFile(join(dir, "src", "app.css"), `body { margin: 0; }\n`);
    await writeFile(join(dir, "src", "Counter.ts"), counter("Count"));
    builds = await startRebuilder({
      esbuild: await loadEsbuild("test"),
      root: dir,
      entry: join(dir, "src", "main.ts"),
      mapper: (mapper = new StackMapper(dir)),
      log: (line) => logs.push(line),
      broadcast: (message) => {
        messages.push(message);
        waiting?.();
      },
    });
  });

  after(async () => {
    await builds?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("builds once before resolving, and tells the pages nothing about it", () => {
    assert.equal(builds.errors, null);
    assert.match(builds.bundle!.js, /Count: /);
    assert.match(builds.bundle!.css!, /margin: 0/);
    assert.match(builds.bundle!.map, /"sources"/);
    assert.deepEqual(messages, []);
  });

  it("sends an update with a patch of only the edited component module", async () => {
    await edit("src/Counter.ts", counter("Clicks"));
    const message = await next();
    assert.deepEqual(message, { type: "update", modules: ["src/Counter.ts"], url: "/__typenative/patch-1.js" });
    const patch = builds.patch("/__typenative/patch-1.js")!;
    assert.match(patch.js, /Clicks: /);
    assert.doesNotMatch(patch.js, /export const title/);
    assert.match(patch.map, /Counter\.ts/);
    assert.match(builds.bundle!.js, /Clicks: /);
    assert.equal(builds.patch("/__typenative/patch-2.js"), undefined);
    assert.ok(logs.includes("  update: src/Counter.ts"), logs.join("\n"));
  });

  it("drops a patch once every module it carried was patched again (nothing runs its code any more)", async () => {
    // A stack frame at the label's text in each patch, as the page would post it.
    const frames = new Map<number, string>();
    const remember = (n: number, text: string): void => {
      const lines = builds.patch(`/__typenative/patch-${n}.js`)!.js.split("\n");
      const line = lines.findIndex((l) => l.includes(text));
      frames.set(n, `at http://127.0.0.1/__typenative/patch-${n}.js:${line + 1}:${lines[line]!.indexOf(text) + 1}`);
    };
    const frame = (n: number) => frames.get(n)!;
    remember(1, "Clicks: ");
    assert.match(mapper.map(frame(1)), /src\/Counter\.ts:\d+:\d+/, "patch 1's map is known");
    await edit("src/Counter.ts", counter("Taps"));
    const message = await next();
    assert.deepEqual(message, { type: "update", modules: ["src/Counter.ts"], url: "/__typenative/patch-2.js" });
    assert.match(builds.patch("/__typenative/patch-2.js")!.js, /Taps: /);
    remember(2, "Taps: ");
    assert.equal(builds.patch("/__typenative/patch-1.js"), undefined, "patch 1 carried only Counter.ts");
    assert.equal(mapper.map(frame(1)), frame(1), "and its map is forgotten");
    assert.match(mapper.map(frame(2)), /src\/Counter\.ts:\d+:\d+/);
    // Back to the text the next tests expect.
    await edit("src/Counter.ts", counter("Clicks"));
    assert.equal((await next()).type, "update");
    assert.equal(builds.patch("/__typenative/patch-2.js"), undefined);
    assert.match(builds.patch("/__typenative/patch-3.js")!.js, /Clicks: /);
  });

  it("sends the build errors, keeps the last good bundle, and says ok when the fix changes no module", async () => {
    await edit("src/Counter.ts", counter("Clicks").replace("function Counter() {", "function Counter( {"));
    const message = await next();
    assert.equal(message.type, "build-error");
    assert.deepEqual(builds.errors, (message as { errors: unknown }).errors);
    const [error] = builds.errors!;
    assert.equal(error!.file, "src/Counter.ts");
    assert.equal(typeof error!.line, "number");
    assert.ok(logs.some((line) => line.startsWith("  build error: src/Counter.ts:")), logs.join("\n"));
    assert.match(builds.bundle!.js, /Clicks: /);

    // Back to what the pages run: nothing to patch, only the error to clear.
    await edit("src/Counter.ts", counter("Clicks"));
    assert.deepEqual(await next(), { type: "ok" });
    assert.equal(builds.errors, null);
  });

  it("reloads when a file that is not an app module changes", async () => {
    await edit("src/app.css", `body { margin: 1px; }\n`);
    assert.deepEqual(await next(), { type: "reload", reason: "src/app.css changed (not an app module)" });
    assert.match(builds.bundle!.css!, /margin: 1px/);
    assert.ok(logs.includes("  src/app.css changed (not an app module): reloading the page"), logs.join("\n"));
  });

  it("reloads when a component starts importing a package the pages do not have", async () => {
    await edit("src/Counter.ts", counter("Clicks", `\nimport { tiny } from "tiny-package";\nconsole.log(tiny);`));
    assert.deepEqual(await next(), { type: "reload", reason: "new package tiny-package" });
    assert.ok(logs.includes("  new package tiny-package: reloading the page"), logs.join("\n"));
  });

  it("reloads when a module is no longer imported", async () => {
    await edit("src/main.ts", MAIN.replace(`import { title } from "./labels.js";\n`, "").replace("document.title = title;\n", ""));
    assert.deepEqual(await next(), { type: "reload", reason: "src/labels.ts is no longer imported" });
  });
});

describe("typenative dev: a first build that fails in the server's own code", () => {
  it("rejects after disposing the build context, so no esbuild service is left running", async () => {
    const dir = await mkdtemp(join(tmpdir(), "typenative-rebuilder-fault-"));
    try {
      await writeFile(join(dir, "main.ts"), `console.log("hi");\n`);
      const real = await loadEsbuild("test");
      let disposed = 0;
      // A rebuild whose result lacks what the server reads (not an esbuild error).
      const faulty = {
        ...real,
        context: (async (options: Parameters<typeof real.context>[0]) => {
          const ctx = await real.context(options);
          return {
            ...ctx,
            rebuild: async () => ({ errors: [], warnings: [], outputFiles: [], metafile: undefined }),
            dispose: async () => {
              disposed++;
              await ctx.dispose();
            },
          };
        }) as unknown as typeof real.context,
      };
      await assert.rejects(
        startRebuilder({ esbuild: faulty, root: dir, entry: join(dir, "main.ts"), mapper: new StackMapper(dir), log: () => {}, broadcast: () => {} }),
        TypeError,
      );
      assert.equal(disposed, 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
