import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { browserFixture, pageErrors, type BrowserFixture } from "../../helpers/browser.js";

describe("web error overlay", () => {
  let fx: BrowserFixture;
  before(async () => {
    fx = await browserFixture(new URL("./pages/services-page.ts", import.meta.url));
  });
  after(async () => {
    await fx?.close();
  });

  it("shows message and component stack, keeps the previous handler, and dismisses", async () => {
    const page = await fx.page();
    await page.evaluate(() => {
      const tn = (window as any).tn;
      tn.installOverlay();
      tn.report("Boom <b>not bold</b>", { source: "render", component: "UserCard", componentStack: "in UserCard\n in App" });
    });
    const overlay = page.getByTestId("typenative-error-overlay");
    await overlay.waitFor();
    assert.equal(await overlay.getAttribute("role"), "alert");
    const text = (await overlay.textContent()) ?? "";
    assert.match(text, /Uncaught error/);
    assert.match(text, /render error in UserCard/);
    assert.match(text, /Error: Boom <b>not bold<\/b>/);
    assert.match(text, /in UserCard\n in App/);
    assert.equal(await overlay.locator("b").count(), 0, "the message is text");
    // The handler that was there before still ran.
    assert.deepEqual(await page.evaluate(() => (window as any).tn.reported), ["Error: Boom <b>not bold</b>"]);

    await page.evaluate(() => (window as any).tn.report("Second", { source: "task" }));
    assert.match((await overlay.textContent()) ?? "", /Uncaught errors \(2\)[\s\S]*task error[\s\S]*Error: Second/);

    await overlay.getByRole("button", { name: "Dismiss" }).click();
    assert.equal(await overlay.count(), 0);
    // A later error opens it again, counting from one.
    await page.evaluate(() => (window as any).tn.report("Third", { source: "effect" }));
    await overlay.waitFor();
    assert.match((await overlay.textContent()) ?? "", /^Uncaught error[^s]/);
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  it("uninstall restores the previous onError and removes the panel", async () => {
    const page = await fx.page();
    const shown = await page.evaluate(() => {
      const tn = (window as any).tn;
      tn.installOverlay();
      tn.report("before", { source: "task" });
      const count = tn.overlay.count;
      tn.overlay.uninstall();
      tn.report("after", { source: "task" });
      return { count, panels: document.querySelectorAll("[data-testid=typenative-error-overlay]").length };
    });
    assert.deepEqual(shown, { count: 1, panels: 0 });
    assert.deepEqual(await page.evaluate(() => (window as any).tn.reported), ["Error: before", "Error: after"]);
    await page.close();
  });
});
