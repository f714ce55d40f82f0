/**
 * The example app in the Worker host (`typenative/worker`), served against
 * its local API: like the preview behind `npm start`, but the app's code
 * runs in a Web Worker and renders into the page over the bridge protocol.
 * `npm run start:worker` runs it; the Worker host's end-to-end test reuses it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { createApiHandler, type ApiOptions } from "../server/api.js";
import { Store } from "../server/store.js";
import { isAllowedHost, refuse, requestTarget } from "../../src/dev/request-guard.js";
import { PROJECT_ROOT } from "../server/preview.js";

export interface WorkerPreviewOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Where the API keeps its JSON file. Default `$TYPENATIVE_DATA_DIR`, else `<project>/.data`. */
  dataDir?: string;
  /** Runs before each API answer. Default: `$TYPENATIVE_API_LATENCY_MS` (400) of latency. */
  delay?: ApiOptions["delay"];
}

export interface WorkerPreview {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/** As the preview's, plus `worker-src 'self'`: the app's Worker is a script of this origin. */
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>typenative example (worker)</title>
    <link rel="stylesheet" href="/app.css">
  </head>
  <body>
    <div id="root"><p class="boot">Loading the app…</p></div>
    <script type="module" src="/page.js"></script>
  </body>
</html>
`;

/** Bundles the page and the Worker (ESM, `typenative` from this package's sources). */
async function bundle(): Promise<Record<string, string>> {
  const result = await build({
    entryPoints: { page: join(PROJECT_ROOT, "examples", "worker", "page.ts"), "app.worker": join(PROJECT_ROOT, "examples", "worker", "app.worker.ts") },
    outdir: join(PROJECT_ROOT, "examples", ".build", "worker"),
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    sourcemap: "inline",
    keepNames: true,
    logLevel: "silent",
    // `typenative` resolves to the sources inside the repo (see package.json's exports).
    conditions: ["typenative-source"],
    define: { "process.env.NODE_ENV": '"development"' },
  });
  const files: Record<string, string> = {};
  for (const file of result.outputFiles) files[`/${file.path.split(/[\\/]/).pop()}`] = file.text;
  return files;
}

/** Starts the API and the Worker-host page on 127.0.0.1. */
export async function startWorkerPreview(options: WorkerPreviewOptions = {}): Promise<WorkerPreview> {
  const dataDir = options.dataDir ?? process.env.TYPENATIVE_DATA_DIR ?? join(PROJECT_ROOT, ".data");
  const latencyMs = Number(process.env.TYPENATIVE_API_LATENCY_MS ?? 400);
  const delay = options.delay ?? (latencyMs > 0 ? () => new Promise<void>((resolve) => setTimeout(resolve, latencyMs)) : undefined);
  const store = await Store.open(dataDir);
  const origins = new Set<string>();
  const api = createApiHandler(store, delay ? { delay, allowedHosts: origins } : { allowedHosts: origins });
  const files = await bundle();
  const css = await readFile(join(PROJECT_ROOT, "examples", "app", "app.css"), "utf8");

  const send = (response: ServerResponse, type: string, body: string): void => {
    response.writeHead(200, { ...SECURITY_HEADERS, "content-type": type, "content-length": Buffer.byteLength(body) });
    response.end(body);
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = requestTarget(request);
    if (url === null) return refuse(response, 400, "malformed request target");
    if (!isAllowedHost(request, origins)) return refuse(response, 403, "this server answers only requests addressed to this machine");
    if (api(request, response)) return;
    const path = url.pathname;
    if (path === "/" || path === "/index.html") send(response, "text/html; charset=utf-8", INDEX_HTML);
    else if (path === "/app.css") send(response, "text/css; charset=utf-8", css);
    else if (path === "/favicon.ico") response.writeHead(204).end();
    else if (files[path] !== undefined) send(response, "text/javascript; charset=utf-8", files[path]);
    else response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origins.add(`127.0.0.1:${port}`);
  return {
    url: `http://127.0.0.1:${port}/`,
    store,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.flush();
    },
  };
}
