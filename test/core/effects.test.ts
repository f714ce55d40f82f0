import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle } from "typenative/testing";

afterEach(cleanup);

describe("effects", () => {
  it("run after the host commit: layout before passive, children before parents", async () => {
    const log: string[] = [];
    let ui: ReturnType<typeof render> | null = null;
    const Child = pn.component(function Child(p: { name: string }) {
      pn.useLayoutEffect(() => {
        log.push(`layout ${p.name} sees ${ui === null ? "?" : ui.queryByText(p.name) ? "view" : "nothing"}`);
      });
      pn.useEffect(() => {
        log.push(`passive ${p.name}`);
      });
      return pn.Text(p.name);
    });
    const Parent = pn.component(function Parent() {
      pn.useLayoutEffect(() => { log.push("layout parent"); });
      pn.useEffect(() => { log.push("passive parent"); });
      return pn.Column(Child({ name: "a" }), Child({ name: "b" }));
    });
    ui = render(Parent());
    // render() is sync through layout effects; passive ones run on the loop.
    assert.deepEqual(log, ["layout a sees ?", "layout b sees ?", "layout parent"]);
    await settle();
    assert.deepEqual(log.slice(3), ["passive a", "passive b", "passive parent"]);
    log.length = 0;
    ui.rerender(Parent());
    await settle();
    assert.deepEqual(log, ["layout a sees view", "layout b sees view", "layout parent", "passive a", "passive b", "passive parent"]);
  });

  it("a slot's cleanup runs right before it re-runs, and on unmount", async () => {
    const log: string[] = [];
    const C = pn.component(function C(p: { n: number }) {
      pn.useEffect(() => {
        log.push(`run ${p.n}`);
        return () => log.push(`cleanup ${p.n}`);
      }, [p.n]);
      return null;
    });
    const ui = render(C({ n: 1 }));
    await settle();
    ui.rerender(C({ n: 1 }));
    await settle();
    ui.rerender(C({ n: 2 }));
    await settle();
    ui.unmount();
    assert.deepEqual(log, ["run 1", "cleanup 1", "run 2", "cleanup 2"]);
  });

  it("[] runs once; undefined deps run after every render; a changed deps length re-runs", async () => {
    const counts = { once: 0, every: 0, len: 0 };
    const C = pn.component(function C(p: { deps: unknown[] }) {
      pn.useEffect(() => { counts.once++; }, []);
      pn.useEffect(() => { counts.every++; });
      pn.useEffect(() => { counts.len++; }, p.deps);
      return null;
    });
    const warn = pn.options.warn;
    pn.options.warn = () => {};
    try {
      const ui = render(C({ deps: [1] }));
      await settle();
      ui.rerender(C({ deps: [1] }));
      await settle();
      ui.rerender(C({ deps: [1, 2] }));
      await settle();
    } finally {
      pn.options.warn = warn;
    }
    assert.deepEqual(counts, { once: 1, every: 3, len: 2 });
  });

  it("unmount runs layout cleanups, then passive cleanups, each parent first in tree order, and none twice (React's order)", async () => {
    const log: string[] = [];
    const Leaf = pn.component(function Leaf() {
      pn.useEffect(() => () => log.push("leaf"), []);
      pn.useLayoutEffect(() => () => log.push("leaf layout"), []);
      return null;
    });
    const Tree = pn.component(function Tree() {
      pn.useEffect(() => () => log.push("tree"), []);
      return Leaf();
    });
    const ui = render(Tree());
    await settle();
    ui.unmount();
    await settle();
    assert.deepEqual(log, ["leaf layout", "tree", "leaf"]);
  });

  it("a layout effect's setter renders again before passive effects of the first commit", async () => {
    const log: string[] = [];
    const C = pn.component(function C() {
      const [measured, setMeasured] = pn.useState(false);
      pn.useLayoutEffect(() => { if (!measured) setMeasured(true); }, [measured]);
      pn.useEffect(() => { log.push(`passive measured=${measured}`); }, [measured]);
      return pn.Text(measured ? "measured" : "first");
    });
    const ui = render(C());
    await settle();
    ui.getByText("measured");
    assert.deepEqual(log, ["passive measured=false", "passive measured=true"]);
  });
});
