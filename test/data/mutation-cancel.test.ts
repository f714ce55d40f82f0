// Cancelling a mutation call while its asynchronous onMutate is still
// preparing (say, an optimistic update that first awaits something): the
// call has settled with CancelledError, so its mutator must never run — a
// durable one must not reach the outbox either.
import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { settle } from "typenative/testing";
import { Mutation, type DurableContext } from "../../src/data/index.js";
import { deferred, useDataTest } from "../helpers/data.js";

let names = 0;

describe("Mutation: cancel while onMutate prepares", () => {
  useDataTest();
  afterEach(async () => {
    await pn.mutationQueue.clear();
  });

  it("a call cancelled while its async onMutate is pending never calls the mutator", async () => {
    const ran: string[] = [];
    const prepared = deferred<string>();
    const mutation = new Mutation(async (body: string) => void ran.push(body), { onMutate: () => prepared.promise });
    const call = mutation.mutate("post");
    call.cancel();
    await assert.rejects(Promise.resolve(call), pn.CancelledError);
    assert.equal(mutation.state.loading, false);
    prepared.resolve("context");
    await settle();
    assert.deepEqual(ran, [], "cancelled before it ran: the write must not go out");
  });

  it("a durable call cancelled while its async onMutate is pending is never written to the outbox nor sent", async () => {
    const ran: string[] = [];
    const def = pn.defineMutation(`test.cancel-onmutate.${++names}`, async (body: string, _ctx: DurableContext) => void ran.push(body), { durable: true });
    const prepared = deferred<string>();
    const mutation = new Mutation(def, { onMutate: () => prepared.promise });
    const call = mutation.mutate("post");
    call.cancel();
    await assert.rejects(call.persisted!, pn.CancelledError);
    prepared.resolve("context");
    await settle();
    assert.deepEqual(pn.mutationQueue.pending(), [], "not in the outbox");
    assert.deepEqual(ran, [], "not sent");
  });
  it("a call cancelled after onMutate ran calls onError and onSettled with the CancelledError and onMutate's context, once, so an optimistic update is rolled back", async () => {
    const log: unknown[] = [];
    const callbacks = {
      onError: (error: Error, _args: unknown[], context: unknown) => void log.push(["error", error instanceof pn.CancelledError, context]),
      onSettled: (_data: unknown, error: Error | null, _args: unknown[], context: unknown) => void log.push(["settled", error !== null && error instanceof pn.CancelledError, context]),
    };
    // onMutate done (synchronous): the callbacks run at the cancel.
    const gate = deferred<void>();
    const sync = new Mutation(() => gate.promise, { onMutate: () => "snapshot", ...callbacks });
    const call = sync.mutate();
    await settle(); // started: onMutate ran (the code of a started call may load on first use)
    call.cancel();
    await assert.rejects(Promise.resolve(call), pn.CancelledError);
    assert.deepEqual(log, [["error", true, "snapshot"], ["settled", true, "snapshot"]]);
    assert.equal(sync.state.error, null, "a cancel still leaves state.error alone");
    gate.resolve();
    // onMutate still preparing: they run when its context arrives, and the mutator never does.
    log.length = 0;
    const ran: string[] = [];
    const prepared = deferred<string>();
    const pending = new Mutation(async () => void ran.push("sent"), { onMutate: () => prepared.promise, ...callbacks });
    const second = pending.mutate();
    await settle();
    second.cancel();
    await assert.rejects(Promise.resolve(second), pn.CancelledError);
    assert.deepEqual(log, []);
    prepared.resolve("late snapshot");
    await settle();
    assert.deepEqual(log, [["error", true, "late snapshot"], ["settled", true, "late snapshot"]]);
    assert.deepEqual(ran, []);
  });
});
