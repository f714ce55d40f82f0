import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle } from "typenative/testing";
afterEach(cleanup);

describe("behaviours React and Preact users rely on", () => {

it("render-phase setState converges and commits once", async () => {
  let renders = 0;
  const C = pn.component(function C() {
    renders++;
    const [x, setX] = pn.useState(0);
    if (x < 3) setX(x + 1);
    return pn.Text(`x=${x}`);
  });
  const ui = render(C());
  ui.getByText("x=3");
  assert.equal(renders, 4);
  assert.equal(ui.host.log.filter((op) => op.op === "commit").length, 1, "one commit for the converged render");
});

it("a layout effect's setter is rendered and committed before render() returns", async () => {
  const C = pn.component(function C() {
    const [w, setW] = pn.useState(0);
    pn.useLayoutEffect(() => { if (w === 0) setW(100); }, [w]);
    return pn.Text(`w=${w}`);
  });
  const ui = render(C());
  ui.getByText("w=100");
});

it("keyed fragments swap with their children in order", () => {
  const F = (k: string) => pn.h(pn.Fragment, { key: k }, pn.Text(k + "1"), pn.Text(k + "2"));
  const ui = render(pn.Column(F("a"), F("b")));
  ui.rerender(pn.Column(F("b"), F("a")));
  assert.deepEqual(ui.container.children[0]!.children.map(n => n.text), ["b1","b2","a1","a2"]);
});

it("switching element type at same position remounts", async () => {
  let mounts = 0;
  const A = pn.component(function A() { pn.useEffect(() => { mounts++; }, []); return pn.Text("A"); });
  const ui = render(pn.Column(A()));
  await settle();
  ui.rerender(pn.Column(pn.Text("x")));
  ui.rerender(pn.Column(A()));
  await settle();
  assert.equal(mounts, 2);
});

it("a setter called by an unmount cleanup is dropped without a throw", async () => {
  let set!: (n: number) => void;
  const C = pn.component(function C() { const [, s] = pn.useState(0); set = s; pn.useEffect(() => () => set(5), []); return null; });
  const ui = render(C());
  await settle();
  ui.unmount();
  await settle();
});

it("a memo child reading context updates when the provider's value changes", async () => {
  const Ctx = pn.createContext(0);
  const Child = pn.memo(function Child() { return pn.Text(`c=${pn.useContext(Ctx)}`); });
  const App = pn.component(function App() {
    const [n, setN] = pn.useState(0);
    return Ctx.Provider({ value: n }, pn.Button("inc", { onClick: () => setN(n + 1) }), Child());
  });
  const ui = render(App());
  ui.press(ui.getByText("inc"));
  await settle();
  ui.getByText("c=1");
});

it("texts, numbers and elements mix as children", () => {
  const ui = render(pn.Text("a"));
  ui.rerender(pn.Column("x", pn.Text("y"), 3));
  assert.deepEqual(ui.toJSON(), { type: "Column", props: {}, children: ["x", { type: "Text", props: {}, children: ["y"] }, "3"] });
});

it("a deps change runs the old cleanup right before the new effect", async () => {
  const log: string[] = [];
  const C = pn.component(function C(p: { a: number }) {
    pn.useEffect(() => { log.push(`e${p.a}`); return () => log.push(`c${p.a}`); }, [p.a]);
    return null;
  });
  const ui = render(C({ a: 1 }));
  await settle();
  ui.rerender(C({ a: 2 }));
  await settle();
  assert.deepEqual(log, ["e1", "c1", "e2"]);
});

it("an error in a boundary's fallback goes to the boundary above", async () => {
  const caught: unknown[] = [];
  const Bad = pn.component(function Bad(): null { throw new Error("boom"); });
  void caught;
  const ui = render(pn.ErrorBoundary({ fallback: pn.Text("outer"), onError: (e) => caught.push(e) }, pn.ErrorBoundary({ fallback: Bad() }, Bad())));
  ui.getByText("outer");
});
});

