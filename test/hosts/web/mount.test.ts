// mount()'s check of its target, in Node: it throws before touching a document.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mount } from "../../../src/hosts/web/index.js";
import { Text } from "../../../src/components/builtins.js";

describe("web mount", () => {
  it("refuses a target that is not a DOM element", () => {
    const notElements: unknown[] = [null, undefined, "root", 1, {}, { nodeType: 9 }, () => {}];
    for (const target of notElements) {
      assert.throws(() => mount(Text("x"), target as Element), { name: "TypeError", message: /domNode must be a DOM element/ }, String(target));
    }
  });
});
