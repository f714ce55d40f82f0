// The DOM host's feature chunk (src/hosts/web/features.ts) gathers press,
// pull-to-refresh and modal focus, so it is loaded for whichever a view uses
// first, and the host then also calls the others to undo (a handler that
// went, or a prop present as `undefined`): an undo must not add a feature's
// document listeners. In Node, with a document that records its listeners.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as features from "../../../src/hosts/web/features.js";
import { flag, flagsOf, nearest, type FeatureContext } from "../../../src/hosts/web/flags.js";

function fakeDocument() {
  const listening: string[] = [];
  const doc = { addEventListener: (type: string) => listening.push(type) };
  return { doc, listening, view: () => ({ ownerDocument: doc }) as unknown as HTMLElement };
}

const context: FeatureContext = { emit: () => {}, flag, flagsOf, nearest };

describe("web host: the feature chunk", () => {
  it("exports what the DOM host calls of each gathered module", () => {
    for (const name of ["setPress", "setRefresh", "setEscape", "focusNewModals", "closeModalsWithin", "ScrollWatch", "setImageSource"] as const) {
      assert.equal(typeof features[name], "function", name);
    }
  });

  it("an undo of press, refresh or Escape clears the flag and adds no listener; turning one on adds its listeners once", () => {
    const { listening, view } = fakeDocument();
    const el = view();
    features.setPress(el, { onPressIn: undefined }, context);
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
    features.setPress(el, { onLongPress: true }, context);
    assert.deepEqual(listening.slice(3), ["pointerdown", "pointerup", "pointercancel"]);
    features.setEscape(el, true, context);
    assert.deepEqual(listening.slice(6), ["keydown"]);
  });
});
