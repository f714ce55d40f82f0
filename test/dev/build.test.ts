// `typenative build` (src/dev/build.ts) splits the bundle: what the framework
// loads with import() on first use stays out of what the page loads first,
// and the chunks the entry needs at once are preloaded by index.html.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildApp } from "../../src/dev/build.js";

const REPO = resolve(import.meta.dirname, "..", "..");

describe("typenative build (src/dev/build.ts)", () => {
  const out = mkdtempSync(join(tmpdir(), "tn-build-"));
  after(() => rmSync(out, { recursive: true, force: true }));

  it("splits the example app: lazy framework code in chunks/, static chunks preloaded", async () => {
    const files = await buildApp({ root: REPO, entry: "examples/app/main.ts", outDir: out, title: "Example" });
    const js = files.filter((file) => file.path.endsWith(".js"));
    assert.ok(js.some((file) => file.path.endsWith("app.js")), "app.js is written");
    const chunks = js.filter((file) => file.path.includes("chunks/"));
    assert.ok(chunks.length > 0, "code loaded on first use goes to chunks/");

    const html = readFileSync(join(out, "index.html"), "utf8");
    assert.match(html, /<script type="module" src="\.\/app\.js"><\/script>/);
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\.\/([^"]+)">/g)].map((match) => match[1]!);
    const app = readFileSync(join(out, "app.js"), "utf8");
    // Every chunk app.js imports statically is preloaded, and nothing else is.
    const staticImports = [...app.matchAll(/from"\.\/(chunks\/[^"]+)"/g)].map((match) => match[1]!);
    for (const chunk of staticImports) assert.ok(preloaded.includes(chunk), `${chunk} is preloaded`);
    for (const chunk of preloaded) assert.ok(existsSync(join(out, chunk)), `${chunk} exists`);

    // The alert dialog loads on the first alert: not in what the page loads first.
    const firstLoad = [app, ...preloaded.map((chunk) => readFileSync(join(out, chunk), "utf8"))].join("\n");
    assert.doesNotMatch(firstLoad, /tn-alert-backdrop/);
    const lazy = chunks.map((file) => readFileSync(join(REPO, file.path), "utf8")).join("\n");
    assert.match(lazy, /tn-alert-backdrop/, "the dialog is in a lazily loaded chunk");
  });
});
