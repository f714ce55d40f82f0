/**
 * The builds behind `typenative dev`: an incremental esbuild context for the
 * app (with the dev client in front of it), rebuilt when a file it read
 * changes. Each good build is compared with the one the pages run, and the
 * pages are told (through `broadcast`; the server streams it to them):
 *
 * - `update`: only component modules changed — a patch bundle of just those
 *   modules, which the client runs and swaps in (state kept when the hooks
 *   are the same, remount otherwise; see src/core/refresh.ts);
 * - `reload`: anything else changed (a helper, a package, the framework);
 * - `build-error`: the build failed — the page shows the errors over the app
 *   until a build succeeds;
 * - `ok`: a build succeeded after a failed one and changed no module.
 *
 * The HTTP side (src/dev/server.ts) only reads what is built: the bundle,
 * the errors, the patches.
 */
import { watch, type FSWatcher } from "node:fs";
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildContext, BuildOptions, BuildResult, Metafile } from "esbuild";
import { isBare, refreshPlugin, type ModuleInfo } from "./plugin.js";
import type { StackMapper } from "./stack.js";
import { buildErrors, type BuildErrorInfo } from "./build-errors.js";
import { PACKAGE_ROOT, SOURCE_CONDITIONS, type Esbuild } from "./project.js";

const here = dirname(fileURLToPath(import.meta.url));
/** The dev client, next to this file (`.ts` when running from the repo's sources). */
const CLIENT = join(here, `client${extname(fileURLToPath(import.meta.url))}`);

/** The app as the page loads it: `/app.js`, its source map, `/app.css` (null when the app imports no CSS). */
export interface Bundle {
  js: string;
  map: string;
  css: string | null;
}

/** What the pages are told after a build (sent as server-sent events by src/dev/server.ts). */
export type DevMessage =
  | { type: "build-error"; errors: BuildErrorInfo[] }
  | { type: "reload"; reason: string }
  | { type: "update"; modules: string[]; url: string }
  | { type: "ok" };

/** What {@link startRebuilder} builds, and where its results and messages go. */
export interface RebuilderOptions {
  esbuild: Esbuild;
  /** The project folder, absolute. */
  root: string;
  /** The app's browser entry, absolute. */
  entry: string;
  /** Given the source map of every bundle and patch built, so runtime stacks map to the sources. */
  mapper: StackMapper;
  log: (line: string) => void;
  /** Called with each message for the pages, in the order the builds finish. */
  broadcast: (message: DevMessage) => void;
}

/** The builds of one dev server: what the last one produced, and their lifetime. */
export interface Rebuilder {
  /** The bundle of the last good build; null while no build has succeeded. */
  readonly bundle: Bundle | null;
  /** The errors of the last build; null when it succeeded. */
  readonly errors: BuildErrorInfo[] | null;
  /** The patch bundle served at `url` (`/__typenative/patch-<n>.js`): its code and source map. */
  patch(url: string): { js: string; map: string } | undefined;
  /** Resolves when every file change seen so far has been built and sent to the pages. */
  idle(): Promise<void>;
  /** Stops watching: no build starts after this (the one in flight, if any, finishes). */
  stop(): void;
  /** Stops, waits for the build in flight and disposes the context. */
  close(): Promise<void>;
}

