// The example app offline-first, in Chromium: a post made offline is saved
// ("Saved offline"), survives a reload, and reaches the API exactly once
// when the app is back online; the posts list is restored from the
// persisted cache before the first render.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../helpers/browser.js";
import { startPreview, type Preview } from "../../examples/server/preview.js";

describe("example app offline-first (Chromium)", () => {
  let dataDir: string;
  let preview: Preview;
  let browser: Browser;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "tn-e2e-offline-"));
    preview = await startPreview({ dataDir, delay: async () => {} });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await preview?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const posts = (): Promise<{ id: number; body: string }[]> => fetch(new URL("/api/posts?authorId=1", preview.url)).then((r) => r.json());

  it("offline: post, see Saved offline, reload, go online: the post appears once", async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    try {
      await page.goto(preview.url);
      await page.getByText("Every task has an owner.").waitFor();

      await context.setOffline(true);
      await page.getByRole("textbox", { name: "Draft" }).fill("Written on the train");
      await page.getByRole("button", { name: "Post", exact: true }).click();
      await page.getByTestId("saved-offline").waitFor();
      assert.equal(await page.getByTestId("saved-offline").textContent(), "Saved offline — will post when online");
      assert.equal(await page.getByRole("textbox", { name: "Draft" }).inputValue(), "", "saved, so the draft is cleared");
      const outbox = await page.evaluate(() => localStorage.getItem("typenative:typenative:mutation-outbox"));
      assert.match(outbox ?? "", /Written on the train/, "the call is in the outbox in localStorage");
      assert.equal((await posts()).filter((p) => p.body === "Written on the train").length, 0, "not sent while offline");

      // The page cannot load while the browser is offline; keep the API
      // unreachable instead, so the reloaded page cannot send it either.
      await page.route("**/api/posts", (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue()));
      await context.setOffline(false);
      await page.reload();
      await page.getByText("Every task has an owner.").waitFor();
      assert.equal((await posts()).filter((p) => p.body === "Written on the train").length, 0, "still not sent");

      // Back online for real: the outbox replays, the list refreshes.
      await page.unroute("**/api/posts");
      await context.setOffline(true);
      await context.setOffline(false);
      await page.getByRole("listitem").filter({ hasText: "Written on the train" }).waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => {
        const text = localStorage.getItem("typenative:typenative:mutation-outbox");
        return text !== null && JSON.parse(text).pending.length === 0;
      });
      assert.equal((await posts()).filter((p) => p.body === "Written on the train").length, 1, "on the server exactly once");

      // A reload now shows the list from the persisted cache on the first render, with the new post.
      await page.reload();
      await page.getByRole("listitem").filter({ hasText: "Written on the train" }).waitFor();
      assert.equal(await page.getByRole("listitem").filter({ hasText: "Written on the train" }).count(), 1);
      assert.equal((await posts()).filter((p) => p.body === "Written on the train").length, 1);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
