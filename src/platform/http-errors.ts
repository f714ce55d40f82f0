/**
 * The failures of `pn.fetch`, one class per cause, so a caller can react to
 * each differently: retry a {@link NetworkError}, show "server is slow" on a
 * {@link TimeoutError}, read the body of an {@link HTTPError}. A cancelled
 * request rejects with the runtime's `CancelledError` instead — a timeout is
 * deliberately not a cancellation, so a task that times out is still reported.
 */

import type { FetchResponse } from "./fetch-response.js";

/** How much of a response body error messages quote. */
export const BODY_PREVIEW_CHARS = 200;

/** The first {@link BODY_PREVIEW_CHARS} characters of `text`, with an ellipsis when cut. */
export function previewOf(text: string): string {
  return text.length > BODY_PREVIEW_CHARS ? `${text.slice(0, BODY_PREVIEW_CHARS)}…` : text;
}

/**
 * Thrown by `response.raiseForStatus()` for a status outside 200–299.
 * `fetch` itself never throws it: a 404 is a response, not a failure.
 *
 * @example
 * ```ts
 * try {
 *   const user = (await pn.fetch(`/api/users/${id}`)).raiseForStatus().json();
 * } catch (e) {
 *   if (e instanceof pn.HTTPError && e.status === 404) return null;
 *   throw e;
 * }
 * ```
 */
export class HTTPError extends Error {
  /** The HTTP status code, e.g. 404. */
  readonly status: number;
  /** The final URL (after redirects). */
  readonly url: string;
  /** The start of the response body as text (at most ~200 characters). */
  readonly body: string;
  /** The whole response, for callers that need more than the start of the body. */
  readonly response: FetchResponse;

  constructor(response: FetchResponse) {
    const body = previewOf(response.text());
    const reason = response.statusText ? ` ${response.statusText}` : "";
    super(`HTTP ${response.status}${reason} for ${response.url}${body ? `: ${body}` : ""}`);
    this.name = "HTTPError";
    this.status = response.status;
    this.url = response.url;
    this.body = body;
    this.response = response;
  }
}

/**
 * The request did not complete within its `timeout` (default 30 s) of the
 * loop's clock. Not a `CancelledError`: nobody asked for the request to stop.
 *
 * @example
 * ```ts
 * try { await pn.fetch(url, { timeout: 5000 }); }
 * catch (e) { if (e instanceof pn.TimeoutError) showBanner("The server is slow"); else throw e; }
 * ```
 */
export class TimeoutError extends Error {
  /** The requested URL. */
  readonly url: string;
  /** The timeout that elapsed, in milliseconds. */
  readonly timeout: number;

  constructor(url: string, timeout: number) {
    super(`Request to ${url} timed out after ${timeout} ms`);
    this.name = "TimeoutError";
    this.url = url;
    this.timeout = timeout;
  }
}

/**
 * The request never produced a complete response: connection refused, DNS
 * failure, TLS error, connection reset mid-body. The platform's own error is
 * kept as `cause`.
 *
 * @example
 * ```ts
 * try { await pn.fetch(url); }
 * catch (e) { if (e instanceof pn.NetworkError) return showOffline(); throw e; }
 * ```
 */
export class NetworkError extends Error {
  /** The requested URL. */
  readonly url: string;

  constructor(url: string, cause: unknown) {
    super(`Network error requesting ${url}: ${describeCause(cause)}`, { cause });
    this.name = "NetworkError";
    this.url = url;
  }
}

/**
 * Node's fetch says only "fetch failed" and keeps the useful part
 * (`ECONNREFUSED 127.0.0.1:8080`) in `cause`; put both in the message.
 */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: unknown }).cause;
  if (inner instanceof Error && inner.message && inner.message !== cause.message) {
    return `${cause.message} (${inner.message})`;
  }
  return cause.message;
}

/**
 * The response body grew past the request's `maxBodySize` (default
 * `DEFAULT_MAX_BODY_SIZE`, 64 MiB). `pn.fetch` buffers the whole body so that
 * `text()` and `json()` can be synchronous; this bound keeps a huge or
 * endless body from taking the app's memory. Reading stops and the
 * connection is dropped as soon as the bound is crossed (at once, when
 * `content-length` already says so).
 *
 * @example
 * ```ts
 * try { await pn.fetch(url, { maxBodySize: 1024 * 1024 }); }
 * catch (e) { if (e instanceof pn.ResponseTooLargeError) showError("That file is too big"); else throw e; }
 * ```
 */
export class ResponseTooLargeError extends Error {
  /** The requested URL. */
  readonly url: string;
  /** The bound that was crossed, in bytes. */
  readonly maxBodySize: number;
  /** Bytes known when reading stopped: read so far, or what `content-length` announced. */
  readonly received: number;

  constructor(url: string, maxBodySize: number, received: number) {
    super(`Response from ${url} is larger than maxBodySize (${maxBodySize} bytes; got at least ${received})`);
    this.name = "ResponseTooLargeError";
    this.url = url;
    this.maxBodySize = maxBodySize;
    this.received = received;
  }
}
