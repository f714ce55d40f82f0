import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle } from "typenative/testing";
import { captureWarnings, captureErrors } from "../helpers/errors.js";

afterEach(cleanup);

describe("useState and batching", () => {
  it("two setters in one handler make one render, on the loop, never inline", async () => {
    let renders = 0;
    const Pair = pn.component(function Pair() {
      renders++;
      const [a, setA] = pn.useState(0);
      const [b, setB] = pn.useState(0);
      return pn.Button(`${a}/${b}`, { onClick: () => { setA(1); setB(2); } });
    });
    const ui = render(Pair());
    assert.equal(renders, 1);
    ui.press(ui.getByText("0/0"));
    assert.equal(renders, 1, "a setter never renders inline");
    await settle();
    assert.equal(renders, 2);
    ui.getByText("1/2");
  });

  it("setters made in one effect, or in one task step, coalesce into one render", async () => {
    let renders = 0;
    const Effecty = pn.component(function Effecty() {
      renders++;
      const [a, setA] = pn.useState(0);
      const [b, setB] = pn.useState(0);
      pn.useEffect(() => { setA(1); setB(1); }, []);
      pn.useEffect(() => {
        pn.runAsync(async () => { await null; setA(2); setB(2); });
      }, []);
      return pn.Text(`${a}${b}`);
    });
    const ui = render(Effecty());
    await settle();
    ui.getByText("22");
    assert.ok(renders <= 3, `renders: ${renders}`);
  });

  it("takes updaters applied in call order", async () => {
    let set!: pn.SetState<number>;
    const C = pn.component(function C() {
      const [n, setN] = pn.useState(1);
      set = setN;
      return pn.Text(String(n));
    });
    const ui = render(C());
    set((n) => n + 1);
    set((n) => n * 10);
    await settle();
    ui.getByText("20");
  });

  it("an Object.is-equal value renders nothing; setter identity is stable", async () => {
    let renders = 0;
    const setters: unknown[] = [];
    let set!: pn.SetState<number>;
    const C = pn.component(function C() {
      renders++;
      const [n, setN] = pn.useState(NaN);
      setters.push(setN);
      set = setN;
      return pn.Text(String(n));
    });
    const ui = render(C());
    set(NaN);
    await settle();
    assert.equal(renders, 1);
    set(5);
    await settle();
    assert.equal(renders, 2);
    assert.equal(setters[0], setters[1]);
    ui.getByText("5");
  });

  it("lazy initial state runs once", async () => {
    let inits = 0;
    let set!: pn.SetState<number>;
    const C = pn.component(function C() {
      const [n, setN] = pn.useState(() => { inits++; return 1; });
      set = setN;
      return pn.Text(String(n));
    });
    render(C());
    set(2);
    await settle();
    assert.equal(inits, 1);
  });

  it("a setter after unmount is dropped with one dev warning, never an exception", async () => {
    const capture = captureWarnings();
    try {
      let set!: pn.SetState<number>;
      const C = pn.component(function Gone() {
        const [, setN] = pn.useState(0);
        set = setN;
        return null;
      });
      const ui = render(C());
      ui.unmount();
      set(1);
      set(2);
      await settle();
      assert.equal(capture.warnings.length, 1);
      assert.match(capture.warnings[0]!, /Gone/);
    } finally {
      capture.restore();
    }
  });

  it("useReducer dispatches through the latest reducer", async () => {
    let dispatch!: pn.Dispatch<number>;
    const C = pn.component(function C(p: { factor: number }) {
      const [n, d] = pn.useReducer((s: number, a: number) => s + a * p.factor, 0);
      dispatch = d;
      return pn.Text(String(n));
    });
    const ui = render(C({ factor: 1 }));
    dispatch(2);
    await settle();
    ui.getByText("2");
    ui.rerender(C({ factor: 10 }));
    dispatch(1);
    await settle();
    ui.getByText("12");
  });

  it("useReducer takes an init function", () => {
    const C = pn.component(function C() {
      const [n] = pn.useReducer((s: number) => s, 5, (x: number) => x * 2);
      return pn.Text(String(n));
    });
    render(C()).getByText("10");
  });
});

