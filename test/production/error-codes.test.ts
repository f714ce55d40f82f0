/**
 * Production error codes (scripts/error-codes.mjs, docs/errors.md): every
 * programmer error in src/ has a number of its own, the table is current,
 * and a production bundle throws the number where development throws the
 * explanation.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { build } from "esbuild";
import { REPO as repo } from "../../bench/browser/site.js";
import { productionError } from "../helpers/error-codes.js";
// @ts-expect-error: a plain .mjs script, without types.
import { check, scan } from "../../scripts/error-codes.mjs";

describe("production error codes", () => {
  it("every guarded error in src/ is numbered once, and docs/errors.md lists them all", () => {
    assert.deepEqual(check(), []);
  });

  it("the scanner reads the development and production branches (after `isDev()` or `options.dev`), and skips strings, templates and comments", () => {
    const source = [
      "throw new TypeError(options.dev && process.env.NODE_ENV !== \"production\" ? `f(x): x must be a number, got ${a ? \"b:c\" : `${d}`}` : `f: x must be a number`);",
      "throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== \"production\" ? \"long, with (a) comma\" /* : */ : /* \"short\" */ \"typenative #7\", { cause });",
    ].join("\n");
    const sites = scan(source) as { long: string; short: string; code: number | null; summary: string | null }[];
    assert.equal(sites.length, 2);
    assert.equal(sites[0]!.long, "`f(x): x must be a number, got ${a ? \"b:c\" : `${d}`}`");
    assert.equal(sites[0]!.short, "`f: x must be a number`");
    assert.equal(sites[0]!.code, null);
    assert.equal(sites[1]!.long, "\"long, with (a) comma\" /* : */");
    assert.equal(sites[1]!.code, 7);
    assert.equal(sites[1]!.summary, "\"short\"");
  });

  it("a production bundle throws the number, with the parts that vary; the type stays", async () => {
    const entry = `
      import * as pn from ${JSON.stringify(join(repo, "src", "index.ts"))};
      const caught = [];
      try { pn.runtime.getLoop().callLater(-1, () => {}); } catch (error) { caught.push([error.name, error.message]); }
      try { pn.component(42); } catch (error) { caught.push([error.name, error.message]); }
      globalThis.__caught = caught;
    `;
    const result = await build({
      stdin: { contents: entry, resolveDir: repo, loader: "ts" },
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      minify: true,
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "silent",
    });
    const text = result.outputFiles[0]!.text;
    assert.equal(text.includes("ms must be a number of milliseconds"), false, "the development explanation is not in the bundle");
    await import(`data:text/javascript;base64,${Buffer.from(text).toString("base64")}`);
    const caught = (globalThis as { __caught?: [string, string][] }).__caught!;
    const delay = productionError("src/runtime/loop.ts", "ms must be ≥ 0");
    const component = productionError("src/core/component.ts", "component(fn)");
    assert.deepEqual(caught, [
      ["TypeError", `${delay}callLater(ms, fn)`],
      ["TypeError", component.slice(0, -1)],
    ]);
    assert.match(caught[0]![1], /^typenative #\d+: callLater\(ms, fn\)$/);
  });
});
