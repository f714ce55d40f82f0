/**
 * What the minimal app of the size bench (a counter on `mount`) downloads
 * before it runs, built the way the size bench builds it (`splitBuild`:
 * esbuild, code splitting, NODE_ENV=production): one chunk, without the
 * code it loads on first use and without the development explanations of
 * its error messages. Structural, not a byte count, so it pins how the
 * first load is kept small rather than a size that moves with every change.
 */
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO as repo, splitBuild } from "../../bench/browser/site.js";
import { productionError } from "../helpers/error-codes.js";

const work = mkdtempSync(join(tmpdir(), "typenative-first-load-"));
after(() => rmSync(work, { recursive: true, force: true }));

const MINIMAL_APP = `
import * as pn from ${JSON.stringify(join(repo, "src", "index.ts"))};
import { mount } from ${JSON.stringify(join(repo, "src", "hosts", "web", "index.ts"))};
const Counter = pn.component(function Counter() {
  const [count, setCount] = pn.useState(0);
  return pn.Column(pn.Text(\`Count: \${count}\`), pn.Button("Add", { onClick: () => setCount((c) => c + 1) }));
});
mount(Counter(), document.getElementById("root")!);
`;

/** The error boundary's element type, which only `ErrorBoundary` installs (with the search for a boundary an error goes to). */
const BOUNDARY_PROBES = ["typenative.errorBoundary"];
/**
 * Text only the code loaded on first use contains: the alert dialog, the file camera, the localStorage backend,
 * and `onScroll`'s listener (the event's `viewportHeight`), which lives in scroll-watch.ts.
 */
const LAZY_PROBES = ["tn-alert-backdrop", "typenative-camera-input", "localStorageBackend.set: value must be a string", "viewportHeight"];
/**
 * `setDefaultBackend`'s checks of a backend an app brings and `localStorageBackend`'s check of its options, which
 * `mount()` does not need for its own, and the ErrorBoundary's rendering and catching (src/core/boundary.ts), which
 * only `ErrorBoundary` installs.
 */
const UNUSED_PROBES = ["backend must be an object with get, set, remove, keys and clear", "prefix must be a string", "ErrorBoundary.onError", ...BOUNDARY_PROBES];
/** The development explanations of errors the first load can throw; production keeps their first words. */
const DEV_MESSAGE_PROBES = [
  "keeps scheduling renders",
  "Rendered fewer hooks than during the previous render",
  "did you mean to call a component factory",
  "wrap data in pn.Text",
  "e.g. App() or pn.h(App, props)",
  "must be a function (props) => child",
  "props must be a plain object",
  "text must be a string or number",
  "a props object must come first or last",
  "(expected one of",
  "already holds a typenative app",
  "can only be called while a component renders",
  "hooks must not be called conditionally",
  "found another hook's slot",
  "ms must be a number of milliseconds",
  "fn must be a function",
  "services belong to another app",
  "numbers must be finite",
];

/**
 * The DOM host's features a counter never uses, imported on first use
 * (src/hosts/web/lazy.ts), all in the chunk of features.ts (one `import()`
 * site); press, pull-to-refresh and modal Escape also set their views' flags
 * themselves, so nothing of them is needed before. And the history's
 * implementation (keyed-history.ts), imported with the first push or
 * subscription of a navigation container with `linking`. Each entry: the
 * module `import()` loads, and the modules its chunk gathers.
 */
const FEATURE_CHUNKS: Record<string, string[]> = {
  features: ["press", "pull-to-refresh", "modal-focus", "scroll-watch", "image", "nearest"],
  "keyed-history": [],
};
const web = (name: string) => `src/hosts/web/${name}.ts`;
const FEATURE_MODULES = Object.entries(FEATURE_CHUNKS).flatMap(([entry, gathered]) => [entry, ...gathered].map(web));

/** The same counter inside an ErrorBoundary: it must carry the boundary. */
const BOUNDARY_APP = MINIMAL_APP.replace("mount(Counter()", "mount(pn.ErrorBoundary({ fallback: pn.Text(\"failed\") }, Counter())");

/**
 * Modules a counter uses none of, each installed by the code that needs it,
 * with a variant of the counter that uses it (and so must carry it): the
 * effect machinery, installed by the effect hooks (src/core/effect-runner.ts),
 * the animated-style walk, installed by the first animated node
 * (src/core/animated-support.ts), and the providers' rendering, installed by
 * `createContext` (src/core/context-support.ts).
 */
