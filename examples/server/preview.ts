/**
 * The preview server behind `npm start`: one `node:http` server on
 * 127.0.0.1 that serves the example app (bundled by esbuild, rebuilt
 * incrementally whenever the page is loaded, so an edit shows on reload) and
 * its JSON API under `/api/`. It answers only requests addressed to this
 * machine (loopback names or the printed origin; 403 otherwise), and a
 * request it cannot parse never takes the process down (see request-guard.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { context, type BuildContext, type BuildResult } from "esbuild";
import { createApiHandler, type ApiOptions } from "./api.js";
import { Store } from "./store.js";
import { isAllowedHost, refuse, requestTarget } from "./request-guard.js";

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (examples/server/ → ../..). */
export const PROJECT_ROOT = join(here, "..", "..");
const APP_DIR = join(PROJECT_ROOT, "examples", "app");

export interface PreviewOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Where the API keeps its JSON file. Default `$TYPENATIVE_DATA_DIR`, else `<project>/.data`. */
  dataDir?: string;
  /** Artificial latency per API answer, so loading states are visible. Default `$TYPENATIVE_API_LATENCY_MS`, else 400. */
  latencyMs?: number;
  /** Replaces the latency: runs before each API answer (tests hold requests with it). */
  delay?: ApiOptions["delay"];
}

export interface Preview {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/** Headers for every page and script: no inline script or style, nothing from other origins. */
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>typenative example</title>
    <link rel="stylesheet" href="/app.css">
  </head>
  <body>
    <div id="root"><p class="boot">Loading the app…</p></div>
    <script type="module" src="/app.js"></script>
  </body>
</html>
`;

/** Starts the preview server; resolves once it listens and the first build is done. */
export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const dataDir = options.dataDir ?? process.env.TYPENATIVE_DATA_DIR ?? join(PROJECT_ROOT, ".data");
  const latencyMs = options.latencyMs ?? Number(process.env.TYPENATIVE_API_LATENCY_MS ?? 400);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new TypeError(`startPreview: latencyMs must be a number ≥ 0, got ${latencyMs}`);
  const delay = options.delay ?? (latencyMs > 0 ? () => new Promise<void>((resolve) => setTimeout(resolve, latencyMs)) : undefined);

  const store = await Store.open(dataDir);
  // The printed origin's host:port, filled in once the server listens.
  const origins = new Set<string>();
  const api = createApiHandler(store, delay ? { delay, allowedHosts: origins } : { allowedHosts: origins });
  const builder = await createBuilder();
  let build = builder.rebuild();

  const server = createServer((request, response) => {
    const fail = (error: unknown): void => {
      console.error("[preview]", error);
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end("internal error");
    };
    // A throw escaping a request listener would end `npm start`: nothing gets out.
    try {
      const url = requestTarget(request);
      if (url === null) return refuse(response, 400, "malformed request target");
      if (!isAllowedHost(request, origins)) return refuse(response, 403, "this server answers only requests addressed to this machine");
      if (api(request, response)) return;
      serveApp(request, response, url.pathname).catch(fail);
    } catch (error) {
      fail(error);
    }
  });

  async function serveApp(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/" || path === "/index.html") {
      // A page load starts a fresh (incremental) build; the script request that follows waits for it.
      build = builder.rebuild();
      send(response, 200, "text/html; charset=utf-8", INDEX_HTML);
    } else if (path === "/app.js" || path === "/app.js.map") {
      const output = await build;
      const file = path === "/app.js" ? output.js : output.map;
      send(response, 200, path === "/app.js" ? "text/javascript; charset=utf-8" : "application/json", file);
    } else if (path === "/app.css") {
      send(response, 200, "text/css; charset=utf-8", await readFile(join(APP_DIR, "app.css"), "utf8"));
    } else if (path === "/favicon.ico") {
      response.writeHead(204).end();
    } else {
      send(response, 404, "text/plain; charset=utf-8", "not found");
    }
  }

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  await build;
  const { port } = server.address() as AddressInfo;
  origins.add(`${host}:${port}`.toLowerCase());
  return {
    url: `http://${host}:${port}/`,
    store,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await builder.dispose();
      await store.flush();
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, "content-type": type, "content-length": Buffer.byteLength(body) });
  response.end(body);
}

interface BuildOutput {
  js: string;
  map: string;
}

interface Builder {
  rebuild(): Promise<BuildOutput>;
  dispose(): Promise<void>;
}

/**
 * An incremental esbuild context for the app. `typenative` and
 * `typenative/web` resolve through this package's own `exports` (a package
 * may import itself by name), straight to the TypeScript sources.
 * A failed build becomes a script that shows the errors in the page.
 */
async function createBuilder(): Promise<Builder> {
  const ctx: BuildContext = await context({
    entryPoints: [join(APP_DIR, "main.ts")],
    outfile: join(PROJECT_ROOT, "examples", ".build", "app.js"),
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    sourcemap: "linked",
    // Component names show in error reports and component stacks.
    keepNames: true,
    logLevel: "silent",
    conditions: ["typenative-source"],
    define: { "process.env.NODE_ENV": '"development"' },
  });
  let running: Promise<BuildOutput> | null = null;
  return {
    rebuild() {
      // Coalesce: page loads during a build share it.
      running ??= ctx.rebuild().then(outputOf, failureScript).finally(() => (running = null));
      return running;
    },
    dispose: () => ctx.dispose(),
  };
}

function outputOf(result: BuildResult): BuildOutput {
  let js = "";
  let map = "";
  for (const file of result.outputFiles ?? []) {
    if (file.path.endsWith(".js")) js = file.text;
    else if (file.path.endsWith(".js.map")) map = file.text;
  }
  return { js, map };
}

function failureScript(error: unknown): BuildOutput {
  const errors = (error as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] }).errors;
  const message = errors?.length
    ? errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text)).join("\n")
    : String(error);
  console.error(`[preview] build failed:\n${message}`);
  // The message goes into the page as text (textContent), never as HTML.
  const js = `const pre = document.createElement("pre");
pre.className = "build-error";
pre.textContent = ${JSON.stringify(`Build failed:\n\n${message}`)};
document.getElementById("root").replaceChildren(pre);
console.error(pre.textContent);
`;
  return { js, map: "" };
}