describe("useRef, useMemo, useCallback and deps", () => {
  it("useRef keeps one box across renders", async () => {
    const refs: unknown[] = [];
    let set!: pn.SetState<number>;
    const C = pn.component(function C() {
      const ref = pn.useRef(0);
      ref.current++;
      refs.push(ref);
      const [, s] = pn.useState(0);
      set = s;
      return pn.Text(String(ref.current));
    });
    const ui = render(C());
    set(1);
    await settle();
    assert.equal(refs[0], refs[1]);
    ui.getByText("2");
  });

  it("deps: undefined recomputes every render, [] once, otherwise pairwise Object.is", () => {
    const counts = { none: 0, empty: 0, dep: 0 };
    const C = pn.component(function C(p: { a: number; b: number }) {
      pn.useMemo(() => counts.none++, undefined);
      pn.useMemo(() => counts.empty++, []);
      pn.useMemo(() => counts.dep++, [p.a]);
      return null;
    });
    const ui = render(C({ a: 1, b: 1 }));
    ui.rerender(C({ a: 1, b: 2 }));
    ui.rerender(C({ a: 2, b: 2 }));
    assert.deepEqual(counts, { none: 3, empty: 1, dep: 2 });
  });

  it("a change of deps length counts as a change and warns once", () => {
    const capture = captureWarnings();
    try {
      let runs = 0;
      const C = pn.component(function Wobbly(p: { deps: unknown[] }) {
        pn.useMemo(() => runs++, p.deps);
        return null;
      });
      const ui = render(C({ deps: [1] }));
      ui.rerender(C({ deps: [1, 2] }));
      ui.rerender(C({ deps: [1] }));
      assert.equal(runs, 3);
      assert.equal(capture.warnings.length, 1);
      assert.match(capture.warnings[0]!, /Wobbly/);
    } finally {
      capture.restore();
    }
  });

  it("useCallback keeps identity while deps hold", () => {
    const seen: unknown[] = [];
    const C = pn.component(function C(p: { k: number }) {
      seen.push(pn.useCallback(() => p.k, [p.k]));
      return null;
    });
    const ui = render(C({ k: 1 }));
    ui.rerender(C({ k: 1 }));
    ui.rerender(C({ k: 2 }));
    assert.equal(seen[0], seen[1]);
    assert.notEqual(seen[1], seen[2]);
  });

  it("hooks outside a render throw a clear error; conditional hooks are caught", () => {
    assert.throws(() => pn.useState(0), /only be called while a component renders/);
    const capture = captureErrors();
    try {
      const C = pn.component(function Cond(p: { extra: boolean }) {
        pn.useState(0);
        if (p.extra) pn.useRef(1);
        return null;
      });
      const ui = render(C({ extra: false }));
      ui.rerender(C({ extra: true }));
      assert.match(String(capture.errors[0]?.error), /more hooks/);
    } finally {
      capture.restore();
    }
  });
});

describe("context", () => {
  it("reads the nearest provider, the default without one, and follows value changes past bailouts", async () => {
    const Theme = pn.createContext("light");
    let renders = 0;
    const Label = pn.component(function Label() {
      renders++;
      return pn.Text(`theme: ${pn.useContext(Theme)}`);
    });
    const label = Label();
    const App = pn.component(function App(p: { theme: string }) {
      return pn.Column(Theme.Provider({ value: p.theme }, label), Label());
    });
    const ui = render(App({ theme: "dark" }));
    ui.getByText("theme: dark");
    ui.getByText("theme: light");
    ui.rerender(App({ theme: "blue" }));
    await settle();
    ui.getByText("theme: blue");
    assert.throws(() => Theme.Provider(null as never), TypeError);
    assert.ok(renders >= 3);
  });
});

