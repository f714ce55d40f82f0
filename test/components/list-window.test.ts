import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as pn from "../../src/index.js";
import { render, cleanup, type TestNode } from "../../src/testing/index.js";
import { emit } from "../../src/core/events.js";
import { initialWindow, totalHeight, type RowSizing } from "../../src/components/list-window.js";
import { listScroll } from "../../src/components/flat-list.js";

// The window for a measured viewport loads with a list's first scroll handler (typenative/testing registers it).
const { computeWindow, rowAt } = await listScroll.load();

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i, label: `Row ${i}` }));

/** Row labels mounted under `list`, in order, and the heights of its spacers. */
function mounted(list: TestNode): { labels: string[]; spacers: number[] } {
  const labels: string[] = [];
  const spacers: number[] = [];
  for (const child of list.children) {
    if (child.type === "Spacer") spacers.push((child.props.style as { height: number }).height);
    else labels.push(child.text);
  }
  return { labels, spacers };
}

describe("list window arithmetic", () => {
  it("mounts the viewport plus a buffer of (windowSize - 1) / 2 viewports each side", () => {
    const data = rows(10_000);
    const fixed: RowSizing<unknown> = { kind: "fixed", height: 40 };
    assert.deepEqual(computeWindow(fixed, data, null, 3, 10), { first: 0, last: 10, before: 0, after: 9990 * 40 });
    // Viewport 400 high at offset 200_000 (row 5000): buffer 400 each side.
    assert.deepEqual(computeWindow(fixed, data, { offset: 200_000, height: 400 }, 3, 10), {
      first: 4990,
      last: 5021,
      before: 4990 * 40,
      after: (10_000 - 5021) * 40,
    });
    // Clamped at both ends.
    assert.deepEqual(computeWindow(fixed, data, { offset: 0, height: 400 }, 3, 10).first, 0);
    assert.equal(computeWindow(fixed, data, { offset: 399_600, height: 400 }, 3, 10).last, 10_000);
    assert.equal(computeWindow(fixed, [], { offset: 0, height: 400 }, 3, 10).last, 0);
    // An offset past the end (the data shrank since the host reported it) is where the host clamps it to.
    assert.deepEqual(computeWindow(fixed, rows(5), { offset: 200_000, height: 400 }, 3, 10), { first: 0, last: 5, before: 0, after: 0 });
    assert.deepEqual(computeWindow(fixed, rows(50), { offset: 200_000, height: 400 }, 1, 10), computeWindow(fixed, rows(50), { offset: 1600, height: 400 }, 1, 10));
  });

  it("agrees between itemHeight and an equivalent getItemLayout, for any viewport", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 1, max: 9 }),
        (count, height, offset, viewportHeight, windowSize) => {
          const data = rows(count);
          const fixed: RowSizing<unknown> = { kind: "fixed", height };
          const layout: RowSizing<unknown> = { kind: "layout", getItemLayout: (_d, i) => ({ length: height, offset: i * height }) };
          const viewport = { offset, height: viewportHeight };
          const a = computeWindow(fixed, data, viewport, windowSize, 10);
          const b = computeWindow(layout, data, viewport, windowSize, 10);
          assert.deepEqual(a, b);
          // The spacers and mounted rows always add up to the whole list.
          assert.equal(a.before + (a.last - a.first) * height + a.after, totalHeight(fixed, data));
          // Every row that intersects the viewport is mounted.
          const firstVisible = rowAt(fixed, data, offset);
          const lastVisible = rowAt(fixed, data, offset + viewportHeight - 1);
          if (firstVisible < count) {
            assert.ok(a.first <= firstVisible && Math.min(lastVisible, count - 1) < a.last, `${firstVisible}..${lastVisible} in ${a.first}..${a.last}`);
          }
        },
      ),
    );
  });

  it("handles rows of different heights", () => {
    // Heights 10, 20, 30, ...: row i starts at 10 * i * (i + 1) / 2.
    const data = rows(100);
    const sizing: RowSizing<unknown> = { kind: "layout", getItemLayout: (_d, i) => ({ length: 10 * (i + 1), offset: (10 * i * (i + 1)) / 2 }) };
    assert.equal(rowAt(sizing, data, 0), 0);
    assert.equal(rowAt(sizing, data, 9), 0);
    assert.equal(rowAt(sizing, data, 10), 1);
    assert.equal(rowAt(sizing, data, 29), 1);
    assert.equal(rowAt(sizing, data, 30), 2);
    assert.equal(totalHeight(sizing, data), (10 * 100 * 101) / 2);
    const w = computeWindow(sizing, data, { offset: 450, height: 100 }, 1, 10); // rows 9 (450..550) and 10 (550..660)
    assert.deepEqual([w.first, w.last, w.before], [9, 11, 450]);
  });
});

