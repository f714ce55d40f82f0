// The web host's view flags (src/hosts/web/flags.ts) share one bit set with
// the flags the feature modules set and read themselves (press, pull to
// refresh, modal Escape): no two may share a bit.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CHANGE, CLICK, CLICK_KEY, FIRST_FEATURE_BIT, SUBMIT } from "../../../src/hosts/web/flags.js";
import { LONG_PRESS, PRESS } from "../../../src/hosts/web/press.js";
import { REFRESH } from "../../../src/hosts/web/pull-to-refresh.js";
import { ESCAPE } from "../../../src/hosts/web/modal-focus.js";

describe("web host: view flags", () => {
  it("the host's flags and the feature modules' flags are distinct single bits, the modules' from FIRST_FEATURE_BIT up", () => {
    const host = [CLICK, CLICK_KEY, CHANGE, SUBMIT];
    const features = [PRESS, LONG_PRESS, REFRESH, ESCAPE];
    for (const bit of [...host, ...features]) assert.equal(bit & (bit - 1), 0, `${bit} is one bit`);
    assert.ok(host.every((bit) => bit > 0 && bit < FIRST_FEATURE_BIT));
    assert.ok(features.every((bit) => bit >= FIRST_FEATURE_BIT));
    assert.equal(new Set([...host, ...features]).size, host.length + features.length);
  });
});