describe("requestRender (internal: useQuery's render requests)", () => {
  it("each call asks for one more render, coalesced per flush, never netted out, and is dropped after unmount without a warning", async () => {
    const { currentFiber, requestRender } = await import("../../src/core/hooks.js");
    let renders = 0;
    let fiber!: ReturnType<typeof currentFiber>;
    let set!: pn.SetState<number>;
    const C = pn.component(function C() {
      renders++;
      fiber = currentFiber("test");
      const [n, setN] = pn.useState(1);
      set = setN;
      return pn.Text(`r${n}`);
    });
    const ui = render(C());
    assert.equal(renders, 1);
    requestRender(fiber);
    requestRender(fiber);
    assert.equal(renders, 1, "never inline");
    await settle();
    assert.equal(renders, 2, "two requests, one render");
    // A state update that nets out renders nothing; with a request it renders.
    set(2);
    set(1);
    requestRender(fiber);
    await settle();
    assert.equal(renders, 3, "not netted out");
    ui.getByText("r1");
    ui.unmount();
    const warnings = captureWarnings();
    try {
      requestRender(fiber);
      await settle();
      assert.equal(renders, 3);
      assert.deepEqual(warnings.warnings, []);
    } finally {
      warnings.restore();
    }
  });

  it("requests made by effects count toward the render-storm guard", async () => {
    const { currentFiber, requestRender } = await import("../../src/core/hooks.js");
    const capture = captureErrors();
    try {
      const Loop = pn.component(function RequestLoop() {
        const fiber = currentFiber("test");
        pn.useEffect(() => requestRender(fiber));
        return pn.Text("loop");
      });
      render(Loop());
      await settle();
      assert.match(String(capture.errors[0]?.error), /Too many re-renders: RequestLoop/);
    } finally {
      capture.restore();
    }
  });
});

describe("scheduleOwnEffect (internal: useQuery's binding is its own effect hook)", () => {
  it("runs when its caller says; the first cleanup runs at unmount only, once, and re-runs return none", async () => {
    const { addHook, claimHook, currentFiber, scheduleOwnEffect } = await import("../../src/core/hooks.js");
    const { EFFECT } = await import("../../src/core/hook-types.js");
    type Own = import("../../src/core/hook-types.js").EffectHook & { runs: number; n: number };
    const log: string[] = [];
    let set!: pn.SetState<number>;
    const C = pn.component(function C() {
      const [n, setN] = pn.useState(0);
      set = setN;
      const fiber = currentFiber("test");
      let own = claimHook<Own>(fiber, "own", EFFECT);
      if (own === undefined) {
        const made: Own = {
          tag: EFFECT, layout: false, keep: true, deps: undefined, nextDeps: undefined, cleanup: null, pending: false, runs: 0, n: 0,
          create: () => {
            log.push(`run ${made.n}`);
            return made.runs++ === 0 ? () => log.push("cleanup") : undefined;
          },
        };
        own = addHook(fiber, made);
      }
      own.n = n;
      // Runs on the first commit and for odd numbers only.
      scheduleOwnEffect(fiber, own, own.runs === 0 || n % 2 === 1);
      pn.useEffect(() => {
        log.push(`plain ${n}`);
        return () => log.push(`plain cleanup ${n}`);
      }, [n]);
      return pn.Text(String(n));
    });
    const ui = render(C());
    await settle();
    assert.deepEqual(log, ["run 0", "plain 0"]);
    set(1);
    await settle();
    set(2);
    await settle();
    set(3);
    await settle();
    assert.deepEqual(log, ["run 0", "plain 0", "plain cleanup 0", "run 1", "plain 1", "plain cleanup 1", "plain 2", "plain cleanup 2", "run 3", "plain 3"]);
    log.length = 0;
    ui.unmount();
    await settle();
    assert.deepEqual(log, ["cleanup", "plain cleanup 3"]);
  });
});
