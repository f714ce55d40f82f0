import { cancellationOf } from "../runtime/errors.js";
import { currentRuntime } from "../runtime/runtime.js";
import { FetchResponse } from "./fetch-response.js";
import { NetworkError, ResponseTooLargeError, TimeoutError } from "./http-errors.js";
import type { BodyReader, FetchBodyKit } from "./fetch-body.js";
import { deferred } from "./deferred.js";
import { isDev } from "../core/options.js";
import { noop } from "../runtime/noop.js";

export { FetchResponse, type FetchResponseInit } from "./fetch-response.js";
export { HTTPError, NetworkError, ResponseTooLargeError, TimeoutError } from "./http-errors.js";

/** One query parameter value; `undefined` and `null` leave the key out. */
export type FetchParamValue = string | number | boolean | bigint;

/** Query parameters: arrays repeat the key (`{ tag: ["a", "b"] }` → `tag=a&tag=b`). */
export type FetchParams =
  | Readonly<Record<string, FetchParamValue | readonly FetchParamValue[] | null | undefined>>
  | URLSearchParams;

/**
 * A request body. A plain object or an array is sent as JSON; a string as
 * UTF-8; bytes (`Uint8Array`, `Buffer`, `ArrayBuffer`, any typed array) as is.
 * Anything else (a `Map`, a class instance, a function) is a `TypeError`.
 */
export type FetchBody = string | ArrayBuffer | ArrayBufferView | object;

/** Options of {@link fetch}: the seed's keyword arguments. */
export interface FetchOptions {
  /** HTTP method, case-insensitive; default `"GET"`. */
  method?: string;
  /** Request headers: a plain object (`undefined` values are skipped), a `Headers`, or `[name, value]` pairs (any iterable of them). */
  headers?: Headers | Readonly<Record<string, string | undefined>> | readonly (readonly [string, string])[];
  /** The body; see {@link FetchBody}. Not allowed with GET or HEAD. */
  body?: FetchBody | null;
  /** Query parameters, URL-encoded and appended to any query already in the URL. */
  params?: FetchParams;
  /**
   * Milliseconds (of the loop's clock) the whole request — connect, headers
   * and body — may take; default 30 000. `Infinity` disables it.
   */
  timeout?: number;
  /**
   * The most bytes of response body to buffer; default
   * {@link DEFAULT_MAX_BODY_SIZE} (64 MiB), `Infinity` for no bound. A
   * bigger body stops the read, drops the connection and rejects with
   * {@link ResponseTooLargeError}.
   */
  maxBodySize?: number;
  /** Aborting it cancels the request, even mid-body, with `CancelledError`. */
  signal?: AbortSignal;
}

/**
 * 64 MiB: far above any JSON or page an app buffers, far below what takes a
 * phone's or a browser tab's memory. Pass `maxBodySize` to `pn.fetch` to
 * change it per request (`Infinity` for no bound).
 */
export const DEFAULT_MAX_BODY_SIZE = 64 * 1024 * 1024;

/**
 * @internal Reading the body (fetch-body.ts), imported at the first call and
 * awaited once the response's headers are in, so it loads while the request
 * is in flight; `typenative/testing` registers it.
 */
export const fetchBody = /* @__PURE__ */ deferred<FetchBodyKit, BodyReader>({ ResponseTooLargeError }, () => import("./fetch-body.js"));

/** 30 s, like most HTTP clients; a request that hangs forever is a bug, not a wait. */
export const DEFAULT_TIMEOUT_MS = 30_000;

const KNOWN_OPTIONS = new Set(["method", "headers", "body", "params", "timeout", "maxBodySize", "signal"]);
/**
 * Schemes `pn.fetch` requests. Others (`ftp:`, `file:`, `ws:`,
 * `javascript:`) are a caller's mistake, so a `TypeError`, not a
 * `NetworkError` to retry.
 */
const FETCH_PROTOCOLS = new Set(["http:", "https:", "data:", "blob:"]);
/** RFC 9110 token characters. */
const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Methods the fetch standard refuses outright. */
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/** What validation turns {@link FetchOptions} into. */
interface PreparedRequest {
  href: string;
  init: RequestInit;
  timeout: number;
  maxBodySize: number;
  signal: AbortSignal | undefined;
}

