import { describe, it, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { createApiHandler, type ApiOptions } from "../../../examples/server/api.js";
import { DATA_FILE, MAX_BODY_LENGTH, Store, type Post } from "../../../examples/server/store.js";

interface Running {
  url: string;
  store: Store;
  close(): Promise<void>;
}

async function startApi(dataDir: string, options: ApiOptions = {}): Promise<Running> {
  const store = await Store.open(dataDir);
  const api = createApiHandler(store, options);
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

function post(url: string, body: unknown, type = "application/json"): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": type }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

describe("example API server", () => {
  let dir: string;
  let api: Running;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tn-api-"));
    api = await startApi(dir);
  });
  afterEach(async () => {
    await api.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("serves the seeded users and posts, newest first", async () => {
    const users = await (await fetch(`${api.url}/api/users`)).json();
    assert.deepEqual(
      users.map((u: { name: string }) => u.name),
      ["Ada Lovelace", "Alan Turing"],
    );
    const user = await fetch(`${api.url}/api/users/2`);
    assert.equal(user.status, 200);
    assert.equal(user.headers.get("content-type"), "application/json; charset=utf-8");
    assert.equal((await user.json()).name, "Alan Turing");
    const posts: Post[] = await (await fetch(`${api.url}/api/posts`)).json();
    assert.deepEqual(
      posts.map((p) => p.id),
      [3, 2, 1],
    );
    const adas: Post[] = await (await fetch(`${api.url}/api/posts?authorId=1`)).json();
    assert.deepEqual(
      adas.map((p) => p.id),
      [2, 1],
    );
  });

  it("creates a post that is listed and kept on disk across restarts", async () => {
    const created = await post(`${api.url}/api/posts`, { authorId: 1, body: "fresh" });
    assert.equal(created.status, 201);
    const body: Post = await created.json();
    assert.equal(body.body, "fresh");
    assert.equal(body.authorId, 1);
    assert.equal(body.id, 4);
    const listed: Post[] = await (await fetch(`${api.url}/api/posts?authorId=1`)).json();
    assert.equal(listed[0]!.body, "fresh");

    await api.close();
    const onDisk = JSON.parse(await readFile(join(dir, DATA_FILE), "utf8"));
    assert.ok(onDisk.posts.some((p: Post) => p.body === "fresh"));
    api = await startApi(dir);
    const again: Post[] = await (await fetch(`${api.url}/api/posts`)).json();
    assert.equal(again[0]!.body, "fresh");
  });

  it("gives concurrent creates distinct ids and keeps all of them", async () => {
    const bodies = ["a", "b", "c", "d", "e"];
    const created: Post[] = await Promise.all(
      bodies.map(async (b) => (await post(`${api.url}/api/posts`, { authorId: 2, body: b })).json()),
    );
    assert.equal(new Set(created.map((p) => p.id)).size, bodies.length);
    await api.store.flush();
    const onDisk = JSON.parse(await readFile(join(dir, DATA_FILE), "utf8"));
    for (const b of bodies) assert.ok(onDisk.posts.some((p: Post) => p.body === b), `post ${b} is on disk`);
    assert.deepEqual(
      (await readdir(dir)).filter((f) => f.endsWith(".tmp")),
      [],
    );
  });

  it("deletes a post once, then answers 404", async () => {
    const first = await fetch(`${api.url}/api/posts/2`, { method: "DELETE" });
    assert.equal(first.status, 204);
    assert.equal(await first.text(), "");
    const posts: Post[] = await (await fetch(`${api.url}/api/posts`)).json();
    assert.deepEqual(
      posts.map((p) => p.id),
      [3, 1],
    );
    const second = await fetch(`${api.url}/api/posts/2`, { method: "DELETE" });
    assert.equal(second.status, 404);
    assert.deepEqual(await second.json(), { error: "no post 2" });
  });

  it("rejects bad requests with a status and a JSON error", async () => {
    const cases: [Promise<Response>, number, RegExp][] = [
      [post(`${api.url}/api/posts`, "{not json"), 400, /not valid JSON/],
      [post(`${api.url}/api/posts`, "body=x", "application/x-www-form-urlencoded"), 415, /content-type/],
      [post(`${api.url}/api/posts`, { authorId: 1 }), 400, /body must be/],
      [post(`${api.url}/api/posts`, { authorId: 1, body: "   " }), 400, /body must be/],
      [post(`${api.url}/api/posts`, { authorId: "1", body: "x" }), 400, /authorId/],
      [post(`${api.url}/api/posts`, { authorId: 99, body: "x" }), 400, /no user 99/],
      [post(`${api.url}/api/posts`, [1, 2]), 400, /JSON object/],
      [post(`${api.url}/api/posts`, { authorId: 1, body: "x".repeat(MAX_BODY_LENGTH + 1) }), 400, /longer than/],
      [fetch(`${api.url}/api/users/abc`), 400, /not an id/],
      [fetch(`${api.url}/api/users/42`), 404, /no user 42/],
      [fetch(`${api.url}/api/nothing`), 404, /no route/],
      [fetch(`${api.url}/api/posts/1/extra`), 404, /no route/],
      [fetch(`${api.url}/api/users`, { method: "DELETE" }), 405, /not allowed/],
      [fetch(`${api.url}/api/posts/1`, { method: "GET" }), 405, /not allowed/],
    ];
    for (const [pending, status, message] of cases) {
      const response = await pending;
      assert.equal(response.status, status, `${response.url} → ${status}`);
      assert.match((await response.json()).error, message);
    }
    // Nothing bad was stored.
    const posts: Post[] = await (await fetch(`${api.url}/api/posts`)).json();
    assert.equal(posts.length, 3);
  });

  it("leaves other paths to the surrounding server", async () => {
    const response = await fetch(`${api.url}/apiary`);
    assert.equal(response.status, 404);
    assert.equal(await response.text(), "not api");
  });
});

describe("example API store", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "tn-store-"));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("sets a corrupt data file aside and starts from the seed", async () => {
    const file = join(dir, DATA_FILE);
    await writeFile(file, "{ half a file");
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(" "));
    let store: Store;
    try {
      store = await Store.open(dir);
    } finally {
      console.warn = warn;
    }
    assert.equal(store.posts().length, 3);
    const files = await readdir(dir);
    const aside = files.find((f) => f.startsWith(`${DATA_FILE}.corrupt-`));
    assert.ok(aside, `corrupt file kept: ${files.join(", ")}`);
    assert.equal(await readFile(join(dir, aside), "utf8"), "{ half a file");
    assert.match(String(warnings[0]), /not valid data/);
    assert.equal(JSON.parse(await readFile(file, "utf8")).posts.length, 3);
  });
});

describe("example API latency", () => {
  it("answers only after the delay hook lets the request through", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tn-delay-"));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    const api = await startApi(dir, {
      delay: async (request) => {
        seen.push(`${request.method} ${request.url}`);
        await gate;
      },
    });
    try {
      let answered = false;
      const pending = fetch(`${api.url}/api/posts`).then((r) => {
        answered = true;
        return r.json();
      });
      while (seen.length === 0) await new Promise((r) => setImmediate(r));
      assert.deepEqual(seen, ["GET /api/posts"]);
      assert.equal(answered, false);
      release();
      const posts: Post[] = await pending;
      assert.equal(answered, true);
      assert.equal(posts.length, 3);
    } finally {
      await api.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
