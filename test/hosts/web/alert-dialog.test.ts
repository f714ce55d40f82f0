import { describe, it, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { bundle, launchChromium, openPage, pageErrors, serveScript, type TestSite } from "../../helpers/browser.js";
import type { AlertRequest } from "../../../src/runtime/services.js";

const confirmDelete: AlertRequest = {
  kind: "confirm",
  title: "Delete this item?",
  message: "This cannot be undone.",
  buttons: ["Cancel", "Delete"],
  destructive: [],
  cancelIndex: 0,
};

describe("web alert dialog", () => {
  let browser: Browser;
  let site: TestSite;
  let page: Page;

  before(async () => {
    const script = await bundle(fileURLToPath(new URL("./pages/services-page.ts", import.meta.url)));
    site = await serveScript(script);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
  beforeEach(async () => {
    page = await openPage(browser, site.url);
    // Something focusable on the page, to see focus leave and come back.
    await page.evaluate(() => {
      const opener = document.createElement("button");
      opener.textContent = "Open";
      opener.id = "opener";
      document.getElementById("root")!.appendChild(opener);
      opener.focus();
    });
  });
  afterEach(async () => {
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  const results = (): Promise<unknown[]> => page.evaluate(() => (window as any).tn.results);
  const present = (request: AlertRequest): Promise<void> => page.evaluate((r) => (window as any).tn.present(r), request);
  const focused = (): Promise<string | null> => page.evaluate(() => document.activeElement?.textContent ?? null);

  it("is a labelled modal dialog that focuses cancel and resolves the pressed button", async () => {
    await present(confirmDelete);
    const dialog = page.getByRole("dialog", { name: "Delete this item?" });
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute("aria-modal"), "true");
    const describedBy = await dialog.getAttribute("aria-describedby");
    assert.equal(await page.locator(`#${describedBy}`).textContent(), "This cannot be undone.");
    assert.equal(await focused(), "Cancel");
    assert.equal(await page.evaluate(() => (document.getElementById("root") as HTMLElement).inert), true);
    await dialog.getByRole("button", { name: "Delete" }).click();
    await page.waitForFunction(() => (window as any).tn.results.length === 1);
    assert.deepEqual(await results(), [1]);
    assert.equal(await page.getByRole("dialog").count(), 0);
    assert.equal(await page.evaluate(() => (document.getElementById("root") as HTMLElement).inert), false);
    assert.equal(await focused(), "Open", "focus returns to where it was");
  });

  it("dismisses with Escape and with a click on the backdrop", async () => {
    await present(confirmDelete);
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => (window as any).tn.results.length === 1);
    await present({ kind: "show", title: "Saved!", message: undefined, buttons: ["OK"], destructive: [], cancelIndex: -1 });
    await page.getByRole("dialog").waitFor();
    await page.mouse.click(5, 5);
    await page.waitForFunction(() => (window as any).tn.results.length === 2);
    assert.deepEqual(await results(), [null, null]);
    assert.equal(await focused(), "Open");
  });

  it("traps focus: Tab and Shift+Tab cycle through its buttons only", async () => {
    await present({
      kind: "choose",
      title: "Photo source",
      message: undefined,
      buttons: ["Camera", "Gallery", "Cancel"],
      destructive: [],
      cancelIndex: 2,
    });
    await page.getByRole("dialog").waitFor();
    assert.equal(await focused(), "Cancel");
    const seen: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      seen.push(await focused());
    }
    assert.deepEqual(seen, ["Camera", "Gallery", "Cancel", "Camera"]);
    await page.keyboard.press("Shift+Tab");
    assert.equal(await focused(), "Cancel");
    // Focus pushed outside (by script) comes back in.
    await page.evaluate(() => (document.getElementById("opener") as HTMLElement).focus());
    assert.notEqual(await focused(), "Open");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (window as any).tn.results.length === 1);
    assert.equal(typeof (await results())[0], "number");
  });

  it("marks destructive choices and shows text, never HTML", async () => {
    await present({
      kind: "choose",
      title: "<img src=x onerror=alert(1)>",
      message: "<b>bold?</b>",
      buttons: ["Delete", "<i>Archive</i>", "Cancel"],
      destructive: ["Delete"],
      cancelIndex: 2,
    });
    const dialog = page.getByRole("dialog", { name: "<img src=x onerror=alert(1)>" });
    await dialog.waitFor();
    assert.equal(await dialog.locator("img, b, i").count(), 0);
    assert.match((await dialog.getByRole("button", { name: "Delete" }).getAttribute("class")) ?? "", /tn-alert-destructive/);
    await dialog.getByRole("button", { name: "<i>Archive</i>" }).click();
    await page.waitForFunction(() => (window as any).tn.results.length === 1);
    assert.deepEqual(await results(), [1]);
  });

  it("shows alerts one at a time, in order", async () => {
    await present({ ...confirmDelete, title: "First" });
    await present({ ...confirmDelete, title: "Second" });
    await page.getByRole("dialog", { name: "First" }).waitFor();
    assert.equal(await page.getByRole("dialog").count(), 1);
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: "Second" }).waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.waitForFunction(() => (window as any).tn.results.length === 2);
    assert.deepEqual(await results(), [1, 0]);
    assert.equal(await page.getByRole("dialog").count(), 0);
    assert.equal(await focused(), "Open");
  });

  it("two roots' alerts at once: the page stays inert until the last closes, whichever closes first", async () => {
    const inert = (): Promise<boolean[]> =>
      page.evaluate(() => [document.getElementById("root")!.inert, ...Array.from(document.querySelectorAll<HTMLElement>(".tn-alert-backdrop"), (b) => b.inert)]);
    for (const olderFirst of [true, false]) {
      const before = (await results()).length;
      await present({ ...confirmDelete, title: "Older" });
      await page.evaluate((r) => (window as any).tn.presentOther(r), { ...confirmDelete, title: "Newer" });
      await page.getByRole("dialog", { name: "Newer" }).waitFor();
      assert.deepEqual(await inert(), [true, true, false], "the page and the older dialog are inert under the newer");
      const controllers = await page.evaluate(() => (window as any).tn.controllers.length as number);
      // Abort the older one (controllers - 2) or the newer one (controllers - 1).
      await page.evaluate((i) => (window as any).tn.abort(i), controllers - (olderFirst ? 2 : 1));
      await page.waitForFunction((n) => (window as any).tn.results.length === n, before + 1);
      assert.deepEqual(await inert(), [true, false], `the page stays inert under the ${olderFirst ? "newer" : "older"} dialog`);
      await page.getByRole("dialog", { name: olderFirst ? "Newer" : "Older" }).waitFor();
      assert.equal(await focused(), "Cancel", "the focus is in the dialog still open");
      await page.getByRole("button", { name: "Cancel" }).click();
      await page.waitForFunction((n) => (window as any).tn.results.length === n, before + 2);
      assert.deepEqual(await inert(), [false], "the page is back once the last dialog closed");
      assert.equal(await focused(), "Open", "the focus goes back where it was before the first dialog");
    }
  });

  it("two roots' alerts at once: Escape dismisses the newer only", async () => {
    await present({ ...confirmDelete, title: "Older" });
    await page.evaluate((r) => (window as any).tn.presentOther(r), { ...confirmDelete, title: "Newer" });
    await page.getByRole("dialog", { name: "Newer" }).waitFor();
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => (window as any).tn.results.length >= 1);
    assert.deepEqual(await results(), [null]);
    assert.equal(await page.getByRole("dialog", { name: "Older" }).count(), 1);
    assert.equal(await focused(), "Cancel");
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => (window as any).tn.results.length === 2);
    assert.equal(await page.getByRole("dialog").count(), 0);
    assert.equal(await focused(), "Open");
  });

  it("closes on abort with CancelledError, and dispose() dismisses the rest", async () => {
    await present({ ...confirmDelete, title: "First" });
    await present({ ...confirmDelete, title: "Second" });
    await present({ ...confirmDelete, title: "Third" });
    await page.getByRole("dialog", { name: "First" }).waitFor();
    await page.evaluate(() => (window as any).tn.abort(1)); // queued one
    await page.evaluate(() => (window as any).tn.abort(0)); // showing one
    await page.getByRole("dialog", { name: "Third" }).waitFor();
    await page.evaluate(() => (window as any).tn.disposeAlerts());
    await page.waitForFunction(() => (window as any).tn.results.length === 3);
    assert.deepEqual(await results(), ["rejected:CancelledError", "rejected:CancelledError", null]);
    assert.equal(await page.getByRole("dialog").count(), 0);
  });

  it("typenative/web's presenter loads the dialog on the first alert; dispose answers alerts raised while it loads", async () => {
    assert.deepEqual(await page.evaluate(() => (window as any).tn.lazyAlert()), [null, "ShownOK", null]);
  });
});