/**
 * Sends an HTTP request and resolves with the complete response, body
 * included. Non-2xx statuses resolve too; call `raiseForStatus()`.
 *
 * Failures are told apart by type: {@link NetworkError} (no response),
 * {@link TimeoutError} (`timeout` elapsed on the loop's clock, so it runs on
 * the virtual clock in tests), `CancelledError` (`signal` aborted),
 * {@link ResponseTooLargeError} (body over `maxBodySize`). Bad arguments,
 * including a URL scheme other than http(s), data: or blob:, reject with
 * `TypeError`. Uses the platform's global `fetch`, looked up at each call.
 *
 * @example
 * ```ts
 * const resp = await pn.fetch("https://api.example.com/posts", {
 *   method: "POST",
 *   body: { title: "Hello" },
 *   headers: { Authorization: `Bearer ${token}` },
 *   signal,
 * });
 * resp.raiseForStatus();
 * const data = resp.json();
 * ```
 */
export async function fetch(url: string | URL, options: FetchOptions = {}): Promise<FetchResponse> {
  // `async` so that argument errors reject instead of throwing at the call.
  const request = prepare(url, options);
  const { href, timeout, maxBodySize, signal } = request;
  if (signal?.aborted) throw cancellationOf(signal);
  const platformFetch = globalThis.fetch;
  if (typeof platformFetch !== "function") {
    throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "pn.fetch needs a global fetch (Node 18+ or a browser)" : /* "fetch: no global fetch" */ "typenative #116");
  }
  // The first call starts loading the body reader; nothing waits for it before the headers are in.
  const reader = fetchBody.loaded();
  const loading = reader === null ? fetchBody.load() : null;
  loading?.catch(noop); // awaited below inside the race, or not at all if the request fails first

  // One controller carries both ways to stop; `stopReason` says which one won.
  // The platform never sees our error objects (undici rewrites the stack of
  // the abort reason it rejects with), it gets a bare abort.
  const controller = new AbortController();
  let stopReason: Error | undefined;
  let onStop: ((reason: Error) => void) | undefined;
  const stopped = new Promise<never>((_, reject) => (onStop = reject));
  stopped.catch(noop); // only ever awaited inside a race
  const stop = (reason: Error): void => {
    if (stopReason !== undefined) return;
    stopReason = reason;
    onStop!(reason);
    controller.abort();
  };
  const onCallerAbort = (): void => stop(cancellationOf(signal!));
  signal?.addEventListener("abort", onCallerAbort, { once: true });
  // Loop timer, not AbortSignal.timeout: it must run on the virtual clock in tests.
  const timer = Number.isFinite(timeout)
    ? currentRuntime().getLoop().callLater(timeout, () => stop(new TimeoutError(href, timeout)))
    : null;
  const race = <T>(work: Promise<T>): Promise<T> => raceStop(work, stopped, () => stopReason, href);
  try {
    const init: RequestInit = { ...request.init, signal: controller.signal };
    // The executor turns a synchronous throw of a stubbed fetch into a rejection.
    const response = await race(new Promise<Response>((resolve) => resolve(platformFetch.call(globalThis, href, init))));
    // Read the whole body here so text()/json() can be synchronous; past
    // maxBodySize, `stop` drops the connection and the race rejects with that.
    // Failing to load the reader is a network failure of this request: the connection is dropped with it.
    const code = reader ?? (await race(loading!.catch((error: unknown) => (stop(new NetworkError(href, error)), stopped))));
    const content = await race(code.readBody(response, maxBodySize, href, stop));
    return new FetchResponse({
      status: response.status,
      statusText: response.statusText,
      url: response.url || href,
      headers: response.headers,
      content,
    });
  } finally {
    timer?.cancel();
    signal?.removeEventListener("abort", onCallerAbort);
  }
}

/**
 * Waits for `work`, but rejects as soon as the request is stopped (timeout or
 * caller abort) even if the platform's fetch ignores its signal. Errors that
 * are not ours become {@link NetworkError}.
 */
