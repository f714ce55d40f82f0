// pn.fetch and the signal checks with objects of another realm: a
// same-origin iframe's window in Chromium (URLSearchParams, URL, Headers,
// AbortSignal, ArrayBuffer, plain objects), a node:vm context in Node (the
// JavaScript built-ins only). Each class is another realm's, so an
// `instanceof` against this realm's class is false for it.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import vm from "node:vm";
import type { Browser, Page } from "playwright-core";
import * as pn from "../../src/index.js";
import { bundle, launchChromium, openPage, pageErrors, serveScript, type TestSite } from "../helpers/browser.js";

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Answers /echo with what it got; /hang never answers. False for any other path. */
function echo(req: IncomingMessage, res: import("node:http").ServerResponse): boolean {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  if (path === "/hang") return true;
  if (path !== "/echo") return false;
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("hex");
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
  });
  return true;
}

describe("pn.fetch with another window's objects (Chromium, an iframe)", () => {
  let browser: Browser;
  let site: TestSite;
  let page: Page;
  before(async () => {
    site = await serveScript(await bundle(fileURLToPath(new URL("./pages/fetch-realm-page.ts", import.meta.url))), echo);
    browser = await launchChromium();
    page = await openPage(browser, site.url);
  });
  after(async () => {
    assert.deepEqual(pageErrors(page), []);
    await browser?.close();
    await site?.close();
  });

  /** The page's call with the iframe's objects, which must give what the call with this window's gives. */
  async function both(name: string): Promise<unknown> {
    const own = await page.evaluate((n) => (window as any).tn[n](false), name);
    const foreign = await page.evaluate((n) => (window as any).tn[n](true), name);
    assert.deepEqual(foreign, own, `${name}: the iframe's objects work as this window's`);
    return foreign;
  }

  it("sends URLSearchParams params, a URL, a Headers, a plain object body and an ArrayBuffer body", async () => {
    assert.equal(((await both("params")) as Echo).url, "/echo?q=a+b&n=1");
    assert.equal(((await both("url")) as Echo).url, "/echo?from=url");
    assert.equal(((await both("headers")) as Echo).headers["x-realm"], "yes");
    const json = (await both("body")) as Echo;
    assert.equal(Buffer.from(json.body, "hex").toString(), '{"a":1}');
    assert.equal(json.headers["content-type"], "application/json");
    assert.equal(((await both("bytes")) as Echo).body, "0102ff");
  });

  it("takes an AbortSignal of the iframe's: fetch and Alert end with a CancelledError when it aborts", async () => {
    assert.match(((await both("abort")) as { error: string }).error, /^CancelledError: /);
    assert.equal(await both("alert"), "CancelledError");
  });
});

describe("pn.fetch with a node:vm context's objects", () => {
  let server: Server;
  let base = "";
  before(async () => {
    server = createServer((req, res) => void echo(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("sends a plain object, a null-prototype object and an ArrayBuffer made in another realm", async () => {
    const context = vm.createContext({});
    const plain = vm.runInContext("({ a: 1, list: [2] })", context) as object;
    const bare = vm.runInContext("Object.assign(Object.create(null), { b: 2 })", context) as object;
    const buffer = vm.runInContext("new Uint8Array([1, 2, 255]).buffer", context) as ArrayBuffer;
    assert.equal(plain instanceof Object, false, "the object is another realm's");
    const sent = async (body: unknown): Promise<Echo> => (await pn.fetch(`${base}/echo`, { method: "POST", body: body as object })).json<Echo>();
    const json = await sent(plain);
    assert.equal(Buffer.from(json.body, "hex").toString(), '{"a":1,"list":[2]}');
    assert.equal(json.headers["content-type"], "application/json");
    assert.equal(Buffer.from((await sent(bare)).body, "hex").toString(), '{"b":2}');
    assert.equal((await sent(buffer)).body, "0102ff");
  });

  it("still refuses a class instance as a body, from either realm", async () => {
    const context = vm.createContext({});
    const foreign = vm.runInContext("new (class Point { constructor() { this.x = 1; } })()", context) as object;
    class Point {
      x = 1;
    }
    for (const body of [foreign, new Point()]) {
      await assert.rejects(pn.fetch(`${base}/echo`, { method: "POST", body: body as object }), TypeError);
    }
  });
});
