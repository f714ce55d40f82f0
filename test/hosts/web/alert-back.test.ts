// The browser's back button with a pn.Alert open: it dismisses the newest
// alert (show resolves undefined, confirm false, choose null), the screen
// under it and the URL stay, and the history has no step that does nothing
// afterwards (dialog.ts takes part in modal-focus.ts's history entries).
import { describe, it, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, pageErrors, type BrowserFixture } from "../../helpers/browser.js";

describe("web: the browser's back button with an alert open", () => {
  let fx: BrowserFixture;
  let page: Page;
  before(async () => {
    fx = await browserFixture(new URL("./pages/alert-back-page.ts", import.meta.url));
  });
  after(async () => {
    await fx?.close();
  });
  beforeEach(async (t) => {
    page = await fx.page();
    if (t.name.startsWith("without navigation")) return;
    await page.getByTestId("to-detail").click();
    await page.waitForURL(/\/detail$/);
    await page.getByTestId("detail").waitFor();
  });
  afterEach(async () => {
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  const path = (): string => new URL(page.url()).pathname;
  const results = (): Promise<unknown[]> => page.evaluate(() => (window as any).tn.results);
  const requests = (): Promise<string[]> => page.evaluate(() => (window as any).tn.requests);
  const dialogs = () => page.getByRole("dialog");
  /** Opens an alert with the button `id` and waits until it owns a history entry (its module loads first). */
  const raise = async (id: string): Promise<void> => {
    const length = await page.evaluate(() => history.length);
    await page.getByTestId(id).click();
    await page.waitForFunction((before) => history.length > before, length);
  };
  const settle = (): Promise<unknown> => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));

  for (const [id, dismissed] of [
    ["show", "undefined"],
    ["confirm", false],
    ["choose", null],
  ] as const) {
    it(`back dismisses Alert.${id} (${String(dismissed)}), leaving the screen and the URL; the next back leaves the screen`, async () => {
      await raise(id);
      await page.goBack();
      await dialogs().waitFor({ state: "detached" });
      await page.waitForFunction(() => (window as any).tn.results.length === 1);
      assert.deepEqual(await results(), [dismissed]);
      assert.equal(path(), "/detail");
      assert.equal(await page.getByTestId("detail").isVisible(), true, "the screen under the alert is still there");
      // Forward neither reopens the alert nor leaves the screen.
      await page.goForward();
      await settle();
      assert.equal(path(), "/detail");
      assert.equal(await dialogs().count(), 0);
      await page.goBack();
      await page.getByTestId("to-detail").waitFor();
      assert.equal(path(), "/");
      assert.deepEqual(await results(), [dismissed]);
    });
  }

  it("an alert answered by a button, then a back, leaves the screen at once", async () => {
    await raise("confirm");
    await page.getByRole("button", { name: "OK" }).click();
    await dialogs().waitFor({ state: "detached" });
    await page.goBack();
    await page.getByTestId("to-detail").waitFor();
    assert.equal(path(), "/");
    assert.deepEqual(await results(), [true]);
  });

  it("an alert answered by Escape, then a move on in one click: back returns to the alert's screen, the next back leaves it", async () => {
    await raise("confirm");
    await page.keyboard.press("Escape");
    await dialogs().waitFor({ state: "detached" });
    await page.getByTestId("go-on").click();
    await page.waitForURL(/\/other$/);
    await page.goBack();
    await page.getByTestId("detail").waitFor();
    assert.equal(path(), "/detail");
    await page.goBack();
    await page.getByTestId("to-detail").waitFor();
    assert.equal(path(), "/");
    assert.deepEqual(await results(), [false]);
  });

  it("an alert over a modal: back dismisses the alert, the next back closes the modal, the next leaves the screen", async () => {
    await page.getByTestId("open").click();
    await page.getByTestId("modal-text").waitFor();
    await raise("modal-confirm");
    await page.goBack();
    await page.waitForFunction(() => (window as any).tn.results.length === 1);
    assert.deepEqual(await results(), [false]);
    assert.deepEqual(await requests(), [], "the modal under the alert stays");
    assert.equal(await page.getByTestId("modal-text").isVisible(), true);
    assert.equal(path(), "/detail");
    await page.goBack();
    await page.getByTestId("modal-text").waitFor({ state: "detached" });
    assert.deepEqual(await requests(), ["close"]);
    assert.equal(path(), "/detail");
    await page.goBack();
    await page.getByTestId("to-detail").waitFor();
    assert.equal(path(), "/");
  });

  it("two roots' alerts: back dismisses the newer, the next back the older, the next leaves the screen", async () => {
    await raise("confirm");
    // The page is inert under the first alert: the second root raises its own from code.
    await page.evaluate(() => (document.querySelector("[data-testid=second]") as HTMLElement).click());
    await page.waitForFunction(() => document.querySelectorAll("[role=dialog]").length === 2 && history.length >= 4);
    await page.goBack();
    await page.getByRole("dialog", { name: "From the second root" }).waitFor({ state: "detached" });
    await page.waitForFunction(() => (window as any).tn.results.length === 1);
    assert.equal(await page.getByRole("dialog", { name: "Delete this item?" }).isVisible(), true);
    await page.goBack();
    await dialogs().waitFor({ state: "detached" });
    await page.waitForFunction(() => (window as any).tn.results.length === 2);
    assert.deepEqual(await results(), [false, false]);
    assert.equal(path(), "/detail");
    await page.goBack();
    await page.getByTestId("to-detail").waitFor();
    assert.equal(path(), "/");
  });

  it("an alert waiting its turn: back dismisses the open one, the next back the one shown after it", async () => {
    await raise("confirm");
    // Raised from code: the page is inert under the open alert.
    await page.evaluate(() => (document.querySelector("[data-testid=choose]") as HTMLElement).click());
    await page.goBack();
    await page.getByRole("dialog", { name: "Photo source" }).waitFor();
    // The back landed on the first alert's base; the next alert owns an entry of its own.
    await page.waitForFunction(() => (history.state as any)?.typenativeModal !== undefined);
    assert.deepEqual(await results(), [false]);
    await page.goBack();
    await dialogs().waitFor({ state: "detached" });
    await page.waitForFunction(() => (window as any).tn.results.length === 2);
    assert.deepEqual(await results(), [false, null]);
    assert.equal(path(), "/detail");
    await page.goBack();
    await page.getByTestId("to-detail").waitFor();
    assert.equal(path(), "/");
  });

  it("a jump of two entries back from the alert's (the back button's menu) is the navigator's: it goes to the screen the URL names", async () => {
    await raise("confirm");
    await page.evaluate(() => history.go(-2));
    await page.getByTestId("to-detail").waitFor();
    assert.equal(path(), "/");
  });

  it("without navigation, back dismisses the alert and stays on the page; the next back leaves the app's entries", async () => {
    await page.goto(`${fx.site.url}?plain`);
    await page.waitForFunction(() => (window as { ready?: boolean }).ready === true);
    await raise("confirm");
    await page.goBack();
    await dialogs().waitFor({ state: "detached" });
    await page.waitForFunction(() => (window as any).tn.results.length === 1);
    assert.deepEqual(await results(), [false]);
    assert.equal(new URL(page.url()).search, "?plain");
    await page.goBack();
    await page.getByTestId("to-detail").waitFor();
    assert.equal(new URL(page.url()).search, "");
  });
});
