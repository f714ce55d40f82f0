import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, type BrowserFixture } from "../../helpers/browser.js";

describe("web style mapping", () => {
  let fx: BrowserFixture;
  let page: Page;
  before(async () => {
    fx = await browserFixture(new URL("./pages/services-page.ts", import.meta.url));
    page = await fx.page();
  });
  after(async () => {
    await fx?.close();
  });

  it("maps points to px, keeps unitless keys plain and expands the shorthands", async () => {
    const css = await page.evaluate(() => {
      const el = document.createElement("div");
      (window as any).tn.applyStyle(
        el,
        {
          padding: 16,
          spacing: 8,
          opacity: 0.5,
          flex: 1,
          fontWeight: 700,
          paddingHorizontal: 4,
          marginVertical: 2,
          backgroundColor: "#ff0000",
          width: "50%",
          transform: [{ translateX: 10 }, { scale: 2 }, { rotate: 45 }, { rotateY: "1turn" }],
        },
        undefined,
      );
      return el.style.cssText;
    });
    for (const part of [
      "gap: 8px",
      "opacity: 0.5",
      "flex: 1",
      "font-weight: 700",
      "padding: 16px 4px",
      "margin-top: 2px",
      "margin-bottom: 2px",
      "background-color: rgb(255, 0, 0)",
      "width: 50%",
      "transform: translateX(10px) scale(2) rotate(45deg) rotateY(1turn)",
    ]) {
      assert.ok(css.includes(part), `${part} in ${css}`);
    }
  });

  it("keeps exactly the unitless keys plain, and gives lengths to translations and degrees to rotations and skews", async () => {
    // The names are matched by regular expressions: pinned one by one, with near misses.
    const out = await page.evaluate(() => {
      const { applyStyle } = (window as any).tn;
      const units: Record<string, string> = {};
      const keys = ["opacity", "flex", "flexGrow", "flexShrink", "zIndex", "fontWeight", "aspectRatio", "order", "lineClamp", "flexBasis", "width", "borderWidth"];
      for (const key of keys) {
        // A record of the value written: a key the CSSOM does not know (lineClamp) is still told apart.
        const seen: Record<string, unknown> = {};
        const css = new Proxy({} as Record<string, unknown>, {
          get: (_t, k) => (typeof k === "string" ? (seen[k] ?? "") : undefined),
          set: (_t, k, v) => ((seen[k as string] = v), true),
        });
        applyStyle({ style: css } as unknown as HTMLElement, { [key]: 3 }, undefined);
        units[key] = String(seen[key]);
      }
      const names = ["translateX", "translateY", "translate", "perspective", "translateZ", "rotate", "rotateX", "rotateY", "rotateZ", "skewX", "skewY", "skew", "scale", "rotate3d"];
      const transforms = names.map((name) => {
        const seen: Record<string, unknown> = {};
        const css = new Proxy({} as Record<string, unknown>, {
          get: (_t, k) => (typeof k === "string" ? (seen[k] ?? "") : undefined),
          set: (_t, k, v) => ((seen[k as string] = v), true),
        });
        applyStyle({ style: css } as unknown as HTMLElement, { transform: [{ [name]: 2 }] }, undefined);
        return seen.transform;
      });
      return { units, transforms };
    });
    assert.deepEqual(out.units, {
      opacity: "3",
      flex: "3",
      flexGrow: "3",
      flexShrink: "3",
      zIndex: "3",
      fontWeight: "3",
      aspectRatio: "3",
      order: "3",
      lineClamp: "3",
      flexBasis: "3px",
      width: "3px",
      borderWidth: "3px",
    });
    assert.deepEqual(out.transforms, [
      "translateX(2px)",
      "translateY(2px)",
      "translate(2px)",
      "perspective(2px)",
      "translateZ(2)",
      "rotate(2deg)",
      "rotateX(2deg)",
      "rotateY(2deg)",
      "rotateZ(2deg)",
      "skewX(2deg)",
      "skewY(2deg)",
      "skew(2)",
      "scale(2)",
      "rotate3d(2)",
    ]);
  });

  it("removes every property a commit drops in one pass", async () => {
    const steps = await page.evaluate(() => {
      const { applyStyle } = (window as any).tn;
      const el = document.createElement("div");
      const first = { opacity: 0.5, padding: 4, marginVertical: 2, width: 10 };
      applyStyle(el, first, first);
      const before = el.style.cssText;
      const next = { width: 10 };
      applyStyle(el, next, next);
      const after = el.style.cssText;
      applyStyle(el, null, null);
      return [before, after, el.style.cssText];
    });
    assert.deepEqual(steps, ["opacity: 0.5; padding: 4px; margin-top: 2px; margin-bottom: 2px; width: 10px;", "width: 10px;", ""]);
  });

  it("replaces the style at commit, but a frame's partial style keeps the rest", async () => {
    const steps = await page.evaluate(() => {
      const { applyStyle } = (window as any).tn;
      const el = document.createElement("div");
      const out: string[] = [];
      applyStyle(el, { opacity: 0, padding: 16 }, { opacity: 0, padding: 16 });
      out.push(el.style.cssText);
      // A frame: only opacity, the full style still has padding.
      applyStyle(el, { opacity: 0.25 }, { opacity: 0, padding: 16 });
      out.push(el.style.cssText);
      // A commit without padding removes it.
      const next = { opacity: 1 };
      applyStyle(el, next, next);
      out.push(el.style.cssText);
      applyStyle(el, undefined, undefined);
      out.push(el.style.cssText);
      return out;
    });
    assert.deepEqual(steps, ["opacity: 0; padding: 16px;", "opacity: 0.25; padding: 16px;", "opacity: 1;", ""]);
  });

  it("writes only what changed and reads animated values at call time", async () => {
    const writes = await page.evaluate(() => {
      const { applyStyle, styleWrites } = (window as any).tn;
      const el = document.createElement("div");
      const animated = { value: 0.3, addListener: () => () => {} };
      const style = { opacity: animated, padding: 8 };
      return styleWrites(el, () => {
        applyStyle(el, style, style);
        applyStyle(el, { ...style }, style); // nothing changed
        animated.value = 0.6;
        applyStyle(el, style, style);
        applyStyle(el, { opacity: 0.6 }, { opacity: 0.6 }); // padding goes, opacity stays
      });
    });
    assert.deepEqual(writes, ["opacity=0.3", "padding=8px", "opacity=0.6", "padding="]);
  });

  it("writes CSS properties only: a key that is not one is ignored, as setProperty would", async () => {
    const result = await page.evaluate(() => {
      const tn = (window as any).tn;
      tn.reported.length = 0;
      const el = document.createElement("div");
      const style = el.style;
      // Keys no Style has; a plain JS app could still pass them.
      const bad = { length: "3", cssText: "color: red", setProperty: "x", parentRule: "y", notAProperty: "1px", constructor: "z", toString: "w", paddingLeft: 5 };
      let threw = "";
      try {
        tn.applyStyle(el, bad, bad);
        tn.applyStyle(el, { paddingLeft: 6 }, { paddingLeft: 6 });
      } catch (error) {
        threw = String(error);
      }
      return {
        threw,
        css: style.cssText,
        methodKept: typeof style.setProperty === "function",
        noExpando: !Object.prototype.hasOwnProperty.call(style, "notAProperty"),
        reported: tn.reported.length,
      };
    });
    assert.deepEqual(result, { threw: "", css: "padding-left: 6px;", methodKept: true, noExpando: true, reported: 0 });
  });

  it("reports bad values through onError instead of throwing", async () => {
    const result = await page.evaluate(() => {
      const tn = (window as any).tn;
      tn.reported.length = 0;
      const el = document.createElement("div");
      tn.applyStyle(el, { padding: 4, margin: { top: 1 }, width: Number.NaN, resizeMode: "zoom" }, undefined);
      tn.applyStyle(el, { padding: 4, resizeMode: "constructor" }, undefined);
      tn.applyStyle(el, "color: red", undefined);
      return { css: el.style.cssText, reported: tn.reported.slice() };
    });
    assert.equal(result.css, "padding: 4px;");
    assert.equal(result.reported.length, 5);
    assert.match(result.reported[0], /TypeError: style\.margin: \[object Object\] is not a valid value/);
    assert.match(result.reported[1], /style\.width: NaN is not a valid value \(numbers must be finite\)/);
    assert.match(result.reported[2], /style\.resizeMode: "zoom"/);
    assert.match(result.reported[3], /style\.resizeMode: "constructor"/);
    assert.match(result.reported[4], /a style must be an object/);
  });
});

describe("web animation frames", () => {
  let fx: BrowserFixture;
  before(async () => {
    fx = await browserFixture(new URL("./pages/services-page.ts", import.meta.url));
  });
  after(async () => {
    await fx?.close();
  });

  it("delivers frames in time order on the loop, and a cancelled frame never runs", async () => {
    const page = await fx.page();
    const times: number[] = await page.evaluate(() => (window as any).tn.frameTimes(5));
    assert.equal(times.length, 5);
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! > times[i - 1]!, `frame ${i} after frame ${i - 1}`);
    assert.equal(await page.evaluate(() => (window as any).tn.cancelledFrameRuns()), false);
    await page.close();
  });
});
