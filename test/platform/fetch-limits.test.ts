// pn.fetch's bounds and argument rules: maxBodySize against a real local
// server that would send forever, unsupported schemes and bodies that
// serialize to nothing.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as pn from "typenative";
import { DEFAULT_MAX_BODY_SIZE } from "../../src/platform/fetch.js";

const MiB = 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 120);

let server: Server;
let base = "";
/** Bytes the server got out per path, recorded when the connection closes. */
const sent = new Map<string, Promise<number>>();

before(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    let total = 0;
    sent.set(path, new Promise((resolve) => res.on("close", () => resolve(total))));
    if (path === "/endless") {
      // No content-length: only the reader can stop this.
      res.writeHead(200, { "content-type": "application/octet-stream" });
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk)) total += chunk.length;
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    } else if (path === "/declared") {
      res.writeHead(200, { "content-length": String(1024 * MiB) });
      res.write(chunk);
      total += chunk.length;
    } else if (path === "/small") {
      total = 1000;
      res.writeHead(200).end(Buffer.alloc(1000, 65));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("pn.fetch maxBodySize", () => {
  it("stops reading an endless body past maxBodySize, drops the connection and rejects with ResponseTooLargeError", async () => {
    await assert.rejects(pn.fetch(`${base}/endless`, { maxBodySize: MiB }), (error: unknown) => {
      assert.ok(error instanceof pn.ResponseTooLargeError, String(error));
      assert.equal(error.maxBodySize, MiB);
      assert.ok(error.received > MiB && error.received <= MiB + chunk.length * 4, `received ${error.received}`);
      assert.equal(error.url, `${base}/endless`);
      return true;
    });
    // The server noticed the hang-up instead of streaming on: a bounded
    // amount (the limit plus socket buffers) ever left it.
    const total = await sent.get("/endless")!;
    assert.ok(total < 64 * MiB, `server sent ${total} bytes`);
  });

  it("fails at once when content-length already exceeds maxBodySize", async () => {
    await assert.rejects(pn.fetch(`${base}/declared`, { maxBodySize: 10 * MiB }), (error: unknown) => {
      assert.ok(error instanceof pn.ResponseTooLargeError);
      assert.equal(error.received, 1024 * MiB);
      return true;
    });
    await sent.get("/declared");
  });

  it("bounds the body by 64 MiB when no maxBodySize is given", async () => {
    assert.equal(DEFAULT_MAX_BODY_SIZE, 64 * MiB);
    // A stand-in platform fetch whose body never ends, counting what was pulled.
    const platformFetch = globalThis.fetch;
    let pulled = 0;
    globalThis.fetch = (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled += MiB;
            controller.enqueue(new Uint8Array(MiB));
          },
        }),
      )) as typeof fetch;
    try {
      await assert.rejects(pn.fetch(`${base}/anything`), pn.ResponseTooLargeError);
      assert.ok(pulled <= 66 * MiB, `pulled ${pulled / MiB} MiB`);
    } finally {
      globalThis.fetch = platformFetch;
    }
  });

  it("reads a body within the bound, up to exactly maxBodySize", async () => {
    assert.equal((await pn.fetch(`${base}/small`, { maxBodySize: 1000 })).content.byteLength, 1000);
    await assert.rejects(pn.fetch(`${base}/small`, { maxBodySize: 999 }), pn.ResponseTooLargeError);
    assert.equal((await pn.fetch(`${base}/small`, { maxBodySize: Infinity })).content.byteLength, 1000);
  });

  it("rejects a maxBodySize that is not a number of bytes with TypeError", async () => {
    for (const maxBodySize of [-1, NaN, "1" as unknown as number]) {
      await assert.rejects(pn.fetch(`${base}/small`, { maxBodySize }), TypeError);
    }
  });
});

describe("pn.fetch argument errors", () => {
  it("rejects unsupported URL schemes with TypeError, not NetworkError, sending nothing", async () => {
    const platformFetch = globalThis.fetch;
    globalThis.fetch = (() => assert.fail("the platform fetch was called")) as typeof fetch;
    try {
      for (const url of ["ftp://example.com/a", "file:///etc/passwd", "javascript:alert(1)", "ws://127.0.0.1/", "wss://example.com/", "mailto:a@b.c"]) {
        await assert.rejects(pn.fetch(url), (error: unknown) => {
          assert.ok(error instanceof TypeError && !(error instanceof pn.NetworkError), `${url}: ${String(error)}`);
          assert.match(error.message, /scheme is not supported/);
          return true;
        });
      }
    } finally {
      globalThis.fetch = platformFetch;
    }
  });

  it("still fetches data: URLs", async () => {
    assert.equal((await pn.fetch("data:text/plain,hi")).text(), "hi");
  });

  it("rejects a JSON body that serializes to nothing with TypeError", async () => {
    await assert.rejects(pn.fetch(`${base}/small`, { method: "POST", body: { toJSON: () => undefined } }), (error: unknown) => {
      assert.ok(error instanceof TypeError);
      assert.match(error.message, /serializes to nothing/);
      return true;
    });
  });
});
