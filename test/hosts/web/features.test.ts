// The DOM host's feature chunk (src/hosts/web/features.ts) gathers press,
// pull-to-refresh and modal focus, so it is loaded for whichever a view uses
// first, and the host then also calls the others to undo (a handler that
// went, or a prop present as `undefined`): an undo must not add a feature's
// document listeners. In Node, with a document that records its listeners.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as features from "../../../src/hosts/web/features.js";
import { nearest } from "../../../src/hosts/web/nearest.js";
import { flag, flagsOf, type FeatureContext } from "../../../src/hosts/web/flags.js";

function fakeDocument() {
  const listening: string[] = [];
  const doc = { addEventListener: (type: string) => listening.push(type) };
  return { doc, listening, view: () => ({ ownerDocument: doc }) as unknown as HTMLElement };
}

const context: FeatureContext = { emit: () => {}, flag, flagsOf };

describe("web host: the feature chunk", () => {
  it("exports what the DOM host calls of each gathered module", () => {
    for (const name of ["setPress", "setRefresh", "setEscape", "onPressIn", "onPressOut", "onLongPress", "onAccessibilityEscape", "onRefresh", "focusNewModals", "closeModalsWithin", "ScrollWatch", "setImageSource"] as const) {
      assert.equal(typeof features[name], "function", name);
    }
    // The DOM host calls each prop's setter by the prop's name.
    assert.deepEqual(
      [features.onPressIn, features.onPressOut, features.onLongPress, features.onAccessibilityEscape, features.onRefresh],
      [features.setPress, features.setPress, features.setPress, features.setEscape, features.setRefresh],
    );
  });

  it("an undo of press, refresh or Escape clears the flag and adds no listener; turning one on adds its listeners once", () => {
    const { listening, view } = fakeDocument();
    const el = view();
    features.setPress(el, false, context, { onPressIn: undefined });
    features.setRefresh(el, false, context);
    features.setEscape(el, false, context);
    assert.deepEqual(listening, []);
    assert.equal(flagsOf(el), 0);
    features.setRefresh(el, true, context);
    features.setRefresh(view(), true, context);
    assert.deepEqual(listening, ["wheel", "touchstart", "touchmove"]);
    assert.notEqual(flagsOf(el), 0);
    features.setRefresh(el, false, context);
    assert.equal(flagsOf(el), 0);
    features.setPress(el, true, context, { onLongPress: true });
    assert.deepEqual(listening.slice(3), ["pointerdown", "pointerup", "pointercancel"]);
    features.setEscape(el, true, context);
    assert.deepEqual(listening.slice(6), ["keydown"]);
  });

  it("nearest: the innermost view from the target up with one of the bits, null when that view is disabled", () => {
    type Fake = { parentNode: Fake | null; attrs: Record<string, string>; getAttribute(name: string): string | null };
    const node = (parentNode: Fake | null, attrs: Record<string, string> = {}): Fake => ({ parentNode, attrs, getAttribute: (name) => attrs[name] ?? null });
    const outer = node(null);
    const inner = node(outer);
    const leaf = node(inner);
    const as = (n: Fake) => n as unknown as HTMLElement;
    flag(as(outer), 16, true);
    flag(as(inner), 32, true);
    assert.equal(nearest(context, as(leaf), 16), as(outer));
    assert.equal(nearest(context, as(leaf), 16 | 32), as(inner));
    assert.equal(nearest(context, as(leaf), 64), null);
    assert.equal(nearest(context, null, 16), null);
    inner.attrs["aria-disabled"] = "true";
    assert.equal(nearest(context, as(leaf), 32), null, "the innermost is disabled: no view, not an outer one");
  });
});
