import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle } from "typenative/testing";
import { captureErrors } from "../helpers/errors.js";

afterEach(cleanup);

const Bomb = pn.component(function Bomb(p: { explode: boolean }) {
  if (p.explode) throw new Error("kaboom");
  return pn.Text("fine");
});

describe("ErrorBoundary", () => {
  it("shows the fallback element when a child throws while rendering, and tells onError", () => {
    const seen: Array<{ error: unknown; stack: string | undefined }> = [];
    const ui = render(
      pn.ErrorBoundary(
        { fallback: pn.Text("oops"), onError: (error, info) => seen.push({ error, stack: info.componentStack }) },
        pn.Column(Bomb({ explode: true })),
      ),
    );
    ui.getByText("oops");
    assert.equal((seen[0]!.error as Error).message, "kaboom");
    assert.match(seen[0]!.stack!, /in Bomb/);
  });

  it("a failing update is rolled back: nothing of it reaches the host, the fallback replaces the committed children", async () => {
    const App = pn.component(function App(p: { explode: boolean }) {
      return pn.ErrorBoundary(
        { fallback: (error) => pn.Text(`caught: ${(error as Error).message}`) },
        pn.Text("sibling"),
        Bomb({ explode: p.explode }),
      );
    });
    const ui = render(App({ explode: false }));
    ui.getByText("fine");
    ui.host.clearLog();
    ui.rerender(App({ explode: true }));
    ui.getByText("caught: kaboom");
    assert.equal(ui.queryByText("sibling"), null);
    assert.equal(ui.queryByText("fine"), null);
    assert.deepEqual(ui.host.log.filter((op) => op.op === "update" || op.op === "text"), []);
  });

  it("reset() remounts the children fresh", async () => {
    let explode = true;
    let mounts = 0;
    const Flaky = pn.component(function Flaky() {
      pn.useEffect(() => { mounts++; }, []);
      if (explode) throw new Error("flaky");
      return pn.Text("recovered");
    });
    const ui = render(
      pn.ErrorBoundary({ fallback: (_e, reset) => pn.Button("retry", { onClick: reset }) }, Flaky()),
    );
    await settle();
    explode = false;
    ui.press(ui.getByText("retry"));
    await settle();
    ui.getByText("recovered");
    assert.equal(mounts, 1);
  });

  it("catches an error thrown in a synchronous effect", async () => {
    const Bad = pn.component(function Bad() {
      pn.useEffect(() => { throw new Error("effect failed"); }, []);
      return pn.Text("rendered");
    });
    const ui = render(pn.ErrorBoundary({ fallback: (e) => pn.Text(String((e as Error).message)) }, Bad()));
    await settle();
    ui.getByText("effect failed");
  });

  it("a failure in a re-rendering child goes to the boundary above it", async () => {
    let set!: pn.SetState<boolean>;
    const Toggle = pn.component(function Toggle() {
      const [explode, setExplode] = pn.useState(false);
      set = setExplode;
      return Bomb({ explode });
    });
    const ui = render(pn.Column(pn.ErrorBoundary({ fallback: pn.Text("fallback") }, Toggle()), pn.Text("outside")));
    set(true);
    await settle();
    ui.getByText("fallback");
    ui.getByText("outside");
  });

  it("without a boundary the error is reported and the last committed tree stays", async () => {
    const capture = captureErrors();
    try {
      let set!: pn.SetState<boolean>;
      const Toggle = pn.component(function Toggle() {
        const [explode, setExplode] = pn.useState(false);
        set = setExplode;
        return pn.Column(pn.Text("header"), Bomb({ explode }));
      });
      const ui = render(Toggle());
      const before = JSON.stringify(ui.toJSON());
      set(true);
      await settle();
      assert.equal(JSON.stringify(ui.toJSON()), before);
      assert.equal((capture.errors[0]!.error as Error).message, "kaboom");
      assert.equal(capture.errors[0]!.info.source, "render");
      assert.match(capture.errors[0]!.info.componentStack!, /in Bomb\n\s+in Toggle/);
      // The tree still works after the failure.
      set(false);
      await settle();
      ui.getByText("fine");
    } finally {
      capture.restore();
    }
  });

  it("a failed render after a much larger one restores exactly what it changed (the undo log keeps its capacity)", async () => {
    const capture = captureErrors();
    try {
      let setRows!: pn.SetState<number>;
      let setLabel!: pn.SetState<string>;
      let setExplode!: pn.SetState<boolean>;
      const Row = pn.component(function Row({ n, label }: { n: number; label: string }) {
        return pn.Text(`${label}${n}`);
      });
      const List = pn.component(function List() {
        const [rows, sr] = pn.useState(500);
        const [label, sl] = pn.useState("a");
        const [explode, se] = pn.useState(false);
        setRows = sr;
        setLabel = sl;
        setExplode = se;
        return pn.Column(Array.from({ length: rows }, (_, n) => Row({ key: n, n, label })), Bomb({ explode }));
      });
      const ui = render(List());
      // A large render fills the log far past what the next one needs.
      setLabel("b");
      await settle();
      setRows(3);
      await settle();
      const before = JSON.stringify(ui.toJSON());
      setLabel("c");
      setExplode(true);
      await settle();
      assert.equal(JSON.stringify(ui.toJSON()), before, "the failed render changed nothing");
      assert.equal(capture.errors.length, 1);
      setExplode(false);
      await settle();
      assert.deepEqual(ui.queryAllByText(/^c\d$/).map((node) => node.text), ["c0", "c1", "c2"]);
    } finally {
      capture.restore();
    }
  });

  it("errors thrown by event handlers go to onError, not to boundaries", async () => {
    const capture = captureErrors();
    try {
      const ui = render(
        pn.ErrorBoundary(
          { fallback: pn.Text("fallback") },
          pn.Button("throw", { onClick: () => { throw new Error("handler"); } }),
        ),
      );
      ui.press(ui.getByText("throw"));
      await settle();
      ui.getByText("throw");
      assert.equal(capture.errors[0]!.info.source, "handler");
    } finally {
      capture.restore();
    }
  });
});