describe("more behaviours from Preact's and React's suites", () => {

it("0 renders as text", () => { const ui = render(pn.Column(0, pn.Text("a"))); assert.deepEqual(ui.toJSON(), { type: "Column", props: {}, children: ["0", { type: "Text", props: {}, children: ["a"] }] }); });
it("component returning array and string", () => {
  const A = pn.component(function A() { return [pn.Text("x", { key: "x" }), "y"]; });
  const ui = render(pn.Column(A()));
  assert.deepEqual(ui.toJSON(), { type: "Column", props: {}, children: [{ type: "Text", props: {}, children: ["x"] }, "y"] });
});
it("key change remounts", async () => {
  let mounts = 0;
  const C = pn.component(function C() { pn.useEffect(() => { mounts++; }, []); const [n] = pn.useState(() => Math.random()); return pn.Text(String(n)); });
  const ui = render(C({ key: 1 }));
  await settle();
  ui.rerender(C({ key: 2 }));
  await settle();
  assert.equal(mounts, 2);
});
it("render(null) clears then re-renders", () => {
  const ui = render(pn.Text("a"));
  ui.rerender(null);
  assert.equal(ui.toJSON(), null);
  ui.rerender(pn.Text("b"));
  ui.getByText("b");
});
it("provider value change does not rerender non-consumers", async () => {
  const Ctx = pn.createContext(0);
  let plain = 0;
  const Plain = pn.memo(function Plain() { plain++; return pn.Text("plain"); });
  const Reader = pn.component(function Reader() { return pn.Text(`r${pn.useContext(Ctx)}`); });
  let set!: (n: number) => void;
  const App = pn.component(function App() { const [n, s] = pn.useState(0); set = s; return Ctx.Provider({ value: n }, Plain(), pn.Column(Reader())); });
  const ui = render(App());
  set(1); await settle();
  ui.getByText("r1");
  assert.equal(plain, 1);
});
it("nested providers", () => {
  const Ctx = pn.createContext("d");
  const R = pn.component(function R() { return pn.Text(pn.useContext(Ctx)); });
  const ui = render(pn.Column(R(), Ctx.Provider({ value: "a" }, R(), Ctx.Provider({ value: "b" }, R()))));
  assert.deepEqual(ui.getAllByText(/^[dab]$/).map(n => n.text), ["d", "a", "b"]);
});
it("a conditional hook is a reported render error", () => {
  const errors: unknown[] = [];
  const prev = pn.runtime.onError; pn.runtime.onError = (e) => errors.push(e);
  try {
    const C = pn.component(function C(p: { x: boolean }) { if (p.x) pn.useState(0); pn.useState(1); return null; });
    const ui = render(C({ x: false }));
    ui.rerender(C({ x: true }));
    assert.equal(errors.length, 1);
  } finally { pn.runtime.onError = prev; }
});
it("a parent setter called while its child renders lands in the same flush", async () => {
  let setP!: (n: number) => void;
  const Child = pn.component(function Child(p: { n: number }) { if (p.n === 0) setP(1); return pn.Text(`n${p.n}`); });
  const Parent = pn.component(function Parent() { const [n, s] = pn.useState(0); setP = s; return Child({ n }); });
  const ui = render(Parent());
  await settle();
  ui.getByText("n1");
});
it("unmount removes every view", async () => {
  const ui = render(pn.Column(pn.Text("a")));
  ui.unmount();
  assert.equal(ui.container.children.length, 0);
});
it("FlatList rows keep their state through reorders, and duplicate ids leave no ghosts", async () => {
  const Row = pn.component(function Row(p: { id: number }) { const [n, setN] = pn.useState(0); return pn.Button(`${p.id}:${n}`, { onClick: () => setN(n + 1) }); });
  const list = (ids: number[]) => pn.FlatList(ids.map(id => ({ id })), { renderItem: (x) => Row({ id: x.id }) });
  const ui = render(list([1, 2, 3]));
  ui.press(ui.getByText("2:0")); await settle();
  ui.rerender(list([3, 2, 1]));
  ui.getByText("2:1");
  ui.rerender(list([2, 2, 1]));
  assert.equal(ui.getAllByText(/^2:/).length, 2);
  ui.rerender(list([]));
  assert.equal(ui.queryByText(/:/), null);
});
});

describe("errors a host raises while rendering", () => {
  it("an unknown view type inside a component is caught by the boundary above it", () => {
    const caught: unknown[] = [];
    const Bad = pn.component(function Bad() {
      return pn.h("div", null);
    });
    const ui = render(pn.ErrorBoundary({ fallback: pn.Text("fallback"), onError: (e) => caught.push(e) }, pn.Column(Bad())));
    ui.getByText("fallback");
    assert.equal(caught.length, 1);
    assert.match(String(caught[0]), /unknown view type "div"/);
  });

  it("an object as a child is caught by the boundary directly above", () => {
    const caught: unknown[] = [];
    const ui = render(pn.ErrorBoundary({ fallback: pn.Text("fallback"), onError: (e) => caught.push(e) }, { nope: 1 } as unknown as pn.Child));
    ui.getByText("fallback");
    assert.match(String(caught[0]), /Objects are not valid as a child/);
  });
});
