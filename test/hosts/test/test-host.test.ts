// The in-memory test host: constant-time tree operations (so tests of big
// lists are not slow because of it) and only the view types real hosts have.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as pn from "typenative";
import { render, TestHost, type TestNode } from "typenative/testing";
import { BUILT_IN_VIEW_TYPES } from "../../../src/platform/view-types.js";
import { VIEW_TYPES as BRIDGE_VIEW_TYPES } from "../../../src/hosts/bridge/protocol.js";
import { captureErrors } from "../../helpers/errors.js";
import { useCleanRuntime } from "../../helpers/lifecycle.js";

const Rows = pn.component((p: { ids: number[] }) => pn.Column(...p.ids.map((id) => pn.Text(String(id), { key: id }))));

describe("test host", () => {
  useCleanRuntime();

  it("reverses 100,000 keyed rows with host work linear in the rows", () => {
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => i);
    const ui = render(Rows({ ids }));
    const list = ui.container.children[0]!;
    assert.equal(list.children.length, n);
    ui.host.clearLog();
    const before = ui.host.steps;
    ui.rerender(Rows({ ids: ids.slice().reverse() }));
    const moves = ui.host.log.filter((op) => op.op === "move").length;
    assert.ok(moves <= n, `${moves} moves`);
    const rows = list.children;
    assert.equal(rows.length, n);
    assert.equal(rows[0]!.text, String(n - 1));
    assert.equal(rows[n - 1]!.text, "0");
    assert.equal(rows[n / 2]!.text, String(n / 2 - 1));
    // One step per move plus one per row of the new snapshot. An array
    // host's indexOf/splice per move would be ~n²/2 = 5·10⁹ steps.
    const steps = ui.host.steps - before;
    assert.ok(steps <= 2 * n + 10, `the host took ${steps} steps for ${n} rows`);
  });

  it("keeps children, parents and text in step with an array model through any inserts, moves and removes", () => {
    type Step = { kind: "insert" | "move" | "remove"; pick: number; at: number };
    const step = fc.record({ kind: fc.constantFrom("insert", "move", "remove"), pick: fc.nat(), at: fc.nat() }) as fc.Arbitrary<Step>;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const host = new TestHost();
        const parent = host.createView("Column", {});
        const model: TestNode[] = [];
        let made = 0;
        for (const { kind, pick, at } of steps) {
          if (kind === "insert" || model.length === 0) {
            const child = host.createText(`t${made++}`);
            const index = at % (model.length + 1);
            host.insertBefore(parent, child, model[index] ?? null);
            model.splice(index, 0, child);
          } else if (kind === "move") {
            const child = model.splice(pick % model.length, 1)[0]!;
            const index = at % (model.length + 1);
            host.insertBefore(parent, child, model[index] ?? null);
            model.splice(index, 0, child);
          } else {
            const child = model.splice(pick % model.length, 1)[0]!;
            host.removeChild(parent, child);
            assert.equal(child.parent, null);
          }
          assert.deepEqual(parent.children, model);
          for (const child of model) assert.equal(child.parent, parent);
          assert.equal(parent.text, model.map((c) => c.text).join(""));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("refuses a node that is not the parent's child as the insertion point", () => {
    const host = new TestHost();
    const a = host.createView("View", {});
    const b = host.createView("View", {});
    const child = host.createText("x");
    host.appendInitialChild(a, child);
    assert.throws(() => host.insertBefore(b, host.createText("y"), child), /is not a child/);
    assert.throws(() => host.insertBefore(a, child, child), /before itself/);
    assert.deepEqual(a.children, [child]);
  });

  it("accepts exactly the built-in view types, the same list the bridge protocol has", () => {
    const host = new TestHost();
    for (const type of BUILT_IN_VIEW_TYPES) assert.equal(host.createView(type, {}).type, type);
    assert.deepEqual([...BUILT_IN_VIEW_TYPES].sort(), [...BRIDGE_VIEW_TYPES].sort());
    assert.throws(() => host.createView("div", {}), {
      name: "TypeError",
      message: `test host: unknown view type "div" (expected one of ${BUILT_IN_VIEW_TYPES.join(", ")})`,
    });
  });

  it("renders an unknown view type as a render error reported through onError, as the web host does", () => {
    const capture = captureErrors();
    try {
      const Page = pn.component(function Page() {
        return pn.Column(pn.Text("before"), pn.h("div", null, "plain HTML"));
      });
      const ui = render(Page());
      assert.equal(ui.toJSON(), null);
      assert.equal(capture.errors.length, 1);
      const { error, info } = capture.errors[0]!;
      assert.ok(error instanceof TypeError);
      assert.match(error.message, /^test host: unknown view type "div"/);
      assert.equal(info.source, "render");
    } finally {
      capture.restore();
    }
  });
});
