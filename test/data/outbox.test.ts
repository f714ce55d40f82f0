// The durable mutation outbox (SPEC §9) on the virtual clock: persisted,
// queued while offline, ordered replay, network failures kept, permanent
// failures moved to failed(), cancel, restart replay, write failures.
import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { settle } from "typenative/testing";
import { isMutationDefinition, Mutation, OUTBOX_KEY, type DurableContext } from "../../src/data/index.js";
import { outboxOf } from "../../src/data/outbox.js";
import { implement as implementSubmit } from "../../src/data/outbox-submit.js";
import { onlineManagerOf } from "../../src/data/online-manager.js";
import { isCancellation } from "../../src/runtime/errors.js";
import { captureErrors } from "../helpers/errors.js";
import { deferred, useDataTest, type Deferred } from "../helpers/data.js";

/** How a started durable call enters an outbox (mutation-calls.ts builds it on the same kit). */
const { submit } = implementSubmit({ CancelledError: pn.CancelledError, isCancellation, onlineManagerOf });

/** A fake server: each call is answered by the test, or at once with `auto`. */
function fakeServer() {
  const calls: Array<{ args: unknown[]; idempotencyKey: string; signal: AbortSignal; reply: Deferred<string> }> = [];
  const seen = new Map<string, string>();
  return {
    calls,
    /** Applied writes by idempotency key. */
    seen,
    mutator: (body: string, ctx: DurableContext): Promise<string> => {
      const reply = deferred<string>();
      calls.push({ args: [body], idempotencyKey: ctx.idempotencyKey, signal: ctx.signal, reply });
      return reply.promise.then((value) => {
        seen.set(ctx.idempotencyKey, body);
        return value;
      });
    },
  };
}

let names = 0;
/** A fresh mutation name per test: definitions are global. */
function uniqueName(): string {
  return `test.post.${++names}`;
}

async function storedOutbox(): Promise<{ pending: Array<{ name: string; args: unknown[] }>; failed: Array<{ args: unknown[]; error: { message: string } }> }> {
  return JSON.parse((await pn.AsyncStorage.get(OUTBOX_KEY)) ?? '{"pending":[],"failed":[]}');
}

