import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, type BrowserFixture } from "../../helpers/browser.js";

// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/** Adds a button whose click (a real user gesture) runs `call` on `window.tn`. */
async function addTrigger(page: Page, call: string): Promise<void> {
  await page.evaluate((c) => {
    const button = document.createElement("button");
    button.textContent = "Take photo";
    button.onclick = () => new Function("tn", c)((window as any).tn);
    document.body.appendChild(button);
  }, call);
}

const results = (page: Page): Promise<unknown[]> => page.evaluate(() => (window as any).tn.results);

describe("web camera", () => {
  let fx: BrowserFixture;
  before(async () => {
    fx = await browserFixture(new URL("./pages/services-page.ts", import.meta.url));
  });
  after(async () => {
    await fx?.close();
  });

  it("opens a capturing image file input and resolves a blob: URI of the photo", async () => {
    const page = await fx.page();
    await addTrigger(page, "tn.takePhoto()");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByText("Take photo").click()]);
    assert.equal(await chooser.element().getAttribute("capture"), "environment");
    assert.equal(await chooser.element().getAttribute("accept"), "image/*");
    await chooser.setFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
    await page.waitForFunction(() => (window as any).tn.results.length === 1);
    const [uri] = await results(page);
    assert.match(String(uri), /^blob:/);
    const type = await page.evaluate(async (u) => (await (await fetch(u)).blob()).type, String(uri));
    assert.equal(type, "image/png");
    assert.equal(await page.getByTestId("typenative-camera-input").count(), 0, "the input is removed");
    await page.close();
  });

  it("re-encodes as JPEG when a quality is given", async () => {
    const page = await fx.page();
    await addTrigger(page, "tn.takePhoto(0.5)");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByText("Take photo").click()]);
    await chooser.setFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
    await page.waitForFunction(() => (window as any).tn.results.length === 1);
    const [uri] = await results(page);
    const type = await page.evaluate(async (u) => (await (await fetch(u)).blob()).type, String(uri));
    assert.equal(type, "image/jpeg");
    await page.close();
  });

  it("resolves null when the picker is cancelled, and rejects when aborted", async () => {
    const page = await fx.page();
    await addTrigger(page, "tn.takePhoto()");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByText("Take photo").click()]);
    await chooser.element().dispatchEvent("cancel");
    await page.waitForFunction(() => (window as any).tn.results.length === 1);
    await page.evaluate(() => (window as any).tn.takePhotoAborted());
    await page.waitForFunction(() => (window as any).tn.results.length === 2);
    await page.evaluate(() => (window as any).tn.takePhoto(2));
    await page.waitForFunction(() => (window as any).tn.results.length === 3);
    assert.deepEqual(await results(page), [null, "rejected:CancelledError", "rejected:TypeError"]);
    assert.equal(await page.getByTestId("typenative-camera-input").count(), 0);
    await page.close();
  });
});
