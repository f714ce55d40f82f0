/**
 * `typenative dev`: a development server with fast refresh.
 *
 * One `node:http` server on 127.0.0.1 serves a page, the app bundled by an
 * incremental esbuild context (with the dev client in front of it), the
 * project's `public/` files, and a stream of events (`/__typenative/events`,
 * server-sent events). The builds live in src/dev/rebuilder.ts: when a
 * source file changes it rebuilds, compares the app modules with the build
 * the pages run and hands this server the message to stream — `update` (a
 * patch bundle of the changed components, served here), `reload`, or
 * `build-error` (the page shows the errors, `file:line:column` with the
 * source line, until a build succeeds).
 *
 * Runtime errors reach the page's error overlay (typenative/web); the client
 * asks `/__typenative/stack` to map their stacks to the sources.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { extname, isAbsolute, join, relative, resolve } from "node:path";
import { StackMapper } from "./stack.js";
import { isAllowedHost, refuse, requestTarget } from "./request-guard.js";
import { findEntry, loadEsbuild } from "./project.js";
import { failureScript } from "./build-errors.js";
import { startRebuilder } from "./rebuilder.js";

export { buildErrors, type BuildErrorInfo } from "./build-errors.js";

/** How {@link startDevServer} serves the project. */
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

/** A running dev server. */
export interface DevServer {
  /** `http://host:port/`, the page's address. */
  readonly url: string;
  /** Resolves when every file change seen so far has been built and sent to the pages. */
  idle(): Promise<void>;
  /** Stops watching, ends the pages' event streams and the server, then waits for the build in flight. */
  close(): Promise<void>;
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
  const mapper = new StackMapper(root);
  const clients = new Set<ServerResponse>();
  const builds = await startRebuilder({
    esbuild, root, entry, mapper, log,
    broadcast(message) {
      const data = `data: ${JSON.stringify(message)}\n\n`;
      for (const client of clients) client.write(data);
    },
  });

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
      if (builds.errors !== null) response.write(`data: ${JSON.stringify({ type: "build-error", errors: builds.errors })}\n\n`);
      clients.add(response);
      request.on("close", () => clients.delete(response));
      return;
    }
    if (path === "/" || path === "/index.html") return send(response, 200, TYPES[".html"]!, page());
    const served = builds.bundle;
    if (path === "/app.js") return send(response, 200, TYPES[".js"]!, served === null ? failureScript(builds.errors ?? []) : served.js);
    if (path === "/app.js.map" && served !== null) return send(response, 200, TYPES[".map"]!, served.map);
    if (path === "/app.css" && served?.css != null) return send(response, 200, TYPES[".css"]!, served.css);
    const patch = builds.patch(path.replace(/\.map$/, ""));
    if (patch !== undefined) return send(response, 200, path.endsWith(".map") ? TYPES[".map"]! : TYPES[".js"]!, path.endsWith(".map") ? patch.map : patch.js);
    const sheet = options.stylesheets?.[path];
    if (sheet !== undefined) return send(response, 200, TYPES[".css"]!, await readFile(sheet, "utf8"));
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // `/%E0%A4`: the request's mistake, not the server's (no 500, no stack in the terminal).
      return refuse(response, 400, "malformed path");
    }
    const file = resolve(publicDir, `.${decoded}`);
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
    const sheets = [...Object.keys(options.stylesheets ?? {}), ...(builds.bundle?.css != null ? ["/app.css"] : [])];
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
    await builds.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  origins.add(`${host}:${port}`.toLowerCase());
  const url = `http://${host}:${port}/`;

  return {
    url,
    idle() {
      return builds.idle();
    },
    async close() {
      // No build starts once the pages are let go; the one in flight (it may
      // still send to them) is waited for after the server closed.
      builds.stop();
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await builds.close();
    },
  };
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


