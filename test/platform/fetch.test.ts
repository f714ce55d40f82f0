import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as pn from "../../src/index.js";
import { isCancellation } from "../../src/runtime/errors.js";
import { fakeClock as installFakeClock, type FakeClock } from "typenative/testing";

/** One macrotask turn: lets promise chains settle without moving virtual time. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// ---------------------------------------------------------------------------
// A real HTTP server on 127.0.0.1, one route per behaviour under test.

const LONG_404_BODY = `No such post. ${"x".repeat(500)}`;
/** Requests seen per path, so tests can assert that nothing was sent. */
const hits = new Map<string, number>();
/** One-shot waiters for "a request for <path> arrived" and "its response closed". */
const arrivals = new Map<string, Array<() => void>>();
const closes = new Map<string, Array<() => void>>();

function waitFor(table: Map<string, Array<() => void>>, path: string): Promise<void> {
  return new Promise((resolve) => {
    const list = table.get(path) ?? [];
    list.push(resolve);
    table.set(path, list);
  });
}

function fire(table: Map<string, Array<() => void>>, path: string): void {
  const list = table.get(path);
  table.delete(path);
  for (const resolve of list ?? []) resolve();
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  hits.set(path, (hits.get(path) ?? 0) + 1);
  res.on("close", () => fire(closes, path));
  const body = await readBody(req);
  fire(arrivals, path);
  switch (path) {
    case "/text":
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end("héllo wörld ✓");
      return;
    case "/json":
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: 1, name: "Alice" }));
      return;
    case "/echo":
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({ method: req.method, url: req.url, headers: req.headers, hex: body.toString("hex") }),
      );
      return;
    case "/missing":
      res.writeHead(404, { "content-type": "text/plain" }).end(LONG_404_BODY);
      return;
    case "/redirect":
      res.writeHead(302, { location: "/json" }).end();
      return;
    case "/latin1":
      res.writeHead(200, { "content-type": 'text/plain; charset="ISO-8859-1"' }).end(Buffer.from("café naïve", "latin1"));
      return;
    case "/bad-json":
      res.writeHead(502, { "content-type": "application/json" }).end("<html><body>Bad gateway</body></html>");
      return;
    case "/hang":
      return; // never answers
    case "/partial":
      // Headers and the first part of the body, then silence.
      res.writeHead(200, { "content-type": "text/plain", "content-length": "1000" });
      res.write("the first part of the body");
      return;
    default:
      res.writeHead(500).end(`unknown route ${path}`);
  }
}

let server: Server;
let base = "";

before(async () => {
  server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => res.destroy(error as Error));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  hex: string;
}

// ---------------------------------------------------------------------------

