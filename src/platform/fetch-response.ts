import { HTTPError, previewOf } from "./http-errors.js";

/** What a {@link FetchResponse} is made of; `pn.fetch` fills it from the platform's response. */
export interface FetchResponseInit {
  status: number;
  statusText?: string;
  /** The final URL, after redirects. */
  url: string;
  headers?: Headers;
  /** The whole body. */
  content?: Uint8Array;
}

/**
 * A completed HTTP response whose body has already been read, so `text()`
 * and `json()` are synchronous — the seed's `resp.text()` / `resp.json()`.
 * Any status is a response; call {@link FetchResponse.raiseForStatus} to turn
 * a non-2xx status into an {@link HTTPError}.
 *
 * @example
 * ```ts
 * const resp = await pn.fetch("https://api.example.com/posts");
 * resp.raiseForStatus();
 * const posts = resp.json() as Post[];
 * console.log(resp.status, resp.headers.get("content-type"), resp.content.byteLength);
 * ```
 */
export class FetchResponse {
  /** The HTTP status code. */
  readonly status: number;
  /** The status line's reason phrase ("Not Found"); may be empty (HTTP/2). */
  readonly statusText: string;
  /** True for a status in 200–299. */
  readonly ok: boolean;
  /** The final URL, after redirects. */
  readonly url: string;
  /** The response headers. */
  readonly headers: Headers;
  /** The raw body. */
  readonly content: Uint8Array;
  #decoded: string | undefined = undefined;

  constructor(init: FetchResponseInit) {
    this.status = init.status;
    this.statusText = init.statusText ?? "";
    this.ok = init.status >= 200 && init.status <= 299;
    this.url = init.url;
    this.headers = init.headers ?? new Headers();
    this.content = init.content ?? new Uint8Array(0);
  }

  /**
   * The body as text, decoded with the `charset` of `content-type`
   * (UTF-8 when absent or unknown). Computed once.
   */
  text(): string {
    if (this.#decoded === undefined) {
      this.#decoded = decoderFor(this.headers.get("content-type")).decode(this.content);
    }
    return this.#decoded;
  }

  /**
   * The body parsed as JSON. Throws a `SyntaxError` naming the URL, the
   * status and the start of the body when it is not JSON (an HTML error page
   * behind a proxy is the usual culprit).
   */
  json<T = unknown>(): T {
    const text = this.text();
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const body = text.length === 0 ? "the body is empty" : `body starts with ${JSON.stringify(previewOf(text))}`;
      throw new SyntaxError(`Response from ${this.url} (status ${this.status}) is not valid JSON: ${detail}; ${body}`, {
        cause: error,
      });
    }
  }

  /**
   * Throws an {@link HTTPError} unless the status is 2xx; returns the
   * response otherwise, so calls chain: `resp.raiseForStatus().json()`.
   */
  raiseForStatus(): this {
    if (!this.ok) throw new HTTPError(this);
    return this;
  }
}

/** `charset=latin1`, `charset="ISO-8859-1"`, … in a content-type header. */
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

function decoderFor(contentType: string | null): TextDecoder {
  const label = contentType === null ? undefined : CHARSET.exec(contentType)?.[1];
  if (label !== undefined) {
    try {
      return new TextDecoder(label);
    } catch {
      // An unknown label (RangeError) should not make the body unreadable;
      // UTF-8 is what the server most likely meant.
    }
  }
  return new TextDecoder("utf-8");
}
