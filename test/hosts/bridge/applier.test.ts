import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createApplier, PROTOCOL_VERSION } from "typenative/bridge";
import { CASES, runConformance } from "../../../src/hosts/bridge/conformance.js";

describe("reference applier", () => {
  it("passes every conformance case", () => {
    const results = runConformance(() => createApplier());
    assert.equal(results.length, CASES.length);
    assert.deepEqual(results.filter((r) => !r.ok), []);
  });

  it("tells the backend about each applied op, and nothing about a rejected commit", () => {
    const calls: string[] = [];
    const applier = createApplier<string>({
      createView: (node) => (calls.push(`create ${node.type}`), `h${node.tag}`),
      createText: (node) => (calls.push(`text ${node.text}`), `h${node.tag}`),
      insert: (parent, child, index) => calls.push(`insert ${child.handle} into ${parent.tag} at ${index}`),
      remove: (_parent, child) => calls.push(`remove ${child.handle}`),
      release: (node) => calls.push(`release ${node.handle}`),
      commitEnd: (revision) => calls.push(`end ${revision}`),
    });
    assert.equal(
      applier.apply({ revision: 1, ops: [{ op: "create", tag: 1, type: "Text", props: {} }, { op: "create", tag: 2, type: "#text", text: "hi" }, { op: "insert", parent: 1, child: 2, index: 0 }, { op: "insert", parent: 0, child: 1, index: 0 }] }),
      null,
    );
    const error = applier.apply({ revision: 2, ops: [{ op: "remove", tag: 1 }, { op: "create", tag: 3, type: "Nope", props: {} }] });
    assert.equal(error?.code, "unknown-type");
    assert.equal(error?.op, 1);
    assert.equal(applier.apply({ revision: 3, ops: [{ op: "remove", tag: 1 }] }), null);
    assert.deepEqual(calls, ["create Text", "text hi", "insert h2 into 1 at 0", "insert h1 into 0 at 0", "end 1", "remove h1", "release h2", "release h1", "end 3"]);
    assert.equal(applier.size, 0);
    assert.equal(PROTOCOL_VERSION, 1);
  });
});

describe("protocol constants", () => {
  it("the protocol's view types are the framework's built-in view types", async () => {
    const { VIEW_TYPES } = await import("typenative/bridge");
    const { BUILT_IN_VIEW_TYPES } = await import("../../../src/platform/view-types.js");
    assert.deepEqual([...VIEW_TYPES].sort(), [...BUILT_IN_VIEW_TYPES].sort());
  });
});
