import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle, formatOp, type RenderResult } from "typenative/testing";
import { captureErrors, captureWarnings } from "../helpers/errors.js";

afterEach(cleanup);

function opsOf(ui: RenderResult): string[] {
  return ui.host.log.filter((op) => op.op !== "commit").map(formatOp);
}

const Counter = pn.component(function Counter(p: { label?: string }) {
  const [n, setN] = pn.useState(0);
  return pn.Button(`${p.label ?? "count"} ${n}`, { onClick: () => setN((x) => x + 1) });
});

describe("holes keep their place", () => {
  for (const hole of [null, false, undefined, true] as const) {
    it(`an unkeyed sibling after a ${String(hole)} slot keeps its state when the slot fills`, async () => {
      const App = (show: boolean) => pn.Column(show ? pn.Text("banner") : hole, Counter());
      const ui = render(App(false));
      ui.press(ui.getByText("count 0"));
      await settle();
      ui.getByText("count 1");
      ui.rerender(App(true));
      ui.getByText("banner");
      ui.getByText("count 1");
      ui.rerender(App(false));
      assert.equal(ui.queryByText("banner"), null);
      ui.getByText("count 1");
    });
  }

  it("a nested array is one slot: its length changing does not move the siblings after it", async () => {
    const App = (items: string[]) => pn.Column(items.map((s) => pn.Text(s, { key: s })), Counter());
    const ui = render(App(["a"]));
    ui.press(ui.getByText("count 0"));
    await settle();
    ui.rerender(App(["a", "b", "c"]));
    ui.getByText("count 1");
    ui.rerender(App([]));
    ui.getByText("count 1");
  });

  it("texts keep their position among holes too", () => {
    const ui = render(pn.Column(null, "x", pn.Text("t")));
    ui.host.clearLog();
    ui.rerender(pn.Column(pn.Text("first"), "x", pn.Text("t")));
    assert.deepEqual(opsOf(ui), ["create Text", "create text", "append \"first\" to Text(\"first\")", "insert Text(\"first\") before \"x\""]);
  });
});

describe("duplicate keys", () => {
  const Item = pn.component(function Item(p: { label: string }) {
    return pn.Text(p.label);
  });
  const list = (rows: Array<[number, string]>) => pn.Column(...rows.map(([k, label]) => Item({ key: k, label })));

  it("render exactly what was asked for, through reorders and emptying, with no ghost views", () => {
    const warnings = captureWarnings();
    try {
      const ui = render(list([[1, "a"], [1, "b"], [2, "c"]]));
      assert.deepEqual(ui.toJSON(), { type: "Column", props: {}, children: ["a", "b", "c"].map((t) => ({ type: "Text", props: {}, children: [t] })) });
      ui.rerender(list([[2, "c"], [1, "b"], [1, "a"]]));
      const texts = () => ui.container.children[0]!.children.map((n) => n.text);
      assert.deepEqual(texts(), ["c", "b", "a"]);
      ui.rerender(list([[1, "a"], [2, "c"]]));
      assert.deepEqual(texts(), ["a", "c"]);
      ui.rerender(list([]));
      assert.equal(ui.queryByText("a"), null);
      assert.deepEqual(texts(), []);
    } finally {
      warnings.restore();
    }
  });

  it("warn once in dev, saying duplicate and naming the key and the component", () => {
    const warnings = captureWarnings();
    try {
      const Owner = pn.component(function Owner(p: { n: number }) {
        return list([[7, "a"], [7, `b${p.n}`]]);
      });
      const ui = render(Owner({ n: 1 }));
      ui.rerender(Owner({ n: 2 }));
      const dup = warnings.warnings.filter((w) => /duplicate|same key/i.test(w));
      assert.equal(dup.length, 1);
      assert.match(dup[0]!, /"7"/);
      assert.match(dup[0]!, /Owner/);
    } finally {
      warnings.restore();
    }
  });
});

describe("external renders are not a storm", () => {
  it("500 synchronous root renders of a shuffled list all land", () => {
    const errors = captureErrors();
    try {
      const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
      const App = (order: string[]) => pn.Column(...order.map((k) => pn.Text(k, { key: k })));
      const ui = render(App(keys));
      let order = keys;
      for (let round = 0; round < 500; round++) {
        order = order.slice().sort(() => Math.random() - 0.5);
        ui.rerender(App(order));
      }
      assert.deepEqual(ui.container.children[0]!.children.map((n) => n.text), order);
      assert.deepEqual(errors.errors, []);
    } finally {
      errors.restore();
    }
  });

  it("a setter in an effect without deps still trips the guard", async () => {
    const errors = captureErrors();
    try {
      const Loop = pn.component(function Loop() {
        const [n, setN] = pn.useState(0);
        pn.useEffect(() => setN((x) => x + 1));
        return pn.Text(String(n));
      });
      render(Loop());
      await settle();
      assert.equal(errors.errors.length, 1);
      assert.match(String(errors.errors[0]!.error), /Too many re-renders: Loop/);
    } finally {
      errors.restore();
    }
  });
});

