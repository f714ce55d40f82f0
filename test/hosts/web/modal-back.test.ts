// The browser's back button with a pn.Modal open: the modal takes it (its
// onRequestClose), the screen under it and the URL stay, and the history
// has no step that does nothing afterwards (modal-focus.ts).
import { describe, it, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, pageErrors, type BrowserFixture } from "../../helpers/browser.js";

describe("web: the browser's back button with a modal open", () => {
  let fx: BrowserFixture;
  let page: Page;
  before(async () => {
    fx = await browserFixture(new URL("./pages/modal-back-page.ts", import.meta.url));
  });
  after(async () => {
    await fx?.close();
  });
  beforeEach(async (t) => {
    page = await fx.page();
    if (t.name.startsWith("without navigation")) return;
    await page.getByTestId("to-detail").click();
    await page.waitForURL(/\/detail$/);
    await page.getByTestId("open").click();
    await page.getByTestId("modal-text").waitFor();
  });
  afterEach(async () => {
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  const path = (): string => new URL(page.url()).pathname;
  const requests = (): Promise<string[]> => page.evaluate(() => (window as any).tn.requests);
  const visible = (id: string): Promise<boolean> => page.getByTestId(id).isVisible();

  it("back closes the modal through onRequestClose, leaving the screen and the URL; the next back leaves the screen", async () => {
    await page.goBack();
    await page.getByTestId("modal-text").waitFor({ state: "detached" });
    assert.deepEqual(await requests(), ["close"]);
    assert.equal(path(), "/detail");
    assert.equal(await visible("detail"), true, "the screen under the modal is still there");
    // Forward does not reopen the modal, nor leave the screen.
    await page.goForward();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    assert.equal(path(), "/detail");
    assert.equal(await page.getByTestId("modal-text").count(), 0);
    await page.goBack();
    await page.getByTestId("to-detail").waitFor();
    assert.equal(path(), "/");
    assert.deepEqual(await requests(), ["close"]);
  });

  it("a modal whose onRequestClose keeps it open keeps taking back", async () => {
    await page.evaluate(() => void ((window as any).tn.refuse = true));
    await page.goBack();
    await page.waitForFunction(() => (window as any).tn.requests.length === 1);
    await page.goBack();
    await page.waitForFunction(() => (window as any).tn.requests.length === 2);
    assert.equal(path(), "/detail");
    assert.equal(await visible("modal-text"), true);
    assert.equal(await visible("detail"), true);
    await page.evaluate(() => void ((window as any).tn.refuse = false));
    await page.goBack();
    await page.getByTestId("modal-text").waitFor({ state: "detached" });
    assert.equal(path(), "/detail");
    await page.goBack();
    await page.getByTestId("to-detail").waitFor();
    assert.equal(path(), "/");
  });

  it("a modal closed by Escape or by its own button: one back then leaves the screen", async () => {
    await page.keyboard.press("Escape");
    await page.getByTestId("modal-text").waitFor({ state: "detached" });
    assert.deepEqual(await requests(), ["close"]);
    await page.goBack();
    await page.getByTestId("to-detail").waitFor();
    assert.equal(path(), "/");
    await page.goForward();
    await page.getByTestId("detail").waitFor();
    await page.getByTestId("open").click();
    await page.getByTestId("modal-text").waitFor();
    await page.getByTestId("close").click();
    await page.getByTestId("modal-text").waitFor({ state: "detached" });
    await page.goBack();
    await page.getByTestId("to-detail").waitFor();
    assert.equal(path(), "/");
  });

  it("a modal closed as the app moves on: back returns to the modal's screen, and the next back leaves it", async () => {
    await page.getByTestId("close-go").click();
    await page.waitForURL(/\/other$/);
    await page.getByTestId("other").waitFor();
    await page.goBack();
    await page.getByTestId("detail").waitFor();
    assert.equal(path(), "/detail");
    assert.equal(await page.getByTestId("modal-text").count(), 0);
    await page.goBack();
    await page.getByTestId("to-detail").waitFor();
    assert.equal(path(), "/");
  });

  it("a jump of two entries back from the modal's (the back button's menu) is the navigator's: it goes to the screen the URL names", async () => {
    await page.evaluate(() => history.go(-2));
    await page.getByTestId("to-detail").waitFor();
    assert.equal(path(), "/");
    assert.deepEqual(await requests(), []);
    assert.equal(await page.getByTestId("modal-text").count(), 0);
  });

  it("without navigation, back closes the modal and stays on the page; the next back leaves the app's entries", async () => {
    await page.goto(`${fx.site.url}?plain`);
    await page.getByTestId("open").click();
    await page.getByTestId("modal-text").waitFor();
    await page.goBack();
    await page.getByTestId("modal-text").waitFor({ state: "detached" });
    assert.deepEqual(await requests(), ["close"]);
    assert.equal(new URL(page.url()).search, "?plain");
    await page.goBack();
    await page.getByTestId("to-detail").waitFor();
    assert.equal(new URL(page.url()).search, "");
  });
});
