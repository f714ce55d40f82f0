import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as pn from "typenative";
import { render, type TestNode, type RenderResult } from "typenative/testing";

type Edit =
  | { kind: "insert"; at: number }
  | { kind: "remove"; at: number }
  | { kind: "move"; from: number; to: number }
  | { kind: "swap"; i: number; j: number }
  | { kind: "replace"; at: number }
  | { kind: "clear" }
  | { kind: "relabel"; at: number };

interface Item {
  key: string;
  label: string;
}

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("move" as const), from: fc.nat(), to: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("swap" as const), i: fc.nat(), j: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("relabel" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: "clear" as const }) },
);

let counter = 0;
function fresh(): Item {
  counter++;
  return { key: `k${counter}`, label: `item ${counter}` };
}

function apply(items: Item[], edit: Edit): Item[] {
  const next = items.slice();
  const n = next.length;
  switch (edit.kind) {
    case "insert":
      next.splice(n === 0 ? 0 : edit.at % (n + 1), 0, fresh());
      break;
    case "remove":
      if (n > 0) next.splice(edit.at % n, 1);
      break;
    case "move":
      if (n > 0) {
        const [item] = next.splice(edit.from % n, 1);
        next.splice(edit.to % n, 0, item!);
      }
      break;
    case "swap":
      if (n > 1) {
        const i = edit.i % n;
        const j = edit.j % n;
        [next[i], next[j]] = [next[j]!, next[i]!];
      }
      break;
    case "replace":
      if (n > 0) next[edit.at % n] = fresh();
      break;
    case "relabel":
      if (n > 0) {
        const at = edit.at % n;
        next[at] = { key: next[at]!.key, label: `${next[at]!.label}'` };
      }
      break;
    case "clear":
      next.length = 0;
  }
  return next;
}

const Label = pn.component(function Label(p: { label: string }) {
  return pn.Text(p.label);
});

// Mixes host rows, component rows and fragment rows so placement through
// view-less fibers is exercised too.
function view(items: Item[]) {
  return pn.Column(
    pn.Text("header"),
    pn.h(
      pn.Fragment,
      null,
      items.map((item, i) =>
        i % 3 === 0
          ? pn.Text(item.label, { key: item.key })
          : i % 3 === 1
            ? Label({ key: item.key, label: item.label })
            : pn.h(pn.Fragment, { key: item.key }, pn.Text(item.label)),
      ),
    ),
    pn.Text("footer"),
  );
}

function shape(node: TestNode): unknown {
  if (node.type === "#text") return node.text;
  return { type: node.type, children: node.children.map(shape) };
}

function rowsOf(ui: RenderResult): TestNode[] {
  return ui.container.children[0]!.children;
}

describe("keyed reconciliation (property)", () => {
  it("random keyed edits rendered incrementally match a fresh render, and kept keys keep their view", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 12 }), fc.array(editArb, { maxLength: 25 }), (initialSize, edits) => {
        let items: Item[] = Array.from({ length: initialSize.length }, fresh);
        const ui = render(view(items));
        try {
          for (const edit of edits) {
            const before = new Map<string, TestNode>();
            // Only rows whose fiber kind stays the same can keep their view: the kind depends on the index mod 3.
            items.forEach((item, i) => before.set(`${item.key}@${i % 3}`, rowsOf(ui)[i + 1]!));
            const next = apply(items, edit);
            ui.rerender(view(next));
            const fresh = render(view(next));
            assert.deepEqual(shape(ui.container), shape(fresh.container));
            fresh.unmount();
            next.forEach((item, i) => {
              const old = before.get(`${item.key}@${i % 3}`);
              if (old !== undefined && edit.kind !== "relabel") assert.equal(rowsOf(ui)[i + 1], old, `row ${item.key} kept its view`);
            });
            items = next;
          }
        } finally {
          ui.unmount();
        }
      }),
      { numRuns: 200 },
    );
  });

  it("swapping two non-adjacent rows costs exactly two moves and nothing else", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 40 }), fc.nat(), fc.nat(), (size, a, b) => {
        const i = a % size;
        let j = b % size;
        if (Math.abs(i - j) < 2) j = (i + 2) % size;
        if (Math.abs(i - j) < 2) return;
        const keys = Array.from({ length: size }, (_, k) => `r${k}`);
        const rows = (ks: string[]) => pn.Column(...ks.map((k) => pn.Text(k, { key: k })));
        const ui = render(rows(keys));
        const swapped = keys.slice();
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        ui.host.clearLog();
        ui.rerender(rows(swapped));
        const ops = ui.host.log.filter((op) => op.op !== "commit");
        assert.equal(ops.length, 2);
        assert.ok(ops.every((op) => op.op === "move"));
        assert.deepEqual(ui.container.children[0]!.children.map((c) => c.text), swapped);
        ui.unmount();
      }),
      { numRuns: 200 },
    );
  });

  it("the number of moves is the minimum: n minus the longest kept increasing run", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(Array.from({ length: 15 }, (_, k) => k), { minLength: 15, maxLength: 15 }), (order) => {
        const rows = (ks: number[]) => pn.Column(...ks.map((k) => pn.Text(String(k), { key: k })));
        const ui = render(rows(Array.from({ length: 15 }, (_, k) => k)));
        ui.host.clearLog();
        ui.rerender(rows(order));
        const moves = ui.host.log.filter((op) => op.op === "move").length;
        assert.equal(moves, 15 - lisLength(order));
        ui.unmount();
      }),
      { numRuns: 100 },
    );
  });
});

function lisLength(values: number[]): number {
  const tails: number[] = [];
  for (const v of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
  }
  return tails.length;
}
