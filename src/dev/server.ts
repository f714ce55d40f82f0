/**
 * `typenative dev`: a development server with fast refresh.
 *
 * One `node:http` server on 127.0.0.1 serves a page, the app bundled by an
 * incremental esbuild context (with the dev client in front of it), the
 * project's `public/` files, and a stream of events (`/__typenative/events`,
 * server-sent events). When a source file changes the context rebuilds; the
 * server compares the app modules with the build the pages run and sends:
 *
 * - `update`: only component modules changed — a patch bundle of just those
 *   modules, which the client runs and swaps in (state kept when the hooks
 *   are the same, remount otherwise; see src/core/refresh.ts);
 * - `reload`: anything else changed (a helper, a package, the framework);
 * - `build-error`: the build failed — the page shows the errors over the app
 *   (`file:line:column`, with the source line) until a build succeeds.
 *
 * Runtime errors reach the page's error overlay (typenative/web); the client
 * asks `/__typenative/stack` to map their stacks to the sources.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { watch, type FSWatcher, existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createHash, randomUUID } from "node:crypto";
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildContext, BuildOptions, BuildResult, Message, Metafile } from "esbuild";
import { isBare, refreshPlugin, type ModuleInfo } from "./plugin.js";
import { StackMapper } from "./stack.js";
import { isAllowedHost, refuse, requestTarget } from "./request-guard.js";
import { findEntry, loadEsbuild, PACKAGE_ROOT, SOURCE_CONDITIONS } from "./project.js";

export interface DevServerOptions {
  /** The project folder. Default: the current directory. */
  root?: string;
  /** The browser entry, relative to `root`. Default: `src/main.ts` (or `.tsx`, or `src/index.ts`). */
  entry?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 5173; 0 picks a free port. */
  port?: number;
  /** The page's `<title>`. Default: the project's package name. */
  title?: string;
  /** Markup inside `<div id="root">` until the app mounts. */
  placeholder?: string;
  /** Extra stylesheets: URL path (`/app.css`) → file. Linked from the page. */
  stylesheets?: Record<string, string>;
  /** Static files served as they are. Default: `<root>/public`. */
  publicDir?: string;
  /** Answers a request before the dev server does (an API); returns true when it did. */
  handle?: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** Filled with the printed `host:port` once listening (for handlers that check `Host` too). */
  origins?: Set<string>;
  /** Where progress lines go. Default: console.log. */
  log?: (line: string) => void;
}

export interface DevServer {
  readonly url: string;
  /** Resolves when every file change seen so far has been built and sent to the pages. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** One build error as the page shows it. */
export interface BuildErrorInfo {
  text: string;
  file: string | null;
  line: number | null;
  column: number | null;
  lineText: string | null;
}

const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".map": "application/json", ".svg": "image/svg+xml",
  ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp", ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8", ".woff2": "font/woff2", ".woff": "font/woff",
};

const here = dirname(fileURLToPath(import.meta.url));
/** The dev client, next to this file (`.ts` when running from the repo's sources). */
const CLIENT = join(here, `client${extname(fileURLToPath(import.meta.url))}`);

