// The web host in a same-origin iframe's document (mount() takes any
// element; its document has its own window and classes): what depends on
// an element's kind must not test it against this window's classes.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { browserFixture, pageErrors, type BrowserFixture } from "../../helpers/browser.js";

describe("web host in an iframe's document", () => {
  let fx: BrowserFixture;
  before(async () => {
    fx = await browserFixture(new URL("./pages/realm-page.ts", import.meta.url));
  });
  after(async () => {
    await fx?.close();
  });

  it("hides a secureTextEntry input, marks list rows, and keeps an alert modal", async () => {
    const page = await fx.page();
    assert.equal(await page.evaluate(() => (window as any).tn.inputType()), "password");
    assert.deepEqual(await page.evaluate(() => (window as any).tn.rowRoles()), ["listitem", "listitem"]);
    await page.evaluate(() => (window as any).tn.ask());
    await page.waitForFunction(() => (window as any).tn.dialogShown());
    assert.equal(await page.evaluate(() => (window as any).tn.pageInert()), true, "the page behind the dialog is inert");
    assert.equal(await page.evaluate(() => (window as any).tn.focusOutside()), true, "the focus cannot leave the dialog");
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });
});
