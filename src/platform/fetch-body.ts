/**
 * Reading a response's body for `pn.fetch`, bounded by `maxBodySize`. It
 * runs only once a response's headers are in, so fetch.ts imports it with
 * `import()` at its first call and awaits it only then: the code loads while
 * the request is in flight. `typenative/testing` registers it up front, so
 * a stubbed fetch answers in the same turn as ever.
 *
 * Built on a kit of framework parts handed to it (see
 * src/platform/deferred.ts), so its chunk imports nothing.
 */
import type { ResponseTooLargeError } from "./http-errors.js";

/** @internal The framework parts reading a body uses. */
export interface FetchBodyKit {
  readonly ResponseTooLargeError: typeof ResponseTooLargeError;
}

/** @internal What {@link implement} builds. */
export type BodyReader = ReturnType<typeof implement>;

/** @internal Builds the body reader on `kit`. */
export function implement({ ResponseTooLargeError }: FetchBodyKit) {
  /**
   * Reads `response`'s whole body, but never more than `limit` bytes: past it
   * the read is cancelled and `tooLarge` is called (the caller aborts the
   * request with that error) before this rejects with it. A `content-length`
   * over the limit fails before the first byte is read. Counts decoded bytes,
   * which is what is buffered, so a compressed body cannot sneak past.
   */
  async function readBody(
    response: Response,
    limit: number,
    href: string,
    tooLarge: (error: ResponseTooLargeError) => void,
  ): Promise<Uint8Array> {
    const fail = (received: number): never => {
      const error = new ResponseTooLargeError(href, limit, received);
      tooLarge(error);
      throw error;
    };
    // `content-length` counts encoded bytes; only without an encoding is it the buffered size.
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (declared > limit && !response.headers.has("content-encoding")) fail(declared);

    const body = response.body;
    if (body === null || body === undefined) {
      // A stand-in Response without a stream (a test double): it is in memory already.
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > limit) fail(bytes.byteLength);
      return bytes;
    }
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        reader.cancel().catch(noop);
        fail(size);
      }
      chunks.push(value);
    }
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  }

  return { readBody };
}

function noop(): void {}
