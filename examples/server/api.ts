/**
 * The example's HTTP API, as a plain `node:http` request handler:
 *
 * | Method | Path                      | Answer                                |
 * | ------ | ------------------------- | ------------------------------------- |
 * | GET    | `/api/users`              | `User[]`                              |
 * | GET    | `/api/users/:id`          | `User` or 404                         |
 * | GET    | `/api/posts?authorId=1`   | `Post[]`, newest first                |
 * | POST   | `/api/posts`              | `{ authorId, body }` → 201 `Post`     |
 * | DELETE | `/api/posts/:id`          | 204, or 404                           |
 *
 * A `POST /api/posts` with an `Idempotency-Key` header is applied once per
 * key: a repeated key gets the first answer (same status, same post, header
 * `Idempotent-Replayed: true`) and writes nothing — also when the two
 * requests race, and after a restart (the key is stored with the post, in
 * one atomic write). Clients that retry (the app's durable outbox) send one.
 *
 * Errors are JSON `{ error }` with a 4xx status. Every answer waits for
 * `delay(request)` first, so the app's loading states are visible (and tests
 * can hold a response until they have looked at the loading state).
 *
 * Requests whose `Host` is not this machine get 403 (see request-guard.ts),
 * and a request target that does not parse gets 400.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_BODY_LENGTH, type Store } from "./store.js";
import { isAllowedHost, requestTarget } from "../../src/dev/request-guard.js";

/** Largest request body accepted, in bytes. */
const MAX_REQUEST_BYTES = 64 * 1024;

export interface ApiOptions {
  /** Runs before each answer; the default waits nothing. */
  delay?: (request: IncomingMessage) => Promise<void>;
  /**
   * `Host` values answered besides loopback names: the `host:port` of the
   * origin the server printed. Read at each request, so a server may fill
   * it once it knows its port.
   */
  allowedHosts?: ReadonlySet<string>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A handler for requests under `/api/`. Returns false (without answering)
 * for any other path, so a server can fall through to its own routes.
 */
export function createApiHandler(
  store: Store,
  options: ApiOptions = {},
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const delay = options.delay;
  return (request, response) => {
    const url = requestTarget(request);
    if (url === null) {
      sendJson(response, 400, { error: "malformed request target" });
      return true;
    }
    if (url.pathname !== "/api" && !url.pathname.startsWith("/api/")) return false;
    if (!isAllowedHost(request, options.allowedHosts)) {
      sendJson(response, 403, { error: `Host ${JSON.stringify(request.headers.host ?? "")} is not this server` });
      return true;
    }
    answer(store, request, response, url, delay).catch((error: unknown) => {
      // Only writing the answer can fail here (the client went away); never crash the server.
      console.error("[example api]", error);
      response.destroy();
    });
    return true;
  };
}

async function answer(
  store: Store,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  delay: ApiOptions["delay"],
): Promise<void> {
  let status = 200;
  let payload: unknown;
  try {
    // Read the body before waiting, so a held request has fully arrived.
    const body = request.method === "POST" ? await readJson(request) : undefined;
    if (delay) await delay(request);
    const key = idempotencyKey(request);
    let replayed: boolean | undefined;
    [status, payload, replayed] = await route(store, request.method ?? "GET", url, body, key);
    if (replayed === true) response.setHeader("idempotent-replayed", "true");
  } catch (error) {
    if (error instanceof HttpError) {
      status = error.status;
      payload = { error: error.message };
    } else {
      console.error("[example api]", error);
      status = 500;
      payload = { error: "internal error" };
    }
  }
  sendJson(response, status, payload);
}

/** Writes a JSON answer (or an empty 204), unless the response is gone or started. */
function sendJson(response: ServerResponse, status: number, payload: unknown): void {
  if (response.destroyed || response.headersSent) return;
  if (status === 204) {
    response.writeHead(204).end();
    return;
  }
  const text = JSON.stringify(payload);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  response.end(text);
}

/** The request's `Idempotency-Key`, checked: 1–255 visible ASCII characters. */
function idempotencyKey(request: IncomingMessage): string | undefined {
  const value = request.headers["idempotency-key"];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^[\x21-\x7e]{1,255}$/.test(value)) throw new HttpError(400, "Idempotency-Key must be 1 to 255 visible ASCII characters");
  return value;
}

async function route(store: Store, method: string, url: URL, body: unknown, key: string | undefined): Promise<[number, unknown, boolean?]> {
  const parts = url.pathname.split("/").filter(Boolean); // ["api", resource, id?]
  const resource = parts[1];
  const id = parts[2] === undefined ? undefined : parseId(parts[2]);
  if (parts.length > 3) throw new HttpError(404, `no route ${url.pathname}`);

  if (resource === "users") {
    allow(method, ["GET"]);
    if (id === undefined) return [200, store.users()];
    const user = store.user(id);
    if (!user) throw new HttpError(404, `no user ${id}`);
    return [200, user];
  }
  if (resource === "posts" && id === undefined) {
    allow(method, ["GET", "POST"]);
    if (method === "GET") {
      const author = url.searchParams.get("authorId");
      return [200, store.posts(author === null ? undefined : parseId(author))];
    }
    if (key !== undefined) {
      // A replay is answered before validation: the first request passed it.
      const earlier = store.reply(key);
      if (earlier !== undefined) return [earlier.status, earlier.payload, true];
    }
    const { authorId, body: text } = validatePost(store, body);
    const { post, replayed } = await store.createPostOnce(authorId, text, key);
    return [201, post, replayed];
  }
  if (resource === "posts" && id !== undefined) {
    allow(method, ["DELETE"]);
    if (!(await store.deletePost(id))) throw new HttpError(404, `no post ${id}`);
    return [204, undefined];
  }
  throw new HttpError(404, `no route ${url.pathname}`);
}

function allow(method: string, methods: string[]): void {
  if (!methods.includes(method)) throw new HttpError(405, `${method} not allowed here; use ${methods.join(" or ")}`);
}

function parseId(text: string): number {
  const id = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(id)) throw new HttpError(400, `not an id: ${JSON.stringify(text)}`);
  return id;
}

function validatePost(store: Store, body: unknown): { authorId: number; body: string } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new HttpError(400, "expected a JSON object { authorId, body }");
  }
  const { authorId, body: text } = body as Record<string, unknown>;
  if (typeof authorId !== "number" || !Number.isInteger(authorId)) throw new HttpError(400, "authorId must be an integer");
  if (!store.user(authorId)) throw new HttpError(400, `no user ${authorId}`);
  if (typeof text !== "string" || text.trim() === "") throw new HttpError(400, "body must be a non-empty string");
  if (text.length > MAX_BODY_LENGTH) throw new HttpError(400, `body is longer than ${MAX_BODY_LENGTH} characters`);
  return { authorId, body: text };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const type = request.headers["content-type"] ?? "";
  if (!type.startsWith("application/json")) throw new HttpError(415, "send JSON with content-type: application/json");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) throw new HttpError(413, `request body over ${MAX_REQUEST_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "request body is not valid JSON");
  }
}
