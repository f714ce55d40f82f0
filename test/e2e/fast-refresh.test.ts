// `typenative dev` in Chromium: a counter app in a temporary project, its
// source files edited on disk while the page runs.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.js";
import { startDevServer, type DevServer } from "../../src/dev/server.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

const MAIN = `import { mount } from "typenative/web";
import { Counter } from "./Counter.js";
import { title } from "./labels.js";

document.title = title;
mount(Counter(), document.getElementById("root")!);
`;

/** The counter; `label` and `extraHook` vary between versions. */
function counter(label: string, extraHook = ""): string {
  return `import * as pn from "typenative";

export const Counter = pn.component(function Counter() {
  const [count, setCount] = pn.useState(0);
  const [name, setName] = pn.useState("");${extraHook}
  if (count === 13) throw new Error("thirteen is unlucky");
  return pn.Column(
    pn.Text(\`${label}: \${count}\`, { testID: "count" }),
    pn.TextInput({ value: name, onChange: setName, testID: "name", placeholder: "Name" }),
    pn.Button("Add", { onClick: () => setCount((c) => c + 1) }),
    pn.Button("Unlucky", { onClick: () => setCount(13) }),
  );
});
`;
}

describe("typenative dev: fast refresh in Chromium", () => {
  let dir: string;
  let server: DevServer;
  let browser: Browser;
  let page: Page;
  const logs: string[] = [];

  async function edit(file: string, contents: string): Promise<void> {
    await writeFile(join(dir, file), contents);
  }

  const countText = () => page.getByTestId("count").textContent({ timeout: 5000 });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "typenative-refresh-"));
    await mkdir(join(dir, "src"));
    await mkdir(join(dir, "node_modules"));
    // The project's `typenative` is this repo (its sources, through the source condition).
    await symlink(REPO, join(dir, "node_modules", "typenative"), "dir");
    await writeFile(join(dir, "package.json"), JSON.stringify({ name: "refresh-app", private: true, type: "module" }));
    await writeFile(join(dir, "src", "main.ts"), MAIN);
    await writeFile(join(dir, "src", "labels.ts"), `export const title = "first";\n`);
    await writeFile(join(dir, "src", "Counter.ts"), counter("Count"));
    server = await startDevServer({ root: dir, port: 0, log: (line) => logs.push(line) });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("console", (message) => logs.push(`page: ${message.text()}`));
    page.on("pageerror", (error) => logs.push(`page error: ${error.message}`));
    await page.goto(server.url);
    await page.getByText("Count: 0").waitFor({ timeout: 10_000 });
  });

  after(async () => {
    if (process.env.DEBUG_REFRESH) console.log(logs.join("\n"));
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("swaps an edited component in place and keeps its state", async () => {
    await page.getByText("Add").click();
    await page.getByText("Add").click();
    await page.getByTestId("name").fill("Ada");
    assert.equal(await countText(), "Count: 2");
    await page.evaluate(() => ((window as { marker?: number }).marker = 1));

    await edit("src/Counter.ts", counter("Clicks"));
    await page.getByText("Clicks: 2").waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId("name").inputValue(), "Ada");
    // No reload happened: the page's own state is still there.
    assert.equal(await page.evaluate(() => (window as { marker?: number }).marker), 1);
    assert.ok(logs.some((line) => line.includes("update: src/Counter.ts")), logs.join("\n"));
  });

  it("remounts the component when its hooks changed", async () => {
    await edit("src/Counter.ts", counter("Total", `\n  const [extra] = pn.useState("x");\n  void extra;`));
    await page.getByText("Total: 0").waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId("name").inputValue(), "");
    assert.equal(await page.evaluate(() => (window as { marker?: number }).marker), 1);
  });

  it("shows a build error with its file and line, and hides it once fixed", async () => {
    await page.getByText("Add").click();
    await page.getByText("Total: 1").waitFor();
    // Line 4 loses a parenthesis.
    await edit("src/Counter.ts", counter("Total").replace("function Counter() {", "function Counter( {"));
    const overlay = page.getByTestId("typenative-build-error");
    await overlay.waitFor({ timeout: 10_000 });
    const text = (await overlay.textContent()) ?? "";
    assert.match(text, /src\/Counter\.ts:\d+:\d+/);
    assert.match(text, /src\/Counter\.ts:(3|4):/, text);

    await edit("src/Counter.ts", counter("Fixed", `\n  const [extra] = pn.useState("x");\n  void extra;`));
    await overlay.waitFor({ state: "detached", timeout: 10_000 });
    // The hooks are the same as before the error: state kept.
    await page.getByText("Fixed: 1").waitFor({ timeout: 10_000 });
  });

  it("keeps showing a build error that arrived while an earlier update was still loading", async () => {
    // The good edit's patch is held back until the broken edit's error is on screen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let patchRequested!: () => void;
    const requested = new Promise<void>((resolve) => (patchRequested = resolve));
    await page.route(/\/__typenative\/patch-\d+\.js$/, async (route) => {
      patchRequested();
      await held;
      await route.continue();
    });
    try {
      await edit("src/Counter.ts", counter("Again", `\n  const [extra] = pn.useState("x");\n  void extra;`));
      await requested;
      // A second event stream in the page tells when the broken build's errors went out.
      await page.evaluate(() => {
        const events = new EventSource("/__typenative/events");
        events.onmessage = (event) => {
          if ((JSON.parse(event.data) as { type: string }).type === "build-error") ((window as { sawError?: boolean }).sawError = true), events.close();
        };
      });
      await edit("src/Counter.ts", counter("Again").replace("function Counter() {", "function Counter( {"));
      await page.waitForFunction(() => (window as { sawError?: boolean }).sawError === true, null, { timeout: 10_000 });
      await page.waitForTimeout(100); // the app's own stream gets the same message
      release();
      await page.getByText("Again: 1").waitFor({ timeout: 10_000 });
      // The newest build failed: its errors are on screen once the update before it is done.
      const overlay = page.getByTestId("typenative-build-error");
      await overlay.waitFor({ timeout: 10_000 });
      await page.waitForTimeout(100);
      assert.equal(await overlay.count(), 1);
    } finally {
      release();
      await page.unroute(/\/__typenative\/patch-\d+\.js$/);
    }
    await edit("src/Counter.ts", counter("Fixed", `\n  const [extra] = pn.useState("x");\n  void extra;`));
    await page.getByTestId("typenative-build-error").waitFor({ state: "detached", timeout: 10_000 });
    await page.getByText("Fixed: 1").waitFor({ timeout: 10_000 });
  });

  it("shows a runtime error with its component stack and a source-mapped stack", async () => {
    await page.getByText("Unlucky").click();
    const overlay = page.getByTestId("typenative-error-overlay");
    await overlay.waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => /src\/Counter\.ts:\d+:\d+/.test(document.querySelector(".tn-overlay-js-stack")?.textContent ?? ""), null, { timeout: 10_000 });
    const text = (await overlay.textContent()) ?? "";
    assert.match(text, /thirteen is unlucky/);
    assert.match(text, /in Counter/);
    assert.match(text, /src\/Counter\.ts:8:\d+/, text);
  });

  it("answers a path with a malformed escape with 400, not an internal error", async () => {
    const before = logs.length;
    const response = await fetch(new URL("/img/%E0%A4.png", server.url));
    assert.equal(response.status, 400);
    assert.deepEqual(logs.slice(before).filter((line) => line.includes("dev server:")), [], "nothing for the terminal: the request was bad, not the server");
  });

  it("reloads the page when a module that is not a component changes", async () => {
    await edit("src/labels.ts", `export const title = "second";\n`);
    await page.waitForFunction(() => document.title === "second", null, { timeout: 10_000 });
    assert.equal(await page.evaluate(() => (window as { marker?: number }).marker), undefined);
    await page.getByText("Fixed: 0").waitFor({ timeout: 10_000 });
  });
});