/** Creates the build context and runs the first build; resolves when it is done (failed or not), watching its inputs. */
export async function startRebuilder(options: RebuilderOptions): Promise<Rebuilder> {
  const { esbuild, root, entry, mapper, log, broadcast } = options;
  const exclude = [join(PACKAGE_ROOT, "src"), join(PACKAGE_ROOT, "dist")];

  const scan = async (source: string, loader: string, path: string): Promise<string[] | null> => {
    try {
      const result = await esbuild.build({
        stdin: { contents: source, loader: loader as "ts", sourcefile: path, resolveDir: dirname(path) },
        bundle: false, write: false, metafile: true, format: "esm", platform: "browser", logLevel: "silent",
      });
      // Without bundling, the imports are listed on the output (all external).
      const imports = Object.values(result.metafile!.outputs).flatMap((output) => output.imports);
      const specs = new Set<string>();
      for (const imp of imports) {
        const spec = imp.path;
        if ((imp.kind === "import-statement" || imp.kind === "dynamic-import") && isBare(spec)) specs.add(spec);
      }
      return [...specs];
    } catch {
      return null;
    }
  };

  const common: BuildOptions = {
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    sourcemap: "linked",
    // Component names show in error reports, component stacks and the refresh log.
    keepNames: true,
    logLevel: "silent",
    metafile: true,
    absWorkingDir: root,
    conditions: SOURCE_CONDITIONS,
    define: { "process.env.NODE_ENV": '"development"' },
  };

  // The modules the next main build loads (the plugin fills it) and those the pages run.
  let loading = new Map<string, ModuleInfo>();
  const mainPlugin = refreshPlugin({
    root, exclude, scan, modules: loading,
    entry: `import ${JSON.stringify(CLIENT)};\nimport ${JSON.stringify(entry)};\n`,
  });
  const ctx: BuildContext = await esbuild.context({
    ...common,
    entryPoints: { app: "typenative-dev:entry" },
    outdir: root,
    plugins: [mainPlugin],
  });

  let served: Bundle | null = null;
  let failing: BuildErrorInfo[] | null = null;
  let delivered = new Map<string, ModuleInfo>();
  let inputHashes = new Map<string, string>();
  const patches = new Map<string, { js: string; map: string }>();
  let patchCount = 0;
  /**
   * Module path → the patch whose code for it the pages run, and per patch
   * the number of modules it is still that patch for. A patch all of whose
   * modules were patched again runs nowhere any more: it is dropped, so a
   * long session's edits do not pile up in memory.
   */
  const runningPatch = new Map<string, string>();
  const runningModules = new Map<string, number>();
  const watchers = new Map<string, FSWatcher>();
  let inputs = new Set<string>();
  let closed = false;

  /** Builds, compares with what the pages run, and tells them. Serialized by `schedule`. */
  async function buildAndDeliver(first: boolean): Promise<void> {
    loading.clear();
    let result: BuildResult;
    try {
      result = await ctx.rebuild();
    } catch (error) {
      failing = buildErrors(error, root);
      for (const e of failing) log(`  build error: ${e.file ?? "?"}:${e.line ?? "?"}:${e.column ?? "?"}: ${e.text}`);
      watchInputs(new Set([...inputs, ...loading.keys()]));
      broadcast({ type: "build-error", errors: failing });
      return;
    }
    const wasFailing = failing !== null;
    failing = null;
    const bundle = outputOf(result);
    const metafile = result.metafile!;
    const files = inputFiles(metafile, root);
    const hashes = await hashFiles(files.filter((file) => !loading.has(file)));
    const modules = new Map(loading);
    served = bundle;
    mapper.add("/app.js", bundle.map, root);
    watchInputs(new Set(files));
    if (first) {
      delivered = modules;
      inputHashes = hashes;
      return;
    }
    const reason = reloadReason(modules, hashes);
    if (reason !== null) {
      log(`  ${reason}: reloading the page`);
      broadcast({ type: "reload", reason });
    } else {
      const changed = [...modules].filter(([path, info]) => delivered.get(path)?.hash !== info.hash).map(([path]) => path);
      if (changed.length === 0) {
        if (wasFailing) broadcast({ type: "ok" });
      } else {
        const known = new Set([...delivered.values()].flatMap((info) => info.packages));
        const unknown = changed.flatMap((path) => modules.get(path)!.packages).find((spec) => !known.has(spec));
        if (unknown !== undefined) {
          log(`  new package ${unknown}: reloading the page`);
          broadcast({ type: "reload", reason: `new package ${unknown}` });
        } else {
          try {
            const url = await buildPatch(changed, known);
            const ids = changed.map((path) => modules.get(path)!.id);
            log(`  update: ${ids.join(", ")}`);
            broadcast({ type: "update", modules: ids, url });
          } catch (error) {
            log(`  patch failed (${error instanceof Error ? error.message : String(error)}): reloading the page`);
            broadcast({ type: "reload", reason: "patch failed" });
          }
        }
      }
    }
    delivered = modules;
    inputHashes = hashes;
  }

  /** Why the pages must reload rather than take a patch, or null. */
  function reloadReason(modules: Map<string, ModuleInfo>, hashes: Map<string, string>): string | null {
    for (const [file, hash] of hashes) {
      const before = inputHashes.get(file);
      if (before !== hash) return `${relative(root, file)} ${before === undefined ? "added" : "changed"} (not an app module)`;
    }
    for (const path of delivered.keys()) if (!modules.has(path)) return `${relative(root, path)} is no longer imported`;
    return null;
  }

  async function buildPatch(changed: string[], packages: Set<string>): Promise<string> {
    const n = ++patchCount;
    const changedSet = new Set(changed);
    const live = new Map([...delivered].filter(([path]) => !changedSet.has(path)));
    const result = await esbuild.build({
      ...common,
      entryPoints: { [`patch-${n}`]: "typenative-dev:entry" },
      outdir: join(root, "__typenative"),
      plugins: [
        refreshPlugin({
          root, exclude, scan, modules: new Map(),
          entry: changed.map((path) => `import ${JSON.stringify(path)};`).join("\n"),
          patch: { changed: changedSet, live, packages },
        }),
      ],
    });
    const output = outputOf(result);
    const url = `/__typenative/patch-${n}.js`;
    patches.set(url, { js: output.js, map: output.map });
    mapper.add(url, output.map, join(root, "__typenative"));
    runningModules.set(url, changed.length);
    for (const path of changed) {
      const previous = runningPatch.get(path);
      runningPatch.set(path, url);
      if (previous === undefined) continue;
      const left = runningModules.get(previous)! - 1;
      runningModules.set(previous, left);
      if (left === 0) {
        runningModules.delete(previous);
        patches.delete(previous);
        mapper.forget(previous);
      }
    }
    return url;
  }

  // Builds run one at a time; changes during a build queue one more.
  let chain: Promise<void> = Promise.resolve();
  let queued = false;
  let timer: NodeJS.Timeout | null = null;
  function schedule(): void {
    if (closed) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (queued) return;
      queued = true;
      chain = chain.then(() => {
        queued = false;
        return closed ? undefined : buildAndDeliver(false);
      }).catch((error: unknown) => log(`  dev server: ${error instanceof Error ? error.stack : String(error)}`));
    }, 30);
  }

  function watchInputs(next: Set<string>): void {
    inputs = next;
    const dirs = new Set<string>();
    for (const file of next) dirs.add(dirname(file));
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, (_event, name) => {
          if (name === null) return schedule();
          const file = join(dir, name.toString());
          if (inputs.has(file) || /\.[cm]?[jt]sx?$|\.css$/.test(file)) schedule();
        });
        watcher.on("error", () => {});
        watchers.set(dir, watcher);
      } catch {
        // A folder that vanished: its files' next build will say so.
      }
    }
  }

  function stop(): void {
    closed = true;
    if (timer !== null) clearTimeout(timer);
    for (const watcher of watchers.values()) watcher.close();
  }

  chain = buildAndDeliver(true);
  try {
    await chain;
  } catch (error) {
    // Not a build error (those are shown to the pages): a failure of ours.
    // The context's esbuild service would otherwise keep the process alive.
    stop();
    await ctx.dispose();
    throw error;
  }

  return {
    get bundle() {
      return served;
    },
    get errors() {
      return failing;
    },
    patch(url) {
      return patches.get(url);
    },
    async idle() {
      // A change seen just now is still in its debounce: let it start first.
      while (timer !== null || queued) await new Promise((r) => setTimeout(r, 10));
      await chain;
    },
    stop,
    async close() {
      stop();
      await chain.catch(() => {});
      await ctx.dispose();
    },
  };
}

