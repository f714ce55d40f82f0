// Navigation in the example app, in Chromium: a post's own screen at
// /post/:id, the browser's back button, reload, and the app's back button.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../helpers/browser.js";
import { startPreview, type Preview } from "../../examples/server/preview.js";

describe("example app navigation in Chromium", () => {
  let dataDir: string;
  let preview: Preview;
  let browser: Browser;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "tn-nav-"));
    preview = await startPreview({ dataDir, latencyMs: 0, log: () => {} });
    // Enough posts that the page scrolls.
    for (let i = 0; i < 25; i++) {
      const response = await fetch(new URL("/api/posts", preview.url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ authorId: 1, body: `Filler post number ${i}` }),
      });
      assert.equal(response.status, 201);
    }
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await preview?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("opens a post at its URL; the back button returns with the list's scroll and state kept; reload restores the stack", async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 700 }, locale: "en-US", timezoneId: "UTC" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    try {
      await page.goto(preview.url);
      await page.getByText("Filler post number 3", { exact: true }).waitFor();
      // The welcome banner hides itself after 3 s: if the list screen were
      // remounted on the way back, it would show again.
      await page.getByTestId("welcome").waitFor({ state: "detached", timeout: 5000 });
      const posts = (await (await fetch(new URL("/api/posts?authorId=1", preview.url))).json()) as { id: number; body: string }[];
      const target = posts.find((p) => p.body === "Filler post number 3")!;
      const open = page.getByRole("button", { name: `Open post ${target.id}` });
      await open.scrollIntoViewIfNeeded();
      const scrolled = await page.evaluate(() => window.scrollY);
      assert.ok(scrolled > 100, `the list is scrolled (${scrolled})`);

      await open.click();
      await page.waitForURL(new URL(`/post/${target.id}`, preview.url).href);
      await page.getByTestId("post-detail-body").filter({ hasText: "Filler post number 3" }).waitFor();
      assert.equal(await page.getByRole("heading", { name: "Post" }).count(), 1);

      await page.goBack();
      await page.waitForURL(new URL("/", preview.url).href);
      await open.waitFor();
      await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 2, scrolled);
      assert.equal(await page.getByTestId("welcome").count(), 0, "the list screen kept its state");

      await open.click();
      await page.getByTestId("post-detail-body").waitFor();
      await page.reload();
      await page.getByTestId("post-detail-body").filter({ hasText: "Filler post number 3" }).waitFor();
      assert.equal(new URL(page.url()).pathname, `/post/${target.id}`);
      await page.getByRole("button", { name: "Back" }).click();
      await page.getByRole("button", { name: `Open post ${target.id}` }).waitFor();
      assert.equal(new URL(page.url()).pathname, "/");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it("asks before discarding an unsent reply", async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
    const page = await context.newPage();
    try {
      await page.goto(preview.url);
      await page.getByRole("button", { name: /^Open post / }).first().click();
      await page.getByRole("textbox", { name: "Reply" }).fill("half a thought");
      await page.getByRole("button", { name: "Back" }).click();
      const dialog = page.getByRole("alertdialog").or(page.getByRole("dialog"));
      await dialog.getByText("Discard draft?").waitFor();
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await page.getByRole("textbox", { name: "Reply" }).waitFor();
      await page.getByRole("button", { name: "Back" }).click();
      await dialog.getByRole("button", { name: "Discard" }).click();
      await page.getByRole("textbox", { name: "Draft" }).waitFor();
    } finally {
      await context.close();
    }
  });
});
