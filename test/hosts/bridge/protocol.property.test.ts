import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as pn from "typenative";
import { bridged, direct, testHostJSON } from "./harness.js";

interface Spec {
  kind: "Text" | "Button" | "Column" | "Row" | "Spacer" | "Fragment";
  key: number;
  label: string;
  color: string | null;
  handler: boolean;
  children: Spec[];
}

// A key decides the kind, so the same key in the next screen is the same
// view: keyed moves, prop and text updates happen often.
const LEAVES = ["Text", "Button", "Spacer"] as const;
const CONTAINERS = ["Column", "Row", "Fragment"] as const;

const leaf: fc.Arbitrary<Spec> = fc
  .record({
    key: fc.nat(8),
    label: fc.constantFrom("a", "b", "c", "dd"),
    color: fc.option(fc.constantFrom("red", "blue"), { nil: null }),
    handler: fc.boolean(),
  })
  .map((r) => ({ ...r, kind: LEAVES[r.key % 3]!, children: [] }));

function tree(depth: number): fc.Arbitrary<Spec> {
  if (depth === 0) return leaf;
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    {
      weight: 2,
      arbitrary: fc
        .record({
          key: fc.integer({ min: 10, max: 14 }),
          color: fc.option(fc.constantFrom("red", "blue"), { nil: null }),
          handler: fc.boolean(),
          children: fc.array(tree(depth - 1), { maxLength: 6 }),
        })
        .map((r) => ({ ...r, label: "", kind: CONTAINERS[r.key % 3]! })),
    },
  );
}

const noop = () => {};

/** Keys are unique per level (duplicates would only add dev warnings). */
function children(specs: Spec[]): pn.Child[] {
  const seen = new Set<number>();
  const out: pn.Child[] = [];
  for (const spec of specs) {
    if (seen.has(spec.key)) continue;
    seen.add(spec.key);
    out.push(view(spec));
  }
  return out;
}

function view(spec: Spec): pn.Child {
  // A fresh handler closure every render: a handler-only change must cost nothing on the bridge.
  const props = {
    key: spec.key,
    style: spec.color === null ? undefined : { color: spec.color, padding: spec.key },
    onClick: spec.handler ? () => noop() : undefined,
  };
  switch (spec.kind) {
    case "Text":
      return pn.Text(spec.label, props);
    case "Button":
      return pn.Button(spec.label, props);
    case "Spacer":
      return pn.Spacer(props);
    case "Fragment":
      return pn.h(pn.Fragment, { key: spec.key }, ...children(spec.children));
    default:
      return pn[spec.kind](...children(spec.children), props);
  }
}

describe("bridge protocol (property)", () => {
  it("random commit sequences applied by the reference applier give the direct test host's tree", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(tree(3), { maxLength: 6 }), { minLength: 1, maxLength: 6 }), async (screens) => {
        const reference = direct();
        const bridge = await bridged();
        try {
          for (const screen of screens) {
            const element = pn.Column(...children(screen), { testID: "screen" });
            reference.root.render(element);
            bridge.root.render(pn.Column(...children(screen), { testID: "screen" }));
            assert.deepEqual(await bridge.tree(), testHostJSON(reference.container));
          }
          // One message per commit, every one acknowledged.
          assert.equal(bridge.connection.stats.rejected, 0);
          assert.equal(bridge.connection.stats.acked, bridge.connection.stats.commits);
          assert.ok(bridge.connection.stats.commits <= screens.length);
          reference.root.unmount();
          bridge.root.unmount();
          assert.deepEqual(await bridge.tree(), []);
          assert.equal(bridge.endpoint.applier.size, 0);
        } finally {
          bridge.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