describe("no render for no change", () => {
  it("a batch that nets out to the current state renders nothing and re-runs no effect", async () => {
    let renders = 0;
    let effects = 0;
    let set!: (n: number) => void;
    const C = pn.component(function C() {
      renders++;
      const [n, setN] = pn.useState(0);
      set = setN;
      pn.useEffect(() => { effects++; });
      return pn.Text(String(n));
    });
    const ui = render(C());
    await settle();
    assert.deepEqual([renders, effects], [1, 1]);
    ui.host.clearLog();
    set(1);
    set(0);
    await settle();
    assert.deepEqual([renders, effects], [1, 1]);
    assert.deepEqual(opsOf(ui), []);
  });

  it("a reducer returning the same state renders nothing", async () => {
    let renders = 0;
    let dispatch!: (a: string) => void;
    const C = pn.component(function C() {
      renders++;
      const [s, d] = pn.useReducer((state: { n: number }, action: string) => (action === "inc" ? { n: state.n + 1 } : state), { n: 0 });
      dispatch = d;
      return pn.Text(String(s.n));
    });
    render(C());
    dispatch("noop");
    dispatch("noop");
    await settle();
    assert.equal(renders, 1);
    dispatch("inc");
    await settle();
    assert.equal(renders, 2);
  });

  it("a provider value plus an effect that sets the same state settles instead of looping", async () => {
    const errors = captureErrors();
    try {
      const Ctx = pn.createContext<{ n: number }>({ n: 0 });
      let childRenders = 0;
      const Child = pn.component(function Child() {
        childRenders++;
        const value = pn.useContext(Ctx);
        const [, setSeen] = pn.useState(0);
        pn.useEffect(() => setSeen(value.n));
        return pn.Text(`n=${value.n}`);
      });
      const App = pn.component(function App() {
        const [n, setN] = pn.useState(1);
        pn.useEffect(() => { setN(1); });
        return Ctx.Provider({ value: { n } }, Child());
      });
      const ui = render(App());
      await settle();
      ui.getByText("n=1");
      assert.deepEqual(errors.errors, []);
      assert.ok(childRenders <= 3, `child rendered ${childRenders} times`);
    } finally {
      errors.restore();
    }
  });
});

describe("effect deps", () => {
  it("are compared with the last committed deps, not a render pass a render-phase update replaced", async () => {
    const log: string[] = [];
    const C = pn.component(function C(p: { dep: number }) {
      const [bump, setBump] = pn.useState(0);
      // First pass of a render with dep 2 sees a transient dep 99, then a render-phase update replaces it.
      const dep = p.dep === 2 && bump === 0 ? 99 : p.dep;
      if (p.dep === 2 && bump === 0) setBump(1);
      pn.useEffect(() => { log.push(`run ${dep}`); }, [dep]);
      return null;
    });
    const ui = render(C({ dep: 1 }));
    await settle();
    ui.rerender(C({ dep: 2 }));
    await settle();
    ui.rerender(C({ dep: 2 }));
    await settle();
    assert.deepEqual(log, ["run 1", "run 2"]);
  });

  it("a replaced pass that left deps unchanged does not leave its stale effect behind", async () => {
    const log: string[] = [];
    const C = pn.component(function C(p: { dep: number }) {
      const [bump, setBump] = pn.useState(0);
      const dep = p.dep === 2 && bump === 0 ? 99 : 1;
      if (p.dep === 2 && bump === 0) setBump(1);
      pn.useEffect(() => { log.push(`run ${dep}`); }, [dep]);
      return null;
    });
    const ui = render(C({ dep: 1 }));
    await settle();
    ui.rerender(C({ dep: 2 }));
    await settle();
    assert.deepEqual(log, ["run 1"], "the committed deps [1] equal the final pass's deps [1]: nothing re-runs");
  });
});

describe("errors thrown by effect cleanups", () => {
  it("go to the nearest ErrorBoundary, like errors thrown by effects", async () => {
    const caught: unknown[] = [];
    const Bad = pn.component(function Bad(p: { dep: number }) {
      pn.useEffect(() => () => { throw new Error(`cleanup ${p.dep}`); }, [p.dep]);
      return pn.Text("bad");
    });
    const App = (dep: number) => pn.ErrorBoundary({ fallback: pn.Text("fallback"), onError: (e) => caught.push(e) }, Bad({ dep }));
    const ui = render(App(1));
    await settle();
    ui.rerender(App(2));
    await settle();
    assert.equal(caught.length, 1);
    assert.match(String(caught[0]), /cleanup 1/);
    ui.getByText("fallback");
  });

  it("from an unmounted child still reach a boundary that stays", async () => {
    const caught: unknown[] = [];
    const Bad = pn.component(function Bad() {
      pn.useLayoutEffect(() => () => { throw new Error("layout cleanup"); }, []);
      return pn.Text("bad");
    });
    const App = (show: boolean) => pn.ErrorBoundary({ fallback: pn.Text("fallback"), onError: (e) => caught.push(e) }, show ? Bad() : pn.Text("gone"));
    const ui = render(App(true));
    await settle();
    ui.rerender(App(false));
    await settle();
    assert.equal(caught.length, 1);
    ui.getByText("fallback");
  });
});

