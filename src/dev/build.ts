/**
 * `typenative build`: the production bundle of an app — `NODE_ENV` defined
 * as "production" (the dev checks are left out), minified, with linked
 * source maps, next to an `index.html` and the project's `public/` files.
 *
 * Code splitting is on: what the framework and the app load with `import()`
 * on first use (the alert dialog, the camera, the spring and composition
 * animations, the mutation outbox's queue, the DOM host's rarer features)
 * goes to `chunks/`, and the page downloads it only when it runs. The chunks
 * `app.js` imports statically are named in `index.html` as module preloads,
 * so the browser fetches them in parallel with `app.js` instead of after it.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { findEntry, loadEsbuild, SOURCE_CONDITIONS } from "./project.js";

export interface BuildAppOptions {
  root?: string;
  /** Default: as `typenative dev`. */
  entry?: string;
  /** Default `<root>/dist`. Emptied first. */
  outDir?: string;
  title?: string;
  publicDir?: string;
}

export interface BuiltFile {
  path: string;
  bytes: number;
  gzip: number;
}

/** Builds the app; resolves with the files written (relative to the project). */
export async function buildApp(options: BuildAppOptions = {}): Promise<BuiltFile[]> {
  const esbuild = await loadEsbuild("typenative build");
  const root = resolve(options.root ?? process.cwd());
  const entry = findEntry(root, options.entry);
  const outDir = resolve(root, options.outDir ?? "dist");
  const publicDir = resolve(root, options.publicDir ?? "public");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  if (existsSync(publicDir)) cpSync(publicDir, outDir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { app: entry },
    outdir: outDir,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    absWorkingDir: root,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    sourcemap: "linked",
    conditions: SOURCE_CONDITIONS,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
    metafile: true,
  });
  const metaOutputs = result.metafile.outputs;
  const outputs = Object.keys(metaOutputs).map((path) => resolve(root, path));
  const css = outputs.some((path) => path === join(outDir, "app.css"));
  const appKey = Object.keys(metaOutputs).find((path) => resolve(root, path) === join(outDir, "app.js"));
  const preloads = appKey === undefined ? [] : staticChunks(metaOutputs, appKey).map((path) => `./${relative(outDir, resolve(root, path)).split("\\").join("/")}`);
  const title = options.title ?? packageName(root) ?? "typenative app";
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</title>
${css ? `    <link rel="stylesheet" href="./app.css">\n` : ""}${preloads.map((href) => `    <link rel="modulepreload" href="${href}">\n`).join("")}  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./app.js"></script>
  </body>
</html>
`;
  writeFileSync(join(outDir, "index.html"), html);
  return [...outputs, join(outDir, "index.html")].map((path) => {
    const bytes = readFileSync(path);
    return { path: relative(root, path), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

/** The chunks `entry` imports statically, transitively (not itself, not what `import()` loads). */
function staticChunks(outputs: Record<string, { imports: Array<{ path: string; kind: string }> }>, entry: string): string[] {
  const seen = new Set<string>([entry]);
  const pending = [entry];
  while (pending.length > 0) {
    for (const imported of outputs[pending.pop()!]?.imports ?? []) {
      if (imported.kind !== "import-statement" || seen.has(imported.path)) continue;
      seen.add(imported.path);
      pending.push(imported.path);
    }
  }
  seen.delete(entry);
  return [...seen].sort();
}

function packageName(root: string): string | null {
  try {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name?: unknown };
    return typeof pkg.name === "string" ? pkg.name : null;
  } catch {
    return null;
  }
}
