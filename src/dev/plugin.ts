/**
 * The esbuild plugin behind fast refresh.
 *
 * In the app bundle, every *app module* (a source file of the project, not
 * a package) is loaded with two additions that leave its line numbers
 * alone: a first-line call that tells the refresh runtime which module is
 * running (so the components it defines join families named after it), and
 * a footer that hands the runtime the module's namespace (a self-import)
 * and the namespaces of the packages it imports.
 *
 * A patch bundle re-runs only the changed modules. Their imports of other
 * app modules and of packages resolve to small CommonJS shims that read the
 * live namespaces from the runtime, so the patch shares the page's
 * typenative (one runtime, one reconciler) and the unchanged modules'
 * state; esbuild's interop reads each named import through the shim on use.
 */
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { dirname, extname, isAbsolute, relative, sep } from "node:path";
import type { Plugin, PluginBuild } from "esbuild";

/** The global the dev client defines (see client.ts). */
export const GLOBAL = "__TYPENATIVE_REFRESH__";

const SOURCE = /\.[cm]?[jt]sx?$/;
const LOADERS: Record<string, "ts" | "tsx" | "js" | "jsx"> = { ".ts": "ts", ".mts": "ts", ".cts": "ts", ".tsx": "tsx", ".js": "js", ".mjs": "js", ".cjs": "js", ".jsx": "jsx" };

/** What the plugin learned about one app module while loading it. */
export interface ModuleInfo {
  /** Project-relative path with `/`: the module's id in the page. */
  id: string;
  hash: string;
  /** Bare specifiers it imports (packages): the page registers their namespaces. */
  packages: string[];
}

export interface RefreshPluginOptions {
  root: string;
  /** Directories whose files are never app modules (the typenative package itself). */
  exclude: string[];
  /** The virtual entry's contents (the dev client, then the app's entry). */
  entry: string;
  /** Filled while loading: absolute path → module info, for the app modules of the build. */
  modules: Map<string, ModuleInfo>;
  /** Patch mode: the changed modules (absolute paths), bundled fresh; other app modules and packages come from the page. */
  patch?: { changed: ReadonlySet<string>; live: ReadonlyMap<string, ModuleInfo>; packages: ReadonlySet<string> };
  /** esbuild's `build`, for the quick per-module scan of imports. */
  scan: (source: string, loader: string, path: string) => Promise<string[] | null>;
}

/** True when `path` is an app module: inside the project, outside node_modules and the excluded folders. */
export function isAppModule(path: string, root: string, exclude: readonly string[]): boolean {
  if (!SOURCE.test(path) || path.endsWith(".d.ts")) return false;
  const rel = relative(root, path);
  if (rel.startsWith("..") || isAbsolute(rel)) return false;
  if (rel.split(sep).includes("node_modules")) return false;
  for (const dir of exclude) {
    const inside = relative(dir, path);
    if (!inside.startsWith("..") && !isAbsolute(inside)) return false;
  }
  return true;
}

export function moduleId(path: string, root: string): string {
  return relative(root, path).split(sep).join("/");
}

/** A package import of JavaScript (not a relative path, a URL, or a stylesheet or asset of a package). */
export function isBare(specifier: string): boolean {
  return !specifier.startsWith(".") && !specifier.startsWith("/") && !/^[a-z]+:/i.test(specifier) && !/\.(css|json|svg|png|jpe?g|gif|webp|woff2?|txt)$/i.test(specifier);
}

const scanCache = new Map<string, { source: string; packages: string[] | null }>();

export function refreshPlugin(options: RefreshPluginOptions): Plugin {
  const { root, exclude, modules, patch } = options;
  return {
    name: "typenative-refresh",
    setup(build: PluginBuild) {
      build.onResolve({ filter: /^typenative-dev:entry$/ }, () => ({ path: "entry", namespace: "typenative-dev" }));
      build.onLoad({ filter: /.*/, namespace: "typenative-dev" }, () => ({ contents: options.entry, resolveDir: root, loader: "js" }));
      // The entry's imports (the dev client, the app's entry, patched modules) run for their effects,
      // whatever a package.json's "sideEffects" says about their folder.
      build.onResolve({ filter: /.*/, namespace: "typenative-dev" }, async (args) => {
        if (args.pluginData === "typenative-resolving") return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: "typenative-resolving" });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: resolved.path, sideEffects: true };
      });

      if (patch !== undefined) {
        // Imports made by patched modules: unchanged app modules and known packages are the page's own.
        build.onResolve({ filter: /.*/ }, async (args) => {
          if (args.pluginData === "typenative-resolving" || args.namespace !== "file") return undefined;
          if (!patch.changed.has(args.importer)) return undefined;
          if (isBare(args.path)) {
            if (patch.packages.has(args.path)) return { path: args.path, namespace: "typenative-package" };
            return undefined;
          }
          const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: "typenative-resolving" });
          if (resolved.errors.length > 0) return { errors: resolved.errors };
          if (patch.changed.has(resolved.path)) return { path: resolved.path };
          const live = patch.live.get(resolved.path);
          if (live !== undefined) return { path: live.id, namespace: "typenative-module" };
          return { path: resolved.path };
        });
        build.onLoad({ filter: /.*/, namespace: "typenative-module" }, (args) => ({
          contents: `module.exports = globalThis.${GLOBAL}.live(${JSON.stringify(args.path)});`,
          loader: "js",
        }));
        build.onLoad({ filter: /.*/, namespace: "typenative-package" }, (args) => ({
          contents: `module.exports = globalThis.${GLOBAL}.package(${JSON.stringify(args.path)});`,
          loader: "js",
        }));
      }

      build.onLoad({ filter: SOURCE }, async (args) => {
        if (args.namespace !== "file" || !isAppModule(args.path, root, exclude)) return undefined;
        const source = await readFile(args.path, "utf8");
        const loader = LOADERS[extname(args.path)] ?? "ts";
        const id = moduleId(args.path, root);
        const info: ModuleInfo = { id, hash: createHash("sha1").update(source).digest("hex"), packages: [] };
        modules.set(args.path, info);
        let cached = scanCache.get(args.path);
        if (cached === undefined || cached.source !== source) {
          cached = { source, packages: await options.scan(source, loader, args.path) };
          scanCache.set(args.path, cached);
        }
        // A module that does not parse is left as it is: esbuild reports the error at its real place.
        if (cached.packages === null) return { contents: source, loader };
        info.packages = cached.packages;
        const self = `./${args.path.slice(dirname(args.path).length + 1)}`;
        const deps = info.packages.map((spec, i) => `import * as __tn_package_${i} from ${JSON.stringify(spec)};`).join("\n");
        const depMap = info.packages.map((spec, i) => `${JSON.stringify(spec)}: __tn_package_${i}`).join(", ");
        // The first statement shares line 1 with the source: line numbers (and source maps) stay exact.
        const header = `globalThis.${GLOBAL}?.begin(${JSON.stringify(id)});`;
        const footer = `\n;import * as __tn_self from ${JSON.stringify(self)};\n${deps}\nglobalThis.${GLOBAL}?.end(${JSON.stringify(id)}, __tn_self, { ${depMap} });\n`;
        return { contents: header + source + footer, loader, resolveDir: dirname(args.path) };
      });
    },
  };
}
