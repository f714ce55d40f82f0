// The example app in the Worker host (typenative/worker): the app's code in
// a Web Worker, its views in the page through the bridge protocol, against
// the local API, in Debian's Chromium.
import { describe, it, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.js";
import { Gate } from "../helpers/gate.js";
import { startWorkerPreview, type WorkerPreview } from "../../examples/worker/worker-preview.js";


interface PageStats {
  instance: string | null;
  views: number;
  latencies: { keystrokeToPaintMs: number; commitToPaintMs: number }[];
}

const stats = (page: Page): Promise<PageStats> =>
  page.evaluate(() => {
    const host = (globalThis as { typenativeWorkerPage?: { endpoint: { instance: string | null; applier: { size: number } }; latencies: PageStats["latencies"] } }).typenativeWorkerPage!;
    return { instance: host.endpoint.instance, views: host.endpoint.applier.size, latencies: host.latencies.slice() };
  });

const median = (values: number[]): number => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};

describe("example app in the Worker host (Chromium)", () => {
  let dataDir: string;
  let preview: WorkerPreview;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const gate = new Gate();
  const errors: string[] = [];

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "tn-worker-e2e-"));
    preview = await startWorkerPreview({ dataDir, delay: gate.delay });
    browser = await launchChromium();
  });
  after(async () => {
    gate.releaseAll();
    await browser?.close();
    await preview?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    errors.length = 0;
    context = await browser.newContext({ viewport: { width: 900, height: 900 }, locale: "en-US", timezoneId: "UTC" });
    page = await context.newPage();
    // tsx wraps named callbacks in __name(); page.evaluate needs it defined.
    await page.addInitScript("window.__name = (fn) => fn;");
    page.on("pageerror", (error) => errors.push(String(error)));
    // Console errors of the page and of its Worker (the app's onError reports land there).
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    page.on("dialog", (dialog) => {
      errors.push(`native dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });
  afterEach(async () => {
    gate.releaseAll();
    await context.close();
    assert.deepEqual(errors, []);
  });

  it("loads the list, with the app's code in a Worker and its views in the page", async () => {
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.goto(preview.url);
    await page.getByTestId("user-name").filter({ hasText: "Ada Lovelace" }).waitFor();
    await page.getByRole("list").getByRole("listitem").filter({ hasText: "Every task has an owner." }).waitFor();
    assert.ok(await page.getByRole("button", { name: "Post", exact: true }).isVisible());
    assert.ok(await page.getByRole("textbox", { name: "Draft" }).isVisible());
    assert.deepEqual(workers.map((url) => new URL(url).pathname), ["/app.worker.js"]);
    const { instance, views } = await stats(page);
    assert.ok(instance !== null, "the page serves an app instance");
    assert.ok(views > 20, `${views} views on the page`);
    // The fade-in runs in the Worker on the page's animation frames.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="posts-screen"]')!).opacity === "1");
  });

  it("types a draft (no keystroke lost, persisted) and posts it: Posting…, then the new post", async () => {
    await page.goto(preview.url);
    await page.getByText("Every task has an owner.").waitFor();
    const draft = page.getByRole("textbox", { name: "Draft" });
    // Real key events, each an edit the Worker answers while the next one is typed.
    await draft.pressSequentially("Hello from a Worker", { delay: 5 });
    await page.getByText("19 / 2000").waitFor();
    assert.equal(await draft.inputValue(), "Hello from a Worker");
    await page.waitForFunction(() => localStorage.getItem("typenative:draft.1") === JSON.stringify("Hello from a Worker"));
    const { latencies } = await stats(page);
    assert.ok(latencies.length > 0, "keystroke latencies were measured");
    console.log(
      `# worker host: keystroke → frame median ${median(latencies.map((l) => l.keystrokeToPaintMs)).toFixed(1)} ms, ` +
        `max ${Math.max(...latencies.map((l) => l.keystrokeToPaintMs)).toFixed(1)} ms, ` +
        `commit → frame median ${median(latencies.map((l) => l.commitToPaintMs)).toFixed(1)} ms (n = ${latencies.length})`,
    );

    const { release } = gate.hold("POST /api/posts");
    await page.getByRole("button", { name: "Post", exact: true }).click();
    const posting = page.getByRole("button", { name: "Posting…" });
    await posting.waitFor();
    assert.equal(await posting.isDisabled(), true);
    release();
    await page.getByRole("listitem").filter({ hasText: "Hello from a Worker" }).waitFor();
    await page.getByRole("button", { name: "Post", exact: true }).waitFor();
    // The runtime's reset of the draft replaces the typed text.
    assert.equal(await draft.inputValue(), "");
    const stored = await fetch(new URL("/api/posts?authorId=1", preview.url)).then((r) => r.json() as Promise<{ body: string }[]>);
    assert.ok(stored.some((p) => p.body === "Hello from a Worker"), "stored by the API");
    await page.waitForFunction(() => localStorage.getItem("typenative:draft.1") === JSON.stringify(""));
  });

  it("keeps the draft across a reload (storage is the page's localStorage)", async () => {
    await page.goto(preview.url);
    const draft = page.getByRole("textbox", { name: "Draft" });
    await draft.fill("A draft that survives");
    await page.waitForFunction(() => localStorage.getItem("typenative:draft.1") === JSON.stringify("A draft that survives"));
    await page.reload();
    await page.waitForFunction(() => (document.querySelector('[data-testid="draft"]') as HTMLTextAreaElement | null)?.value === "A draft that survives");
  });

  it("asks before deleting: the page's dialog, Cancel keeps the post, Delete removes it", async () => {
    const created = await fetch(new URL("/api/posts", preview.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ authorId: 1, body: "Delete me from a Worker" }),
    }).then((r) => r.json() as Promise<{ id: number }>);
    await page.goto(preview.url);
    const item = page.getByRole("listitem").filter({ hasText: "Delete me from a Worker" });
    await item.waitFor();
    const deleteButton = page.getByRole("button", { name: `Delete post ${created.id}` });

    await deleteButton.click();
    const dialog = page.getByRole("dialog", { name: "Delete this post?" });
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute("aria-modal"), "true");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    assert.equal(await dialog.count(), 0);
    assert.ok(await item.isVisible(), "Cancel keeps the item");

    await deleteButton.click();
    await dialog.getByRole("button", { name: "Delete" }).click();
    await item.waitFor({ state: "detached" });
    const stored = await fetch(new URL("/api/posts?authorId=1", preview.url)).then((r) => r.json() as Promise<{ id: number }[]>);
    assert.ok(!stored.some((p) => p.id === created.id), "deleted by the API");
  });

  it("picks a photo: Alert.choose, then the camera's file input on the page", async () => {
    await page.goto(preview.url);
    await page.getByTestId("user-name").waitFor();
    await page.getByRole("button", { name: "Change photo" }).click();
    const dialog = page.getByRole("dialog", { name: "Photo source" });
    await dialog.waitFor();
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), dialog.getByRole("button", { name: "Camera" }).click()]);
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    await chooser.setFiles({ name: "me.png", mimeType: "image/png", buffer: png });
    const avatar = page.getByRole("img", { name: "Ada Lovelace's photo" });
    await avatar.waitFor();
    assert.match((await avatar.getAttribute("src")) ?? "", /^blob:/);
  });

  it("windows the 10,000-row FlatList from the page's scroll events", async () => {
    await page.goto(`${preview.url}#rows`);
    const list = page.getByTestId("long-list");
    await list.getByText("Row 1", { exact: true }).waitFor();
    const rows = list.getByRole("listitem");
    assert.ok((await rows.count()) < 100, `${await rows.count()} rows mounted`);
    await list.evaluate((el) => (el.scrollTop = 4999 * 40));
    await list.getByText("Row 5,000", { exact: true }).waitFor();
    assert.equal(await list.getByText("Row 1", { exact: true }).count(), 0, "rows far above are unmounted");
    assert.ok((await rows.count()) < 100);
  });
});
