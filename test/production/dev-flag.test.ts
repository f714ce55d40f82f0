/**
 * `options.dev` follows `process.env.NODE_ENV` wherever it can be read — in
 * Node, or where a bundler replaced it — and a page without a bundler (no
 * `process` at all) still loads. Each case bundles `src/runtime/options.ts` as
 * a bundler would and runs it in a fresh context with or without `process`.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import * as pn from "../../src/index.js";

const optionsModule = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "runtime", "options.ts");

type Options = { dev: boolean; warn(message: string): void };

/** Loads options.ts bundled with `define` (or none, as plain ESM served to a browser) into a context holding `globals`. */
async function load(define: string | null, globals: Record<string, unknown>): Promise<Options> {
  const result = await build({
    entryPoints: [optionsModule],
    bundle: true,
    format: "iife",
    globalName: "typenative",
    platform: "neutral",
    define: define === null ? {} : { "process.env.NODE_ENV": JSON.stringify(define) },
    write: false,
    logLevel: "silent",
  });
  const context: Record<string, unknown> = { ...globals };
  runInNewContext(`${result.outputFiles![0]!.text}\nthis.loaded = typenative.options;`, context);
  return context.loaded as Options;
}

describe("options.dev", () => {
  it("is on in Node when NODE_ENV is not production (the test run)", () => {
    assert.notEqual(process.env.NODE_ENV, "production");
    assert.equal(pn.options.dev, true);
  });

  it("follows a bundler's define even where `process` does not exist (a browser bundle)", async () => {
    assert.equal((await load("production", {})).dev, false);
    assert.equal((await load("development", {})).dev, true);
  });

  it("follows process.env.NODE_ENV when nothing was defined (Node, an unbundled server)", async () => {
    assert.equal((await load(null, { process: { env: { NODE_ENV: "production" } } })).dev, false);
    assert.equal((await load(null, { process: { env: {} } })).dev, true);
  });

  it("loads without a bundler or `process` (a browser importing the modules), with the dev checks off", async () => {
    const options = await load(null, {});
    assert.equal(options.dev, false);
    // Turning them on there would make every dev check read a `process` that is not there: refused up front.
    assert.throws(() => (options.dev = true), /globalThis\.process = \{ env: \{\} \}/);
    options.dev = false;
  });

  it("can be turned off and on again where process.env can be read", async () => {
    const options = await load("development", {});
    options.dev = false;
    assert.equal(options.dev, false);
    options.dev = true;
    assert.equal(options.dev, true);
  });
});
