// The outbox queue's retry wait and what ends it early (outbox-queue.ts).
import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { settle } from "typenative/testing";
import { Mutation, OUTBOX_KEY, type DurableContext } from "../../src/data/index.js";
import { outboxOf } from "../../src/data/outbox.js";
import { useDataTest } from "../helpers/data.js";

let names = 0;
function uniqueName(): string {
  return `test.outbox-queue.${++names}`;
}

describe("outbox queue: the wait before a retry", () => {
  const t = useDataTest();
  afterEach(async () => {
    await pn.mutationQueue.clear();
  });

  for (const how of ["mutationQueue.clear()", "cancel()"] as const) {
    it(`${how} while the head waits to retry a failure ends the wait: no timer stays, and the next call runs at once`, async () => {
      const attempts: string[] = [];
      const m = new Mutation(
        pn.defineMutation(uniqueName(), async (body: string, _ctx: DurableContext) => {
          attempts.push(body);
          if (body === "flaky") throw new Error("500");
          return body;
        }, { durable: true, retry: 3, retryDelay: 60_000 }),
      );
      const flaky = m.mutate("flaky");
      flaky.then(undefined, () => {});
      await settle();
      assert.deepEqual(attempts, ["flaky"], "failed once; now waiting a minute to retry");
      if (how === "cancel()") flaky.cancel();
      else await pn.mutationQueue.clear();
      await assert.rejects(Promise.resolve(flaky), pn.CancelledError);
      await settle();
      assert.equal(t.clock.pendingTimers(), 0, "the retry's timer is gone with its call");
      const next = m.mutate("next");
      await settle();
      assert.deepEqual(attempts, ["flaky", "next"], "runs now, not after the cancelled call's backoff");
      assert.equal(await next, "next");
    });
  }
});

describe("outbox queue: AsyncStorage.clear()", () => {
  useDataTest();
  afterEach(async () => {
    pn.onlineManager.setOnline(undefined);
    await pn.mutationQueue.clear();
  });

  it("queued and failed calls survive it: the outbox writes itself again, and a restart replays what was queued", async () => {
    pn.onlineManager.setOnline(false);
    const name = uniqueName();
    const def = pn.defineMutation(name, async (body: string, _ctx: DurableContext) => {
      if (body === "bad") throw new Error("422");
      return body;
    }, { durable: true });
    const m = new Mutation(def);
    const bad = m.mutate("bad");
    bad.then(undefined, () => {});
    await bad.persisted;
    pn.onlineManager.setOnline(true);
    await settle();
    pn.onlineManager.setOnline(false);
    const queued = m.mutate("send me");
    queued.then(undefined, () => {});
    await queued.persisted;
    await pn.AsyncStorage.set("session", "token");
    await pn.AsyncStorage.clear(); // a logout
    await settle();
    assert.equal(await pn.AsyncStorage.get("session"), null, "the app's own keys are gone");
    const stored = JSON.parse((await pn.AsyncStorage.get(OUTBOX_KEY))!) as { pending: Array<{ args: unknown[] }>; failed: Array<{ args: unknown[] }> };
    assert.deepEqual(stored.pending.map((e) => e.args[0]), ["send me"], "the call told it was durable still is");
    assert.deepEqual(stored.failed.map((e) => e.args[0]), ["bad"], "failed calls stay until mutationQueue.clear()");
    // A crash now, then a restart on the same storage: the call is still sent.
    const sent: string[] = [];
    const storage = pn.memoryStorage({ [OUTBOX_KEY]: (await pn.AsyncStorage.get(OUTBOX_KEY))! });
    queued.cancel(); // this process is gone: only the restarted one may send it
    pn.defineMutation(name, async (body: string, _ctx: DurableContext) => {
      sent.push(body);
      return body;
    }, { durable: true });
    pn.onlineManager.setOnline(true);
    await outboxOf(pn.createRuntime({ services: { storage } })).resume();
    assert.deepEqual(sent, ["send me"]);
  });

  it("an empty outbox writes nothing back", async () => {
    await pn.AsyncStorage.set("session", "token");
    await pn.mutationQueue.resume();
    await pn.AsyncStorage.clear();
    await settle();
    assert.deepEqual(await pn.AsyncStorage.keys(), []);
  });
});
