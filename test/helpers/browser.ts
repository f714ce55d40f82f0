// Drives Debian's Chromium with playwright-core for the web host's tests.
// Never downloads a browser: scripts/ensure-chromium.mjs installs the system one.
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "esbuild";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const CHROMIUM_PATH = process.env.TYPENATIVE_CHROMIUM ?? "/usr/bin/chromium";

/** Launches headless Chromium from the system, without network side traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Bundles a browser entry (ESM, `typenative` resolved from this package) to one script. */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    sourcemap: "inline",
    // Component names show in error reports and component stacks.
    keepNames: true,
    logLevel: "silent",
    // `typenative` resolves to the sources inside the repo (see package.json's exports).
    conditions: ["typenative-source"],
    define: { "process.env.NODE_ENV": '"development"' },
  });
  return result.outputFiles[0]!.text;
}

export interface TestSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `script` as /page.js inside a blank HTML page at /, on 127.0.0.1
 * (a real origin, so localStorage works). `extra` answers any other path.
 */
export async function serveScript(
  script: string,
  extra?: (req: IncomingMessage, res: ServerResponse) => boolean,
): Promise<TestSite> {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>test</title></head><body><div id="root"></div><script type="module" src="/page.js"></script></body></html>`;
  const server = createServer((req, res) => {
    if (req.url === "/" || req.url?.startsWith("/?")) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    } else if (req.url === "/page.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
    } else if (!extra?.(req, res)) {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Opens `url`, failing the test on any uncaught page error; waits for `window.ready`. */
export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  // tsx compiles this file's callbacks with esbuild's keepNames, which wraps
  // named functions in `__name(...)`; callbacks passed to page.evaluate then
  // need that helper in the page too.
  await page.addInitScript("window.__name = (fn) => fn;");
  const errors: unknown[] = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(url);
  await page.waitForFunction(() => (window as { ready?: boolean }).ready === true);
  errorsOf.set(page, errors);
  return page;
}

const errorsOf = new WeakMap<Page, unknown[]>();

/** Uncaught errors the page raised so far. */
export function pageErrors(page: Page): unknown[] {
  return errorsOf.get(page) ?? [];
}

export interface BrowserFixture {
  browser: Browser;
  site: TestSite;
  /** A fresh page at the site, ready (see {@link openPage}). */
  page(): Promise<Page>;
  close(): Promise<void>;
}

/** Bundles `entry`, serves it and launches Chromium: one per test file. */
export async function browserFixture(entry: URL): Promise<BrowserFixture> {
  const { fileURLToPath } = await import("node:url");
  const site = await serveScript(await bundle(fileURLToPath(entry)));
  const browser = await launchChromium();
  return {
    browser,
    site,
    page: () => openPage(browser, site.url),
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
