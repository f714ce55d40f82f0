import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { browserFixture, type BrowserFixture } from "../../helpers/browser.js";

describe("web online, focus and color-scheme signals", () => {
  let fx: BrowserFixture;
  before(async () => {
    fx = await browserFixture(new URL("./pages/services-page.ts", import.meta.url));
  });
  after(async () => {
    await fx?.close();
  });

  it("read the page and hear their own events only while subscribed", async () => {
    const page = await fx.page();
    await page.emulateMedia({ colorScheme: "light" });
    const { during, values } = await page.evaluate(() => (window as any).tn.signals());
    // online hears online and offline on the window; focus hears visibilitychange on the document.
    assert.deepEqual(during, { online: 2, focus: 1, scheme: 0 });
    assert.deepEqual(values, [true, true, "light"]);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => (window as any).schemeHeard() === 1);
    assert.equal(await page.evaluate(() => (window as any).schemeNow()), "dark");
    const after = await page.evaluate(() => (window as any).endSignals());
    assert.deepEqual(after, { online: 2, focus: 1, scheme: 1 });
  });
});
