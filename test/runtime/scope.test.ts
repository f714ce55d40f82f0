import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Scope } from "../../src/runtime/scope.js";
import { createRuntime } from "../../src/runtime/runtime.js";

describe("Scope", () => {
  it("close() cancels every owned task once, even when a cancel releases itself or a sibling not yet cancelled", () => {
    const scope = new Scope(createRuntime());
    const cancelled: string[] = [];
    type Fake = { name: string; cancel(): void };
    const tasks: Fake[] = [];
    const make = (name: string, alsoRelease?: () => Fake): Fake => {
      const task: Fake = {
        name,
        cancel() {
          cancelled.push(name);
          scope.release(task);
          if (alsoRelease !== undefined) scope.release(alsoRelease());
        },
      };
      tasks.push(task);
      scope.adopt(task);
      return task;
    };
    make("a", () => tasks[2]!);
    make("b");
    make("c");
    assert.equal(scope.size, 3);
    scope.close();
    assert.deepEqual(cancelled, ["a", "b", "c"]);
    assert.equal(scope.size, 0);
    assert.equal(scope.closed, true);
    // Closing again cancels nothing more.
    scope.close();
    assert.deepEqual(cancelled, ["a", "b", "c"]);
  });

  it("size counts adopted tasks until they are released", () => {
    const scope = new Scope(createRuntime());
    assert.equal(scope.size, 0);
    const task = { cancel() {} };
    scope.adopt(task);
    assert.equal(scope.size, 1);
    scope.release(task);
    assert.equal(scope.size, 0);
  });
});