describe("handlers are not host props", () => {
  it("a new onClick closure on each render makes no host operation", async () => {
    let clicks: string[] = [];
    const C = pn.component(function C(p: { n: number }) {
      return pn.Column(pn.Button("go", { onClick: () => clicks.push(`n=${p.n}`) }), pn.TextInput({ value: "", onChange: () => {} }));
    });
    const ui = render(C({ n: 1 }));
    ui.host.clearLog();
    ui.rerender(C({ n: 2 }));
    assert.deepEqual(opsOf(ui), []);
    ui.press(ui.getByText("go"));
    assert.deepEqual(clicks, ["n=2"], "the handler of the latest render runs");
    clicks = [];
  });

  it("adding or removing a handler is one update of its presence", () => {
    const ui = render(pn.Button("go"));
    ui.host.clearLog();
    ui.rerender(pn.Button("go", { onClick: () => {} }));
    const update = ui.host.log.find((op) => op.op === "update");
    assert.ok(update && update.op === "update");
    assert.deepEqual(update.changes, { onClick: true });
    ui.host.clearLog();
    ui.rerender(pn.Button("go"));
    const removed = ui.host.log.find((op) => op.op === "update");
    assert.ok(removed && removed.op === "update");
    assert.deepEqual(removed.changes, { onClick: undefined });
  });

  it("FlatList hands its host view no new onScroll per render", () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: i }));
    const App = (n: number) => pn.FlatList(rows, { itemHeight: 20, renderItem: (r) => pn.Text(`${r.id}-${n}`, { style: { height: 20 } }), style: { height: 100 } });
    const ui = render(App(1));
    const list = ui.container.children[0]!;
    const before = list.props;
    ui.host.clearLog();
    ui.rerender(App(2));
    assert.equal(ui.host.log.filter((op) => op.op === "update" && op.node === list).length, 0);
    assert.equal(list.props, before);
  });
});

describe("effect order matches React", () => {
  function logged(log: string[], name: string) {
    return pn.component(function Logged(p: { v: number }) {
      pn.useLayoutEffect(() => {
        log.push(`${name} layout ${p.v}`);
        return () => log.push(`${name} layout cleanup ${p.v}`);
      }, [p.v]);
      pn.useEffect(() => {
        log.push(`${name} passive ${p.v}`);
        return () => log.push(`${name} passive cleanup ${p.v}`);
      }, [p.v]);
      return null;
    });
  }

  it("all cleanups of a kind run before any effect of that kind; unmounted before updated", async () => {
    const log: string[] = [];
    const A = logged(log, "A");
    const B = logged(log, "B");
    const C = logged(log, "C");
    const App = (step: number) => pn.Column(step === 1 ? A({ key: "a", v: 1 }) : null, B({ key: "b", v: step }), C({ key: "c", v: step }));
    const ui = render(App(1));
    await settle();
    log.length = 0;
    ui.rerender(App(2));
    await settle();
    assert.deepEqual(log, [
      "A layout cleanup 1",
      "B layout cleanup 1",
      "C layout cleanup 1",
      "B layout 2",
      "C layout 2",
      "A passive cleanup 1",
      "B passive cleanup 1",
      "C passive cleanup 1",
      "B passive 2",
      "C passive 2",
    ]);
  });

  it("a removed subtree's cleanups run parent first in tree order, and its layout cleanup still sees the old host tree", async () => {
    const log: string[] = [];
    let ui!: RenderResult;
    const Leaf = pn.component(function Leaf(p: { name: string }) {
      pn.useLayoutEffect(() => () => log.push(`${p.name} layout cleanup, attached=${ui.queryByText(p.name) !== null}`), []);
      pn.useEffect(() => () => log.push(`${p.name} passive cleanup`), []);
      return pn.Text(p.name);
    });
    const Parent = pn.component(function Parent() {
      pn.useLayoutEffect(() => () => log.push("parent layout cleanup"), []);
      pn.useEffect(() => () => log.push("parent passive cleanup"), []);
      return pn.Column(Leaf({ name: "one" }), Leaf({ name: "two" }));
    });
    ui = render(pn.Column(Parent()));
    await settle();
    ui.rerender(pn.Column());
    await settle();
    assert.deepEqual(log, [
      "parent layout cleanup",
      "one layout cleanup, attached=true",
      "two layout cleanup, attached=true",
      "parent passive cleanup",
      "one passive cleanup",
      "two passive cleanup",
    ]);
  });

  it("on mount, children's effects run before their parent's, layout before passive", async () => {
    const log: string[] = [];
    const Child = pn.component(function Child() {
      pn.useLayoutEffect(() => { log.push("child layout"); }, []);
      pn.useEffect(() => { log.push("child passive"); }, []);
      return null;
    });
    const Parent = pn.component(function Parent() {
      pn.useLayoutEffect(() => { log.push("parent layout"); }, []);
      pn.useEffect(() => { log.push("parent passive"); }, []);
      return Child();
    });
    render(Parent());
    await settle();
    assert.deepEqual(log, ["child layout", "parent layout", "child passive", "parent passive"]);
  });
});
