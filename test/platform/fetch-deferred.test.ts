// pn.fetch reads a response's body with code (src/platform/fetch-body.ts)
// it imports with import() at its first call, while the request is in
// flight. typenative/testing registers it up front, so these tests load a
// fresh copy of fetch.ts, in which that code is not loaded yet: what an app
// sees on its first request.
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import "typenative/testing";
import { CancelledError } from "../../src/runtime/errors.js";
import { freshModule } from "../helpers/fresh-module.js";

type FetchModule = typeof import("../../src/platform/fetch.js");

const unloaded = () => freshModule<FetchModule>(new URL("../../src/platform/fetch.ts", import.meta.url));
const platformFetch = globalThis.fetch;
const requests: Array<{ url: string; signal: AbortSignal }> = [];

/** Stubs the platform's fetch: answers `body` with status 200 (recording each request). */
function answer(body: string): void {
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, signal: init.signal! });
    return new Response(body, { status: 200, headers: { "content-type": "text/plain" } });
  }) as typeof fetch;
}

afterEach(() => {
  globalThis.fetch = platformFetch;
  requests.length = 0;
});

describe("pn.fetch before its body reader is loaded", () => {
  it("is registered by typenative/testing", async () => {
    const { fetchBody } = await import("../../src/platform/fetch.js");
    assert.notEqual(fetchBody.loaded(), null);
  });

  it("sends the request at once, loads the reader meanwhile and reads the body once it is here", async () => {
    const { fetch, fetchBody } = await unloaded();
    answer("hello");
    const pending = fetch("http://example.test/greeting");
    assert.equal(fetchBody.loaded(), null);
    const response = await pending;
    assert.equal(requests.length, 1);
    assert.equal(response.status, 200);
    assert.equal(response.text(), "hello");
    assert.notEqual(fetchBody.loaded(), null, "the reader stays for later requests");
    assert.equal((await fetch("http://example.test/again")).text(), "hello");
  });

  it("rejects a bad argument without loading anything", async () => {
    const { fetch, fetchBody } = await unloaded();
    answer("unused");
    await assert.rejects(fetch("ftp://example.test/file"), TypeError);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(fetchBody.loaded(), null);
    assert.equal(requests.length, 0);
  });

  it("a caller's abort before the body is read rejects with CancelledError and aborts the platform request", async () => {
    const { fetch } = await unloaded();
    answer("late");
    const controller = new AbortController();
    const pending = fetch("http://example.test/slow", { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, CancelledError);
    assert.equal(requests[0]?.signal.aborted, true);
  });
});
