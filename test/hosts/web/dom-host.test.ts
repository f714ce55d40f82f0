import { describe, it, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserFixture, pageErrors, type BrowserFixture } from "../../helpers/browser.js";

describe("web DOM host", () => {
  let fx: BrowserFixture;
  let page: Page;
  before(async () => {
    fx = await browserFixture(new URL("./pages/host-page.ts", import.meta.url));
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

  const run = (name: string, options?: object): Promise<void> =>
    page.evaluate(([n, o]) => (window as any).tn.mount(n, o), [name, options] as const);
  const rerender = (name: string): Promise<void> => page.evaluate((n) => (window as any).tn.render(n), name);

  it("maps built-ins to accessible elements with flex layout", async () => {
    await run("elements");
    const info = await page.evaluate(() => {
      const q = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement;
      const cs = (id: string) => getComputedStyle(q(id));
      return {
        column: [q("elements").tagName, cs("elements").display, cs("elements").flexDirection],
        row: [cs("row").flexDirection, cs("row").columnGap],
        scroll: [cs("scroll").overflowY, cs("scroll").height],
        img: [q("img").tagName, q("img").getAttribute("src"), (q("img") as HTMLImageElement).alt, cs("img").width],
        badImg: q("bad-img").hasAttribute("src"),
        sizedSpacer: [q("sized-spacer").getAttribute("aria-hidden"), cs("sized-spacer").flexGrow, cs("sized-spacer").height],
        search: [q("search").tagName, q("search").getAttribute("aria-label"), (q("search") as HTMLInputElement).placeholder],
        notes: [q("notes").tagName, q("notes").getAttribute("aria-label")],
        clickable: [q("clickable").getAttribute("role"), q("clickable").tabIndex],
        list: [q("list").getAttribute("role"), Array.from(q("list").children).map((c) => `${c.getAttribute("role")}:${c.textContent}`)],
      };
    });
    assert.deepEqual(info, {
      column: ["DIV", "flex", "column"],
      row: ["row", "4px"],
      scroll: ["auto", "40px"],
      // The source the host checked, resolved against the page: what loads is what was allowed.
      img: ["IMG", `${new URL(fx.site.url).origin}/pixel.png`, "A pixel", "10px"],
      badImg: false,
      sizedSpacer: ["true", "0", "12px"],
      search: ["INPUT", "Search", "Search"],
      notes: ["TEXTAREA", "Notes"],
      clickable: ["button", 0],
      list: ["list", ["listitem:a", "listitem:b"]],
    });
    assert.ok(await page.getByRole("textbox", { name: "Search" }).isVisible());
    assert.ok(await page.getByRole("listitem").first().isVisible());
    const reported: string[] = await page.evaluate(() => (window as any).tn.reported);
    assert.equal(reported.length, 1);
    assert.match(reported[0]!, /^host: TypeError: Image source "javascript:alert\(1\)"/);
  });

  it("delivers clicks through emit, batching into a render; disabled buttons stay quiet", async () => {
    await run("counter");
    const add = page.getByRole("button", { name: "Add" });
    assert.equal(await add.evaluate((el) => (el as HTMLButtonElement).type), "button");
    await add.click();
    await add.click();
    await page.getByText("Count: 2").waitFor();
    assert.equal(await page.getByRole("button", { name: "Never" }).isDisabled(), true);
    await page.getByRole("button", { name: "Never" }).click({ force: true });
    // A clickable View works from the keyboard too.
    await page.evaluate(() => (window as any).tn.unmount());
    await run("elements", { errorOverlay: false });
    await page.getByRole("button", { name: "tap me" }).click();
    await page.getByRole("button", { name: "tap me" }).press("Enter");
    await page.getByRole("button", { name: "tap me" }).press(" ");
    // Only the innermost handler runs; a disabled view ignores clicks and keys.
    await page.locator('[data-testid="outer"] button').click();
    await page.getByRole("button", { name: "off" }).click({ force: true });
    await page.getByTestId("disabled-view").focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.getByTestId("disabled-view").getAttribute("aria-disabled"), "true");
    assert.deepEqual(await page.evaluate(() => (window as any).tn.log), ["view clicked", "view clicked", "view clicked", "inner clicked"]);
  });

  it("onScroll: reports the view's size once laid out, then each scroll", async () => {
    await run("scrolling");
    const log = (): Promise<string[]> => page.evaluate(() => (window as any).tn.log.slice());
    // The size report (ResizeObserver) comes once the scroll module has loaded.
    await page.waitForFunction(() => (window as any).tn.log.includes("scroll 0/40/200"));
    await page.getByTestId("scrolling").evaluate((el) => (el.scrollTop = 30));
    await page.waitForFunction(() => (window as any).tn.log.includes("scroll 30/40/200"));
    // Scrolling is not a resize: no other report came.
    assert.deepEqual(await log(), ["scroll 0/40/200", "scroll 30/40/200"]);
  });

  it("FlatList: a list its rows do not fill yet (nothing to scroll) still reaches its end as each page comes, until the rows fill it", async () => {
    await run("feed");
    // 3 rows → 6 → … → 18 rows (720 px): the end is then more than half a viewport (200 px) below the 400 px view.
    await page.waitForFunction(() => document.querySelector('[data-testid="feed"]')!.children.length === 18);
    await page.waitForTimeout(200);
    const ends: string[] = await page.evaluate(() => (window as any).tn.log.filter((l: string) => l.startsWith("end")));
    assert.deepEqual(ends, ["end at 3", "end at 6", "end at 9", "end at 12", "end at 15"]);
  });

  it("keeps a controlled input in step with typing", async () => {
    await run("draft");
    const draft = page.getByRole("textbox", { name: "Draft" });
    await draft.pressSequentially("hello world");
    await page.getByText("Echo: hello world").waitFor();
    assert.equal(await draft.inputValue(), "hello world");
    await page.getByRole("button", { name: "Clear" }).click();
    await page.getByText(/^Echo: $/).waitFor();
    assert.equal(await draft.inputValue(), "");
  });

  it("shows a controlled input's value, not the text its handler refused, and leaves accepted typing alone", async () => {
    await run("digits");
    const digits = page.getByRole("textbox", { name: "Digits" });
    // The refused "b" changes no state, so no render would rewrite the text.
    await digits.pressSequentially("1a2b");
    await page.getByText("Digits: 12").waitFor();
    assert.equal(await digits.inputValue(), "12");
    // Typing the handler accepts, in the middle: the text is not rewritten, so the caret stays.
    await digits.press("ArrowLeft");
    await digits.pressSequentially("9");
    await page.getByText("Digits: 192").waitFor();
    assert.equal(await digits.inputValue(), "192");
    assert.equal(await digits.evaluate((el: HTMLInputElement) => el.selectionStart), 2);
    assert.equal(await page.getByTestId("digits-state").textContent(), "Digits: 192");
  });

  it("delivers an input's focus and blur while it has the handlers", async () => {
    await run("focus");
    const watched = page.getByRole("textbox", { name: "Watched" });
    const other = page.getByRole("textbox", { name: "Other" });
    await watched.focus();
    await other.focus();
    await page.getByText("Events: focus,blur", { exact: true }).waitFor();
    // Without the handlers the listener goes; back with them, each event is heard once.
    await rerender("focus-off");
    await watched.focus();
    await other.focus();
    await rerender("focus");
    await watched.focus();
    await other.focus();
    await page.getByText("Events: focus,blur,focus,blur", { exact: true }).waitFor();
  });

  it("names an input by label, else accessibilityLabel, else placeholder, as its props change", async () => {
    const label = () => page.evaluate(() => document.querySelector('[data-testid="labelled"]')!.getAttribute("aria-label"));
    await run("label-placeholder");
    assert.equal(await label(), "First");
    await rerender("label-label");
    assert.equal(await label(), "Second");
    await rerender("label-a11y");
    assert.equal(await label(), "Third");
    await rerender("label-none");
    assert.equal(await label(), null);
  });

  it("TextInput maxLength: a finite non-negative one limits the text; Infinity, a negative one or NaN is no limit", async () => {
    const input = page.getByTestId("limited");
    const state = () => page.evaluate(() => document.querySelector('[data-testid="limited"]')!.getAttribute("maxlength"));
    await run("max-5");
    assert.equal(await state(), "5");
    for (const scenario of ["max-infinity", "max-negative", "max-nan"]) {
      await rerender("max-5");
      await rerender(scenario);
      assert.equal(await state(), null, scenario);
      await input.fill("");
      await input.pressSequentially("longer than five");
      assert.equal(await input.inputValue(), "longer than five", scenario);
    }
  });

  it("writes accessibilityState as aria-* attributes, and removes those a new state lacks", async () => {
    const attrs = () =>
      page.evaluate(() => {
        const el = document.querySelector('[data-testid="a11y-state"]')!;
        return ["selected", "checked", "expanded", "busy", "disabled"].map((key) => el.getAttribute(`aria-${key}`));
      });
    await run("a11y-state");
    // Booleans and "mixed" are written; anything else is not.
    assert.deepEqual(await attrs(), ["true", "mixed", "false", null, null]);
    await rerender("a11y-state-other");
    assert.deepEqual(await attrs(), [null, null, null, null, "true"]);
    await rerender("a11y-state-none");
    assert.deepEqual(await attrs(), [null, null, null, null, null]);
    await rerender("a11y-state");
    await rerender("a11y-state-primitive");
    assert.deepEqual(await attrs(), [null, null, null, null, null]);
  });

  it("a View with onClick or onLongPress is a focusable button while it has either", async () => {
    const state = () =>
      page.evaluate(() => {
        const el = document.querySelector('[data-testid="pressable"]') as HTMLElement;
        return [el.getAttribute("role"), el.getAttribute("tabindex")];
      });
    await run("press-both");
    assert.deepEqual(await state(), ["button", "0"]);
    await rerender("press-long");
    assert.deepEqual(await state(), ["button", "0"], "the long press is still there");
    await rerender("press-none");
    assert.deepEqual(await state(), [null, null]);
    await rerender("press-both");
    await rerender("press-click");
    assert.deepEqual(await state(), ["button", "0"], "the click is still there");
    await rerender("press-none");
    await rerender("press-long");
    assert.deepEqual(await state(), ["button", "0"]);
  });

  it("a Spacer with a width or height stops flexing (tn-sized), and flexes again without", async () => {
    const sized = () => page.evaluate(() => document.querySelector('[data-testid="spacer"]')!.classList.contains("tn-sized"));
    await run("spacer-wide");
    assert.equal(await sized(), true);
    await rerender("spacer-flex");
    assert.equal(await sized(), false);
    await rerender("spacer-tall");
    assert.equal(await sized(), true);
    await rerender("spacer-none");
    assert.equal(await sized(), false);
  });

  it("sets data as text, never as HTML", async () => {
    await run("unsafe");
    const unsafe = page.getByTestId("unsafe");
    assert.equal(await unsafe.textContent(), '<img src=x onerror="window.hacked=true">');
    assert.equal(await page.locator("#root img").count(), 0);
    assert.equal(await page.getByRole("button").textContent(), '<img src=x onerror="window.hacked=true">');
    assert.equal(await page.evaluate(() => (window as any).hacked), undefined);
  });

  it("keeps DOM nodes across keyed moves and style updates", async () => {
    await run("keyed");
    await page.evaluate(() => {
      for (const id of ["a", "b", "c"]) (document.querySelector(`[data-testid="row-${id}"]`) as any).mark = id;
    });
    await rerender("reordered");
    const after = await page.evaluate(() =>
      Array.from(document.querySelector('[data-testid="keyed"]')!.children).map((el) => `${el.textContent}:${(el as any).mark}`),
    );
    assert.deepEqual(after, ["c:c", "a:a", "b:b"]);

    await page.evaluate(() => (window as any).tn.unmount());
    await run("wide");
    await page.evaluate(() => ((document.querySelector('[data-testid="styled"]') as any).mark = "same"));
    await rerender("narrow");
    const styled = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="styled"]') as HTMLElement & { mark?: string };
      return [el.mark, el.style.cssText];
    });
    assert.deepEqual(styled, ["same", "width: 100px;"]);
  });

  it("installs the web services and restores them on unmount", async () => {
    const before = await page.evaluate(() => (window as any).tn.services());
    const none = { frames: "object", alert: "null", camera: "null", storage: "null", online: "null", focus: "null", history: "undefined", colorScheme: "undefined", os: "undefined" };
    assert.deepEqual(before, none);
    await run("counter");
    const web = { frames: "object", alert: "object", camera: "object", storage: "object", online: "object", focus: "object", history: "object", colorScheme: "object", os: "string" };
    assert.deepEqual(await page.evaluate(() => (window as any).tn.services()), web);
    assert.equal(await page.evaluate(() => (window as any).tn.storageRoundTrip()), "stored");
    assert.match(await page.evaluate(() => (window as any).tn.mountTwice()), /already holds a typenative app/);
    await page.evaluate(() => (window as any).tn.unmount());
    assert.equal(await page.evaluate(() => document.getElementById("root")!.childNodes.length), 0);
    assert.deepEqual(await page.evaluate(() => (window as any).tn.services()), before);
    assert.equal(await page.evaluate(() => (window as any).tn.pendingTasks()), 0);
  });

  it("leaves the storage an app configured in place, through mount and unmount", async () => {
    assert.deepEqual(await page.evaluate(() => (window as any).tn.mountConfigured()), [true, true]);
  });

  it("shows a render error in the overlay with its component stack", async () => {
    await run("broken");
    const overlay = page.getByTestId("typenative-error-overlay");
    await overlay.waitFor();
    const text = (await overlay.textContent()) ?? "";
    assert.match(text, /Error: render went wrong/);
    assert.match(text, /render error in Broken/);
    assert.match(text, /in Broken\s+in Parent/);
    await overlay.getByRole("button", { name: "Dismiss" }).click();
    assert.equal(await overlay.count(), 0);
    const reported: string[] = await page.evaluate(() => (window as any).tn.reported);
    assert.match(reported[0]!, /render went wrong/);
  });

  it("Pressable: press feedback, a click, and a held press that is a long press instead; Switch is an accessible switch", async () => {
    await run("presses");
    const pressable = page.getByRole("button", { name: "Press me" });
    const box = (await pressable.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.getByTestId("press-label").filter({ hasText: "held" }).waitFor();
    await page.mouse.up();
    await page.getByTestId("press-label").filter({ hasText: "idle" }).waitFor();
    await page.mouse.down();
    await page.waitForTimeout(650);
    await page.mouse.up();
    await page.waitForTimeout(50);
    const log: string[] = await page.evaluate(() => (window as any).tn.log);
    assert.deepEqual(log.filter((l) => l.startsWith("pressable")), ["pressable clicked", "pressable long-pressed"]);

    const sw = page.getByRole("switch", { name: "Wi-Fi" });
    assert.equal(await sw.getAttribute("aria-checked"), "false");
    await sw.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="switch"]')!.getAttribute("aria-checked") === "true");
    await sw.press("Space");
    await page.waitForFunction(() => document.querySelector('[data-testid="switch"]')!.getAttribute("aria-checked") === "false");

    // Pull-to-refresh: wheel upwards at the top of the list.
    const list = (await page.getByTestId("refreshable").boundingBox())!;
    await page.mouse.move(list.x + 10, list.y + 10);
    await page.mouse.wheel(0, -60);
    await page.mouse.wheel(0, -60);
    await page.mouse.wheel(0, -60);
    await page.waitForFunction(() => (window as any).tn.log.includes("refreshed"));
    const refreshed: string[] = await page.evaluate(() => (window as any).tn.log.filter((l: string) => l === "refreshed"));
    assert.deepEqual(refreshed, ["refreshed"]);
  });

  it("Pressable: a right-button press is no press (no long press, no feedback); another pointer's lift does not end a held press", async () => {
    await run("presses");
    const box = (await page.getByRole("button", { name: "Press me" }).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down({ button: "right" });
    await page.waitForTimeout(650);
    assert.equal(await page.getByTestId("press-label").textContent(), "idle", "no press feedback for the context-menu button");
    await page.mouse.up({ button: "right" });
    await page.waitForTimeout(50);
    const pressLog = (): Promise<string[]> => page.evaluate(() => (window as any).tn.log.filter((l: string) => l.startsWith("pressable")));
    assert.deepEqual(await pressLog(), [], "a right-button hold is not a long press");

    // A finger holds the Pressable while a second one taps elsewhere.
    const pointer = (type: string, id: number, onPressable: boolean) =>
      page.evaluate(([type, id, onPressable]) => {
        const target = onPressable ? document.querySelector('[data-testid="pressable"]')! : document.body;
        target.dispatchEvent(new PointerEvent(type as string, { bubbles: true, pointerId: id as number, isPrimary: id === 1, pointerType: "touch" }));
      }, [type, id, onPressable] as const);
    await pointer("pointerdown", 1, true);
    await page.getByTestId("press-label").filter({ hasText: "held" }).waitFor();
    await pointer("pointerdown", 2, false);
    await pointer("pointerup", 2, false);
    await page.waitForTimeout(650);
    assert.equal(await page.getByTestId("press-label").textContent(), "held", "still held by the first finger");
    assert.deepEqual(await pressLog(), ["pressable long-pressed"]);
    await pointer("pointerup", 1, true);
    await page.getByTestId("press-label").filter({ hasText: "idle" }).waitFor();
  });

  it("Modal: a modal dialog that takes the focus, keeps Tab inside, closes on Escape and gives the focus back", async () => {
    await run("dialogs");
    await page.getByRole("button", { name: "Open dialog" }).click();
    const dialog = page.getByRole("dialog", { name: "Settings dialog" });
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute("aria-modal"), "true");
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    await page.waitForFunction(() => document.activeElement?.textContent === "First");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "Close");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "First", "Tab wraps inside the dialog");
    await page.keyboard.press("Shift+Tab");
    assert.equal(await focused(), "Close");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.equal(await focused(), "Open dialog", "the focus goes back to the opener");
  });

  it("Modal: removed with the rest of its container's children (one clear), it still gives the focus back", async () => {
    await run("onlyChildDialog");
    await page.getByRole("button", { name: "Open alone" }).click();
    const dialog = page.getByRole("dialog", { name: "Alone" });
    await dialog.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === "Close alone");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent ?? ""), "Open alone");
  });

  it("Modal: one unmounted while the focus module loads takes nothing; the next takes the focus", async () => {
    assert.deepEqual(await page.evaluate(() => (window as any).tn.modalsDuringLoad()), ["Outside", "Inside"]);
  });
});
