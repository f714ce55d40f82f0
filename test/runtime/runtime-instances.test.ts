import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle, alerts, TestHost } from "typenative/testing";
import { inProcessPair, mountBridge, serveHost, type HostCall } from "typenative/bridge";

afterEach(cleanup);

/** Runs the loops of the default runtime and of `rt` until both are idle. */
async function settleBoth(rt: pn.Runtime): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!rt.getLoop().hasPendingWork()) break;
  }
}

describe("the runtime as an explicit instance", () => {
  it("a test host root and a bridged root coexist: each component's alert goes to its own root's host", async () => {
    const presented: string[] = [];
    const [runtimeEnd, hostEnd] = inProcessPair();
    serveHost(hostEnd, {
      name: "reference",
      services: {
        alert: {
          present(args: unknown, _call: HostCall) {
            presented.push((args as [{ title: string }])[0].title);
            return Promise.resolve(0);
          },
        },
      },
    });
    const Asker = pn.component(function Asker(p: { title: string }) {
      return pn.Button("ask", { onClick: () => void pn.Alert.show(p.title) });
    });
    const app = await mountBridge(Asker({ title: "from the bridged app" }), runtimeEnd);
    try {
      assert.notEqual(app.runtime, pn.runtime, "the testing entry claimed the default runtime, so the bridge got its own");
      const ui = render(Asker({ title: "from the test root" }));
      ui.press(ui.getByText("ask"));
      assert.deepEqual(alerts.pending().map((a) => a.title), ["from the test root"]);
      // Press the bridged button the way its host would: through the bridged root's view.
      const node = app.host.container.children[0]!;
      pn.emit(node, "onClick");
      await settleBoth(app.runtime);
      assert.deepEqual(presented, ["from the bridged app"]);
      assert.equal(alerts.pending().length, 1, "the test driver saw only its own root's alert");
      alerts.respond("OK");
    } finally {
      app.unmount();
    }
  });

  it("roots on different runtimes render on their own loops, count their own tasks and report to their own onError", async () => {
    const rt = pn.createRuntime();
    const errors: unknown[] = [];
    rt.onError = (error) => errors.push(error);
    const host = new TestHost();
    const root = pn.createRoot(host, host.createContainer(), { runtime: rt });
    const Worker = pn.component(function Worker() {
      const [n, setN] = pn.useState(0);
      pn.useEffect(() => {
        pn.runAsync(async () => {
          await null;
          setN(1);
        });
        pn.runAsync(() => Promise.reject(new Error("nobody awaits me")));
      }, []);
      return pn.Text(`n=${n}`);
    });
    const before = pn.runtime.pendingTasks();
    root.render(Worker());
    assert.equal(root.runtime, rt);
    await settleBoth(rt);
    await settleBoth(rt);
    assert.equal(host.log.some((op) => op.op === "text" && op.text === "n=1"), true);
    assert.equal(pn.runtime.pendingTasks(), before, "the default runtime counted none of them");
    assert.equal(rt.pendingTasks(), 0);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /nobody awaits me/);
    root.unmount();
  });

  it("a runtime keeps its own storage: AsyncStorage in one root's effects never sees another's", async () => {
    const rt = pn.createRuntime({ services: { storage: pn.memoryStorage() } });
    await pn.AsyncStorage.set("k", "default");
    const host = new TestHost();
    const root = pn.createRoot(host, host.createContainer(), { runtime: rt });
    let seen: Promise<string | null> | null = null;
    const Reader = pn.component(function Reader() {
      pn.useEffect(() => {
        seen = pn.AsyncStorage.get("k");
      }, []);
      return null;
    });
    root.render(Reader());
    await settleBoth(rt);
    assert.equal(await seen!, null);
    assert.equal(await pn.AsyncStorage.get("k"), "default");
    root.unmount();
    await pn.AsyncStorage.remove("k");
  });

  it("importing the library mutates nothing: a fresh runtime has no owner, loop frames and no alert or camera", () => {
    const rt = pn.createRuntime();
    assert.equal(rt.owner, null);
    assert.equal(rt.services.alert, null);
    assert.equal(rt.services.camera, null);
    assert.equal(rt.services.storage, null);
    assert.equal(typeof rt.services.frames.requestFrame, "function");
  });
});
