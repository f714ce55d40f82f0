// Prop values as they cross the bridge (toWire in bridge-host.ts): what a
// value that JSON cannot hold becomes.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { toWire } from "typenative/bridge";
import { bridged } from "./harness.js";

describe("bridge host: toWire", () => {
  it("cuts a reference back to an enclosing object (a cycle) instead of copying it 16 levels deep", () => {
    // A model object with back references: four of them would be 4^15 copies.
    const node: Record<string, unknown> = { name: "node" };
    node.parent = node;
    node.first = node;
    node.last = node;
    node.self = node;
    const list: unknown[] = [1];
    list.push(list);
    assert.deepEqual(toWire(node, 0), { name: "node" });
    assert.deepEqual(toWire(list, 0), [1, null]);
    assert.deepEqual(toWire({ nested: { up: node, list } }, 0), { nested: { up: { name: "node" }, list: [1, null] } });
  });

  it("keeps an object met twice that is not its own ancestor", () => {
    const shared = { v: 1 };
    assert.deepEqual(toWire({ a: shared, b: [shared, shared] }, 0), { a: { v: 1 }, b: [{ v: 1 }, { v: 1 }] });
  });

  it("a view with a cyclic prop reaches the host with the cycle cut", async () => {
    const b = await bridged();
    const item: Record<string, unknown> = { id: 7 };
    item.owner = { items: [item] };
    b.root.render(pn.View({ testID: "row", accessibilityState: item as never }));
    assert.deepEqual(await b.tree(), [{ type: "View", props: { testID: "row", accessibilityState: { id: 7, owner: { items: [null] } } }, children: [] }]);
    b.close();
  });
});
