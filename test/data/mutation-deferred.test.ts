// What a started mutation call runs (src/data/mutation-calls.ts) loads with
// import() on the first `mutate(...)`. typenative/testing registers it up
// front, so these tests load a fresh copy of mutation.ts, one per test, in
// which that code is not loaded yet: what an app sees right after start-up.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { settle } from "typenative/testing";
import { OUTBOX_KEY, type DurableContext } from "../../src/data/index.js";
import { enterRuntime, leaveRuntime } from "../../src/runtime/runtime.js";
import { deferred, useDataTest } from "../helpers/data.js";
import { freshModule } from "../helpers/fresh-module.js";

type MutationModule = typeof import("../../src/data/mutation.js");

const unloaded = () => freshModule<MutationModule>(new URL("../../src/data/mutation.ts", import.meta.url));

let names = 0;
const uniqueName = () => `test.deferred-mutation.${++names}`;

describe("a mutation call before the code it runs is loaded", () => {
  useDataTest();

  it("is registered by typenative/testing: a call runs its mutator at once", async () => {
    const { mutationCalls, Mutation } = await import("../../src/data/mutation.js");
    assert.notEqual(mutationCalls.loaded(), null);
    const calls: string[] = [];
    void new Mutation(async (s: string) => void calls.push(s)).mutate("now");
    assert.deepEqual(calls, ["now"]);
  });

  it("shows loading at once, runs onMutate and the mutator with the call's arguments once the code is there", async () => {
    const { Mutation, mutationCalls } = await unloaded();
    const seen: string[] = [];
    const settled: unknown[] = [];
    const mutation = new Mutation(async (a: number, b: number) => a + b, {
      onMutate: (a, b) => void seen.push(`onMutate ${a} ${b}`),
      onSettled: (data, error) => void settled.push([data, error]),
    });
    const call = mutation.mutate(2, 3);
    assert.equal(mutationCalls.loaded(), null);
    assert.equal(mutation.state.loading, true);
    assert.deepEqual(seen, []);
    assert.equal(await call, 5);
    assert.notEqual(mutationCalls.loaded(), null);
    assert.deepEqual(seen, ["onMutate 2 3"]);
    assert.deepEqual(settled, [[5, null]]);
    assert.deepEqual([mutation.state.loading, mutation.state.data, mutation.state.error], [false, 5, null]);
  });

  it("a call made the moment the code arrives runs after the calls that were waiting for it", async () => {
    const { Mutation, mutationCalls } = await unloaded();
    const ran: string[] = [];
    const mutation = new Mutation(async (s: string) => void ran.push(s));
    const code = await import("../../src/data/mutation-calls.js");
    const first = mutation.mutate("first");
    assert.equal(mutationCalls.loaded(), null);
    // The code becomes available (as when its import arrives; here before
    // the import the call started can), and in that same instant another
    // call finds it loaded.
    mutationCalls.register(code);
    const second = mutation.mutate("second");
    await first;
    await second;
    assert.deepEqual(ran, ["first", "second"]);
  });

  it("a call cancelled before the code arrives rejects with CancelledError, clears loading and never runs", async () => {
    const { Mutation, mutationCalls } = await unloaded();
    const ran: string[] = [];
    const mutation = new Mutation(async (s: string) => void ran.push(s), { onMutate: (s) => void ran.push(`onMutate ${s}`) });
    const call = mutation.mutate("late");
    call.cancel();
    assert.equal(mutation.state.loading, false);
    await assert.rejects(Promise.resolve(call), pn.CancelledError);
    await mutationCalls.load();
    await settle();
    assert.deepEqual(ran, []);
    assert.equal(mutation.state.error, null);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("a defined mutation gets its context, and a failure lands in state.error", async () => {
    const { Mutation } = await unloaded();
    const contexts: DurableContext[] = [];
    const definition = pn.defineMutation(uniqueName(), async (_s: string, context: DurableContext) => {
      contexts.push(context);
      throw new Error("refused");
    });
    const mutation = new Mutation(definition);
    await assert.rejects(Promise.resolve(mutation.mutate("x")), /refused/);
    assert.equal(contexts.length, 1);
    assert.ok(contexts[0]!.signal instanceof AbortSignal);
    assert.match(contexts[0]!.idempotencyKey, /^[0-9a-f-]{36}$/);
    assert.equal(mutation.state.error?.message, "refused");
  });

  it("a durable call cancelled before the code arrives rejects its persisted too", async () => {
    const { Mutation } = await unloaded();
    const ran: string[] = [];
    const definition = pn.defineMutation(uniqueName(), async (s: string, _context: DurableContext) => void ran.push(s), { durable: true });
    const call = new Mutation(definition).mutate("never");
    assert.ok(call.persisted instanceof Promise);
    call.cancel();
    await assert.rejects(call.persisted!, pn.CancelledError);
    await settle();
    assert.deepEqual(ran, []);
  });
});

describe("a mutation call made in a runtime other than the default, before its code is loaded", () => {
  useDataTest();

  it("goes to the outbox of the runtime it was made in (the code arrives after an await, where the default runtime is current)", async () => {
    const { Mutation } = await unloaded();
    const storage = pn.memoryStorage();
    const rt = pn.createRuntime({ services: { storage } });
    const reply = deferred<string>();
    const definition = pn.defineMutation(uniqueName(), (_s: string, _context: DurableContext) => reply.promise, { durable: true });
    const previous = enterRuntime(rt);
    let call: ReturnType<InstanceType<typeof Mutation>["mutate"]>;
    try {
      call = new Mutation(definition).mutate("mine");
    } finally {
      leaveRuntime(previous);
    }
    await call.persisted;
    assert.deepEqual(JSON.parse((await storage.get(OUTBOX_KEY))!).pending.map((e: { args: unknown[] }) => e.args), [["mine"]], "in its runtime's outbox");
    assert.deepEqual(pn.mutationQueue.pending(), [], "not in the default runtime's");
    reply.resolve("done");
    assert.equal(await call, "done");
  });
});

describe("a mutation call whose code cannot be loaded", () => {
  useDataTest();

  it("rejects with the import's error, shows it in state.error, clears loading and runs no callback", async () => {
    const { Mutation, mutationCalls } = await unloaded();
    const missing = new Error("chunk missing");
    mutationCalls.load = () => Promise.reject(missing);
    const ran: string[] = [];
    const mutation = new Mutation(async (s: string) => void ran.push(s), {
      onMutate: (s) => void ran.push(`onMutate ${s}`),
      onError: () => void ran.push("onError"),
      onSettled: () => void ran.push("onSettled"),
    });
    const call = mutation.mutate("x");
    assert.equal(mutation.state.loading, true);
    await assert.rejects(Promise.resolve(call), (error) => error === missing);
    assert.equal(call.done, true);
    assert.deepEqual([mutation.state.loading, mutation.state.error], [false, missing]);
    // It never started: no onMutate ran, so no onError may "roll back" what was never done.
    assert.deepEqual(ran, []);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("rejects a durable call's persisted with the import's error", async () => {
    const { Mutation, mutationCalls } = await unloaded();
    mutationCalls.load = () => Promise.reject(new Error("offline"));
    const definition = pn.defineMutation(uniqueName(), async (_s: string, _context: DurableContext) => undefined, { durable: true });
    const call = new Mutation(definition).mutate("never");
    await assert.rejects(call.persisted!, /offline/);
    await assert.rejects(Promise.resolve(call), /offline/);
  });
});
