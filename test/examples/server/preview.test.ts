import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPreview, type Preview } from "../../../examples/server/preview.js";

describe("example preview server", () => {
  let dir: string;
  let preview: Preview;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "tn-preview-"));
    preview = await startPreview({ dataDir: dir, latencyMs: 0 });
  });
  after(async () => {
    await preview?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 and serves the page with a strict CSP", async () => {
    assert.match(preview.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(preview.url);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get("content-type"), "text/html; charset=utf-8");
    assert.match(page.headers.get("content-security-policy") ?? "", /script-src 'self'/);
    assert.equal(page.headers.get("x-content-type-options"), "nosniff");
    const html = await page.text();
    assert.match(html, /<div id="root">/);
    assert.match(html, /<script type="module" src="\/app.js"><\/script>/);
  });

  it("serves the esbuild bundle of the app, its source map and stylesheet", async () => {
    await fetch(preview.url); // a page load triggers the (incremental) build
    const js = await fetch(new URL("/app.js", preview.url));
    assert.equal(js.status, 200);
    assert.equal(js.headers.get("content-type"), "text/javascript; charset=utf-8");
    const code = await js.text();
    assert.match(code, /\/\/# sourceMappingURL=app\.js\.map/);
    // Not the page that reports a failed build; the dev server's client (fast refresh) comes first.
    assert.doesNotMatch(code, /^const panel = document\.createElement/);
    assert.match(code, /__TYPENATIVE_REFRESH__/);
    // The bundle holds the framework sources, resolved through the package's own name.
    assert.match(code, /function mount\(/);
    assert.match(code, /PostsScreen/);
    const map = await fetch(new URL("/app.js.map", preview.url));
    assert.equal(map.status, 200);
    assert.ok(Array.isArray((await map.json()).sources));
    const css = await fetch(new URL("/app.css", preview.url));
    assert.equal(css.headers.get("content-type"), "text/css; charset=utf-8");
  });

  it("answers the API on the same origin and 404/405 elsewhere", async () => {
    const posts = await fetch(new URL("/api/posts", preview.url));
    assert.equal(posts.status, 200);
    assert.equal((await posts.json()).length, 3);
    assert.equal((await fetch(new URL("/nope", preview.url))).status, 404);
    assert.equal((await fetch(preview.url, { method: "POST" })).status, 405);
  });
});
