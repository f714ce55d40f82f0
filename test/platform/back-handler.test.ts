import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { BackHandler, pressBack } from "../../src/platform/back-handler.js";
import { Runtime, enterRuntime, leaveRuntime } from "../../src/runtime/runtime.js";

/** Runs `fn` with a fresh runtime current, so registrations stay out of the default one. */
function withRuntime<T>(fn: (rt: Runtime, errors: unknown[]) => T): T {
  const errors: unknown[] = [];
  const rt = new Runtime({ onError: (error) => errors.push(error) });
  const previous = enterRuntime(rt);
  try {
    return fn(rt, errors);
  } finally {
    leaveRuntime(previous);
  }
}

describe("BackHandler", () => {
  it("asks the newest handler first and stops at the first that returns true", () => {
    withRuntime((rt) => {
      const asked: string[] = [];
      BackHandler.addEventListener("hardwareBackPress", () => (asked.push("old"), true));
      BackHandler.addEventListener("hardwareBackPress", () => (asked.push("new"), false));
      assert.equal(pressBack(rt), true);
      assert.deepEqual(asked, ["new", "old"]);
    });
  });

  it("reports a handler that throws and asks the next one", () => {
    withRuntime((rt, errors) => {
      const boom = new Error("boom");
      BackHandler.addEventListener("hardwareBackPress", () => true);
      BackHandler.addEventListener("hardwareBackPress", () => {
        throw boom;
      });
      assert.equal(pressBack(rt), true);
      assert.deepEqual(errors, [boom]);
    });
  });

  it("remove() takes out its own registration of a listener registered twice, once", () => {
    withRuntime((rt) => {
      const asked: string[] = [];
      const shared = () => (asked.push("shared"), false);
      const first = BackHandler.addEventListener("hardwareBackPress", shared);
      BackHandler.addEventListener("hardwareBackPress", () => (asked.push("middle"), false));
      const second = BackHandler.addEventListener("hardwareBackPress", shared);
      // The first registration goes: the second (newest) still answers first.
      first.remove();
      pressBack(rt);
      assert.deepEqual(asked, ["shared", "middle"]);
      // Removing again is a no-op: it does not take the second registration.
      first.remove();
      asked.length = 0;
      pressBack(rt);
      assert.deepEqual(asked, ["shared", "middle"]);
      second.remove();
      asked.length = 0;
      pressBack(rt);
      assert.deepEqual(asked, ["middle"]);
    });
  });

  it("keeps each runtime's handlers apart", () => {
    const other = withRuntime((rt) => {
      BackHandler.addEventListener("hardwareBackPress", () => true);
      return rt;
    });
    withRuntime((rt) => {
      assert.equal(pressBack(rt), false);
      assert.equal(pressBack(other), true);
    });
  });

  it("refuses an unknown event and a listener that is not a function", () => {
    withRuntime(() => {
      assert.throws(() => BackHandler.addEventListener("backPress" as "hardwareBackPress", () => true), TypeError);
      assert.throws(() => BackHandler.addEventListener("hardwareBackPress", null as unknown as () => boolean), TypeError);
    });
  });
});