/** Starts the dev server; resolves once it listens and the first build is done (failed or not). */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const esbuild = await loadEsbuild("typenative dev");
  const root = resolve(options.root ?? process.cwd());
  const entry = findEntry(root, options.entry);
  const log = options.log ?? ((line: string) => console.log(line));
  const title = options.title ?? (await packageName(root)) ?? "typenative app";
  const publicDir = resolve(root, options.publicDir ?? "public");
  const origins = options.origins ?? new Set<string>();
  const session = randomUUID();
  const exclude = [join(PACKAGE_ROOT, "src"), join(PACKAGE_ROOT, "dist")];
  const mapper = new StackMapper(root);

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

  type Bundle = { js: string; map: string; css: string | null };
  let served: Bundle | null = null;
  let failing: BuildErrorInfo[] | null = null;
  let delivered = new Map<string, ModuleInfo>();
  let inputHashes = new Map<string, string>();
  const patches = new Map<string, { js: string; map: string }>();
  let patchCount = 0;
  const clients = new Set<ServerResponse>();
  const watchers = new Map<string, FSWatcher>();
  let inputs = new Set<string>();
  let closed = false;

  function broadcast(message: object): void {
    const data = `data: ${JSON.stringify(message)}\n\n`;
    for (const client of clients) client.write(data);
  }

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

  chain = buildAndDeliver(true);
  await chain;

  const server: Server = createServer((request, response) => {
    const fail = (error: unknown): void => {
      log(`  dev server: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end("internal error");
    };
    try {
      const url = requestTarget(request);
      if (url === null) return refuse(response, 400, "malformed request target");
      if (!isAllowedHost(request, origins)) return refuse(response, 403, "this server answers only requests addressed to this machine");
      if (options.handle?.(request, response)) return;
      serve(request, response, url.pathname).catch(fail);
    } catch (error) {
      fail(error);
    }
  });

  async function serve(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (path === "/__typenative/stack" && request.method === "POST") {
      const stack = await readBody(request, 256 * 1024);
      return send(response, 200, TYPES[".txt"]!, mapper.map(stack));
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/__typenative/events") {
      response.writeHead(200, { ...SECURITY_HEADERS, "content-type": "text/event-stream", connection: "keep-alive" });
      response.write(`data: ${JSON.stringify({ type: "hello", session })}\n\n`);
      if (failing !== null) response.write(`data: ${JSON.stringify({ type: "build-error", errors: failing })}\n\n`);
      clients.add(response);
      request.on("close", () => clients.delete(response));
      return;
    }
    if (path === "/" || path === "/index.html") return send(response, 200, TYPES[".html"]!, page());
    if (path === "/app.js") return send(response, 200, TYPES[".js"]!, served === null ? failureScript(failing ?? []) : served.js);
    if (path === "/app.js.map" && served !== null) return send(response, 200, TYPES[".map"]!, served.map);
    if (path === "/app.css" && served?.css != null) return send(response, 200, TYPES[".css"]!, served.css);
    const patch = patches.get(path.replace(/\.map$/, ""));
    if (patch !== undefined) return send(response, 200, path.endsWith(".map") ? TYPES[".map"]! : TYPES[".js"]!, path.endsWith(".map") ? patch.map : patch.js);
    const sheet = options.stylesheets?.[path];
    if (sheet !== undefined) return send(response, 200, TYPES[".css"]!, await readFile(sheet, "utf8"));
    const file = resolve(publicDir, `.${decodeURIComponent(path)}`);
    const inside = relative(publicDir, file);
    if (!inside.startsWith("..") && !isAbsolute(inside) && existsSync(file) && statSync(file).isFile()) {
      const body = await readFile(file);
      response.writeHead(200, { ...SECURITY_HEADERS, "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": body.length });
      response.end(request.method === "HEAD" ? undefined : body);
      return;
    }
    if (path === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    // History fallback: an app path (`/post/7` from a navigator's linking)
    // loads the page, so a reload or a shared link opens that screen.
    if (extname(path) === "" && (request.headers.accept ?? "").includes("text/html")) return send(response, 200, TYPES[".html"]!, page());
    send(response, 404, TYPES[".txt"]!, "not found");
  }

  function page(): string {
    const sheets = [...Object.keys(options.stylesheets ?? {}), ...(served?.css != null ? ["/app.css"] : [])];
    return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(title)}</title>
${sheets.map((href) => `    <link rel="stylesheet" href="${escapeHtml(href)}">`).join("\n")}
  </head>
  <body>
    <div id="root">${options.placeholder ?? ""}</div>
    <script type="module" src="/app.js"></script>
  </body>
</html>
`;
  }

  const host = options.host ?? "127.0.0.1";
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 5173, host, () => {
        server.off("error", reject);
        resolveListen();
      });
    });
  } catch (error) {
    closed = true;
    for (const watcher of watchers.values()) watcher.close();
    await ctx.dispose();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  origins.add(`${host}:${port}`.toLowerCase());
  const url = `http://${host}:${port}/`;

  return {
    url,
    async idle() {
      // A change seen just now is still in its debounce: let it start first.
      while (timer !== null || queued) await new Promise((r) => setTimeout(r, 10));
      await chain;
    },
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await chain.catch(() => {});
      await ctx.dispose();
    },
  };
}

/** The app's bundle from a build's output files. */
function outputOf(result: BuildResult): { js: string; map: string; css: string | null } {
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

/** esbuild's errors as the page shows them: project-relative file, 1-based line and column. */
export function buildErrors(error: unknown, root: string): BuildErrorInfo[] {
  const errors = (error as { errors?: Message[] }).errors;
  if (!Array.isArray(errors) || errors.length === 0) {
    return [{ text: error instanceof Error ? error.message : String(error), file: null, line: null, column: null, lineText: null }];
  }
  return errors.map((e) => ({
    text: e.text,
    file: e.location ? relative(root, resolve(root, e.location.file)).split(sep).join("/") : null,
    line: e.location?.line ?? null,
    column: e.location ? e.location.column + 1 : null,
    lineText: e.location?.lineText ?? null,
  }));
}

/** The page script while the first build fails: shows the errors and reloads on the next good build. */
function failureScript(errors: BuildErrorInfo[]): string {
  const text = errors.map((e) => `${e.file ?? ""}${e.line !== null ? `:${e.line}:${e.column}` : ""}: ${e.text}${e.lineText ? `\n    ${e.lineText}` : ""}`).join("\n\n");
  return `const panel = document.createElement("div");
panel.setAttribute("role", "alert");
panel.setAttribute("data-testid", "typenative-build-error");
const title = document.createElement("h2");
title.textContent = "Build failed";
const pre = document.createElement("pre");
pre.textContent = ${JSON.stringify(text)};
panel.append(title, pre);
document.body.append(panel);
const events = new EventSource("/__typenative/events");
events.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.type === "update" || message.type === "reload" || message.type === "ok") location.reload();
};
`;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, "content-type": type, "content-length": Buffer.byteLength(body) });
  response.end(body);
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error("request body too large"));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("end", () => resolveBody(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function packageName(root: string): Promise<string | null> {
  try {
    const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { name?: unknown };
    return typeof pkg.name === "string" ? pkg.name : null;
  } catch {
    return null;
  }
}