describe("durable mutations: the outbox", () => {
  const t = useDataTest();
  afterEach(async () => {
    pn.onlineManager.setOnline(undefined);
    await pn.mutationQueue.clear();
  });

  it("writes the call to storage before it runs; persisted resolves then; success removes it (durably) before the call resolves", async () => {
    const server = fakeServer();
    const def = pn.defineMutation(uniqueName(), server.mutator, { durable: true });
    const m = new Mutation(def);
    const call = m.mutate("hello");
    assert.equal(server.calls.length, 0, "not run before it is persisted");
    await call.persisted;
    assert.deepEqual((await storedOutbox()).pending.map((e) => [e.name, e.args]), [[def.name, ["hello"]]]);
    const [entry] = pn.mutationQueue.pending();
    assert.deepEqual(Object.keys(entry!).sort(), ["args", "createdAt", "id", "idempotencyKey", "name"]);
    assert.equal(typeof entry!.createdAt, "number");
    await settle();
    assert.equal(server.calls.length, 1);
    assert.deepEqual(server.calls[0]!.args, ["hello"]);
    assert.equal(server.calls[0]!.idempotencyKey, entry!.idempotencyKey);
    assert.equal(m.state.queued, false, "running, not queued");
    let resolved = false;
    void call.then(() => (resolved = true));
    server.calls[0]!.reply.resolve("post 1");
    assert.equal(await call, "post 1");
    assert.ok(resolved);
    assert.deepEqual((await storedOutbox()).pending, [], "removed from storage before the call resolved");
    assert.deepEqual(pn.mutationQueue.pending(), []);
    assert.deepEqual({ ...m.state }, { loading: false, data: "post 1", error: null, queued: false });
  });

  it("offline: the call waits (queued, pending), runs on reconnect, and resume() settles while paused", async () => {
    pn.onlineManager.setOnline(false);
    const server = fakeServer();
    const m = new Mutation(pn.defineMutation(uniqueName(), server.mutator, { durable: true }));
    const states: boolean[] = [];
    m.subscribe((s) => states.push(s.queued));
    const call = m.mutate("offline post");
    await call.persisted;
    await pn.mutationQueue.resume();
    assert.equal(server.calls.length, 0);
    assert.deepEqual([m.state.loading, m.state.queued], [true, true]);
    assert.equal(pn.mutationQueue.pending().length, 1);
    await t.clock.advance(60_000);
    assert.equal(server.calls.length, 0, "still offline");
    pn.onlineManager.setOnline(true);
    await settle();
    assert.equal(server.calls.length, 1);
    assert.equal(m.state.queued, false);
    server.calls[0]!.reply.resolve("ok");
    assert.equal(await call, "ok");
    assert.deepEqual(states.filter((q, i) => i === 0 || q !== states[i - 1]), [false, true, false], "loading, then queued, then sent");
  });

  it("replays in order, one at a time", async () => {
    pn.onlineManager.setOnline(false);
    const server = fakeServer();
    const m = new Mutation(pn.defineMutation(uniqueName(), server.mutator, { durable: true }));
    const calls = ["a", "b", "c"].map((body) => m.mutate(body));
    await Promise.all(calls.map((c) => c.persisted));
    assert.deepEqual(pn.mutationQueue.pending().map((e) => e.args[0]), ["a", "b", "c"]);
    pn.onlineManager.setOnline(true);
    await settle();
    assert.deepEqual(server.calls.map((c) => c.args[0]), ["a"], "b waits for a");
    server.calls[0]!.reply.resolve("A");
    await settle();
    assert.deepEqual(server.calls.map((c) => c.args[0]), ["a", "b"]);
    server.calls[1]!.reply.resolve("B");
    await settle();
    server.calls[2]!.reply.resolve("C");
    assert.deepEqual(await Promise.all(calls), ["A", "B", "C"]);
  });

  it("a NetworkError or TimeoutError leaves the call queued and pending; it is retried after a backoff with the same idempotency key", async () => {
    const server = fakeServer();
    const m = new Mutation(pn.defineMutation(uniqueName(), server.mutator, { durable: true }));
    const call = m.mutate("flaky");
    let settled = false;
    void call.then(() => (settled = true), () => (settled = true));
    await settle();
    server.calls[0]!.reply.reject(new pn.NetworkError("/api/posts", new Error("ECONNREFUSED")));
    await settle();
    assert.deepEqual([settled, m.state.queued, m.state.loading, m.state.error], [false, true, true, null]);
    assert.equal(pn.mutationQueue.pending().length, 1);
    await t.clock.advance(999);
    assert.equal(server.calls.length, 1);
    await t.clock.advance(1);
    assert.equal(server.calls.length, 2, "retried after 1 s");
    server.calls[1]!.reply.reject(new pn.TimeoutError("/api/posts", 30_000));
    await t.clock.advance(2000);
    assert.equal(server.calls.length, 3, "then after 2 s");
    assert.equal(new Set(server.calls.map((c) => c.idempotencyKey)).size, 1, "one key for every attempt");
    server.calls[2]!.reply.resolve("finally");
    assert.equal(await call, "finally");
    assert.equal(m.state.queued, false);
  });

  it("any other error moves the call to failed() (kept in storage) and rejects it; the queue goes on", async () => {
    const server = fakeServer();
    const m = new Mutation(pn.defineMutation(uniqueName(), server.mutator, { durable: true }));
    const bad = m.mutate("rejected by the server");
    const good = m.mutate("fine");
    await settle();
    server.calls[0]!.reply.reject(Object.assign(new Error("HTTP 400: body must be a non-empty string"), { status: 400 }));
    await assert.rejects(Promise.resolve(bad), /HTTP 400/);
    const failed = pn.mutationQueue.failed();
    assert.equal(failed.length, 1);
    assert.deepEqual(failed[0]!.args, ["rejected by the server"]);
    assert.match(failed[0]!.error.message, /HTTP 400/);
    assert.deepEqual((await storedOutbox()).failed.map((e) => e.error.message), ["HTTP 400: body must be a non-empty string"]);
    await settle();
    server.calls[1]!.reply.resolve("ok");
    assert.equal(await good, "ok");
    assert.equal(m.state.error, null, "the newest call succeeded");
  });

  it("retry: a failure that is not a network failure is retried that many times first", async () => {
    let attempts = 0;
    const m = new Mutation(
      pn.defineMutation(uniqueName(), async (_: string, _ctx: DurableContext) => {
        if (++attempts < 3) throw new Error("500");
        return "third time";
      }, { durable: true, retry: 2, retryDelay: 100 }),
    );
    const call = m.mutate("x");
    await t.clock.advance(200);
    assert.equal(await call, "third time");
    assert.equal(attempts, 3);
  });

  it("cancel() removes a queued call from the outbox (durably); its awaiters get CancelledError", async () => {
    pn.onlineManager.setOnline(false);
    const server = fakeServer();
    const m = new Mutation(pn.defineMutation(uniqueName(), server.mutator, { durable: true }));
    const keep = m.mutate("keep");
    const drop = m.mutate("drop");
    await drop.persisted;
    drop.cancel();
    await assert.rejects(Promise.resolve(drop), pn.CancelledError);
    await settle();
    assert.deepEqual(pn.mutationQueue.pending().map((e) => e.args[0]), ["keep"]);
    assert.deepEqual((await storedOutbox()).pending.map((e) => e.args[0]), ["keep"]);
    pn.onlineManager.setOnline(true);
    await settle();
    assert.deepEqual(server.calls.map((c) => c.args[0]), ["keep"]);
    server.calls[0]!.reply.resolve("kept");
    await keep;
  });

  it("a call whose write fails is never run: persisted and the call reject with the storage error", async () => {
    const backend = pn.memoryStorage();
    pn.AsyncStorage.configure({ backend: { ...backend, set: async () => { throw new Error("disk full"); } } });
    try {
      const server = fakeServer();
      const m = new Mutation(pn.defineMutation(uniqueName(), server.mutator, { durable: true }));
      const call = m.mutate("lost");
      await assert.rejects(call.persisted!, /disk full/);
      await assert.rejects(Promise.resolve(call), /disk full/);
      await settle();
      assert.equal(server.calls.length, 0);
      assert.deepEqual(pn.mutationQueue.pending(), []);
    } finally {
      pn.AsyncStorage.configure({ backend: pn.memoryStorage() });
    }
  });

  it("arguments must be JSON: a durable call with others rejects with TypeError and is not queued", async () => {
    const m = new Mutation(pn.defineMutation(uniqueName(), async (_: bigint, _ctx: DurableContext) => 1, { durable: true }));
    const call = m.mutate(1n);
    await assert.rejects(Promise.resolve(call), TypeError);
    await assert.rejects(call.persisted!, TypeError);
    assert.deepEqual(pn.mutationQueue.pending(), []);
  });

  it("optimistic update: onMutate's context reaches onError to roll back a permanent failure", async () => {
    pn.queryClient.setData(["posts"], ["old"]);
    const log: unknown[] = [];
    const m = new Mutation(
      pn.defineMutation(uniqueName(), async (_body: string, _ctx: DurableContext): Promise<string> => {
        throw new Error("403");
      }, { durable: true }),
      {
        onMutate: (body) => {
          const previous = pn.queryClient.getData<string[]>(["posts"]);
          pn.queryClient.setData(["posts"], [...previous!, body]);
          return { previous };
        },
        onError: (error, [body], context) => {
          log.push(["rollback", body, error.message]);
          pn.queryClient.setData(["posts"], context!.previous);
        },
        onSettled: (_data, _error, [body]) => log.push(["settled", body]),
      },
    );
    const call = m.mutate("new");
    assert.deepEqual(pn.queryClient.getData(["posts"]), ["old", "new"], "shown at once");
    await assert.rejects(Promise.resolve(call), /403/);
    assert.deepEqual(pn.queryClient.getData(["posts"]), ["old"]);
    assert.deepEqual(log, [["rollback", "new", "403"], ["settled", "new"]]);
  });

  it("a non-durable definition gets { signal, idempotencyKey } and its retry, without the outbox", async () => {
    const keys: string[] = [];
    const m = new Mutation(
      pn.defineMutation(uniqueName(), async (n: number, { idempotencyKey, signal }: DurableContext) => {
        assert.ok(signal instanceof AbortSignal);
        keys.push(idempotencyKey);
        if (keys.length < 2) throw new Error("flaky");
        return n + 1;
      }, { retry: 1, retryDelay: 50 }),
    );
    const call = m.mutate(1);
    assert.equal(call.persisted, undefined);
    assert.deepEqual(pn.mutationQueue.pending(), []);
    await t.clock.advance(50);
    assert.equal(await call, 2);
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1], "the same key on the retry");
  });

  it("a durable call reaches the outbox through its definition (mutation.ts does not import the outbox); a hand-made durable object cannot", async () => {
    // Every app with useMutation carries mutation.ts; the outbox comes only with
    // pn.defineMutation, which records the route to it (mutation-registry.ts).
    // test/production/bundle.test.ts checks that an app without it carries no outbox.
    const server = fakeServer();
    const def = pn.defineMutation(uniqueName(), server.mutator, { durable: true });
    const call = new Mutation(def).mutate("via the definition");
    await call.persisted;
    assert.deepEqual(pn.mutationQueue.pending().map((e) => e.args), [["via the definition"]]);
    await settle();
    server.calls[0]!.reply.resolve("ok");
    assert.equal(await call, "ok");

    // Frozen and shaped like a definition, but not registered by defineMutation: no route to the outbox.
    const forged = Object.freeze({ ...def, name: uniqueName() });
    assert.equal(isMutationDefinition(forged), true);
    const m = new Mutation(forged);
    const rejected = m.mutate("forged");
    await assert.rejects(Promise.resolve(rejected), /must come from pn\.defineMutation/);
    await assert.rejects(rejected.persisted!, TypeError);
    assert.deepEqual(pn.mutationQueue.pending(), []);
    assert.match(String(m.state.error), /must come from pn\.defineMutation/);
  });
});

