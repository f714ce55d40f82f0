import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle, formatOp, type RenderResult } from "typenative/testing";

afterEach(cleanup);

const Row = pn.component(function Row(p: { label: string }) {
  return pn.Text(p.label);
});

function list(keys: string[]) {
  return pn.Column(...keys.map((k) => Row({ key: k, label: k })));
}

function opsOf(ui: RenderResult): string[] {
  return ui.host.log.filter((op) => op.op !== "commit").map(formatOp);
}

function rerenderLog(ui: RenderResult, keys: string[]): string[] {
  ui.host.clearLog();
  ui.rerender(list(keys));
  return opsOf(ui);
}

describe("keyed reconciliation: exact host operations", () => {
  it("an unchanged re-render costs nothing", () => {
    const ui = render(list(["a", "b", "c"]));
    assert.deepEqual(rerenderLog(ui, ["a", "b", "c"]), []);
  });

  it("a swap of two distant rows is two moves", () => {
    const ui = render(list(["a", "b", "c", "d", "e"]));
    assert.deepEqual(rerenderLog(ui, ["a", "d", "c", "b", "e"]), [
      'move Text("c") before Text("b")',
      'move Text("d") before Text("c")',
    ]);
  });

  it("swapping neighbours is one move (the minimum)", () => {
    const ui = render(list(["a", "b", "c"]));
    assert.deepEqual(rerenderLog(ui, ["b", "a", "c"]), ['move Text("b") before Text("a")']);
  });

  it("removing one row is one remove", () => {
    const ui = render(list(["a", "b", "c", "d"]));
    assert.deepEqual(rerenderLog(ui, ["a", "c", "d"]), ['remove Text("b")']);
  });

  it("inserting in the middle creates and inserts only the new row", () => {
    const ui = render(list(["a", "c"]));
    assert.deepEqual(rerenderLog(ui, ["a", "b", "c"]), [
      "create Text",
      "create text",
      'append "b" to Text("b")',
      'insert Text("b") before Text("c")',
    ]);
  });

  it("a row replaced by a new key is removed before the new one is inserted", () => {
    const ui = render(list(["a", "b", "c"]));
    assert.deepEqual(rerenderLog(ui, ["a", "x", "c"]), [
      "create Text",
      "create text",
      'append "x" to Text("x")',
      'remove Text("b")',
      'insert Text("x") before Text("c")',
    ]);
  });

  it("removals reach the host before the inserts and moves of the same diff", () => {
    const ui = render(list(["a", "b", "c", "d", "e"]));
    const log = rerenderLog(ui, ["e", "x", "c", "a", "y"]).filter((line) => !line.startsWith("create") && !line.startsWith("append"));
    const removes = log.filter((line) => line.startsWith("remove"));
    assert.deepEqual(removes.sort(), ['remove Text("b")', 'remove Text("d")']);
    assert.deepEqual(log.slice(0, 2).sort(), removes, log.join("\n"));
    assert.deepEqual(ui.container.children[0]!.children.map((row) => row.children[0]!.text), ["e", "x", "c", "a", "y"]);
  });

  it("moving the last row to the front is one move", () => {
    const ui = render(list(["a", "b", "c", "d"]));
    assert.deepEqual(rerenderLog(ui, ["d", "a", "b", "c"]), ['move Text("d") before Text("a")']);
  });

  it("reversing n rows costs n-1 moves", () => {
    const keys = ["a", "b", "c", "d", "e", "f"];
    const ui = render(list(keys));
    const log = rerenderLog(ui, keys.slice().reverse());
    assert.equal(log.length, 5);
    assert.ok(log.every((line) => line.startsWith("move")));
  });

  it("views keep their identity across updates and moves", () => {
    const ui = render(list(["a", "b", "c"]));
    const before = new Map(["a", "b", "c"].map((k) => [k, ui.getByText(k)]));
    ui.rerender(list(["c", "a", "b"]));
    for (const k of ["a", "b", "c"]) assert.equal(ui.getByText(k), before.get(k));
  });

  it("an update touches only what changed", () => {
    const Item = pn.component(function Item(p: { label: string; done: boolean }) {
      return pn.Row(pn.Text(p.label), pn.Text(p.done ? "✓" : "·"), { style: { padding: 2 } });
    });
    const view = (done: boolean) => pn.Column(Item({ key: "x", label: "milk", done: false }), Item({ key: "y", label: "eggs", done }));
    const ui = render(view(false));
    ui.host.clearLog();
    ui.rerender(view(true));
    assert.deepEqual(opsOf(ui), ['text "✓"']);
  });

  it("a changed type at a key replaces the view", () => {
    const ui = render(pn.Column(pn.Text("a", { key: "k" })));
    ui.host.clearLog();
    ui.rerender(pn.Column(pn.Button("a", { key: "k" })));
    const log = opsOf(ui);
    assert.ok(log.includes('insert Button("a") before end'));
    assert.ok(log.includes('remove Text("a")'));
  });

  it("a style change is one update with the changed key only; an equal fresh style is none", () => {
    const ui = render(pn.View(pn.Text("x"), { style: { padding: 4, margin: 2 } }));
    ui.host.clearLog();
    ui.rerender(pn.View(pn.Text("x"), { style: { padding: 4, margin: 2 } }));
    assert.deepEqual(opsOf(ui), []);
    ui.rerender(pn.View(pn.Text("x"), { style: { padding: 8, margin: 2 } }));
    assert.deepEqual(opsOf(ui), ["update View#2 style"]);
    assert.deepEqual(ui.container.children[0]!.props.style, { padding: 8, margin: 2 });
  });

  it("fragments and components place their views at the right spot", async () => {
    let set!: pn.SetState<boolean>;
    const Maybe = pn.component(function Maybe() {
      const [show, setShow] = pn.useState(false);
      set = setShow;
      return show ? [pn.Text("m1"), pn.Text("m2")] : null;
    });
    const ui = render(pn.Column(pn.Text("first"), Maybe(), pn.h(pn.Fragment, null, pn.Text("last"))));
    set(true);
    await settle();
    assert.deepEqual(ui.container.children[0]!.children.map((c) => c.text), ["first", "m1", "m2", "last"]);
    set(false);
    await settle();
    assert.deepEqual(ui.container.children[0]!.children.map((c) => c.text), ["first", "last"]);
  });

  it("component state follows its key through moves", async () => {
    const Counter = pn.component(function Counter(p: { id: string }) {
      const [n, setN] = pn.useState(0);
      return pn.Button(`${p.id}:${n}`, { onClick: () => setN(n + 1) });
    });
    const view = (ids: string[]) => pn.Column(...ids.map((id) => Counter({ key: id, id })));
    const ui = render(view(["a", "b"]));
    ui.press(ui.getByText("b:0"));
    await settle();
    ui.rerender(view(["b", "a"]));
    assert.deepEqual(ui.container.children[0]!.children.map((c) => c.text), ["b:1", "a:0"]);
  });
});