const INSTALLED_MODULES = [
  {
    module: "src/core/effects.ts",
    app: MINIMAL_APP.replace("const [count, setCount] = pn.useState(0);", "const [count, setCount] = pn.useState(0);\n  pn.useEffect(() => { document.title = String(count); }, [count]);"),
  },
  {
    module: "src/core/animated-style.ts",
    app: MINIMAL_APP.replace("pn.Text(`Count: ${count}`)", "pn.Text(`Count: ${count}`, { style: { opacity: new pn.AnimatedValue(1) } })"),
  },
  {
    module: "src/core/context.ts",
    app: MINIMAL_APP.replace("mount(Counter()", "const Theme = pn.createContext(\"light\");\nmount(Theme.Provider({ value: \"dark\" }, Counter())"),
  },  // The Task class: the DOM host's event dispatch follows a handler's
  // promise without one (src/runtime/follow.ts); an app that starts a task
  // carries it.
  {
    module: "src/runtime/task.ts",
    app: MINIMAL_APP.replace("onClick: () => setCount((c) => c + 1)", "onClick: () => pn.runAsync(async () => setCount((c) => c + 1))"),
  },
];
const UNUSED_MODULES = INSTALLED_MODULES.map(({ module }) => module);

writeFileSync(join(work, "app.ts"), MINIMAL_APP);
writeFileSync(join(work, "boundary-app.ts"), BOUNDARY_APP);
INSTALLED_MODULES.forEach(({ app }, i) => writeFileSync(join(work, `uses-${i}.ts`), app));
const [{ files, outputs }, boundary, ...users] = await Promise.all([
  splitBuild(join(work, "app.ts"), join(work, "out")),
  splitBuild(join(work, "boundary-app.ts"), join(work, "boundary-out")),
  ...INSTALLED_MODULES.map((_, i) => splitBuild(join(work, `uses-${i}.ts`), join(work, `uses-${i}-out`))),
]);

/** The source modules with code in a build's first load (esbuild's metafile), as repository paths. */
function firstLoadModules(build: Awaited<ReturnType<typeof splitBuild>>): Set<string> {
  const modules = new Set<string>();
  for (const file of build.files) {
    if (!file.firstLoad) continue;
    for (const [input, { bytesInOutput }] of Object.entries(build.outputs[file.path]!.inputs)) if (bytesInOutput > 0) modules.add(input);
  }
  return modules;
}

/** The text of every source file, where each probe must be found (else it probes nothing). */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (path.endsWith(".ts")) out.push(readFileSync(path, "utf8"));
  }
  return out;
}

describe("the minimal app's first load (production, split)", () => {
  it("probes text that exists in src", () => {
    const all = sources(join(repo, "src")).join("\n");
    assert.deepEqual([...UNUSED_PROBES, ...DEV_MESSAGE_PROBES].filter((probe) => !all.includes(probe)), []);
  });

  it("is one chunk: no module is shared with a lazily loaded chunk", () => {
    const first = files.filter((file) => file.firstLoad).map((file) => file.path);
    assert.equal(first.length, 1, `first load: ${first.join(", ")}`);
  });

  it("does not carry what it loads on first use", () => {
    const text = files.find((file) => file.firstLoad)!.text;
    assert.deepEqual(LAZY_PROBES.filter((probe) => text.includes(probe)), []);
    // ...which is in the other chunks, so the probes do find it where it is.
    const rest = files.filter((file) => !file.firstLoad).map((file) => file.text).join("\n");
    assert.deepEqual(LAZY_PROBES.filter((probe) => !rest.includes(probe)), []);
  });

  it("does not carry the storage backend checks, the error boundary or the development error explanations", () => {
    const text = files.find((file) => file.firstLoad)!.text;
    assert.deepEqual([...UNUSED_PROBES, ...DEV_MESSAGE_PROBES].filter((probe) => text.includes(probe)), []);
  });

  it("does not carry the modules only other features install", () => {
    const modules = firstLoadModules({ files, outputs });
    // The paths name real modules, and the counter's own modules are listed (else this checks nothing).
    assert.ok(modules.has("src/core/reconcile.ts"), [...modules].join(", "));
    assert.deepEqual(UNUSED_MODULES.filter((module) => !existsSync(join(repo, module))), []);
    assert.deepEqual(UNUSED_MODULES.filter((module) => modules.has(module)), []);
  });

  it("carries each of those modules when the app uses what installs it", () => {
    INSTALLED_MODULES.forEach(({ module, app }, i) => {
      assert.notEqual(app, MINIMAL_APP, `the variant using ${module} differs from the counter`);
      assert.ok(firstLoadModules(users[i]!).has(module), module);
    });
  });

  it("does not carry the DOM host's feature modules or the history's implementation, whose chunks import nothing", () => {
    const first = Object.keys(outputs).filter((output) => files.some((file) => file.firstLoad && file.path === output));
    assert.equal(first.length, 1, "the first load's chunk is found in the metafile");
    const inFirst = first.flatMap((output) => Object.keys(outputs[output]!.inputs));
    assert.ok(inFirst.includes("src/hosts/web/dom-host.ts"));
    assert.deepEqual(FEATURE_MODULES.filter((module) => inFirst.includes(module)), []);
    for (const [entry, gathered] of Object.entries(FEATURE_CHUNKS)) {
      const chunk = Object.keys(outputs).find((output) => outputs[output]!.entryPoint === web(entry));
      assert.ok(chunk !== undefined, `no chunk for ${entry}`);
      assert.deepEqual(outputs[chunk]!.imports, [], `${entry} must import types only: what it needs of the host is passed in (FeatureContext in flags.ts)`);
      const inChunk = Object.keys(outputs[chunk]!.inputs);
      assert.deepEqual(gathered.map(web).filter((module) => !inChunk.includes(module)), [], `${entry}'s chunk gathers its features`);
    }
  });

  it("has the alert dialog's chunk reach the back button's code by loading the features' chunk, not a chunk of its own", () => {
    const chunkOf = (entry: string): string | undefined => Object.keys(outputs).find((output) => outputs[output]!.entryPoint === web(entry));
    const dialog = chunkOf("dialog");
    const features = chunkOf("features");
    assert.ok(dialog !== undefined && features !== undefined, "the dialog's and the features' chunks are found in the metafile");
    assert.deepEqual(
      outputs[dialog]!.imports.map(({ path, kind }) => ({ path, kind })),
      [{ path: features, kind: "dynamic-import" }],
    );
    assert.equal(Object.keys(outputs[dialog]!.inputs).includes(web("modal-focus")), false);
  });

  it("carries the error boundary when the app uses ErrorBoundary", () => {
    const text = boundary.files.filter((file) => file.firstLoad).map((file) => file.text).join("\n");
    assert.ok(text.includes("ErrorBoundary.onError"));
    assert.deepEqual(BOUNDARY_PROBES.filter((probe) => !text.includes(probe)), []);
  });
});

