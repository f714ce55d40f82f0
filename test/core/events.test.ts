/**
 * `dispatch`, the event delivery of hosts that ignore the handler's result
 * (the DOM and bridge listeners): the same semantics as `emit` for the
 * component, without making a `Task` of a returned promise.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, settle, TestHost } from "typenative/testing";
import { dispatch, emit } from "../../src/core/events.js";
import { useCleanRuntime } from "../helpers/lifecycle.js";
import { captureErrors } from "../helpers/errors.js";
import { countingThenable, deferred } from "../helpers/data.js";

const runtime = useCleanRuntime();

describe("dispatch: a handler's promise without a Task", () => {
  it("returns nothing; the promise counts as a pending task until it settles", async () => {
    const work = deferred<string>();
    const C = pn.component(function C() {
      return pn.Button("save", { onClick: () => work.promise });
    });
    const ui = render(C());
    assert.equal(dispatch(ui.getByText("save"), "onClick"), undefined);
    assert.equal(pn.runtime.pendingTasks(), 1);
    work.resolve("saved");
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("reports the promise's failure to onError as the component's task failure", async () => {
    const capture = captureErrors();
    try {
      const C = pn.component(function Saver() {
        return pn.Button("fail", { onClick: async () => { throw new Error("save failed"); } });
      });
      const ui = render(C());
      dispatch(ui.getByText("fail"), "onClick");
      await settle();
      assert.equal(capture.errors.length, 1);
      assert.equal((capture.errors[0]!.error as Error).message, "save failed");
      assert.equal(capture.errors[0]!.info.source, "task");
      assert.equal(capture.errors[0]!.info.component, "Saver");
      assert.match(capture.errors[0]!.info.componentStack ?? "", /in Saver/);
      assert.equal(pn.runtime.pendingTasks(), 0);
    } finally {
      capture.restore();
    }
  });

  it("a cancellation the promise rejects with is not reported", async () => {
    const capture = captureErrors();
    try {
      const C = pn.component(function C() {
        return pn.Column(
          pn.Button("cancelled", { onClick: async () => { throw new pn.CancelledError(); } }),
          pn.Button("aborted", { onClick: () => Promise.reject(Object.assign(new Error("aborted"), { name: "AbortError" })) }),
        );
      });
      const ui = render(C());
      dispatch(ui.getByText("cancelled"), "onClick");
      dispatch(ui.getByText("aborted"), "onClick");
      await settle();
      assert.deepEqual(capture.errors, []);
      assert.equal(pn.runtime.pendingTasks(), 0);
    } finally {
      capture.restore();
    }
  });

  it("unmount drops the promise: no longer counted, its later failure not reported", async () => {
    const capture = captureErrors();
    try {
      const work = deferred<void>();
      const C = pn.component(function C() {
        return pn.Button("slow", { onClick: () => work.promise });
      });
      const ui = render(C());
      dispatch(ui.getByText("slow"), "onClick");
      assert.equal(pn.runtime.pendingTasks(), 1);
      ui.unmount();
      assert.equal(pn.runtime.pendingTasks(), 0);
      work.reject(new Error("too late"));
      await settle();
      assert.deepEqual(capture.errors, []);
    } finally {
      capture.restore();
    }
  });

  it("reads a thenable's `then` once; a `then` that throws is the task's failure, not a throw at the call", async () => {
    const capture = captureErrors();
    try {
      const { thenable, reads, resolve } = countingThenable<string>();
      const broken = {
        then() {
          throw new Error("then threw");
        },
      };
      const C = pn.component(function C() {
        return pn.Column(pn.Button("thenable", { onClick: () => thenable }), pn.Button("broken", { onClick: () => broken }));
      });
      const ui = render(C());
      dispatch(ui.getByText("thenable"), "onClick");
      assert.equal(reads(), 1);
      assert.equal(pn.runtime.pendingTasks(), 1);
      resolve("done");
      assert.equal(pn.runtime.pendingTasks(), 0);
      dispatch(ui.getByText("broken"), "onClick");
      assert.equal(pn.runtime.pendingTasks(), 0);
      assert.equal(capture.errors.length, 1);
      assert.equal((capture.errors[0]!.error as Error).message, "then threw");
    } finally {
      capture.restore();
    }
  });

  it("a Task the handler returns stays the one runAsync made: counted once, owned by the component", async () => {
    const clock = runtime.fakeClock();
    let task!: pn.Task<void>;
    const C = pn.component(function C() {
      return pn.Button("run", { onClick: () => (task = pn.runAsync((signal) => pn.sleep(1000, { signal }))) });
    });
    const ui = render(C());
    dispatch(ui.getByText("run"), "onClick");
    assert.equal(pn.runtime.pendingTasks(), 1);
    ui.unmount();
    assert.equal(task.done, true);
    assert.equal(task.signal.aborted, true);
    await clock.advance(1000);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("a handler's throw goes to onError with source handler; setters land in one render", async () => {
    const capture = captureErrors();
    try {
      let renders = 0;
      const C = pn.component(function Thrower() {
        renders++;
        const [n, setN] = pn.useState(0);
        return pn.Column(
          pn.Text(`n=${n}`),
          pn.Button("twice", { onClick: () => { setN((v) => v + 1); setN((v) => v + 1); } }),
          pn.Button("throw", { onClick: () => { throw new Error("boom"); } }),
        );
      });
      const ui = render(C());
      dispatch(ui.getByText("twice"), "onClick");
      await settle();
      assert.equal(renders, 2);
      ui.getByText("n=2");
      dispatch(ui.getByText("throw"), "onClick");
      assert.equal(capture.errors.length, 1);
      assert.equal(capture.errors[0]!.info.source, "handler");
      assert.equal(capture.errors[0]!.info.component, "Thrower");
    } finally {
      capture.restore();
    }
  });
});

describe("a handler's scope is made only if it needs one", () => {
  it("a handler that unmounts its tree, then starts a task, has the task cancelled at birth (emit and dispatch)", async () => {
    for (const deliver of [emit, dispatch]) {
      let late!: pn.Task<void>;
      let returned = deferred<void>();
      const C = pn.component(function C() {
        return pn.Button("leave", {
          onClick: () => {
            ui.unmount();
            late = pn.runAsync((signal) => pn.sleep(1000, { signal }));
            return returned.promise;
          },
        });
      });
      const ui = render(C());
      const result = deliver(ui.getByText("leave"), "onClick") as pn.Task<void> | undefined;
      assert.equal(late.done, true);
      assert.equal(late.signal.aborted, true);
      if (deliver === emit) assert.equal(result!.done, true, "emit's task of the returned promise is cancelled at birth");
      else assert.equal(result, undefined);
      assert.equal(pn.runtime.pendingTasks(), 0);
      returned.resolve();
      returned = deferred<void>();
      await settle();
    }
  });

  it("a handler of a view no component owns gives its promise to the app scope of the root's runtime", async () => {
    const rt = pn.createRuntime();
    const host = new TestHost();
    const container = host.createContainer();
    const root = pn.createRoot(host, container, { runtime: rt });
    const work = deferred<void>();
    root.render(pn.Button("root-level", { onClick: () => work.promise }));
    const before = pn.runtime.pendingTasks();
    dispatch(container.children[0]!, "onClick");
    assert.equal(rt.pendingTasks(), 1);
    assert.equal(pn.runtime.pendingTasks(), before);
    work.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(rt.pendingTasks(), 0);
    root.unmount();
  });
});
