// `npm start`'s server as a real process: spawned on 127.0.0.1 with a
// temporary data directory, driven over raw sockets and HTTP with any Host
// header, and stopped by its own SIGTERM handler at the end.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DATA_FILE, type Post } from "../../../examples/server/store.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

interface Answer {
  status: number;
  body: string;
}

describe("the example server process", () => {
  let dir: string;
  let child: ChildProcess;
  let port: number;
  let exited: Promise<number | null>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "tn-server-"));
    child = spawn(process.execPath, ["--import", "tsx", "examples/start.ts"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", TYPENATIVE_DATA_DIR: dir, TYPENATIVE_API_LATENCY_MS: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    let output = "";
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
  });

  after(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
    await rm(dir, { recursive: true, force: true });
  });

  /** One HTTP request with a chosen Host header (fetch would not let us set it). */
  function send(method: string, path: string, options: { host?: string; body?: unknown } = {}): Promise<Answer> {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          method,
          path,
          headers: {
            host: options.host ?? `127.0.0.1:${port}`,
            ...(body === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(body) }),
          },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode!, body: text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  /** Sends `head` as the raw start of a request; resolves the status line. */
  function sendRaw(head: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => socket.write(head));
      let text = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => {
        text += chunk;
        if (text.includes("\r\n")) {
          socket.destroy();
          resolve(text.slice(0, text.indexOf("\r\n")));
        }
      });
      socket.on("error", reject);
      socket.on("close", () => resolve(text));
    });
  }

  const postIds = async (): Promise<number[]> => (JSON.parse((await send("GET", "/api/posts")).body) as Post[]).map((p) => p.id);

  it("answers a malformed request target with 400 and keeps serving", async () => {
    for (const target of ["http://a:99999/", "http://a:99999/api/users", "http://[nope/"]) {
      assert.equal(await sendRaw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`), "HTTP/1.1 400 Bad Request", target);
    }
    assert.equal(child.exitCode, null, "the server exited");
    assert.equal((await send("GET", "/api/users")).status, 200);
  });

  it("answers 403 to a Host that is not this machine (DNS rebinding) and serves loopback names", async () => {
    const before = await postIds();
    for (const host of ["attacker.example", `attacker.example:${port}`, "127.0.0.1.attacker.example", "localhost.attacker.example", "a@127.0.0.1"]) {
      assert.equal((await send("GET", "/api/users", { host })).status, 403, `GET with Host ${host}`);
      assert.equal((await send("POST", "/api/posts", { host, body: { authorId: 1, body: "pwned" } })).status, 403, `POST with Host ${host}`);
      assert.equal((await send("DELETE", `/api/posts/${before[0]}`, { host })).status, 403, `DELETE with Host ${host}`);
      assert.equal((await send("GET", "/", { host })).status, 403, `page with Host ${host}`);
    }
    // HTTP/1.0 may leave Host out; such a request does not say it is for this machine either.
    assert.equal(await sendRaw("GET /api/users HTTP/1.0\r\n\r\n"), "HTTP/1.1 403 Forbidden");
    assert.deepEqual(await postIds(), before, "a refused request changed the data");
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, "localhost", `app.localhost:${port}`]) {
      const answer = await send("GET", "/api/users", { host });
      assert.equal(answer.status, 200, `Host ${host}`);
      assert.match(answer.body, /ada@example\.com/);
    }
  });

  it("changes nothing when a save fails: the post is neither served nor written later", async () => {
    const before = await postIds();
    // The store writes <file>.<pid>.tmp and renames it: a directory in its
    // way makes every write fail, whoever runs the test (root included).
    const blocker = join(dir, `${DATA_FILE}.${child.pid}.tmp`);
    await mkdir(blocker);
    try {
      assert.equal((await send("POST", "/api/posts", { body: { authorId: 1, body: "lost" } })).status, 500);
      assert.equal((await send("DELETE", `/api/posts/${before[0]}`)).status, 500);
      assert.deepEqual(await postIds(), before);
    } finally {
      await rm(blocker, { recursive: true });
    }
    const created = await send("POST", "/api/posts", { body: { authorId: 1, body: "kept" } });
    assert.equal(created.status, 201);
    const post = JSON.parse(created.body) as Post;
    assert.equal(post.id, Math.max(...before) + 1, "the failed create used up an id");
    const onDisk = JSON.parse(await readFile(join(dir, DATA_FILE), "utf8")) as { posts: Post[] };
    assert.deepEqual(onDisk.posts.map((p) => p.body).filter((b) => b === "lost" || b === "kept"), ["kept"]);
    assert.deepEqual(await postIds(), [post.id, ...before]);
  });

  it("stops by itself on SIGTERM, closing cleanly", async () => {
    child.kill("SIGTERM");
    assert.equal(await exited, 0);
  });
});
