// typenative/testing on a runtime of the test's own: render(element, { runtime }),
// settle(runtime) and fakeClock(start, runtime) drive that runtime's loop.
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { cleanup, fakeClock, render, settle, TestHost } from "typenative/testing";

afterEach(cleanup);

/** Shows "waiting", then "done" once a 1 s sleep on its runtime's loop has passed. */
const Sleeper = pn.component(function Sleeper() {
  const [text, setText] = pn.useState("waiting");
  pn.useAsyncEffect(async (signal) => {
    await pn.sleep(1000, { signal });
    setText("done");
  }, []);
  return pn.Text(text);
});

describe("the test host on a runtime of its own", () => {
  it("render(element, { runtime }) mounts on that runtime", () => {
    const rt = pn.createRuntime();
    let seen: pn.Runtime | null = null;
    const Probe = pn.component(function Probe() {
      seen = pn.currentRuntime();
      return null;
    });
    render(Probe(), { runtime: rt });
    assert.equal(seen, rt);
  });

  it("fakeClock(start, runtime) moves that runtime's time: its sleeps end on advance()", async () => {
    const rt = pn.createRuntime();
    const clock = fakeClock(0, rt);
    const defaultClock = fakeClock();
    try {
      const ui = render(Sleeper(), { runtime: rt });
      await ui.settle();
      assert.equal(rt.pendingTasks(), 1);
      await defaultClock.advance(1000);
      assert.ok(ui.queryByText("waiting"), "the default runtime's clock does not move this runtime's time");
      await clock.advance(999);
      assert.ok(ui.queryByText("waiting"));
      await clock.advance(1);
      ui.getByText("done");
      assert.equal(clock.now(), 1000);
      assert.equal(rt.getLoop().time(), 1000);
      assert.equal(rt.pendingTasks(), 0);
    } finally {
      clock.uninstall();
      defaultClock.uninstall();
    }
  });

  it("a fake clock per runtime: installing one on another runtime leaves this one installed", async () => {
    const rt = pn.createRuntime();
    const clock = fakeClock(500, rt);
    const other = fakeClock(0);
    try {
      assert.equal(rt.getLoop().time(), 500);
      assert.equal(pn.runtime.getLoop().time(), 0);
      const times: number[] = [];
      rt.getLoop().callLater(10, () => times.push(rt.getLoop().time()));
      await clock.advance(10);
      assert.deepEqual(times, [510]);
      clock.uninstall();
      assert.notEqual(rt.getLoop().time(), 510, "uninstall puts the real clock back");
      assert.equal(other.now(), 0);
    } finally {
      clock.uninstall();
      other.uninstall();
    }
  });

  it("settle(runtime) runs a root made by hand on that runtime until idle", async () => {
    const rt = pn.createRuntime();
    const host = new TestHost();
    const container = host.createContainer();
    const root = pn.createRoot(host, container, { runtime: rt });
    const clock = fakeClock(0, rt);
    try {
      const order: string[] = [];
      const Effects = pn.component(function Effects() {
        pn.useEffect(() => {
          order.push("effect");
          void pn.runAsync(async () => {
            await Promise.resolve();
            order.push("task");
          });
        }, []);
        return null;
      });
      root.render(Effects());
      await settle(rt);
      assert.deepEqual(order, ["effect", "task"]);
      assert.equal(rt.pendingTasks(), 0);
    } finally {
      root.unmount();
      clock.uninstall();
    }
  });

  it("settle() rejects what is not a runtime", async () => {
    await assert.rejects(settle({} as pn.Runtime), TypeError);
  });
});
