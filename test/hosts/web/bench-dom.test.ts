/**
 * The browser benchmark compares like with like: after every operation of
 * the js-framework-benchmark, typenative, Preact and React leave exactly the
 * DOM the hand-written vanilla table leaves (`bench/browser/apps`). It also
 * holds typenative to the host operations those updates need: no
 * `addEventListener` call on select, swap or update (handlers are presence
 * flags, so a fresh closure costs nothing).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../helpers/browser.js";
import { buildPages, serve, TABLE_IMPLS, type Site } from "../../../bench/browser/site.js";

const SEQUENCE = [
  "run", "updateEvery10th", "select:1", "select:5", "swapRows", "remove:3", "swapRows", "add", "remove:0", "select:1500",
  "updateEvery10th", "run", "remove:998", "clearAll", "runLots", "clearAll", "add",
] as const;

describe("browser benchmark pages", () => {
  let browser: Browser;
  let site: Site;
  before(async () => {
    site = await serve(await buildPages());
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(impl: string): Promise<Page> {
    const page = await browser.newPage();
    const errors: unknown[] = [];
    page.on("pageerror", (error) => errors.push(error));
    await page.goto(site.url(`table-${impl}`));
    await page.waitForFunction("window.ready === true");
    (page as unknown as { errors: unknown[] }).errors = errors;
    return page;
  }

  it("typenative, Preact and React leave vanilla's DOM after every operation", async () => {
    const pages = new Map<string, Page>();
    for (const impl of TABLE_IMPLS) pages.set(impl, await open(impl));
    try {
      for (const step of SEQUENCE) {
        const doms = new Map<string, string>();
        for (const [impl, page] of pages) {
          await page.evaluate(`window.bench.perform(${JSON.stringify(step)})`);
          doms.set(impl, (await page.evaluate("window.bench.canonicalDom()")) as string);
        }
        const expected = doms.get("vanilla")!;
        assert.ok(expected.length > 0 || step === "clearAll");
        for (const [impl, dom] of doms) {
          if (dom !== expected) {
            const a = expected.split("\n");
            const b = dom.split("\n");
            const line = a.findIndex((text, i) => text !== b[i]);
            assert.fail(`after ${step}, ${impl}'s DOM differs from vanilla's at line ${line}:\n  vanilla: ${a[line]}\n  ${impl}: ${b[line]}`);
          }
        }
      }
      for (const [impl, page] of pages) assert.deepEqual((page as unknown as { errors: unknown[] }).errors, [], impl);
    } finally {
      for (const page of pages.values()) await page.close();
    }
  });

  it("typenative empties the table without one removeChild per row, on clear and on replacing every row", async () => {
    const page = await open("typenative");
    try {
      await page.evaluate(`(() => {
        window.removes = 0;
        const removeChild = Node.prototype.removeChild;
        Node.prototype.removeChild = function (child) { window.removes++; return removeChild.call(this, child); };
      })()`);
      const rows = () => page.evaluate(`document.querySelectorAll("[role=listitem]").length`);
      for (const step of ["run", "run", "clearAll", "runLots", "clearAll"]) {
        await page.evaluate(`window.bench.perform(${JSON.stringify(step)})`);
        assert.equal(await rows(), step === "clearAll" ? 0 : step === "run" ? 1000 : 10000, step);
      }
      assert.equal(await page.evaluate("window.removes"), 0);
      // Removing one row still removes just that row.
      await page.evaluate(`window.bench.perform("run")`);
      await page.evaluate(`window.bench.perform("remove:3")`);
      assert.equal(await rows(), 999);
      assert.equal(await page.evaluate("window.removes"), 1);
    } finally {
      await page.close();
    }
  });

  it("typenative adds no event listener on select, swap or update", async () => {
    const page = await open("typenative");
    try {
      await page.evaluate(`window.bench.perform("run")`);
      for (const step of ["select:1", "select:2", "swapRows", "updateEvery10th", "swapRows", "select:998"]) {
        assert.equal(await page.evaluate(`window.bench.perform(${JSON.stringify(step)})`), 0, step);
      }
    } finally {
      await page.close();
    }
  });
});
