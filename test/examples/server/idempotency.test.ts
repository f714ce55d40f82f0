// The example API honours Idempotency-Key: a repeated key gets the first
// answer and writes nothing — racing requests and a server restart included.
import { describe, it, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { createApiHandler } from "../../../examples/server/api.js";
import { Store, type Post } from "../../../examples/server/store.js";

async function startApi(dataDir: string) {
  const store = await Store.open(dataDir);
  const api = createApiHandler(store);
  const server: Server = createServer((req, res) => {
    if (!api(req, res)) res.writeHead(404).end("not api");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function create(url: string, body: string, key?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key !== undefined) headers["idempotency-key"] = key;
  return fetch(`${url}/api/posts`, { method: "POST", headers, body: JSON.stringify({ authorId: 1, body }) });
}

describe("example API: Idempotency-Key", () => {
  let dir: string;
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tn-idem-"));
    api = await startApi(dir);
  });
  afterEach(async () => {
    await api.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("a repeated key returns the first answer and writes no second post", async () => {
    const first = await create(api.url, "once", "key-1");
    assert.equal(first.status, 201);
    assert.equal(first.headers.get("idempotent-replayed"), null);
    const post = (await first.json()) as Post;
    const again = await create(api.url, "once", "key-1");
    assert.equal(again.status, 201);
    assert.equal(again.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(await again.json(), post);
    assert.equal(api.store.posts().filter((p) => p.body === "once").length, 1);
    const other = (await (await create(api.url, "once", "key-2")).json()) as Post;
    assert.notEqual(other.id, post.id, "another key is another post");
    const noKey = await create(api.url, "once");
    assert.equal(noKey.status, 201);
    assert.equal(api.store.posts().filter((p) => p.body === "once").length, 3);
  });

  it("racing requests with one key write once and get the same post", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => create(api.url, "race", "same")));
    const posts = await Promise.all(answers.map((a) => a.json() as Promise<Post>));
    assert.equal(new Set(posts.map((p) => p.id)).size, 1);
    assert.equal(api.store.posts().filter((p) => p.body === "race").length, 1);
  });

  it("keys survive a server restart", async () => {
    const post = (await (await create(api.url, "durable", "k")).json()) as Post;
    await api.close();
    api = await startApi(dir);
    const again = await create(api.url, "durable", "k");
    assert.deepEqual(await again.json(), post);
    assert.equal(api.store.posts().filter((p) => p.body === "durable").length, 1);
  });

  it("a failed request is not remembered; a malformed key is a 400", async () => {
    const bad = await fetch(`${api.url}/api/posts`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "k-bad" },
      body: JSON.stringify({ authorId: 1, body: "" }),
    });
    assert.equal(bad.status, 400);
    assert.equal((await create(api.url, "fixed", "k-bad")).status, 201);
    assert.equal((await create(api.url, "x", "has space")).status, 400);
  });
});