describe("initialWindow (a windowed list before its viewport is measured)", () => {
  it("is computeWindow without a viewport, for fixed and variable row heights", () => {
    const data = rows(95);
    const fixed: RowSizing<unknown> = { kind: "fixed", height: 40 };
    const layout: RowSizing<unknown> = { kind: "layout", getItemLayout: (_d, i) => ({ length: 10 + (i % 3), offset: i * 11 }) };
    for (const sizing of [fixed, layout]) {
      for (const initial of [0, 1, 10, 95, 200]) {
        assert.deepEqual(initialWindow(sizing, data, initial), computeWindow(sizing, data, null, 3, initial));
      }
      assert.deepEqual(initialWindow(sizing, [], 10), { first: 0, last: 0, before: 0, after: 0 });
    }
  });
});

describe("FlatList windowing", () => {
  afterEach(() => cleanup());

  it("mounts every row when no row size is given (the test host never scrolls)", () => {
    const ui = render(pn.FlatList(rows(50), { renderItem: (r) => pn.Text(r.label), testID: "list" }));
    const list = ui.getByTestId("list");
    assert.equal(mounted(list).labels.length, 50);
    assert.equal(list.props.onScroll, undefined);
  });

  it("with itemHeight mounts the first rows, then follows the reported viewport", async () => {
    const ui = render(pn.FlatList(rows(10_000), { itemHeight: 40, renderItem: (r) => pn.Text(r.label), testID: "list" }));
    const list = ui.getByTestId("list");
    assert.deepEqual(mounted(list), { labels: rows(10).map((r) => r.label), spacers: [9990 * 40] });

    emit(list, "onScroll", { offset: 0, viewportHeight: 400 });
    await ui.settle();
    let view = mounted(list);
    assert.deepEqual([view.labels[0], view.labels.at(-1), view.labels.length], ["Row 0", "Row 20", 21]);

    emit(list, "onScroll", { offset: 5000 * 40, viewportHeight: 400 });
    await ui.settle();
    view = mounted(list);
    assert.ok(view.labels.includes("Row 5000"));
    assert.ok(view.labels.length < 100, `${view.labels.length} rows mounted`);
    assert.deepEqual(view.spacers, [4990 * 40, (10_000 - 5021) * 40]);
    // Kept rows keep their view while the window slides by one row.
    const row5005 = list.children.find((c) => c.text === "Row 5005");
    emit(list, "onScroll", { offset: 5001 * 40, viewportHeight: 400 });
    await ui.settle();
    assert.equal(list.children.find((c) => c.text === "Row 5005"), row5005);
  });

  it("shows the last rows, not an empty list, when the data shrinks under a scrolled list", async () => {
    const ui = render(pn.FlatList(rows(100), { itemHeight: 10, renderItem: (r) => pn.Text(r.label), testID: "list" }));
    const list = ui.getByTestId("list");
    emit(list, "onScroll", { offset: 800, viewportHeight: 100 });
    await ui.settle();
    assert.ok(mounted(list).labels.includes("Row 85"));
    // Five rows left (50 points, less than the viewport): a host clamps its
    // offset to 0, and the window must not wait for that report to show them.
    ui.rerender(pn.FlatList(rows(5), { itemHeight: 10, renderItem: (r) => pn.Text(r.label), testID: "list" }));
    assert.deepEqual(mounted(list), { labels: rows(5).map((r) => r.label), spacers: [] });
    // Thirty rows left (300 points): the bottom screen, where the host's offset lands (200).
    ui.rerender(pn.FlatList(rows(30), { itemHeight: 10, renderItem: (r) => pn.Text(r.label), testID: "list" }));
    const view = mounted(list);
    assert.equal(view.labels.at(-1), "Row 29");
    assert.ok(view.labels.includes("Row 20"), view.labels.join());
    assert.equal(view.spacers.reduce((a, b) => a + b, 0) + view.labels.length * 10, 300);
  });

  it("does not re-render while the mounted range stays the same", async () => {
    let renders = 0;
    const ui = render(
      pn.FlatList(rows(1000), {
        itemHeight: 50,
        renderItem: (r) => {
          renders++;
          return pn.Text(r.label);
        },
        testID: "list",
      }),
    );
    const list = ui.getByTestId("list");
    emit(list, "onScroll", { offset: 1000, viewportHeight: 500 });
    await ui.settle();
    const before = renders;
    emit(list, "onScroll", { offset: 1010, viewportHeight: 500 });
    emit(list, "onScroll", { offset: 1020, viewportHeight: 500 });
    await ui.settle();
    assert.equal(renders, before);
  });

  it("fires onEndReached once per end, again after the data grows", async () => {
    const calls: number[] = [];
    const Feed = pn.component(function Feed() {
      const [data, setData] = pn.useState(rows(30));
      return pn.FlatList(data, {
        itemHeight: 20,
        renderItem: (r) => pn.Text(r.label),
        onEndReached: ({ distanceFromEnd }) => {
          calls.push(distanceFromEnd);
          setData((d) => rows(d.length + 30));
        },
        testID: "list",
      });
    });
    const ui = render(Feed());
    const list = ui.getByTestId("list");
    emit(list, "onScroll", { offset: 0, viewportHeight: 200 }); // 600 tall: far from the end
    await ui.settle();
    assert.deepEqual(calls, []);
    emit(list, "onScroll", { offset: 350, viewportHeight: 200 }); // 50 from the end, threshold 100
    emit(list, "onScroll", { offset: 390, viewportHeight: 200 }); // same data: no second call
    await ui.settle();
    assert.deepEqual(calls, [50]);
    emit(list, "onScroll", { offset: 800, viewportHeight: 200 }); // 60 rows now (1200 tall): 200 from the end
    await ui.settle();
    assert.deepEqual(calls, [50]);
    emit(list, "onScroll", { offset: 950, viewportHeight: 200 });
    await ui.settle();
    assert.deepEqual(calls, [50, 50]);
    assert.ok(mounted(list).labels.includes("Row 59"));
  });

  it("uses the host's contentHeight for onEndReached without windowing", async () => {
    const calls: number[] = [];
    const ui = render(pn.FlatList(rows(5), { renderItem: (r) => pn.Text(r.label), onEndReached: (i) => calls.push(i.distanceFromEnd), testID: "list" }));
    const list = ui.getByTestId("list");
    assert.equal(mounted(list).labels.length, 5);
    emit(list, "onScroll", { offset: 0, viewportHeight: 100, contentHeight: 500 });
    emit(list, "onScroll", { offset: 360, viewportHeight: 100, contentHeight: 500 });
    await ui.settle();
    assert.deepEqual(calls, [40]);
  });

  it("an async onScroll runs as the list's task: its failure is reported, not left unhandled", async () => {
    const errors: unknown[] = [];
    const previous = pn.runtime.onError;
    pn.runtime.onError = (error) => void errors.push(error);
    try {
      let finish!: () => void;
      const ui = render(
        pn.FlatList(rows(5), {
          renderItem: (r) => pn.Text(r.label),
          onScroll: async ({ offset }) => {
            if (offset > 0) throw new Error("scroll handler failed");
            await new Promise<void>((resolve) => (finish = resolve));
          },
          testID: "list",
        }),
      );
      const list = ui.getByTestId("list");
      emit(list, "onScroll", { offset: 0, viewportHeight: 100, contentHeight: 500 });
      await ui.settle();
      assert.equal(pn.runtime.pendingTasks(), 1, "the handler's promise is the list's task");
      finish();
      await ui.settle();
      assert.equal(pn.runtime.pendingTasks(), 0);
      emit(list, "onScroll", { offset: 10, viewportHeight: 100, contentHeight: 500 });
      await ui.settle();
      assert.deepEqual(errors.map(String), ["Error: scroll handler failed"]);
    } finally {
      pn.runtime.onError = previous;
    }
  });

  it("rejects a bad itemHeight with a clear error", () => {
    const errors: unknown[] = [];
    const Bad = pn.component(function Bad() {
      return pn.FlatList(rows(3), { itemHeight: -1, renderItem: (r) => pn.Text(r.label) });
    });
    const previous = pn.runtime.onError;
    pn.runtime.onError = (error) => errors.push(error);
    try {
      render(Bad());
    } finally {
      pn.runtime.onError = previous;
    }
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /TypeError: FlatList: itemHeight must be a positive number, got -1/);
  });
});
