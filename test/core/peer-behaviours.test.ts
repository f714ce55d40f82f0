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
