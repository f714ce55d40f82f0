// The published package, as a new user gets it: `npm pack`, the tarball
// installed into an empty project, and there — every entry imported by plain
// `node` (no loader), a consumer type-checked with the strictest flags and
// bundled by esbuild, and `typenative create` → `npm install` → the new
// app's `npm test` and `npm run build`.
//
// typescript, esbuild and @types/node of the consumer project are links to
// this repo's installs (what matters is that typenative comes from the
// tarball); the created app installs its own from the npm cache/registry.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/** The environment of a user's shell: no source condition (NODE_OPTIONS), not inside this test run (NODE_TEST_CONTEXT), no npm lifecycle. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === "NODE_OPTIONS" || key === "NODE_TEST_CONTEXT" || key.startsWith("npm_lifecycle_") || key.startsWith("npm_package_")) continue;
    env[key] = value;
  }
  return { ...env, NODE_ENV: "", npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
}

function run(command: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: userEnv(), encoding: "utf8", timeout });
  if (result.status !== 0) {
    assert.fail(`${command} ${args.join(" ")} (in ${cwd}) exited with ${result.status ?? result.signal}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

const STRICT = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noPropertyAccessFromIndexSignature: true,
  noImplicitOverride: true,
  skipLibCheck: false,
  noEmit: true,
  jsx: "react-jsx",
  jsxImportSource: "typenative",
};

const ENTRIES = ["typenative", "typenative/testing", "typenative/web", "typenative/node", "typenative/jsx-runtime", "typenative/jsx-dev-runtime", "typenative/bridge", "typenative/gtk"];

describe("the npm package", () => {
  let work: string;
  let tarball: string;
  let consumer: string;
  const timings: string[] = [];
  const time = <T>(label: string, f: () => T): T => {
    const started = performance.now();
    try {
      return f();
    } finally {
      timings.push(`${label} ${Math.round(performance.now() - started)} ms`);
    }
  };

  before(() => {
    work = mkdtempSync(join(tmpdir(), "typenative-package-"));
    const packed = time("npm pack", () => run(NPM, ["pack", "--json", "--pack-destination", work], REPO));
    const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as Array<{ filename: string; files: Array<{ path: string }>; size: number; unpackedSize: number }>;
    tarball = join(work, info[0]!.filename);
    timings.push(`tarball ${info[0]!.size} bytes, unpacked ${info[0]!.unpackedSize} bytes, ${info[0]!.files.length} files`);
    consumer = join(work, "consumer");
    mkdirSync(consumer);
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    time("npm install <tarball>", () => run(NPM, ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], consumer));
    for (const dep of ["typescript", "esbuild", "@types"]) {
      symlinkSync(join(REPO, "node_modules", dep), join(consumer, "node_modules", dep), "dir");
    }
  });

  after(() => {
    if (process.env.TYPENATIVE_KEEP_PACKAGE_TEST) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
    console.log(`# package test: ${timings.join("; ")}`);
  });

  it("ships dist/, the README and the license only, with no runtime dependencies", () => {
    const installed = join(consumer, "node_modules", "typenative");
    assert.deepEqual(readdirSync(installed).sort(), ["LICENSE", "README.md", "dist", "package.json"]);
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as Record<string, unknown>;
    assert.equal(pkg["dependencies"], undefined);
    assert.ok(existsSync(join(installed, "dist", "hosts", "gtk", "main.js")), "the GJS program ships next to typenative/gtk");
    assert.ok(existsSync(join(installed, "dist", "hosts", "bridge", "protocol.d.ts")));
    assert.ok(existsSync(join(installed, "dist", "index.d.ts.map")));
  });

  it("imports every entry with plain node", () => {
    const script = ENTRIES.map((entry, i) => `import * as m${i} from ${JSON.stringify(entry)};`).join("\n") +
      `\nconsole.log(JSON.stringify([${ENTRIES.map((_, i) => `Object.keys(m${i}).length`).join(", ")}]));\n` +
      `import { GTK_HOST_MAIN } from "typenative/gtk"; import { existsSync } from "node:fs";\nif (!existsSync(GTK_HOST_MAIN)) throw new Error("no " + GTK_HOST_MAIN);\n`;
    writeFileSync(join(consumer, "imports.mjs"), script);
    const out = time("node imports.mjs", () => run(process.execPath, ["imports.mjs"], consumer));
    const counts = JSON.parse(out.stdout) as number[];
    assert.equal(counts.length, ENTRIES.length);
    for (const [i, count] of counts.entries()) assert.ok(count > 0, `${ENTRIES[i]} exports something`);
  });

  it("type-checks a consumer with strict flags (browser-only types, then Node's)", () => {
    writeFileSync(
      join(consumer, "browser.tsx"),
      `import * as pn from "typenative";
import { mount } from "typenative/web";
import { render, fakeClock, settle, alerts } from "typenative/testing";

const Counter = pn.component(function Counter({ start }: { start: number }) {
  const [count, setCount] = pn.useState(start);
  const posts = pn.useQuery((signal) => pn.fetch("/api/posts", { signal }).then((r) => r.json() as { id: number }[]), []);
  const [state, save] = pn.useMutation((n: number) => Promise.resolve(n));
  const [draft, setDraft] = pn.usePersistedState("draft", "");
  return pn.Column(
    pn.Text(\`Count: \${count} \${posts.data?.length ?? 0} \${state.loading}\`),
    pn.TextInput({ value: draft, onChange: setDraft, placeholder: "draft" }),
    pn.Button("Add", { onClick: () => { setCount((c) => c + 1); void save(count); } }),
  );
});
const Jsx = () => <pn.Column><Counter start={1} /><pn.Text>hi</pn.Text></pn.Column>;
export const app = mount(<Jsx />, document.body);

export async function testIt(): Promise<void> {
  const clock = fakeClock();
  const ui = render(Counter({ start: 1 }));
  ui.press(ui.getByText("Add"));
  await settle();
  await clock.advance(10);
  const label: unknown = ui.getByText("Count: 2 0 false").props["style"];
  void label;
  void alerts.pending();
}
`,
    );
    writeFileSync(join(consumer, "node.ts"), `import { fileStorage } from "typenative/node";
import { mountBridge, streamTransport } from "typenative/bridge";
import { mountGtk, GTK_HOST_MAIN } from "typenative/gtk";
import * as pn from "typenative";
pn.AsyncStorage.configure({ backend: fileStorage("/tmp/x.json") });
export { mountBridge, streamTransport, mountGtk, GTK_HOST_MAIN };
`);
    writeFileSync(join(consumer, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...STRICT, lib: ["ES2022", "DOM", "DOM.Iterable"], types: [] }, files: ["browser.tsx"] }));
    writeFileSync(join(consumer, "tsconfig.node.json"), JSON.stringify({ compilerOptions: { ...STRICT, lib: ["ES2022"], types: ["node"] }, files: ["node.ts"] }));
    const tsc = join(consumer, "node_modules", "typescript", "bin", "tsc");
    time("tsc (browser)", () => run(process.execPath, [tsc, "-p", "tsconfig.json"], consumer));
    time("tsc (node)", () => run(process.execPath, [tsc, "-p", "tsconfig.node.json"], consumer));
  });

  it("bundles with esbuild for production, without dev checks", () => {
    const esbuild = join(consumer, "node_modules", "esbuild", "bin", "esbuild");
    time("esbuild", () =>
      run(esbuild, ["browser.tsx", "--bundle", "--minify", "--format=esm", "--define:process.env.NODE_ENV=\"production\"", "--outfile=out/app.js"], consumer));
    const code = readFileSync(join(consumer, "out", "app.js"), "utf8");
    assert.ok(code.includes("Count: "), "the app is in the bundle");
    // A core dev warning (src/core/hooks.ts) is left out of a production bundle.
    assert.ok(!code.includes("was called after it unmounted"), "no dev warning text in the production bundle");
  });

  it("creates an app whose npm test and npm run build pass", () => {
    const bin = join(consumer, "node_modules", ".bin", "typenative");
    const env = { ...userEnv(), TYPENATIVE_CREATE_DEPENDENCY: `file:${tarball}` };
    const created = spawnSync(bin, ["create", "my-app"], { cwd: work, env, encoding: "utf8" });
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /npm install && npm run dev/);
    const app = join(work, "my-app");
    // The refusals: a non-empty folder, a name npm would not take.
    const again = spawnSync(bin, ["create", "my-app"], { cwd: work, env, encoding: "utf8" });
    assert.equal(again.status, 1);
    assert.match(again.stderr, /is not empty/);
    const badName = spawnSync(bin, ["create", "My App"], { cwd: work, env, encoding: "utf8" });
    assert.equal(badName.status, 1);
    assert.match(badName.stderr, /cannot be a package name/);

    time("app: npm install", () => run(NPM, ["install", "--prefer-offline", "--no-audit", "--no-fund"], app, 180_000));
    const test = time("app: npm test", () => run(NPM, ["test"], app));
    assert.match(test.stdout + test.stderr, /# pass 1/);
    const build = time("app: npm run build", () => run(NPM, ["run", "build"], app));
    assert.match(build.stdout, /dist\/app\.js/);
    const html = readFileSync(join(app, "dist", "index.html"), "utf8");
    assert.match(html, /<script type="module" src="\.\/app\.js"><\/script>/);
    const js = readFileSync(join(app, "dist", "app.js"), "utf8");
    assert.match(js, /sourceMappingURL=app\.js\.map/);
    assert.doesNotMatch(js, /__TYPENATIVE_REFRESH__/);
    assert.ok(existsSync(join(app, "dist", "app.js.map")));
  });
});
