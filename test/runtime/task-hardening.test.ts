// Tasks and misbehaving work: a thenable whose `then` throws, and detached
// work that never settles after its task was cancelled.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as pn from "typenative";
import { render, settle } from "typenative/testing";
import { captureErrors } from "../helpers/errors.js";
import { useCleanRuntime } from "../helpers/lifecycle.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("tasks of misbehaving work", () => {
  useCleanRuntime();

  it("runAsync of a thenable whose then throws returns a failed task instead of throwing", async () => {
    const boom = new Error("then broke");
    const task = pn.runAsync({
      then() {
        throw boom;
      },
    } as PromiseLike<number>);
    assert.equal(task.done, true);
    assert.equal(pn.runtime.pendingTasks(), 0);
    await assert.rejects(task.then(), (error: unknown) => error === boom);
  });

  it("a then getter that throws, or work returning such a thenable, fails the task too", async () => {
    const boom = new Error("getter broke");
    const hostile = Object.defineProperty({}, "then", {
      get() {
        throw boom;
      },
    }) as PromiseLike<number>;
    await assert.rejects(pn.runAsync(hostile).then(), (error: unknown) => error === boom);
    const fromWork = pn.runAsync(() => ({ then: () => { throw boom; } }) as unknown as PromiseLike<number>);
    assert.equal(fromWork.done, true);
    await assert.rejects(fromWork.then(), (error: unknown) => error === boom);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("reports the failure of such a task through onError when nobody awaits it", async () => {
    const capture = captureErrors();
    try {
      pn.runAsync({ then: () => { throw new Error("unawaited"); } } as unknown as PromiseLike<void>);
      await settle();
      assert.equal(capture.errors.length, 1);
      assert.equal((capture.errors[0]!.error as Error).message, "unawaited");
      assert.equal(capture.errors[0]!.info.source, "task");
    } finally {
      capture.restore();
    }
  });

  it("a cancelled task waiting on detached work lets go of its scope", async () => {
    const never = new Promise<never>(() => {});
    let task = null as pn.Task<unknown> | null;
    const Waiting = pn.component(function Waiting() {
      pn.useEffect(() => {
        task = pn.runAsync(() => never);
      }, []);
      return pn.Text("waiting");
    });
    const ui = render(Waiting());
    await settle();
    assert.ok(task !== null && (task as unknown as { scope: unknown }).scope !== null, "a running task knows its owner");
    ui.unmount();
    assert.equal(task!.done, true);
    assert.equal((task as unknown as { scope: unknown }).scope, null, "the cancelled task still holds its scope");
  });

  it("unmounted components whose cancelled tasks wait on never-settling work are garbage collected", () => {
    // A child process, so that this one file runs with --expose-gc.
    const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "test/runtime/fixtures/cancelled-task-gc.ts", "1000"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout.trim().split("\n").pop()!) as { count: number; alive: number; collected: number; pendingTasks: number; bytesPerComponent: number };
    assert.equal(report.pendingTasks, 0);
    assert.equal(report.alive, 0, `${report.alive} of ${report.count} unmounted components are still in memory`);
    // Before the fix each kept ~11 KB (the whole unmounted tree); now only the cut link to the task.
    assert.ok(report.bytesPerComponent < 3072, `each unmounted component keeps ${report.bytesPerComponent} bytes`);
  });
});
