// A list's scroll handling (src/components/list-scroll.ts) loads with
// import() when a list that listens to scrolling first renders.
// typenative/testing registers it up front, so these tests load a fresh copy
// of flat-list.ts, in which that code is not loaded yet: what an app sees
// until the chunk arrives.
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "../../src/index.js";
import { render, cleanup, type TestNode } from "../../src/testing/index.js";
import { emit } from "../../src/core/events.js";
import { freshModule } from "../helpers/fresh-module.js";

type FlatListModule = typeof import("../../src/components/flat-list.js");

const unloaded = () => freshModule<FlatListModule>(new URL("../../src/components/flat-list.ts", import.meta.url));
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i, label: `Row ${i}` }));
const labels = (list: TestNode) => list.children.filter((child) => child.type !== "Spacer").map((child) => child.text);
const spacers = (list: TestNode) => list.children.filter((child) => child.type === "Spacer").map((child) => (child.props.style as { height: number }).height);

describe("a list's scroll handling before its code is loaded", () => {
  afterEach(() => cleanup());

  it("is registered by typenative/testing", async () => {
    const { listScroll } = await import("../../src/components/flat-list.js");
    assert.notEqual(listScroll.loaded(), null);
  });

  it("a windowed list mounts its first rows with the space of the rest; reports made before the code arrives are handled in order once it is here", async () => {
    const { FlatList, listScroll } = await unloaded();
    const offsets: number[] = [];
    const ui = render(FlatList(rows(1000), { itemHeight: 40, renderItem: (r) => pn.Text(r.label), onScroll: (event) => void offsets.push(event.offset), testID: "list" }));
    const list = ui.getByTestId("list");
    assert.equal(listScroll.loaded(), null, "the first render needs no scroll handling");
    assert.deepEqual(labels(list), rows(10).map((r) => r.label));
    assert.deepEqual(spacers(list), [990 * 40]);

    emit(list, "onScroll", { offset: 0, viewportHeight: 400 });
    emit(list, "onScroll", { offset: 500 * 40, viewportHeight: 400 });
    assert.deepEqual(offsets, [], "nothing is handled before the code is here");
    await listScroll.load();
    await ui.settle();
    assert.deepEqual(offsets, [0, 500 * 40], "both reports, in order");
    const shown = labels(list);
    assert.ok(shown.includes("Row 500") && !shown.includes("Row 0"), `the window follows the last report: ${shown[0]}…${shown.at(-1)}`);

    // Once the code is here, a report is handled in the instant it is made.
    emit(list, "onScroll", { offset: 0, viewportHeight: 400 });
    assert.deepEqual(offsets, [0, 500 * 40, 0]);
  });

  it("starts loading the code when a list that listens to scrolling renders, and not for one that does not", async () => {
    const plain = await unloaded();
    render(plain.FlatList(rows(5), { renderItem: (r) => pn.Text(r.label) }));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(plain.listScroll.loaded(), null);

    const windowed = await unloaded();
    render(windowed.FlatList(rows(5), { itemHeight: 20, renderItem: (r) => pn.Text(r.label) }));
    for (let i = 0; i < 20 && windowed.listScroll.loaded() === null; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.notEqual(windowed.listScroll.loaded(), null);
  });
});
