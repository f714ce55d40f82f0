import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { settle } from "typenative/testing";
import { Mutation, type MutationState } from "../../src/data/index.js";
import { captureErrors } from "../helpers/errors.js";
import { deferred, useDataTest, type Deferred } from "../helpers/data.js";

function brief<R>(state: MutationState<R>): [boolean, R | undefined, string | null] {
  return [state.loading, state.data, state.error === null ? null : state.error.message];
}

describe("Mutation (outside components)", () => {
  const t = useDataTest();

  it("publishes start, success and failure states to subscribers", async () => {
    const replies: Array<Deferred<number>> = [];
    const mutation = new Mutation((_: string) => {
      const reply = deferred<number>();
      replies.push(reply);
      return reply.promise;
    });
    const seen: Array<ReturnType<typeof brief>> = [];
    const stop = mutation.subscribe((state) => seen.push(brief(state)));
    const ok = mutation.mutate("a");
    replies[0]!.resolve(1);
    assert.equal(await ok, 1);
    const bad = mutation.mutate("b");
    replies[1]!.reject(new Error("no"));
    await assert.rejects(Promise.resolve(bad), /no/);
    stop();
    mutation.mutate("c");
    assert.deepEqual(seen, [
      [true, undefined, null],
      [false, 1, null],
      [true, 1, null],
      [false, 1, "no"],
    ]);
    replies[2]!.resolve(3);
    await settle();
    assert.deepEqual(brief(mutation.state), [false, 3, null], "state moves on without subscribers");
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("calls are tasks of the app: counted by pendingTasks, never reported through onError", async () => {
    const errors = captureErrors();
    try {
      const mutation = new Mutation(async () => {
        await pn.sleep(10);
        throw new Error("ignored failure");
      });
      mutation.mutate();
      assert.equal(pn.runtime.pendingTasks(), 1);
      await t.clock.advance(10);
      assert.equal(pn.runtime.pendingTasks(), 0);
      assert.equal(mutation.state.error?.message, "ignored failure");
      assert.deepEqual(errors.errors, []);
    } finally {
      errors.restore();
    }
  });

  it("reset() forgets calls in flight: their outcomes no longer reach the state", async () => {
    const gate = deferred<string>();
    const mutation = new Mutation(() => gate.promise);
    const call = mutation.mutate();
    assert.equal(mutation.state.loading, true);
    mutation.reset();
    assert.deepEqual(brief(mutation.state), [false, undefined, null]);
    gate.resolve("late");
    assert.equal(await call, "late");
    await settle();
    assert.deepEqual(brief(mutation.state), [false, undefined, null]);
  });

  it("setMutator replaces the mutator used by later calls", async () => {
    const mutation = new Mutation(async () => "old");
    mutation.setMutator(async () => "new");
    assert.equal(await mutation.mutate(), "new");
    assert.throws(() => mutation.setMutator("x" as unknown as () => Promise<string>), TypeError);
  });

  it("tells subscribers only of changes: a second call while loading, or a cancel that leaves another running, publishes nothing", async () => {
    const gates = [deferred<number>(), deferred<number>()];
    let n = 0;
    const mutation = new Mutation(() => gates[n++]!.promise);
    const seen: Array<ReturnType<typeof brief>> = [];
    mutation.subscribe((state) => seen.push(brief(state)));
    const first = mutation.mutate();
    const second = mutation.mutate();
    assert.deepEqual(seen, [[true, undefined, null]]);
    const before = mutation.state;
    first.cancel();
    assert.equal(mutation.state, before, "still loading: the same state object");
    gates[1]!.resolve(2);
    assert.equal(await second, 2);
    assert.deepEqual(seen, [
      [true, undefined, null],
      [false, 2, null],
    ]);
    assert.ok(Object.isFrozen(mutation.state));
  });

  it("an older call settling after a newer one keeps the newer outcome, and a cancel heard after settling changes nothing", async () => {
    const gates = [deferred<number>(), deferred<number>()];
    let n = 0;
    const mutation = new Mutation(() => gates[n++]!.promise);
    const older = mutation.mutate();
    const newer = mutation.mutate();
    gates[1]!.resolve(2);
    await newer;
    assert.deepEqual(brief(mutation.state), [true, 2, null]);
    gates[0]!.reject(new Error("old failure"));
    await assert.rejects(Promise.resolve(older), /old failure/);
    assert.deepEqual(brief(mutation.state), [false, 2, null]);
    const settled = mutation.state;
    newer.cancel();
    assert.equal(mutation.state, settled);
  });
  it("error stays null once a newer call started: an older call failing later does not show, before or after the newer one ends", async () => {
    const gates = [deferred<number>(), deferred<number>(), deferred<number>(), deferred<number>()];
    let n = 0;
    const mutation = new Mutation(() => gates[n++]!.promise);
    const older = mutation.mutate();
    const newer = mutation.mutate();
    gates[0]!.reject(new Error("old failure"));
    await assert.rejects(Promise.resolve(older), /old failure/);
    // The new call cleared the error when it started (the docs' "null while a new call runs").
    assert.deepEqual(brief(mutation.state), [true, undefined, null]);
    newer.cancel();
    await settle();
    assert.deepEqual(brief(mutation.state), [false, undefined, null]);
    // The same when the newer call is cancelled first.
    const third = mutation.mutate();
    const fourth = mutation.mutate();
    fourth.cancel();
    gates[2]!.reject(new Error("third failure"));
    await assert.rejects(Promise.resolve(third), /third failure/);
    assert.deepEqual(brief(mutation.state), [false, undefined, null]);
    gates[3]!.resolve(4);
  });
});