/**
 * `pn.lazy` (src/core/lazy.ts): a counter that does not use it does not
 * carry it; an app whose screen is lazy carries it, and the screen's module
 * is in a chunk of its own that only `import()` loads.
 */
const LAZY_SCREEN = `
import * as pn from ${JSON.stringify(join(repo, "src", "index.ts"))};
export const Settings = pn.component(function Settings() {
  return pn.Text("a screen loaded on first render: lazy-screen-probe");
});
`;
const LAZY_APP = `
import * as pn from ${JSON.stringify(join(repo, "src", "index.ts"))};
import { mount } from ${JSON.stringify(join(repo, "src", "hosts", "web", "index.ts"))};
const Settings = pn.lazy(() => import("./lazy-screen.js").then((m) => m.Settings), { fallback: pn.Text("loading") });
const App = pn.component(function App() {
  const [open, setOpen] = pn.useState(false);
  return pn.Column(pn.Button("Settings", { onClick: () => setOpen(true) }), open ? Settings() : null);
});
mount(App(), document.getElementById("root")!);
`;

describe("pn.lazy in a production build", () => {
  it("is not in the counter's first load, and is in an app that uses it; the lazy screen's module is not in that app's first load", async () => {
    assert.ok(existsSync(join(repo, "src/core/lazy.ts")));
    assert.equal(firstLoadModules({ files, outputs }).has("src/core/lazy.ts"), false);
    writeFileSync(join(work, "lazy-screen.ts"), LAZY_SCREEN);
    writeFileSync(join(work, "lazy-app.ts"), LAZY_APP);
    const build = await splitBuild(join(work, "lazy-app.ts"), join(work, "lazy-out"));
    const first = firstLoadModules(build);
    assert.ok(first.has("src/core/lazy.ts"), [...first].join(", "));
    assert.equal([...first].some((module) => module.endsWith("lazy-screen.ts")), false);
    const firstText = build.files.filter((file) => file.firstLoad).map((file) => file.text).join("\n");
    assert.equal(firstText.includes("lazy-screen-probe"), false);
    // lazy()'s explanations are development-only; production keeps the numbered message.
    assert.ok(readFileSync(join(repo, "src/core/lazy.ts"), "utf8").includes("module whose default export is one"));
    assert.equal(firstText.includes("module whose default export is one"), false);
    assert.ok(firstText.includes(productionError("src/core/lazy.ts", "lazy load gave no component")));
    // The screen is in a chunk the page can load (through import()), so the probe finds it where it is.
    const later = build.files.filter((file) => file.reachable && !file.firstLoad);
    assert.ok(later.some((file) => file.text.includes("lazy-screen-probe")));
  });
});