/** The app's bundle from a build's output files. */
function outputOf(result: BuildResult): Bundle {
  let js = "";
  let map = "";
  let css: string | null = null;
  for (const file of result.outputFiles ?? []) {
    if (file.path.endsWith(".js")) js = file.text;
    else if (file.path.endsWith(".js.map")) map = file.text;
    else if (file.path.endsWith(".css")) css = file.text;
  }
  return { js, map, css };
}

/** The real files a build read (esbuild's metafile paths are relative to the working directory). */
function inputFiles(metafile: Metafile, root: string): string[] {
  const files: string[] = [];
  for (const key of Object.keys(metafile.inputs)) {
    if (/^[a-z-]+:/.test(key) && !/^[a-zA-Z]:[\\/]/.test(key)) continue;
    const file = resolve(root, key);
    if (file.split(sep).includes("node_modules")) continue;
    files.push(file);
  }
  return files;
}

/** Each file's content hash ("missing" when it cannot be read), to tell which non-module inputs changed between builds. */
async function hashFiles(files: string[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  await Promise.all(
    files.map(async (file) => {
      try {
        hashes.set(file, createHash("sha1").update(await readFile(file)).digest("hex"));
      } catch {
        hashes.set(file, "missing");
      }
    }),
  );
  return hashes;
}
