import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { fakeClock, settle } from "typenative/testing";
import { captureErrors } from "../helpers/errors.js";

describe("runAsync and Task", () => {
  let clock: ReturnType<typeof fakeClock> | null = null;
  afterEach(async () => {
    clock?.uninstall();
    clock = null;
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("is awaitable and reports done", async () => {
    const task = pn.runAsync(async () => 41 + 1);
    assert.equal(task.done, false);
    assert.equal(await task, 42);
    assert.equal(task.done, true);
  });

  it("observe() tells one observer how the task settled, without promises; the task counts as awaited", async () => {
    const capture = captureErrors();
    try {
      const heard: Array<[boolean, unknown]> = [];
      const observer = { onTaskSettled: (_task: unknown, fulfilled: boolean, result: unknown) => void heard.push([fulfilled, result]) };
      const ok = pn.runAsync(async () => "v");
      ok.observe(observer);
      const bad = pn.runAsync(async () => {
        throw new Error("boom");
      });
      bad.observe(observer);
      await settle();
      assert.deepEqual(heard.map(([f]) => f), [true, false]);
      assert.equal(heard[0]![1], "v");
      assert.equal((heard[1]![1] as Error).message, "boom");
      assert.equal(capture.errors.length, 0, "an observed failure is not reported");
      // A cancel is told synchronously, as it settles.
      const slow = pn.runAsync(() => new Promise(() => {}));
      slow.observe(observer);
      slow.cancel();
      assert.equal(heard.length, 3);
      assert.ok(heard[2]![1] instanceof pn.CancelledError);
    } finally {
      capture.restore();
    }
  });

  it("observe() on a settled task answers on a microtask; a throwing observer is reported, not thrown", async () => {
    const capture = captureErrors();
    try {
      const task = pn.runAsync(() => 7);
      assert.equal(task.done, true);
      const heard: unknown[] = [];
      task.observe({ onTaskSettled: (_t, _f, result) => void heard.push(result) });
      assert.deepEqual(heard, [], "not from inside the call");
      await Promise.resolve();
      assert.deepEqual(heard, [7]);
      const pending = pn.runAsync(() => new Promise(() => {}));
      pending.observe({
        onTaskSettled: () => {
          throw new Error("observer broke");
        },
      });
      pending.cancel();
      assert.equal(pending.done, true);
      assert.equal(capture.errors.length, 1);
      assert.equal((capture.errors[0]!.error as Error).message, "observer broke");
    } finally {
      capture.restore();
    }
  });

  it("calls work synchronously with the task's signal", () => {
    let signal: AbortSignal | null = null;
    const task = pn.runAsync((s) => {
      signal = s;
      return Promise.resolve();
    });
    assert.equal(signal, task.signal);
  });

  it("accepts a promise", async () => {
    assert.equal(await pn.runAsync(Promise.resolve("x")), "x");
  });

  it("rejects bad work with a TypeError", () => {
    assert.throws(() => pn.runAsync(42 as unknown as Promise<number>), TypeError);
  });

  it("cancel() aborts the signal and settles at once with CancelledError", async () => {
    clock = fakeClock();
    let aborted = false;
    const task = pn.runAsync(async (signal) => {
      signal.addEventListener("abort", () => (aborted = true));
      await pn.sleep(1000, { signal });
      return "finished";
    });
    assert.equal(pn.runtime.pendingTasks(), 1);
    task.cancel();
    assert.equal(task.done, true);
    assert.equal(aborted, true);
    assert.equal(task.signal.aborted, true);
    await assert.rejects(Promise.resolve(task), pn.CancelledError);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("drops the result of work that ignores the signal", async () => {
    const capture = captureErrors();
    try {
      let finish!: (v: string) => void;
      const task = pn.runAsync(new Promise<string>((r) => (finish = r)));
      task.cancel();
      finish("late");
      await settle();
      await assert.rejects(Promise.resolve(task), pn.CancelledError);
      assert.equal(capture.errors.length, 0);
    } finally {
      capture.restore();
    }
  });

  it("a failure nobody awaits goes to onError, never an unhandled rejection", async () => {
    const capture = captureErrors();
    try {
      pn.runAsync(async () => {
        throw new Error("lost");
      });
      await settle();
      assert.equal(capture.errors.length, 1);
      assert.equal((capture.errors[0]!.error as Error).message, "lost");
      assert.equal(capture.errors[0]!.info.source, "task");
    } finally {
      capture.restore();
    }
  });

  it("an awaited failure is not reported", async () => {
    const capture = captureErrors();
    try {
      const task = pn.runAsync(async () => {
        throw new Error("seen");
      });
      await assert.rejects(Promise.resolve(task), /seen/);
      await settle();
      assert.equal(capture.errors.length, 0);
    } finally {
      capture.restore();
    }
  });

  it("a cancelled task is never reported as a failure", async () => {
    const capture = captureErrors();
    try {
      clock = fakeClock();
      const task = pn.runAsync((signal) => pn.sleep(100, { signal }));
      task.cancel();
      await settle();
      assert.equal(capture.errors.length, 0);
    } finally {
      capture.restore();
    }
  });

  it("a synchronous throw in work is a failed task, not a throw at the call", async () => {
    const capture = captureErrors();
    try {
      const task = pn.runAsync(() => {
        throw new Error("sync");
      });
      assert.equal(task.done, true);
      await settle();
      assert.equal(capture.errors.length, 1);
    } finally {
      capture.restore();
    }
  });

  it("counts pending tasks until they settle", async () => {
    clock = fakeClock();
    const a = pn.runAsync((signal) => pn.sleep(10, { signal }));
    const b = pn.runAsync((signal) => pn.sleep(20, { signal }));
    assert.equal(pn.runtime.pendingTasks(), 2);
    await clock.advance(10);
    assert.equal(a.done, true);
    assert.equal(pn.runtime.pendingTasks(), 1);
    await clock.advance(10);
    assert.equal(b.done, true);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });
});

describe("sleep", () => {
  it("completes under fakeClock without real waiting", async () => {
    const clock = fakeClock();
    try {
      let done = false;
      void pn.sleep(60_000).then(() => (done = true));
      await clock.advance(59_999);
      assert.equal(done, false);
      await clock.advance(1);
      assert.equal(done, true);
    } finally {
      clock.uninstall();
    }
  });

  it("rejects with CancelledError when its signal aborts, and at once for an aborted signal", async () => {
    const clock = fakeClock();
    try {
      const controller = new AbortController();
      const slept = pn.sleep(1000, { signal: controller.signal });
      controller.abort();
      await assert.rejects(slept, pn.CancelledError);
      await assert.rejects(pn.sleep(1, { signal: controller.signal }), pn.CancelledError);
      assert.equal(clock.pendingTimers(), 0);
    } finally {
      clock.uninstall();
    }
  });

  it("rejects a non-number delay", async () => {
    await assert.rejects(pn.sleep("soon" as unknown as number), TypeError);
  });
});

describe("withOwner", () => {
  it("makes the owner's scope only when a task starts, once; withScope(null) inside means the app scope", async () => {
    const { withOwner, withScope, getCurrentScope, currentRuntime } = await import("../../src/runtime/runtime.js");
    const { Scope } = await import("../../src/runtime/scope.js");
    const rt = pn.createRuntime();
    let made = 0;
    const owner = { scope: null as InstanceType<typeof Scope> | null };
    const make = (o: typeof owner) => {
      made++;
      return (o.scope ??= new Scope(rt));
    };
    withOwner(owner, rt, make, () => {
      assert.equal(currentRuntime(), rt, "the owner's runtime is current");
    });
    assert.equal(made, 0, "no task, no scope");
    withOwner(owner, rt, make, () => {
      const a = getCurrentScope();
      const b = getCurrentScope();
      assert.equal(a, b);
      assert.equal(a, owner.scope);
      withScope(null, () => assert.equal(getCurrentScope(), pn.runtime.appScope));
      assert.equal(getCurrentScope(), a, "restored after withScope");
    });
    assert.equal(made, 1);
    assert.equal(getCurrentScope(), pn.runtime.appScope, "restored after withOwner");
  });
});
