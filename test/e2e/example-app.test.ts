// The example app end to end: the real preview server (esbuild bundle + JSON
// API on 127.0.0.1) driven in Debian's Chromium.
import { describe, it, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.js";
import { Gate } from "../helpers/gate.js";
import { startPreview, type Preview } from "../../examples/server/preview.js";

// The docs keep one screenshot; a run refreshes it only when asked
// (UPDATE_SCREENSHOT=1) or when it is missing, so tests leave the tree clean.
const DOCS_SCREENSHOT = fileURLToPath(new URL("../../docs/screenshot.png", import.meta.url));
const RUN_SCREENSHOT = fileURLToPath(new URL("../../test-results/screenshot.png", import.meta.url));
const SCREENSHOT = process.env.UPDATE_SCREENSHOT === "1" || !existsSync(DOCS_SCREENSHOT) ? DOCS_SCREENSHOT : RUN_SCREENSHOT;


describe("example app in Chromium", () => {
  let dataDir: string;
  let preview: Preview;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const gate = new Gate();
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "tn-e2e-"));
    preview = await startPreview({ dataDir, delay: gate.delay });
    browser = await launchChromium();
  });
  after(async () => {
    gate.releaseAll();
    await browser?.close();
    await preview?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    pageErrors.length = 0;
    dialogs.length = 0;
    // A fresh context per test: its own localStorage, fixed locale and zone.
    context = await browser.newContext({ viewport: { width: 900, height: 900 }, locale: "en-US", timezoneId: "UTC" });
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(`console: ${message.text()}`);
    });
    page.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });
  afterEach(async () => {
    gate.releaseAll();
    assert.equal(await page.getByTestId("typenative-error-overlay").count(), 0, "no error overlay");
    await context.close();
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(dialogs, [], "no native browser dialogs");
  });

  const posts = (): Promise<{ id: number; body: string }[]> =>
    fetch(new URL("/api/posts?authorId=1", preview.url)).then((r) => r.json());

  it("loads the example: profile, posts and a screenshot for the docs", async () => {
    await page.goto(preview.url);
    await page.getByTestId("user-name").filter({ hasText: "Ada Lovelace" }).waitFor();
    await page.getByText("Every task has an owner.").waitFor();
    assert.equal(await page.title(), "typenative example");
    assert.ok(await page.getByRole("button", { name: "Post", exact: true }).isVisible());
    assert.ok(await page.getByRole("textbox", { name: "Draft" }).isVisible());
    assert.ok(await page.getByRole("list").isVisible());
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="posts-screen"]')!).opacity === "1");
    const png = await page.screenshot({ path: SCREENSHOT, fullPage: true });
    assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
  });

  it("shows Loading… until the posts arrive", async () => {
    const held = gate.hold("GET /api/posts");
    await page.goto(preview.url);
    const loading = page.getByTestId("posts-loading");
    await loading.waitFor();
    assert.equal(await loading.textContent(), "Loading…");
    // The request is waiting at the server (it may still be on its way when Loading… shows).
    for (let turns = 0; held.arrived() === 0 && turns < 500; turns++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(held.arrived(), 1, "the request is waiting at the server");
    assert.equal(await page.getByText("Every task has an owner.").count(), 0);
    held.release();
    await page.getByText("Every task has an owner.").waitFor();
    assert.equal(await loading.count(), 0);
  });

  it("keeps the draft across a reload", async () => {
    await page.goto(preview.url);
    const draft = page.getByRole("textbox", { name: "Draft" });
    await draft.waitFor();
    await draft.fill("A draft that survives");
    await page.waitForFunction(() => localStorage.getItem("typenative:draft.1") === JSON.stringify("A draft that survives"));
    await page.reload();
    await page.getByRole("textbox", { name: "Draft" }).waitFor();
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="draft"]') as HTMLTextAreaElement | null)?.value === "A draft that survives",
    );
  });

  it("posts: shows Posting…, then the new post in the list and an empty draft", async () => {
    await page.goto(preview.url);
    await page.getByText("Every task has an owner.").waitFor();
    const held = gate.hold("POST /api/posts");
    await page.getByRole("textbox", { name: "Draft" }).fill("Hello from the e2e test");
    await page.getByRole("button", { name: "Post", exact: true }).click();
    const posting = page.getByRole("button", { name: "Posting…" });
    await posting.waitFor();
    assert.equal(await posting.isDisabled(), true);
    held.release();
    await page.getByRole("listitem").filter({ hasText: "Hello from the e2e test" }).waitFor();
    await page.getByRole("button", { name: "Post", exact: true }).waitFor();
    assert.equal(await page.getByRole("textbox", { name: "Draft" }).inputValue(), "");
    assert.ok((await posts()).some((p) => p.body === "Hello from the e2e test"), "stored by the API");
    // The cleared draft is persisted too.
    await page.waitForFunction(() => localStorage.getItem("typenative:draft.1") === JSON.stringify(""));
  });

  it("asks before deleting: Cancel keeps the post, Delete removes it", async () => {
    const created = await fetch(new URL("/api/posts", preview.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ authorId: 1, body: "Delete me maybe" }),
    }).then((r) => r.json() as Promise<{ id: number }>);
    await page.goto(preview.url);
    const item = page.getByRole("listitem").filter({ hasText: "Delete me maybe" });
    await item.waitFor();
    const deleteButton = page.getByRole("button", { name: `Delete post ${created.id}` });

    await deleteButton.click();
    const dialog = page.getByRole("dialog", { name: "Delete this post?" });
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute("aria-modal"), "true");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    assert.equal(await dialog.count(), 0);
    assert.ok(await item.isVisible(), "Cancel keeps the item");
    assert.ok((await posts()).some((p) => p.id === created.id));
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), `Delete post ${created.id}`, "focus returns");

    await deleteButton.click();
    await dialog.getByRole("button", { name: "Delete" }).click();
    await item.waitFor({ state: "detached" });
    assert.ok(!(await posts()).some((p) => p.id === created.id));
  });

  it("fades the screen in until opacity reaches 1", async () => {
    // Record every opacity the screen is given, from the first commit on.
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { opacities: string[] }).opacities = []);
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="posts-screen"]') as HTMLElement | null;
        if (el && el.style.opacity !== seen[seen.length - 1]) seen.push(el.style.opacity);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["style"] });
    });
    await page.goto(preview.url);
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="posts-screen"]')!).opacity === "1");
    const seen = (await page.evaluate(() => (window as unknown as { opacities: string[] }).opacities)).map(Number);
    assert.equal(seen[0], 0, `starts transparent: ${seen.join(", ")}`);
    assert.equal(seen[seen.length - 1], 1);
    assert.ok(seen.length >= 4, `animated over several frames: ${seen.join(", ")}`);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i]! >= seen[i - 1]!, `opacity never goes back: ${seen.join(", ")}`);
  });

  it("windows a 10,000-row FlatList and brings row 5,000 in when scrolled to", async () => {
    await page.goto(`${preview.url}#rows`);
    const list = page.getByTestId("long-list");
    await list.getByText("Row 1", { exact: true }).waitFor();
    const rows = list.getByRole("listitem");
    assert.ok((await rows.count()) < 100, `${await rows.count()} rows mounted`);
    assert.equal(await page.getByText("Row 5,000", { exact: true }).count(), 0);

    await list.evaluate((el) => (el.scrollTop = 4999 * 40));
    const row5000 = list.getByText("Row 5,000", { exact: true });
    await row5000.waitFor();
    assert.ok(await row5000.isVisible());
    const count = await rows.count();
    assert.ok(count > 0 && count < 100, `${count} rows mounted after scrolling`);
    assert.equal(await list.getByText("Row 1", { exact: true }).count(), 0, "rows far above are unmounted");
    assert.ok(await list.evaluate((el) => el.scrollHeight >= 10_000 * 40), "spacers keep the full height");

    // onEndReached: once at the end, not again for more scrolling there.
    await page.getByText(/end reached 0 times/).waitFor();
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await list.getByText("Row 10,000", { exact: true }).waitFor();
    await page.getByText(/end reached 1 time$/).waitFor();
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight - el.clientHeight - 10));
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.getByTestId("end-count").textContent(), "10,000 rows, windowed · end reached 1 time");
  });

  it("shows a post whose text is HTML as text", async () => {
    const attack = "<img src=x onerror=alert(1)>";
    const response = await fetch(new URL("/api/posts", preview.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ authorId: 1, body: attack }),
    });
    assert.equal(response.status, 201);
    await page.goto(preview.url);
    const item = page.getByRole("listitem").filter({ hasText: attack });
    await item.waitFor();
    assert.equal(await page.getByText(attack, { exact: true }).count(), 1);
    assert.equal(await page.getByTestId("posts").locator("img").count(), 0);
    // afterEach asserts no alert() dialog opened.
  });

  it("picks a photo through Alert.choose and the camera's file input", async () => {
    await page.goto(preview.url);
    await page.getByTestId("user-name").waitFor();
    await page.getByRole("button", { name: "Change photo" }).click();
    const dialog = page.getByRole("dialog", { name: "Photo source" });
    await dialog.waitFor();
    assert.deepEqual(await dialog.getByRole("button").allTextContents(), ["Camera", "Gallery", "Cancel"]);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), dialog.getByRole("button", { name: "Camera" }).click()]);
    assert.equal(await chooser.element().getAttribute("capture"), "environment");
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    await chooser.setFiles({ name: "me.png", mimeType: "image/png", buffer: png });
    const avatar = page.getByRole("img", { name: "Ada Lovelace's photo" });
    await avatar.waitFor();
    assert.match((await avatar.getAttribute("src")) ?? "", /^blob:/);
  });

  it("toggles and keeps the theme", async () => {
    await page.goto(preview.url);
    const toggle = page.getByRole("button", { name: "Theme: light" });
    await toggle.waitFor();
    await toggle.click();
    await page.getByRole("button", { name: "Theme: dark" }).waitFor();
    const background = () => page.getByTestId("app").evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(await background(), "rgb(18, 21, 28)");
    await page.reload();
    await page.getByRole("button", { name: "Theme: dark" }).waitFor();
    assert.equal(await background(), "rgb(18, 21, 28)");
  });
});
