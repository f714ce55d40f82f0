import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { browserFixture, type BrowserFixture } from "../../helpers/browser.js";

describe("web localStorage backend", () => {
  let fx: BrowserFixture;
  before(async () => {
    fx = await browserFixture(new URL("./pages/services-page.ts", import.meta.url));
  });
  after(async () => {
    await fx?.close();
  });

  it("stores strings under its prefix, and they survive a reload", async () => {
    const page = await fx.page();
    const first = await page.evaluate(async () => {
      const { storage, otherStorage } = (window as any).tn;
      localStorage.setItem("foreign", "keep me");
      await storage.set("draft.1", "hello");
      await storage.set("__proto__", "odd key");
      await otherStorage.set("draft.1", "other app");
      return {
        draft: await storage.get("draft.1"),
        missing: await storage.get("nope"),
        keys: (await storage.keys()).sort(),
        raw: localStorage.getItem("typenative:draft.1"),
      };
    });
    assert.deepEqual(first, { draft: "hello", missing: null, keys: ["__proto__", "draft.1"], raw: "hello" });

    await page.reload();
    await page.waitForFunction(() => (window as any).ready === true);
    const second = await page.evaluate(async () => {
      const { storage, otherStorage } = (window as any).tn;
      const draft = await storage.get("draft.1");
      await storage.remove("__proto__");
      const afterRemove = (await storage.keys()).sort();
      await storage.clear();
      return {
        draft,
        afterRemove,
        afterClear: await storage.keys(),
        other: await otherStorage.get("draft.1"),
        foreign: localStorage.getItem("foreign"),
      };
    });
    assert.deepEqual(second, { draft: "hello", afterRemove: ["draft.1"], afterClear: [], other: "other app", foreign: "keep me" });
    await page.close();
  });

  it("rejects non-string keys and values with TypeError", async () => {
    const page = await fx.page();
    const errors = await page.evaluate(async () => {
      const { storage } = (window as any).tn;
      const out: string[] = [];
      for (const attempt of [() => storage.set("k", 42), () => storage.get(7), () => storage.remove(null)]) {
        try {
          await attempt();
          out.push("resolved");
        } catch (error) {
          out.push(`${(error as Error).name}: ${(error as Error).message}`);
        }
      }
      return out;
    });
    assert.equal(errors.length, 3);
    for (const e of errors) assert.match(e, /^TypeError: localStorageBackend/);
    await page.close();
  });

  it("typenative/web's backend loads on its first call and keeps the order of calls made meanwhile", async () => {
    const page = await fx.page();
    const out = await page.evaluate(() => (window as any).tn.lazyStorage());
    assert.deepEqual(out, [
      undefined,
      "1",
      undefined,
      null,
      [],
      null,
      "localStorageBackend: key must be a string, got number",
      "localStorageBackend({ prefix }): prefix must be a string",
    ]);
    await page.close();
  });
});
