/**
 * Builds the benchmark pages (production bundles: esbuild, minified,
 * `NODE_ENV=production`) and serves them on 127.0.0.1, one HTML page per
 * bundle: `/<name>.html` loads `/<name>.js` into a page holding `#main`.
 */
import { build, type Metafile } from "esbuild";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = join(HERE, "..", "..");

/** The table implementations, vanilla first (the ratios' denominator). */
export const TABLE_IMPLS = ["vanilla", "typenative", "preact", "react"] as const;
export type TableImpl = (typeof TABLE_IMPLS)[number];
export const QUERY_IMPLS = ["typenative", "react"] as const;

export interface BuildOptions {
  /** Minify (default true). */
  minify?: boolean;
}

/** A production bundle of `entry` (a path, or source text resolved from bench/browser). */
export async function bundleProduction(entry: { path: string } | { source: string }, options: BuildOptions = {}): Promise<string> {
  const result = await build({
    ...("path" in entry ? { entryPoints: [entry.path] } : { stdin: { contents: entry.source, resolveDir: HERE, sourcefile: "entry.ts", loader: "ts" } }),
    absWorkingDir: REPO,
    bundle: true,
    minify: options.minify ?? true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    // `typenative` imports (the example app) resolve to the TypeScript sources.
    conditions: ["typenative-source"],
    define: { "process.env.NODE_ENV": '"production"' },
  });
  return result.outputFiles[0]!.text;
}

/** Every page the browser benchmark opens, by name. */
export async function buildPages(options: BuildOptions = {}): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  await Promise.all([
    ...TABLE_IMPLS.map(async (impl) => {
      pages.set(`table-${impl}`, await bundleProduction({ source: `import { installHarness } from "./page-harness.ts";\nimport { start } from "./apps/${impl}.ts";\ninstallHarness();\nstart();\n` }, options));
    }),
    ...QUERY_IMPLS.map(async (impl) => {
      pages.set(`query-${impl}`, await bundleProduction({ path: join(HERE, "apps", `query-${impl}.ts`) }, options));
    }),
  ]);
  return pages;
}

export interface Site {
  url(page: string): string;
  close(): Promise<void>;
}

export async function serve(pages: Map<string, string>): Promise<Site> {
  const html = (name: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title></head><body><div id="main"></div><script type="module" src="/${name}.js"></script></body></html>`;
  const server = createServer((req, res) => {
    const match = /^\/([\w-]+)\.(html|js)(\?.*)?$/.exec(req.url ?? "");
    const script = match === null ? undefined : pages.get(match[1]!);
    if (match === null || script === undefined) {
      res.writeHead(404).end();
    } else if (match[2] === "html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html(match[1]!));
    } else {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (page) => `http://127.0.0.1:${port}/${page}.html`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * One output of {@link splitBuild}: its path relative to the repository, its
 * text, whether the page loads it first, and whether the page can load it
 * at all (esbuild also writes the chunk of an `import()` that tree shaking
 * removed; nothing ever loads that one).
 */
export interface SplitOutput {
  path: string;
  text: string;
  firstLoad: boolean;
  reachable: boolean;
}

/**
 * Builds `entryPath` for production the way the size table measures it
 * (esbuild, minified, code splitting, `NODE_ENV=production`) without
 * writing, and marks the *first load*: the entry chunk and every chunk it
 * imports statically, transitively — not what `import()` loads on first use —
 * and the *reachable* chunks: those plus what the surviving `import()`s
 * load, transitively. Also returns esbuild's metafile outputs, keyed by the
 * same relative paths.
 */
export async function splitBuild(entryPath: string, outdir = join(REPO, "bench", "browser", "out")): Promise<{ files: SplitOutput[]; outputs: Metafile["outputs"] }> {
  const result = await build({
    entryPoints: [entryPath],
    absWorkingDir: REPO,
    bundle: true,
    splitting: true,
    outdir,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    metafile: true,
    conditions: ["typenative-source"],
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const outputs = result.metafile.outputs;
  const key = (path: string) => relative(REPO, path).split(sep).join("/");
  const main = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === key(entryPath));
  if (main === undefined) throw new Error(`splitBuild: no output for ${key(entryPath)}`);
  const walk = (follow: (kind: string) => boolean): Set<string> => {
    const seen = new Set<string>();
    const pending = [main];
    while (pending.length > 0) {
      const name = pending.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      for (const imported of outputs[name]!.imports) if (follow(imported.kind)) pending.push(imported.path);
    }
    return seen;
  };
  const first = walk((kind) => kind === "import-statement");
  const reachable = walk((kind) => kind === "import-statement" || kind === "dynamic-import");
  const files = result.outputFiles.map((file) => ({
    path: key(file.path),
    text: file.text,
    firstLoad: first.has(key(file.path)),
    reachable: reachable.has(key(file.path)),
  }));
  return { files, outputs };
}

/**
 * Sizes of a production bundle, in bytes: minified and min+gzip (level 9) of
 * what a page loads before it runs (the first load of {@link splitBuild})
 * and of every chunk. What the framework loads with `import()` on first use
 * (the alert dialog, the file camera, the DOM host's rarer features) lands
 * in later chunks; code those share with the entry is in chunks the entry
 * imports, so it counts in the first load. "Every chunk" is every chunk the
 * page can load: a chunk esbuild wrote for an `import()` that tree shaking
 * removed is not counted.
 */
export async function bundleSize(entry: { path: string }): Promise<{ min: number; gzip: number; allMin: number; allGzip: number }> {
  const { files } = await splitBuild(entry.path);
  const sizes = { min: 0, gzip: 0, allMin: 0, allGzip: 0 };
  for (const file of files) {
    if (!file.reachable) continue;
    const min = Buffer.byteLength(file.text);
    const gzip = gzipSync(file.text, { level: 9 }).length;
    sizes.allMin += min;
    sizes.allGzip += gzip;
    if (file.firstLoad) {
      sizes.min += min;
      sizes.gzip += gzip;
    }
  }
  return sizes;
}