async function raceStop<T>(
  work: Promise<T>,
  stopped: Promise<never>,
  stopReason: () => Error | undefined,
  href: string,
): Promise<T> {
  // The loser of the race must not become an unhandled rejection.
  work.catch(noop);
  try {
    return await Promise.race([work, stopped]);
  } catch (error) {
    // Once stopped, the platform rejects with an AbortError of its own; our
    // reason (TimeoutError or CancelledError) is the truth.
    throw stopReason() ?? new NetworkError(href, error);
  }
}

/** Validates every argument up front, so a platform `TypeError` later can only mean the network. */
function prepare(url: unknown, options: unknown): PreparedRequest {
  if (options === null || typeof options !== "object") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url, options): options must be an object, got ${describe(options)}` : /* "fetch: options must be an object" */ "typenative #117");
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url, options): unknown option "${key}" (known: ${[...KNOWN_OPTIONS].join(", ")})` : /* `fetch: unknown option "${key}"` */ `typenative #118: ${key}`);
    }
  }
  const opts = options as FetchOptions;
  const target = parseUrl(url);
  if (!FETCH_PROTOCOLS.has(target.protocol)) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(${JSON.stringify(target.href.slice(0, 80))}): the ${target.protocol} scheme is not supported (use http:, https:, data: or blob:)` : /* `fetch: unsupported scheme ${target.protocol}` */ `typenative #119: ${target.protocol}`);
  }
  if (opts.params !== undefined) appendParams(target, opts.params);
  const href = target.href;

  const method = normalizeMethod(opts.method);
  const headers = buildHeaders(opts.headers);
  const body = encodeBody(opts.body, headers);
  if (body !== undefined && (method === "GET" || method === "HEAD")) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(${href}): a ${method} request cannot have a body; pass method: "POST" (or PUT, PATCH)` : /* `fetch: a ${method} request cannot have a body` */ `typenative #120: ${method}`);
  }

  const timeout = opts.timeout ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeout !== "number" || Number.isNaN(timeout) || timeout < 0) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url, options): timeout must be a number of milliseconds >= 0, got ${describe(timeout)}` : /* "fetch: timeout must be a number >= 0" */ "typenative #121");
  }
  const maxBodySize = opts.maxBodySize ?? DEFAULT_MAX_BODY_SIZE;
  if (typeof maxBodySize !== "number" || !(maxBodySize >= 0)) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url, options): maxBodySize must be a number of bytes >= 0 (or Infinity), got ${describe(maxBodySize)}` : /* "fetch: maxBodySize must be a number >= 0" */ "typenative #122");
  }
  const signal = opts.signal;
  // Not `instanceof`: an AbortSignal of another window (an iframe's) is none of this one's.
  if (signal !== undefined && typeof (signal as AbortSignal | null)?.aborted !== "boolean") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url, options): signal must be an AbortSignal, got ${describe(signal)}` : /* "fetch: signal must be an AbortSignal" */ "typenative #123");
  }
  const init: RequestInit = { method, headers, redirect: "follow" };
  if (body !== undefined) init.body = body;
  return { href, init, timeout, maxBodySize, signal };
}

function parseUrl(url: unknown): URL {
  // A URL of any window (not `instanceof`), or a Location.
  if (typeof (url as URL | null)?.href === "string") return new URL((url as URL).href);
  if (typeof url !== "string") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url): url must be a string or a URL, got ${describe(url)}` : /* "fetch: url must be a string or a URL" */ "typenative #124");
  }
  // Relative URLs resolve against the page in a browser; elsewhere they are an error.
  const base = (globalThis as { location?: { href?: unknown } }).location?.href;
  try {
    return typeof base === "string" ? new URL(url, base) : new URL(url);
  } catch (error) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url): invalid URL ${JSON.stringify(url)}` : /* `fetch(url): invalid URL ${JSON.stringify(url)}` */ `typenative #125: ${JSON.stringify(url)}`, { cause: error });
  }
}

