/**
 * A production build of a small app: what a bundler keeps of typenative when
 * `process.env.NODE_ENV` is "production" and the package says it has no
 * side effects. No dev warning text, no animation engine, and its size.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");

/** A counter: `Text`, `Button`, a container and one hook, rendered on a minimal host. */
const TEXT_BUTTON_APP = `
import * as pn from "../../src/index.js";

const Counter = pn.component(function Counter({ start }: { start: number }) {
  const [count, setCount] = pn.useState(start);
  return pn.Column(
    pn.Text(\`Count: \${count}\`, { style: { fontSize: 18 } }),
    pn.Button("Add", { onClick: () => setCount((c) => c + 1) }),
    { style: { padding: 16, spacing: 8 } },
  );
});

type Node = { type: string; children: Node[]; text?: string };
const host: pn.HostConfig<Node> = {
  createView: (type) => ({ type, children: [] }),
  createText: (text) => ({ type: "#text", children: [], text }),
  appendInitialChild: (parent, child) => void parent.children.push(child),
  insertBefore: (parent, child) => void parent.children.push(child),
  removeChild: (parent, child) => void parent.children.splice(parent.children.indexOf(child), 1),
  updateProps: () => {},
  setText: (node, text) => void (node.text = text),
};
pn.createRoot(host, { type: "#root", children: [] }).render(Counter({ start: 1 }));
`;

/** The same app fading its column in: it must carry the animation engine. */
const ANIMATED_APP = TEXT_BUTTON_APP.replace(
  "const [count, setCount] = pn.useState(start);",
  "const [count, setCount] = pn.useState(start);\n  const x = pn.useAnimatedValue(0);\n  pn.useEffect(() => void pn.Animated.spring(x, { to: 1 }).start(), []);",
);

async function bundle(source: string, nodeEnv: "production" | "development"): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: here, sourcefile: "app.ts", loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    define: { "process.env.NODE_ENV": JSON.stringify(nodeEnv) },
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (path.endsWith(".ts")) out.push(path);
  }
  return out;
}

/**
 * A distinctive piece of every dev warning in src/: each call of
 * `options.warn(…)` or of a helper named like it (`warnOnce(cause, "…")`)
 * gives the longest run of plain ASCII text in its string and template
 * literals (a minifier may escape other characters, and `${…}` parts vary).
 */
function warningProbes(): Array<{ file: string; probe: string }> {
  const probes: Array<{ file: string; probe: string }> = [];
  for (const file of sourceFiles(join(repo, "src"))) {
    const text = readFileSync(file, "utf8");
    for (const call of text.matchAll(/\b[\w.]*warn\w*\(/gi)) {
      const start = call.index! + call[0].length;
      // Not the sink (`console.warn`), not a definition (`warn(message: string): void {`).
      if (call[0].startsWith("console.")) continue;
      const line = text.slice(text.lastIndexOf("\n", call.index!) + 1, text.indexOf("\n", start));
      if (/\)\s*(?::[^=]*)?\{\s*$/.test(line)) continue;
      const end = text.indexOf(");\n", start);
      const args = text.slice(start, end === -1 ? start + 600 : end);
      let probe = "";
      for (const literal of args.matchAll(/(["'`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
        for (const run of literal[2]!.split(/\$\{[^}]*\}|\\.|[^\x20-\x7e]/)) {
          if (run.trim().length > probe.length) probe = run.trim();
        }
      }
      if (probe.length >= 12) probes.push({ file: relative(repo, file), probe });
    }
  }
  return probes;
}

/** Text of the host-prop checks (they warn through a helper, not a literal `options.warn("…")`). */
const HOST_CHECK_PROBES = ["so it is ignored", "should be a number", "should be one of"];

/** Strings only the animation engine (src/animated) contains. */
const ANIMATED_PROBES = [
  "restDisplacementThreshold",
  "deceleration must be",
  "Easing.bezier(",
  "must be an AnimatedValue",
  "Animated.delay(",
  "must be \"extend\", \"clamp\" or \"identity\"",
];

// Built once, before the tests are named, so the size can be in a test's name.
const [production, development, animated] = await Promise.all([
  bundle(TEXT_BUTTON_APP, "production"),
  bundle(TEXT_BUTTON_APP, "development"),
  bundle(ANIMATED_APP, "production"),
]);
const gzipped = gzipSync(production, { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(`Text+Button app, production: ${kb(production.length)} kB minified, ${kb(gzipped)} kB min+gzip (development build: ${kb(development.length)} kB)`);

describe("a production build (esbuild, NODE_ENV=production, minified)", () => {
  it(`of a Text+Button app is ${kb(gzipped)} kB min+gzip`, () => {
    // A generous ceiling that still fails if the data layer or Animated come back (about 17 kB before tree-shaking).
    assert.ok(gzipped < 14 * 1024, `${gzipped} bytes`);
  });

  it("carries no dev warning text", () => {
    const probes = [...warningProbes(), ...HOST_CHECK_PROBES.map((probe) => ({ file: "src/core/host-prop-checks.ts", probe }))];
    assert.ok(probes.length >= 5, `found only ${probes.length} warning sites`);
    const found = probes.filter(({ probe }) => production.includes(probe));
    assert.deepEqual(found, [], "warning text left in the production bundle: wrap the warning in `if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== \"production\") { … }` (an early `return` instead keeps the helpers it skips)");
    // The probes do find warnings where they belong: the development build keeps those of the code the app uses.
    const inDevelopment = probes.filter(({ probe }) => development.includes(probe));
    assert.ok(inDevelopment.length >= 3, `the development build has only ${inDevelopment.length} of the warnings: ${JSON.stringify(inDevelopment)}`);
  });

  it("carries no Animated code", () => {
    assert.deepEqual(ANIMATED_PROBES.filter((probe) => production.includes(probe)), []);
    assert.deepEqual(ANIMATED_PROBES.filter((probe) => development.includes(probe)), []);
    // ...while an app that animates does carry it.
    assert.ok(ANIMATED_PROBES.filter((probe) => animated.includes(probe)).length >= 3);
  });

  it("carries neither the data layer nor the platform modules it does not use", () => {
    for (const probe of ["QueryClient", "AsyncStorage", "useMutation", "raiseForStatus", "Alert.choose"]) {
      assert.equal(production.includes(probe), false, probe);
    }
  });
});