describe("render storms", () => {
  const Storm = pn.component(function Storm() {
    const [n, setN] = pn.useState(0);
    pn.useEffect(() => setN((x) => x + 1));
    return pn.Text(`storm ${n}`);
  });

  it("more than 50 passes raise 'Too many re-renders: <Name>' into the nearest boundary", async () => {
    const ui = render(pn.ErrorBoundary({ fallback: (e) => pn.Text((e as Error).message) }, Storm()));
    await settle();
    const text = ui.getByText(/^Too many re-renders: Storm/).text;
    assert.match(text, /Storm/);
  });

  it("without a boundary the storm is reported and the last committed tree stays", async () => {
    const capture = captureErrors();
    try {
      const ui = render(pn.Column(pn.Text("top"), Storm()));
      await settle();
      assert.equal(capture.errors.length, 1);
      assert.match(String(capture.errors[0]!.error), /Too many re-renders: Storm/);
      ui.getByText("top");
      ui.getByText(/^storm \d+$/);
    } finally {
      capture.restore();
    }
  });

  it("a setter called during render is a storm too", async () => {
    const capture = captureErrors();
    try {
      const Loop = pn.component(function RenderLoop() {
        const [n, setN] = pn.useState(0);
        setN(n + 1);
        return pn.Text(String(n));
      });
      render(Loop());
      await settle();
      assert.match(String(capture.errors[0]?.error), /Too many re-renders: RenderLoop/);
    } finally {
      capture.restore();
    }
  });

  it("renders separated by idle loop turns are not a storm", async () => {
    const capture = captureErrors();
    try {
      let set!: pn.SetState<number>;
      const Ticker = pn.component(function Ticker() {
        const [n, setN] = pn.useState(0);
        set = setN;
        return pn.Text(String(n));
      });
      const ui = render(Ticker());
      for (let i = 1; i <= 120; i++) {
        set(i);
        await settle();
      }
      ui.getByText("120");
      assert.equal(capture.errors.length, 0);
    } finally {
      capture.restore();
    }
  });
});
