/**
 * Checks the dev server (and the example API) run before answering a request.
 *
 * - The `Host` header must name this machine. A page on any site can point
 *   its own DNS name at 127.0.0.1 ("DNS rebinding") and then read and write
 *   the local API as same-origin; its requests still carry its own name in
 *   `Host`. So only loopback names (`localhost`, `*.localhost`, 127.0.0.0/8,
 *   `[::1]`) and the origins the server printed are answered; the rest get 403.
 * - The request target must parse. Node hands over the raw target, and
 *   `new URL()` throws on one like `http://a:99999/`; a throw in a request
 *   listener would take the whole process down.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** `name[:port]` or `[v6]:port`: what a browser puts in `Host`. */
const HOST_HEADER = /^(?:\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i;

/** The host name of a `Host` header value, as the URL parser normalizes it, or null when it is not one. */
function hostnameOf(header: string): string | null {
  if (!HOST_HEADER.test(header)) return null;
  try {
    return new URL(`http://${header}`).hostname;
  } catch {
    return null;
  }
}

/** True for a host name that can only mean this machine. */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return (
    name === "localhost" ||
    name.endsWith(".localhost") ||
    name === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  );
}

/**
 * True when `request`'s `Host` header names a loopback host (any port) or
 * exactly one of `origins` (`host:port`, as printed).
 *
 * @param origins Extra accepted `host[:port]` values, e.g. `"192.168.1.5:5173"`
 *   when the server listens on a LAN address and printed that.
 */
export function isAllowedHost(request: IncomingMessage, origins: ReadonlySet<string> = NO_ORIGINS): boolean {
  const header = request.headers.host;
  if (typeof header !== "string" || header === "") return false;
  if (origins.has(header.toLowerCase())) return true;
  const hostname = hostnameOf(header);
  return hostname !== null && isLoopbackName(hostname);
}

const NO_ORIGINS: ReadonlySet<string> = new Set();

/** The request target as a URL (only its path and query matter), or null when it does not parse. */
export function requestTarget(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? "/", "http://localhost");
  } catch {
    return null;
  }
}

/** Answers with a short plain-text error, unless the response has already started. */
export function refuse(response: ServerResponse, status: 400 | 403, message: string): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(message),
    "cache-control": "no-store",
  });
  response.end(message);
}
