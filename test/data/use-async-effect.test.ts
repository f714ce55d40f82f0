import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, settle } from "typenative/testing";
import { captureErrors, captureWarnings } from "../helpers/errors.js";
import { deferred, unmountAndCheck, useDataTest } from "../helpers/data.js";

// The seed's WelcomeBanner, in TypeScript.
const WelcomeBanner = pn.component(function WelcomeBanner() {
  const [visible, setVisible] = pn.useState(true);
  pn.useAsyncEffect(async (signal) => {
    await pn.sleep(3000, { signal });
    setVisible(false);
  }, []);
  return visible ? pn.Text("Welcome!") : pn.Spacer();
});

describe("useAsyncEffect", () => {
  const t = useDataTest();

  it("WelcomeBanner dismisses itself after 3 s of the loop clock", async () => {
    const ui = render(WelcomeBanner());
    await ui.settle();
    ui.getByText("Welcome!");
    await t.clock.advance(2999);
    ui.getByText("Welcome!");
    await t.clock.advance(1);
    assert.equal(ui.queryByText("Welcome!"), null);
    assert.equal(pn.runtime.pendingTasks(), 0);
    await unmountAndCheck(ui);
  });

  it("WelcomeBanner gone within 3 s: the sleep is cancelled and the setter never fires", async () => {
    const warnings = captureWarnings();
    const errors = captureErrors();
    try {
      const ui = render(WelcomeBanner());
      await ui.settle();
      assert.equal(pn.runtime.pendingTasks(), 1, "the effect runs as a task");
      await t.clock.advance(1000);
      await unmountAndCheck(ui);
      await t.clock.advance(5000);
      assert.deepEqual(warnings.warnings, [], "no setter was called after unmount");
      assert.deepEqual(errors.errors, [], "the cancellation is not reported");
      assert.equal(t.clock.pendingTimers(), 0, "the sleep's timer was cancelled");
    } finally {
      warnings.restore();
      errors.restore();
    }
  });

  it("runs after the commit, with an AbortSignal, as a task of the component", async () => {
    const log: string[] = [];
    let received = null as AbortSignal | null;
    const gate = deferred<void>();
    const Probe = pn.component(function Probe() {
      log.push("render");
      pn.useAsyncEffect(async (signal) => {
        received = signal;
        log.push("effect");
        await gate.promise;
      }, []);
      return pn.Text("probe");
    });
    const ui = render(Probe());
    assert.deepEqual(log, ["render"], "not during render() itself");
    await ui.settle();
    assert.deepEqual(log, ["render", "effect"]);
    assert.ok(received! instanceof AbortSignal);
    assert.equal(received!.aborted, false);
    assert.equal(pn.runtime.pendingTasks(), 1);
    gate.resolve();
    await ui.settle();
    assert.equal(pn.runtime.pendingTasks(), 0);
    await unmountAndCheck(ui);
  });

  it("a deps change aborts the previous run's signal before the next run starts", async () => {
    const runs: Array<{ id: number; signal: AbortSignal; abortedWhenNextStarted?: boolean }> = [];
    const Probe = pn.component(function Probe({ id }: { id: number }) {
      pn.useAsyncEffect(async (signal) => {
        const previous = runs[runs.length - 1];
        if (previous) previous.abortedWhenNextStarted = previous.signal.aborted;
        runs.push({ id, signal });
        await pn.sleep(10_000, { signal });
      }, [id]);
      return pn.Text(`id ${id}`);
    });
    const ui = render(Probe({ id: 1 }));
    await ui.settle();
    ui.rerender(Probe({ id: 1 }));
    await ui.settle();
    assert.equal(runs.length, 1, "same deps: no new run");
    ui.rerender(Probe({ id: 2 }));
    await ui.settle();
    assert.equal(runs.length, 2);
    assert.equal(runs[0]!.abortedWhenNextStarted, true);
    assert.equal(runs[1]!.signal.aborted, false);
    assert.equal(pn.runtime.pendingTasks(), 1, "only the current run is pending");
    await unmountAndCheck(ui);
    assert.equal(runs[1]!.signal.aborted, true);
  });

  it("omitted deps: runs after every render", async () => {
    let runs = 0;
    const Probe = pn.component(function Probe({ n }: { n: number }) {
      pn.useAsyncEffect(async () => {
        runs++;
      });
      return pn.Text(`n ${n}`);
    });
    const ui = render(Probe({ n: 1 }));
    await ui.settle();
    ui.rerender(Probe({ n: 1 }));
    await ui.settle();
    ui.rerender(Probe({ n: 2 }));
    await ui.settle();
    assert.equal(runs, 3);
    await unmountAndCheck(ui);
  });

  it("a resolved cleanup function runs on the next change and on unmount; other values are ignored", async () => {
    const log: string[] = [];
    const Probe = pn.component(function Probe({ id }: { id: number }) {
      pn.useAsyncEffect(async () => {
        await pn.sleep(100);
        log.push(`start ${id}`);
        return id === 2 ? 42 : () => log.push(`cleanup ${id}`);
      }, [id]);
      return pn.Text(`id ${id}`);
    });
    const ui = render(Probe({ id: 1 }));
    await t.clock.advance(100);
    assert.deepEqual(log, ["start 1"]);
    ui.rerender(Probe({ id: 2 }));
    assert.deepEqual(log, ["start 1"], "cleanups run with the effects, after the commit");
    await t.clock.advance(100);
    assert.deepEqual(log, ["start 1", "cleanup 1", "start 2"]);
    ui.rerender(Probe({ id: 3 }));
    await t.clock.advance(100);
    assert.deepEqual(log, ["start 1", "cleanup 1", "start 2", "start 3"], "42 is not a cleanup");
    await unmountAndCheck(ui);
    assert.deepEqual(log, ["start 1", "cleanup 1", "start 2", "start 3", "cleanup 3"]);
  });

  it("a cleanup that is not reached because the run was cancelled never runs", async () => {
    let cleanups = 0;
    const Probe = pn.component(function Probe() {
      pn.useAsyncEffect(async (signal) => {
        await pn.sleep(100, { signal });
        return () => cleanups++;
      }, []);
      return pn.Text("probe");
    });
    const ui = render(Probe());
    await t.clock.advance(50);
    await unmountAndCheck(ui);
    await t.clock.advance(100);
    assert.equal(cleanups, 0);
  });

  it("a cleanup resolved after the run was cancelled (the effect ignored its signal) runs at once: what it opened is closed", async () => {
    const log: string[] = [];
    const opened = deferred<void>();
    const Probe = pn.component(function Probe({ id }: { id: number }) {
      pn.useAsyncEffect(async () => {
        await opened.promise; // an API that takes no signal
        log.push(`open ${id}`);
        return () => log.push(`close ${id}`);
      }, [id]);
      return pn.Text("probe");
    });
    const ui = render(Probe({ id: 1 }));
    await ui.settle();
    await unmountAndCheck(ui);
    opened.resolve();
    await settle();
    assert.deepEqual(log, ["open 1", "close 1"], "the component is gone: nothing it opened may stay open");
  });

  it("reports failures through onError with the component's name, never into render", async () => {
    const errors = captureErrors();
    try {
      const Async = pn.component(function AsyncFailure() {
        pn.useAsyncEffect(async () => {
          await pn.sleep(10);
          throw new Error("async boom");
        }, []);
        return pn.Text("still here");
      });
      const Sync = pn.component(function SyncFailure() {
        pn.useAsyncEffect(() => {
          throw new Error("sync boom");
        }, []);
        return pn.Text("also here");
      });
      let boundaryCaught = false;
      const ui = render(
        pn.ErrorBoundary({ fallback: pn.Text("fallback"), onError: () => (boundaryCaught = true) }, pn.Column(Async(), Sync())),
      );
      await t.clock.advance(10);
      ui.getByText("still here");
      ui.getByText("also here");
      assert.equal(boundaryCaught, false);
      const seen = errors.errors.map(({ error, info }) => [(error as Error).message, info.source, info.component]);
      assert.deepEqual(seen, [
        ["sync boom", "effect", "SyncFailure"],
        ["async boom", "effect", "AsyncFailure"],
      ]);
      assert.match(errors.errors[0]!.info.componentStack ?? "", /SyncFailure/);
      await unmountAndCheck(ui);
    } finally {
      errors.restore();
    }
  });

  it("reports a throwing cleanup and keeps going", async () => {
    const errors = captureErrors();
    try {
      const Probe = pn.component(function BadCleanup() {
        pn.useAsyncEffect(async () => () => {
          throw new Error("cleanup boom");
        }, []);
        return pn.Text("probe");
      });
      const ui = render(Probe());
      await ui.settle();
      await unmountAndCheck(ui);
      assert.equal(errors.errors.length, 1);
      assert.equal((errors.errors[0]!.error as Error).message, "cleanup boom");
      assert.equal(errors.errors[0]!.info.component, "BadCleanup");
    } finally {
      errors.restore();
    }
  });

  it("never renders by itself", async () => {
    let renders = 0;
    const Probe = pn.component(function Probe() {
      renders++;
      pn.useAsyncEffect(async () => () => {}, []);
      return pn.Text("probe");
    });
    const ui = render(Probe());
    await t.clock.advance(1000);
    assert.equal(renders, 1);
    await unmountAndCheck(ui);
  });

  it("rejects bad arguments with a TypeError", async () => {
    const errors = captureErrors();
    try {
      const Bad = pn.component(function Bad({ which }: { which: number }) {
        if (which === 1) pn.useAsyncEffect(42 as unknown as () => Promise<void>, []);
        else pn.useAsyncEffect(async () => {}, "deps" as unknown as []);
        return pn.Text("bad");
      });
      // A render error stops that render: one tree per case.
      const first = render(Bad({ which: 1 }));
      const ui = render(Bad({ which: 2 }));
      await ui.settle();
      await unmountAndCheck(first);
      assert.equal(errors.errors.length, 2);
      for (const { error, info } of errors.errors) {
        assert.ok(error instanceof TypeError);
        assert.equal(info.source, "render");
      }
      assert.match((errors.errors[0]!.error as Error).message, /effect must be a function/);
      assert.match((errors.errors[1]!.error as Error).message, /deps must be an array/);
      await unmountAndCheck(ui);
    } finally {
      errors.restore();
    }
  });
});

describe("useAsyncEffect with a real clock", () => {
  it("works without a fake clock too (the loop's own timers)", async () => {
    const ui = render(
      pn.component(function Quick() {
        const [done, setDone] = pn.useState(false);
        pn.useAsyncEffect(async (signal) => {
          await pn.sleep(1, { signal });
          setDone(true);
        }, []);
        return pn.Text(done ? "done" : "waiting");
      })(),
    );
    await ui.findByText("done");
    ui.unmount();
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 0);
  });
});
