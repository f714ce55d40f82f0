// The web host in Chromium: Image sources are decided on the URL as the
// browser parses it, and an unknown view type is a render error.
import { describe, it, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, pageErrors, type BrowserFixture } from "../../helpers/browser.js";
import { BUILT_IN_VIEW_TYPES } from "../../../src/platform/view-types.js";

/** Spellings of `javascript:` and non-image `data:` URLs; the parser reads each as that scheme. */
const HOSTILE = [
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "\tjavascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "java\rscript:alert(1)",
  "\u0001javascript:alert(1)",
  "\u0000 javascript:alert(1)",
  " data:text/html,<script>alert(1)</script>",
  "data:text/html,<script>alert(1)</script>",
  "da\nta:text/html,x",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
];

describe("web host in Chromium: hardening", () => {
  let fx: BrowserFixture;
  let page: Page;
  before(async () => {
    fx = await browserFixture(new URL("./pages/hardening-page.ts", import.meta.url));
  });
  after(async () => {
    await fx?.close();
  });
  beforeEach(async () => {
    page = await fx.page();
  });
  afterEach(async () => {
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  const images = (sources: unknown[]): Promise<Array<string | null>> => page.evaluate((s) => (window as any).tn.images(s), sources);
  const reported = (): Promise<string[]> => page.evaluate(() => (window as any).tn.reported);

  it("refuses every spelling of a javascript: or non-image data: source, each reported once", async () => {
    // The browser itself reads every one of them as a forbidden scheme.
    const schemes = await page.evaluate((s) => s.map((uri) => new URL(uri, document.baseURI).protocol), HOSTILE);
    assert.ok(schemes.every((p) => p === "javascript:" || p === "data:" || p === "vbscript:" || p === "file:"), schemes.join(" "));
    const srcs = await images(HOSTILE.map((uri, i) => (i % 2 === 0 ? uri : { uri })));
    assert.deepEqual(srcs, HOSTILE.map(() => null));
    const errors = await reported();
    assert.equal(errors.length, HOSTILE.length);
    for (const error of errors) assert.match(error, /^host: TypeError: Image source ".*" (has the scheme|is a data: URL)/s);
  });

  it("loads http(s), blob:, image data: and relative sources as the parsed URL", async () => {
    const origin = new URL(fx.site.url).origin;
    const blob: string = await page.evaluate(() => URL.createObjectURL(new Blob(["x"], { type: "image/png" })));
    const srcs = await images([
      "http://127.0.0.1:9/a.png",
      " https://127.0.0.1:9/b.png ",
      "/pixel.png",
      "img/c\t.png",
      "//127.0.0.1:9/d.png",
      "data:image/png;base64,iVBORw0KGgo=",
      " data: IMAGE/GIF;base64,R0lGODlh",
      { uri: blob },
    ]);
    assert.deepEqual(srcs, [
      "http://127.0.0.1:9/a.png",
      "https://127.0.0.1:9/b.png",
      `${origin}/pixel.png`,
      `${origin}/img/c.png`,
      "http://127.0.0.1:9/d.png",
      "data:image/png;base64,iVBORw0KGgo=",
      "data: IMAGE/GIF;base64,R0lGODlh",
      blob,
    ]);
    assert.deepEqual(await reported(), []);
  });

  it("drops the loaded image when an update switches to a refused source", async () => {
    assert.deepEqual(await images(["/a.png", "/b.png"]), [`${new URL(fx.site.url).origin}/a.png`, `${new URL(fx.site.url).origin}/b.png`]);
    const after = await page.evaluate(() => (window as any).tn.update([" javascript:alert(1)", { uri: "" }]));
    assert.deepEqual(after, [null, null]);
    assert.equal((await reported()).length, 1);
  });

  it("image sources load with their module: the latest source of a view is set, an unmounted view's never", async () => {
    const origin = new URL(fx.site.url).origin;
    const [atMount, afterLoad, unmounted] = await page.evaluate(() => (window as any).tn.duringLoad());
    assert.equal(atMount, null, "the module was still loading");
    assert.equal(afterLoad, `${origin}/b.png`);
    assert.equal(unmounted, null);
    assert.deepEqual(await reported(), []);
  });

  it("renders an unknown view type as a render error reported through onError", async () => {
    const html: string = await page.evaluate(() => (window as any).tn.unknown());
    assert.doesNotMatch(html, /<div>/);
    const errors = await reported();
    assert.equal(errors.length, 1);
    assert.ok(errors[0]!.startsWith(`render: TypeError: web host: unknown view type "div" (expected one of ${BUILT_IN_VIEW_TYPES.join(", ")})`), errors[0]);
  });
});
