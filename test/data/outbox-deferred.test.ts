// The outbox's queue (src/data/outbox-queue.ts) loads with import() when a
// runtime's outbox is first used. typenative/testing registers it up front,
// so these tests load a fresh copy of outbox.ts, one per test, in which the
// queue's code is not loaded yet: what an app sees right after start-up.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { OUTBOX_KEY, type DurableContext } from "../../src/data/index.js";
import { onlineManagerOf } from "../../src/data/online-manager.js";
import { implement as implementSubmit } from "../../src/data/outbox-submit.js";
import { isCancellation } from "../../src/runtime/errors.js";
import { deferred, useDataTest } from "../helpers/data.js";
import { freshModule } from "../helpers/fresh-module.js";

type OutboxModule = typeof import("../../src/data/outbox.js");

const unloaded = () => freshModule<OutboxModule>(new URL("../../src/data/outbox.ts", import.meta.url));

/** How a started durable call enters an outbox (mutation-calls.ts builds it on the same kit). */
const { submit } = implementSubmit({ CancelledError: pn.CancelledError, isCancellation, onlineManagerOf });

let names = 0;
const uniqueName = () => `test.deferred-outbox.${++names}`;

/** A live call whose outcome and `persisted` the test can await. */
function liveCall() {
  const result = deferred<unknown>();
  const persisted = deferred<void>();
  result.promise.catch(() => {});
  persisted.promise.catch(() => {});
  const queued: boolean[] = [];
  return {
    result,
    persisted,
    queued,
    call: { resolve: result.resolve, reject: result.reject, persisted, onQueued: (q: boolean) => void queued.push(q) },
  };
}

const entry = (name: string, n: number) => ({ id: `id-${n}`, name, args: [`post ${n}`], idempotencyKey: `key-${n}`, createdAt: n });

describe("the mutation outbox before its queue's code is loaded", () => {
  useDataTest();

  it("is registered by typenative/testing: the queue is there at once", async () => {
    const { outboxCode } = await import("../../src/data/outbox.js");
    assert.notEqual(outboxCode.loaded(), null);
  });

  it("keeps calls in order and lists them; the queue writes and runs them, after the stored ones, once it arrives", async () => {
    const { outboxOf, outboxCode } = await unloaded();
    const applied: string[] = [];
    const name = uniqueName();
    pn.defineMutation(name, async (body: string, _ctx: DurableContext) => void applied.push(body), { durable: true });
    const storage = pn.memoryStorage({ [OUTBOX_KEY]: JSON.stringify({ version: 1, pending: [entry(name, 1)], failed: [] }) });
    const outbox = outboxOf(pn.createRuntime({ services: { storage } }));
    const second = liveCall();
    const third = liveCall();
    submit(outbox, entry(name, 2), new AbortController().signal, second.call);
    submit(outbox, entry(name, 3), new AbortController().signal, third.call);
    assert.equal(outboxCode.loaded(), null);
    assert.deepEqual(outbox.pendingEntries().map((e) => e.id), ["id-2", "id-3"]);
    assert.deepEqual(outbox.failedList(), []);
    await outbox.resume();
    await Promise.all([second.persisted.promise, third.persisted.promise, second.result.promise, third.result.promise]);
    assert.deepEqual(applied, ["post 1", "post 2", "post 3"]);
    assert.deepEqual(JSON.parse((await storage.get(OUTBOX_KEY))!).pending, []);
  });

  it("a call cancelled while the code loads rejects (and its persisted) with CancelledError and never runs", async () => {
    const { outboxOf, outboxCode } = await unloaded();
    const applied: string[] = [];
    const name = uniqueName();
    pn.defineMutation(name, async (body: string, _ctx: DurableContext) => void applied.push(body), { durable: true });
    const storage = pn.memoryStorage();
    const outbox = outboxOf(pn.createRuntime({ services: { storage } }));
    const controller = new AbortController();
    const call = liveCall();
    submit(outbox, entry(name, 1), controller.signal, call.call);
    controller.abort(new pn.CancelledError("the user cancelled"));
    await assert.rejects(call.result.promise, pn.CancelledError);
    await assert.rejects(call.persisted.promise, pn.CancelledError);
    assert.deepEqual(outbox.pendingEntries(), []);
    await outboxCode.load();
    await outbox.resume();
    assert.deepEqual(applied, []);
    assert.equal(await storage.get(OUTBOX_KEY), null, "nothing was written");
  });

  it("a call made offline shows as queued in the instant it is made", async () => {
    const { outboxOf } = await unloaded();
    const name = uniqueName();
    pn.defineMutation(name, async (_body: string, _ctx: DurableContext) => {}, { durable: true });
    const rt = pn.createRuntime({ services: { storage: pn.memoryStorage() } });
    onlineManagerOf(rt).set(false, "test");
    const call = liveCall();
    submit(outboxOf(rt), entry(name, 1), new AbortController().signal, call.call);
    assert.deepEqual(call.queued, [true]);
    await call.persisted.promise;
    assert.deepEqual(outboxOf(rt).pendingEntries().map((e) => e.id), ["id-1"], "written, and waiting for the network");
  });

  it("if the queue's code cannot be loaded, every held call fails with the import's error, and nothing is listed", async () => {
    const { outboxOf, outboxCode } = await unloaded();
    const missing = new Error("chunk missing");
    outboxCode.load = () => Promise.reject(missing);
    const name = uniqueName();
    const outbox = outboxOf(pn.createRuntime({ services: { storage: pn.memoryStorage() } }));
    const first = liveCall();
    const second = liveCall();
    submit(outbox, entry(name, 1), new AbortController().signal, first.call);
    submit(outbox, entry(name, 2), new AbortController().signal, second.call);
    assert.deepEqual(outbox.pendingEntries().map((e) => e.id), ["id-1", "id-2"]);
    for (const call of [first, second]) {
      await assert.rejects(call.persisted.promise, (error) => error === missing);
      await assert.rejects(call.result.promise, (error) => error === missing);
    }
    assert.deepEqual(outbox.pendingEntries(), []);
  });
});