describe("pn.fetch responses", () => {
  it("GETs text with a fully read body and synchronous text()", async () => {
    const resp = await pn.fetch(`${base}/text`);
    assert.ok(resp instanceof pn.FetchResponse);
    assert.equal(resp.status, 200);
    assert.equal(resp.ok, true);
    assert.equal(resp.url, `${base}/text`);
    assert.ok(resp.headers instanceof Headers);
    assert.equal(resp.headers.get("content-type"), "text/plain; charset=utf-8");
    assert.ok(resp.content instanceof Uint8Array);
    assert.deepEqual(Buffer.from(resp.content), Buffer.from("héllo wörld ✓", "utf8"));
    assert.equal(resp.text(), "héllo wörld ✓");
    assert.equal(resp.raiseForStatus(), resp, "a 2xx raiseForStatus returns the response for chaining");
  });

  it("GETs JSON with synchronous json()", async () => {
    const resp = await pn.fetch(`${base}/json`);
    assert.deepEqual(resp.json(), { id: 1, name: "Alice" });
    assert.deepEqual(resp.raiseForStatus().json<{ name: string }>().name, "Alice");
  });

  it("decodes text() with the charset of content-type", async () => {
    const resp = await pn.fetch(`${base}/latin1`);
    assert.deepEqual(Array.from(resp.content), Array.from(Buffer.from("café naïve", "latin1")));
    assert.equal(resp.text(), "café naïve");
  });

  it("decodes as UTF-8 when the charset is unknown", () => {
    const resp = new pn.FetchResponse({
      status: 200,
      url: "http://example.test/",
      headers: new Headers({ "content-type": "text/plain; charset=no-such-charset" }),
      content: new TextEncoder().encode("naïve"),
    });
    assert.equal(resp.text(), "naïve");
  });

  it("does not throw on a 404 until raiseForStatus, whose HTTPError carries status, url and the body's start", async () => {
    const resp = await pn.fetch(`${base}/missing`);
    assert.equal(resp.status, 404);
    assert.equal(resp.ok, false);
    assert.equal(resp.text(), LONG_404_BODY, "the whole body is still readable");
    let caught: unknown;
    try {
      resp.raiseForStatus();
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof pn.HTTPError, "raiseForStatus throws HTTPError");
    assert.equal(caught.name, "HTTPError");
    assert.equal(caught.status, 404);
    assert.equal(caught.url, `${base}/missing`);
    assert.equal(caught.response, resp);
    assert.ok(caught.body.startsWith("No such post. xxx"));
    assert.ok(caught.body.length <= 201 && caught.body.length >= 200, `body preview length ${caught.body.length}`);
    assert.match(caught.message, /^HTTP 404 Not Found for http:\/\/127\.0\.0\.1:\d+\/missing: No such post\./);
  });

  it("reports the final url after a redirect", async () => {
    const resp = await pn.fetch(`${base}/redirect`);
    assert.equal(resp.status, 200);
    assert.equal(resp.url, `${base}/json`);
    assert.deepEqual(resp.json(), { id: 1, name: "Alice" });
  });

  it("throws a SyntaxError naming url, status and body start when json() meets invalid JSON", async () => {
    const resp = await pn.fetch(`${base}/bad-json`);
    assert.throws(
      () => resp.json(),
      (error: unknown) => {
        assert.ok(error instanceof SyntaxError);
        assert.ok(error.message.includes(`${base}/bad-json`), error.message);
        assert.ok(error.message.includes("status 502"), error.message);
        assert.ok(error.message.includes("<html><body>Bad gateway"), error.message);
        return true;
      },
    );
  });
});

describe("pn.fetch requests", () => {
  it("POSTs a plain object as JSON with content-type and the caller's headers", async () => {
    const resp = await pn.fetch(`${base}/echo`, {
      method: "POST",
      body: { title: "Hello", tags: ["a", "b"] },
      headers: { Authorization: "Bearer t0ken", "X-Skipped": undefined },
    });
    const echo = resp.json<Echo>();
    assert.equal(echo.method, "POST");
    assert.equal(echo.headers["content-type"], "application/json");
    assert.equal(echo.headers["authorization"], "Bearer t0ken");
    assert.equal(echo.headers["x-skipped"], undefined);
    assert.deepEqual(JSON.parse(Buffer.from(echo.hex, "hex").toString("utf8")), { title: "Hello", tags: ["a", "b"] });
  });

  it("sends an array body as JSON and keeps a content-type given in a Headers", async () => {
    const headers = new Headers({ "Content-Type": "application/vnd.api+json" });
    const echo = (await pn.fetch(`${base}/echo`, { method: "put", body: [1, "two"], headers })).json<Echo>();
    assert.equal(echo.method, "PUT");
    assert.equal(echo.headers["content-type"], "application/vnd.api+json");
    assert.equal(Buffer.from(echo.hex, "hex").toString("utf8"), '[1,"two"]');
  });

  it("takes headers as a Map, as any iterable of pairs", async () => {
    const echo = (await pn.fetch(`${base}/echo`, { headers: new Map([["x-from", "map"]]) as unknown as Headers })).json<Echo>();
    assert.equal(echo.headers["x-from"], "map");
  });

  it("uppercases any method, so a lowercase patch reaches the server as PATCH", async () => {
    const echo = (await pn.fetch(`${base}/echo`, { method: "patch", body: { done: true } })).json<Echo>();
    assert.equal(echo.method, "PATCH");
  });

  it("sends a string body as UTF-8", async () => {
    const echo = (await pn.fetch(`${base}/echo`, { method: "POST", body: "héllo ✓" })).json<Echo>();
    assert.equal(echo.hex, Buffer.from("héllo ✓", "utf8").toString("hex"));
    assert.match(echo.headers["content-type"] ?? "", /^text\/plain/i);
  });

  it("sends bytes as is: Uint8Array, Buffer, ArrayBuffer and a view into a larger buffer", async () => {
    const bytes = new Uint8Array([0, 1, 2, 254, 255]);
    const backing = new Uint8Array([9, 9, 0, 1, 2, 254, 255, 9]);
    const bodies = [bytes, Buffer.from(bytes), bytes.slice().buffer, backing.subarray(2, 7)];
    for (const body of bodies) {
      const echo = (await pn.fetch(`${base}/echo`, { method: "POST", body })).json<Echo>();
      assert.equal(echo.hex, "000102feff", `body ${Object.prototype.toString.call(body)}`);
      assert.notEqual(echo.headers["content-type"], "application/json");
    }
  });

  it("URL-encodes params and appends them to the query already in the url", async () => {
    const echo = (
      await pn.fetch(`${base}/echo?page=2&q=a%20b`, {
        params: { search: "x y&z=1", ids: [1, 2], flag: true, skipped: undefined, "ü": "é" },
      })
    ).json<Echo>();
    assert.equal(echo.url, "/echo?page=2&q=a%20b&search=x+y%26z%3D1&ids=1&ids=2&flag=true&%C3%BC=%C3%A9");
    const plain = (await pn.fetch(`${base}/echo`, { params: { n: 0 } })).json<Echo>();
    assert.equal(plain.url, "/echo?n=0");
  });
});

