// A job on a runtime's own loop (a timer callback, a future's reaction) runs with that runtime current.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";

describe("a job on a runtime's own loop", () => {
  it("runs in that runtime: a task it starts belongs to that runtime, and AsyncStorage is that runtime's", async () => {
    const storage = pn.memoryStorage();
    const rt = pn.createRuntime({ services: { storage } });
    const defaultBefore = pn.runtime.pendingTasks();
    let task!: pn.Task<void>;
    let finish!: () => void;
    await new Promise<void>((resolve) =>
      rt.getLoop().callLater(0, () => {
        task = pn.runAsync(() => new Promise<void>((r) => (finish = r)));
        void pn.AsyncStorage.set("from-the-job", "x").then(resolve);
      }),
    );
    assert.equal(rt.pendingTasks(), 1, "counted by the runtime whose loop ran the job");
    assert.equal(pn.runtime.pendingTasks(), defaultBefore, "not by the default runtime");
    assert.equal(await storage.get("from-the-job"), "x");
    finish();
    await task;
  });
});
