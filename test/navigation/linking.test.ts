// URL paths ↔ navigation state (src/navigation/linking.ts).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { LinkingOptions } from "typenative";
import { pathFromState, stateFromPath } from "../../src/navigation/linking.js";

const linking: LinkingOptions = { config: { screens: { Home: "", Post: "post/:id" } } };

describe("stateFromPath", () => {
  it("decodes escaped segments into params", () => {
    const state = stateFromPath("/post/a%20b", linking);
    assert.deepEqual(state?.routes.at(-1)?.params, { id: "a b" });
  });

  it("keeps a segment with a malformed escape as typed instead of throwing", () => {
    assert.doesNotThrow(() => stateFromPath("/post/%E0%A4", linking));
    assert.deepEqual(stateFromPath("/post/%E0%A4", linking)?.routes.at(-1)?.params, { id: "%E0%A4" });
    assert.equal(stateFromPath("/%zz/nothing", linking), undefined);
  });

  it("round-trips with pathFromState", () => {
    const state = stateFromPath("/post/42", linking)!;
    assert.equal(pathFromState(state, linking), "/post/42");
  });
});
