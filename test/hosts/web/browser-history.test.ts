import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { browserFixture, type BrowserFixture } from "../../helpers/browser.js";

describe("web history", () => {
  let fx: BrowserFixture;
  before(async () => {
    fx = await browserFixture(new URL("./pages/services-page.ts", import.meta.url));
  });
  after(async () => {
    await fx?.close();
  });

  it("loads with the first push or subscription: the page's state is untouched until then, a push reads back at once", async () => {
    const page = await fx.page();
    const [start, stateBefore, askedPath, urlBeforeLoad, urlAfterLoad, pathAfterLoad, key, heard, app, keyBack] = await page.evaluate(() =>
      (window as any).tn.historyRoundTrip(),
    );
    // Making the service wrote nothing into the page's history state.
    assert.equal(stateBefore, JSON.stringify({ app: 1 }));
    // The push is what location() says at once; the address bar follows once the module is here.
    assert.equal(askedPath, "/pushed?x=1");
    assert.equal(urlBeforeLoad, start);
    assert.equal(urlAfterLoad, "/pushed?x=1");
    assert.equal(pathAfterLoad, "/pushed?x=1");
    assert.equal(key, "string");
    // Back: only the live subscription hears it; the first entry kept the app's state and got its key.
    assert.deepEqual(heard, [start]);
    assert.equal(app, 1);
    assert.equal(keyBack, "string");
    await page.close();
  });
});