// A regression here would hang on a request that never ends; fail instead.
describe("pn.fetch failures", { timeout: 10_000 }, () => {
  it("times out on the loop clock: TimeoutError after the default 30 s of virtual time, not a cancellation", async () => {
    const clock = installFakeClock();
    try {
      const arrived = waitFor(arrivals, "/hang");
      const closed = waitFor(closes, "/hang");
      const pending = pn.fetch(`${base}/hang`);
      let outcome: unknown = "pending";
      pending.then(
        () => (outcome = "resolved"),
        (error: unknown) => (outcome = error),
      );
      await arrived;
      await clock.advance(29_999);
      assert.equal(outcome, "pending", "nothing happens before the timeout");
      await clock.advance(1);
      await assert.rejects(pending, (error: unknown) => {
        assert.ok(error instanceof pn.TimeoutError, `got ${String(error)}`);
        assert.ok(!(error instanceof pn.CancelledError));
        assert.equal(isCancellation(error), false);
        assert.equal(error.timeout, 30_000);
        assert.equal(error.url, `${base}/hang`);
        return true;
      });
      await closed; // the request was really aborted, the socket let go
    } finally {
      clock.uninstall();
    }
  });

  it("honours a custom timeout", async () => {
    const clock = installFakeClock();
    try {
      const arrived = waitFor(arrivals, "/hang");
      const pending = pn.fetch(`${base}/hang`, { timeout: 250 });
      const failure = pending.then(
        () => assert.fail("should time out"),
        (error: unknown) => error,
      );
      await arrived;
      await clock.advance(250);
      const error = await failure;
      assert.ok(error instanceof pn.TimeoutError, `got ${String(error)}`);
      assert.equal(error.timeout, 250);
      assert.match(error.stack ?? "", /TimeoutError: Request to .* timed out after 250 ms/);
    } finally {
      clock.uninstall();
    }
  });

  it("rejects with CancelledError when the signal aborts mid-body, and closes the connection", async () => {
    // Wrap the platform fetch to learn when the headers are in: from then on
    // pn.fetch is reading the body, which the server leaves unfinished.
    const platformFetch = globalThis.fetch;
    let headersIn!: () => void;
    const headersReceived = new Promise<void>((resolve) => (headersIn = resolve));
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await platformFetch(input, init);
      headersIn();
      return response;
    }) as typeof globalThis.fetch;
    try {
      const closed = waitFor(closes, "/partial");
      const controller = new AbortController();
      const pending = pn.fetch(`${base}/partial`, { signal: controller.signal });
      await headersReceived;
      await turn();
      controller.abort();
      await assert.rejects(pending, pn.CancelledError);
      await closed;
    } finally {
      globalThis.fetch = platformFetch;
    }
  });

  it("rejects a pre-aborted signal with its CancelledError without sending anything", async () => {
    const before = hits.get("/echo") ?? 0;
    const controller = new AbortController();
    const reason = new pn.CancelledError("user left");
    controller.abort(reason);
    await assert.rejects(pn.fetch(`${base}/echo`, { signal: controller.signal }), (error: unknown) => error === reason);
    const foreign = new AbortController();
    foreign.abort();
    await assert.rejects(pn.fetch(`${base}/echo`, { signal: foreign.signal }), pn.CancelledError);
    await turn();
    assert.equal(hits.get("/echo") ?? 0, before);
  });

  it("rejects a refused connection with NetworkError keeping the cause", async () => {
    const closedServer = createServer();
    await new Promise<void>((resolve) => closedServer.listen(0, "127.0.0.1", resolve));
    const port = (closedServer.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closedServer.close(() => resolve()));
    await assert.rejects(pn.fetch(`http://127.0.0.1:${port}/`), (error: unknown) => {
      assert.ok(error instanceof pn.NetworkError, `got ${String(error)}`);
      assert.ok(!(error instanceof pn.CancelledError) && !(error instanceof pn.TimeoutError));
      assert.ok(error.cause instanceof Error, "keeps the platform error as cause");
      assert.match(error.message, /ECONNREFUSED/);
      assert.equal(error.url, `http://127.0.0.1:${port}/`);
      return true;
    });
  });

  it("wraps a failing platform fetch in NetworkError", async () => {
    const platformFetch = globalThis.fetch;
    const boom = new TypeError("Failed to fetch");
    globalThis.fetch = (() => Promise.reject(boom)) as typeof globalThis.fetch;
    try {
      await assert.rejects(pn.fetch(`${base}/json`), (error: unknown) => error instanceof pn.NetworkError && error.cause === boom);
    } finally {
      globalThis.fetch = platformFetch;
    }
  });
});