describe("durable mutations: after a restart", () => {
  useDataTest();

  /** A runtime over `storage`, as a restarted process would have. */
  function restarted(storage: pn.StorageBackend) {
    return outboxOf(pn.createRuntime({ services: { storage } }));
  }

  it("resume() loads the stored outbox and replays it in order; each removal is durable before resume() settles", async () => {
    const applied: string[] = [];
    const name = uniqueName();
    pn.defineMutation(name, async (body: string, { idempotencyKey }: DurableContext) => {
      applied.push(`${body}:${idempotencyKey}`);
      return body;
    }, { durable: true });
    const entry = (n: number) => ({ id: `id-${n}`, name, args: [`post ${n}`], idempotencyKey: `key-${n}`, createdAt: 1 });
    const storage = pn.memoryStorage({ [OUTBOX_KEY]: JSON.stringify({ version: 1, pending: [entry(1), entry(2), entry(3)], failed: [] }) });
    const outbox = restarted(storage);
    assert.deepEqual(outbox.pendingEntries(), [], "nothing known before resume() loads it");
    await outbox.resume();
    assert.deepEqual(applied, ["post 1:key-1", "post 2:key-2", "post 3:key-3"]);
    assert.deepEqual(JSON.parse((await storage.get(OUTBOX_KEY))!).pending, []);
    assert.deepEqual(outbox.pendingEntries(), []);
  });

  it("the definition's onSuccess runs for replayed calls too", async () => {
    const heard: unknown[] = [];
    const name = uniqueName();
    pn.defineMutation(name, async (n: number, _ctx: DurableContext) => n * 10, { durable: true, onSuccess: (data, args) => heard.push([data, args]) });
    const storage = pn.memoryStorage({
      [OUTBOX_KEY]: JSON.stringify({ version: 1, pending: [{ id: "r", name, args: [4], idempotencyKey: "k", createdAt: 1 }], failed: [] }),
    });
    await restarted(storage).resume();
    assert.deepEqual(heard, [[40, [4]]]);
  });

  it("failed entries survive a restart with their error; an entry whose name is not defined fails, never silently dropped", async () => {
    const storage = pn.memoryStorage({
      [OUTBOX_KEY]: JSON.stringify({
        version: 1,
        pending: [{ id: "x", name: "nobody.defined.this", args: [], idempotencyKey: "k", createdAt: 1 }],
        failed: [{ id: "y", name: "old", args: [1], idempotencyKey: "k2", createdAt: 1, error: { name: "HTTPError", message: "HTTP 404", status: 404 } }],
      }),
    });
    const outbox = restarted(storage);
    await outbox.resume();
    const failed = outbox.failedList();
    assert.deepEqual(failed.map((e) => [e.id, e.error.name, e.error.message.slice(0, 30)]), [
      ["y", "HTTPError", "HTTP 404"],
      ["x", "Error", 'no mutation named "nobody.defi'],
    ]);
    assert.equal((failed[0]!.error as Error & { status?: number }).status, 404);
    assert.equal(JSON.parse((await storage.get(OUTBOX_KEY))!).failed.length, 2);
  });

  it("an unreadable stored outbox is set aside and reported, not emptied", async () => {
    const errors = captureErrors();
    try {
      const storage = pn.memoryStorage({ [OUTBOX_KEY]: "{torn" });
      const outbox = restarted(storage);
      const rt = pn.createRuntime({ services: { storage } });
      rt.onError = (error, info) => errors.errors.push({ error, info });
      const other = outboxOf(rt);
      await other.resume();
      const keys = await storage.keys();
      assert.ok(keys.some((k) => k.startsWith(`${OUTBOX_KEY}.corrupt-`)));
      assert.match(String(errors.errors[0]?.error), /not readable/);
      void outbox;
    } finally {
      errors.restore();
    }
  });

  it("calls made before resume() go after the stored ones", async () => {
    const order: string[] = [];
    const name = uniqueName();
    pn.defineMutation(name, async (body: string, _ctx: DurableContext) => void order.push(body), { durable: true });
    const storage = pn.memoryStorage({
      [OUTBOX_KEY]: JSON.stringify({ version: 1, pending: [{ id: "old", name, args: ["from last run"], idempotencyKey: "k", createdAt: 1 }], failed: [] }),
    });
    const rt = pn.createRuntime({ services: { storage } });
    const outbox = outboxOf(rt);
    const done = deferred<void>();
    submit(
      outbox,
      { id: "new", name, args: ["this run"], idempotencyKey: "k2", createdAt: 2 },
      new AbortController().signal,
      { resolve: () => done.resolve(), reject: done.reject, persisted: { resolve() {}, reject() {} }, onQueued() {} },
    );
    await done.promise;
    assert.deepEqual(order, ["from last run", "this run"]);
  });
});