/** Appends `params` after any query already in the URL, leaving that query byte for byte. */
function appendParams(target: URL, params: FetchParams): void {
  let query: URLSearchParams;
  // Not `instanceof`: another window's URLSearchParams is no instance of
  // this one's, and as a record it has no keys (its params were dropped).
  // A record's values are never functions.
  if (typeof (params as URLSearchParams | null)?.getAll === "function") {
    query = params as URLSearchParams;
  } else if (typeof params === "object" && params !== null && !Array.isArray(params)) {
    query = new URLSearchParams();
    const record = params as Exclude<FetchParams, URLSearchParams>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) {
        for (const item of value as readonly unknown[]) query.append(key, paramString(key, item));
      } else {
        query.append(key, paramString(key, value));
      }
    }
  } else {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url, options): params must be an object or URLSearchParams, got ${describe(params)}` : /* "fetch: params must be an object" */ "typenative #126");
  }
  const extra = query.toString();
  if (extra === "") return;
  const existing = target.search;
  target.search = existing.length > 1 ? `${existing}&${extra}` : extra;
}

function paramString(key: string, value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    default:
      throw new TypeError(
        /* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url, options): params.${key} must be a string, number, boolean or an array of them, got ${describe(value)}` : /* `fetch: params.${key} must be a string, number or boolean` */ `typenative #127: ${key}`,
      );
  }
}

function normalizeMethod(method: unknown): string {
  if (method === undefined) return "GET";
  if (typeof method !== "string" || !METHOD_TOKEN.test(method)) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url, options): method must be an HTTP method name like "POST", got ${describe(method)}` : /* "fetch: invalid method" */ "typenative #128");
  }
  // Uppercase every method: fetch only normalizes the standard six, and a
  // "patch" sent verbatim is rejected by most servers.
  const upper = method.toUpperCase();
  if (FORBIDDEN_METHODS.has(upper)) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url, options): method ${upper} is not allowed` : /* `fetch(url, options): method ${upper} is not allowed` */ `typenative #129: ${upper}`);
  return upper;
}

function buildHeaders(init: unknown): Headers {
  if (init === undefined || init === null) return new Headers();
  try {
    if (typeof init !== "object") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `got ${describe(init)}` : /* "not an object" */ "typenative #130");
    // A Headers (of any window: not `instanceof`), an array of pairs or a Map: the platform reads its pairs.
    if (Symbol.iterator in init) return new Headers(init as HeadersInit);
    const headers = new Headers();
    const record = init as Record<string, unknown>;
    for (const name of Object.keys(record)) {
      const value = record[name];
      if (value !== undefined && value !== null) headers.append(name, String(value));
    }
    return headers;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url, options): invalid headers: ${detail}` : /* `fetch(url, options): invalid headers: ${detail}` */ `typenative #131: ${detail}`, { cause: error });
  }
}

/** Turns `body` into something the platform sends as is; may set content-type. */
function encodeBody(body: unknown, headers: Headers): BodyInit | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body; // fetch encodes strings as UTF-8
  // An ArrayBuffer of any window: not `instanceof`, the class is per window.
  if ((body as ArrayBuffer)[Symbol.toStringTag] === "ArrayBuffer") return new Uint8Array(body as ArrayBuffer);
  if (ArrayBuffer.isView(body)) {
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    // The platform sends only ArrayBuffer-backed bytes; a SharedArrayBuffer view is copied.
    return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  }
  if (Array.isArray(body) || isPlainObject(body)) {
    let json: string | undefined;
    try {
      json = JSON.stringify(body);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url, options): body cannot be serialized as JSON: ${detail}` : /* `fetch: body is not JSON: ${detail}` */ `typenative #132: ${detail}`, { cause: error });
    }
    // A toJSON() returning undefined serializes to nothing: sending "" (or
    // "undefined") would be a silent lie about the body.
    if (json === undefined) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "fetch(url, options): body serializes to nothing (its toJSON() returned undefined)" : /* "fetch: body serializes to nothing" */ "typenative #133");
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
    return json;
  }
  throw new TypeError(
    /* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `fetch(url, options): body must be a plain object, an array, a string or bytes (Uint8Array/ArrayBuffer), got ${describe(body)}` : /* "fetch: body must be a plain object, an array, a string or bytes" */ "typenative #134",
  );
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // Object.prototype of any window (an iframe's too, so not `=== Object.prototype`): the prototype without one.
  return proto === null || !Object.getPrototypeOf(proto as object);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value !== "object") return `${typeof value} ${String(value)}`;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name ? `a ${name}` : "an object";
}