describe("pn.fetch bad arguments", () => {
  const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
    ["a non-string url", () => pn.fetch(42 as unknown as string), /url must be a string/],
    ["an invalid url", () => pn.fetch("not a url"), /invalid URL/],
    ["a bad method", () => pn.fetch(`${base}/echo`, { method: "GE T" }), /method/],
    ["a non-string method", () => pn.fetch(`${base}/echo`, { method: 5 as unknown as string }), /method/],
    ["CONNECT", () => pn.fetch(`${base}/echo`, { method: "connect" }), /CONNECT is not allowed/],
    ["a negative timeout", () => pn.fetch(`${base}/echo`, { timeout: -1 }), /timeout/],
    ["a NaN timeout", () => pn.fetch(`${base}/echo`, { timeout: Number.NaN }), /timeout/],
    ["a non-signal", () => pn.fetch(`${base}/echo`, { signal: {} as AbortSignal }), /signal must be an AbortSignal/],
    ["an unknown option", () => pn.fetch(`${base}/echo`, { json: {} } as pn.FetchOptions), /unknown option "json"/],
    ["a body on GET", () => pn.fetch(`${base}/echo`, { body: { a: 1 } }), /GET request cannot have a body/],
    ["a function body", () => pn.fetch(`${base}/echo`, { method: "POST", body: () => 1 }), /got a function/],
    ["a symbol body", () => pn.fetch(`${base}/echo`, { method: "POST", body: Symbol("s") as unknown as object }), /got a symbol/],
    ["a number body", () => pn.fetch(`${base}/echo`, { method: "POST", body: 42 as unknown as object }), /got number 42/],
    ["a Map body", () => pn.fetch(`${base}/echo`, { method: "POST", body: new Map() }), /got a Map/],
    [
      "a circular object body",
      () => {
        const body: Record<string, unknown> = {};
        body.self = body;
        return pn.fetch(`${base}/echo`, { method: "POST", body });
      },
      /cannot be serialized as JSON/,
    ],
    ["a BigInt inside the body", () => pn.fetch(`${base}/echo`, { method: "POST", body: { n: 1n } }), /cannot be serialized/],
    ["an object param", () => pn.fetch(`${base}/echo`, { params: { a: {} as string } }), /params\.a must be/],
    ["an invalid header name", () => pn.fetch(`${base}/echo`, { headers: { "bad name": "x" } }), /invalid headers/],
  ];

  for (const [what, call, message] of cases) {
    it(`rejects ${what} with TypeError, without throwing synchronously`, async () => {
      const before = hits.get("/echo") ?? 0;
      let promise: Promise<unknown> | undefined;
      assert.doesNotThrow(() => {
        promise = call();
      });
      await assert.rejects(promise!, (error: unknown) => {
        assert.ok(error instanceof TypeError, `got ${String(error)}`);
        assert.match(error.message, message);
        return true;
      });
      assert.equal(hits.get("/echo") ?? 0, before, "nothing was sent");
    });
  }
});
