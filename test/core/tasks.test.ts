import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { useCleanRuntime } from "../helpers/lifecycle.js";
import { render, settle } from "typenative/testing";
import { captureErrors } from "../helpers/errors.js";
import { countingThenable } from "../helpers/data.js";

const runtime = useCleanRuntime();

describe("task ownership", () => {
  it("a task started in a handler belongs to the component and is cancelled by unmount", async () => {
    const clock = runtime.fakeClock();
    let task!: pn.Task<void>;
    let reachedEnd = false;
    const C = pn.component(function Exporter() {
      return pn.Button("Export", {
        onClick: () => {
          task = pn.runAsync(async (signal) => {
            await pn.sleep(5000, { signal });
            reachedEnd = true;
          });
        },
      });
    });
    const ui = render(C());
    ui.press(ui.getByText("Export"));
    assert.equal(pn.runtime.pendingTasks(), 1);
    ui.unmount();
    assert.equal(task.signal.aborted, true);
    assert.equal(task.done, true);
    await clock.advance(10_000);
    assert.equal(reachedEnd, false);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("the seed's Toolbar: runAsync(export()) from a handler is owned by the component", async () => {
    const clock = runtime.fakeClock();
    const saved: string[] = [];
    const buildReport = () => pn.sleep(100).then(() => "report");
    const Toolbar = pn.component(function Toolbar() {
      const exportIt = async () => {
        const report = await buildReport();
        saved.push(report);
      };
      return pn.Button("Export", { onClick: () => pn.runAsync(exportIt()) });
    });
    const ui = render(Toolbar());
    ui.press(ui.getByText("Export"));
    await clock.advance(100);
    assert.deepEqual(saved, ["report"]);
  });

  it("a runAsync made after an await belongs to the app, not the component", async () => {
    const clock = runtime.fakeClock();
    let inner!: pn.Task<void>;
    const C = pn.component(function C() {
      pn.useEffect(() => {
        pn.runAsync(async () => {
          await null;
          inner = pn.runAsync((signal) => pn.sleep(100, { signal }));
        });
      }, []);
      return null;
    });
    const ui = render(C());
    await settle();
    ui.unmount();
    assert.equal(inner.done, false, "the app owns it");
    await clock.advance(100);
    assert.equal(inner.done, true);
  });

  it("tasks started in effects are cancelled by unmount", async () => {
    const clock = runtime.fakeClock();
    let signal!: AbortSignal;
    const C = pn.component(function C() {
      pn.useEffect(() => {
        pn.runAsync(async (s) => {
          signal = s;
          await pn.sleep(1000, { signal: s });
        });
      }, []);
      return null;
    });
    const ui = render(C());
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 1);
    ui.unmount();
    assert.equal(signal.aborted, true);
  });

  it("a handler that returns a promise runs as a component task; its failure goes to onError", async () => {
    const clock = runtime.fakeClock();
    const capture = captureErrors();
    try {
      let aborted = false;
      const C = pn.component(function Saver() {
        return pn.Column(
          pn.Button("slow", { onClick: async () => { await pn.sleep(1000); aborted = false; } }),
          pn.Button("fail", { onClick: async () => { throw new Error("save failed"); } }),
        );
      });
      const ui = render(C());
      const task = ui.press(ui.getByText("slow")) as pn.Task<void>;
      assert.equal(typeof task.cancel, "function");
      assert.equal(pn.runtime.pendingTasks(), 1);
      ui.press(ui.getByText("fail"));
      await settle();
      assert.equal(capture.errors.length, 1);
      assert.equal(capture.errors[0]!.info.component, "Saver");
      ui.unmount();
      assert.equal(task.done, true);
      assert.equal(aborted, false);
    } finally {
      capture.restore();
    }
  });

  it("a handler's thenable becomes a task that follows it, its `then` read once; a Task passes through as it is", async () => {
    const { thenable, reads, resolve } = countingThenable<string>();
    let started: pn.Task<number> | null = null;
    const C = pn.component(function C() {
      return pn.Column(
        pn.Button("thenable", { onClick: () => thenable }),
        pn.Button("task", { onClick: () => (started = pn.runAsync(async () => 1)) }),
      );
    });
    const ui = render(C());
    const task = ui.press(ui.getByText("thenable")) as pn.Task<string>;
    assert.ok(task instanceof pn.Task);
    assert.equal(reads(), 1);
    assert.equal(task.done, false);
    resolve("saved");
    assert.equal(await task, "saved");
    assert.equal(ui.press(ui.getByText("task")), started);
    assert.equal(await started!, 1);
  });

  it("a handler's setters land in one render", async () => {
    let renders = 0;
    const C = pn.component(function C() {
      renders++;
      const [a, setA] = pn.useState(0);
      const [b, setB] = pn.useState(0);
      return pn.TextInput({ value: `${a}${b}`, onChange: (t: string) => { setA(t.length); setB(t.length); }, testID: "in" });
    });
    const ui = render(C());
    ui.changeText(ui.getByTestId("in"), "abc");
    await settle();
    assert.equal(renders, 2);
    assert.equal(ui.getByTestId("in").props.value, "33");
  });
});

describe("a component's scope is made on its first task", () => {
  it("a task started in an effect still gets the component's scope (made then), cancelled by unmount", async () => {
    const scopes: Array<pn.Task<void>> = [];
    const Quiet = pn.component(function Quiet() {
      pn.useEffect(() => {});
      return pn.Text("quiet");
    });
    const Busy = pn.component(function Busy() {
      pn.useEffect(() => {
        scopes.push(pn.runAsync((signal) => pn.sleep(1000, { signal })));
      }, []);
      return pn.Text("busy");
    });
    const ui = render(pn.Column(Quiet(), Busy()));
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 1);
    ui.unmount();
    assert.equal(scopes[0]!.done, true, "the effect's task belonged to the component");
  });

  it("a cleanup that starts a task after unmount, in a component whose effects started none, has it cancelled at birth", async () => {
    let late!: pn.Task<void>;
    const C = pn.component(function C() {
      pn.useEffect(() => () => {
        late = pn.runAsync((signal) => pn.sleep(1000, { signal }));
      }, []);
      return pn.Text("c");
    });
    const ui = render(C());
    await settle();
    ui.unmount();
    await settle();
    assert.equal(late.done, true);
    assert.equal(late.signal.aborted, true);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });
});
