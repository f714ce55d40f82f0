// The durable outbox when its storage misbehaves: a read that fails (the
// outbox is loaded lazily, by the first write) must fail the calls it was
// to make durable, like a failed write, and must not wedge the queue.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { settle } from "typenative/testing";
import { OUTBOX_KEY, type DurableContext } from "../../src/data/index.js";
import { outboxOf } from "../../src/data/outbox.js";
import { implement as implementSubmit } from "../../src/data/outbox-submit.js";
import { onlineManagerOf } from "../../src/data/online-manager.js";
import { isCancellation } from "../../src/runtime/errors.js";
import { useDataTest } from "../helpers/data.js";

const { submit } = implementSubmit({ CancelledError: pn.CancelledError, isCancellation, onlineManagerOf });

let names = 0;
function uniqueName(): string {
  return `test.outbox-storage.${++names}`;
}

/** A live call whose outcome the test reads. */
function liveCall() {
  const seen: { persisted?: string; call?: string } = {};
  const call = {
    resolve: (value: unknown) => void (seen.call = `resolved ${String(value)}`),
    reject: (error: unknown) => void (seen.call = `rejected ${(error as Error).message}`),
    persisted: {
      resolve: () => void (seen.persisted = "resolved"),
      reject: (error: unknown) => void (seen.persisted = `rejected ${(error as Error).message}`),
    },
    onQueued() {},
  };
  return { call, seen };
}

describe("durable mutations: storage errors", () => {
  useDataTest();

  it("a failed read of the stored outbox fails the calls waiting to be written, and the next call is written and runs", async () => {
    const ran: string[] = [];
    const name = uniqueName();
    pn.defineMutation(name, async (body: string, _ctx: DurableContext) => void ran.push(body), { durable: true });
    const storage = pn.memoryStorage();
    let failReads = 1;
    const flaky: pn.StorageBackend = {
      ...storage,
      get: async (key) => {
        if (failReads > 0) {
          failReads--;
          throw new Error("EIO: read failed");
        }
        return storage.get(key);
      },
    };
    const outbox = outboxOf(pn.createRuntime({ services: { storage: flaky } }));
    await outbox.load();

    const first = liveCall();
    submit(outbox, { id: "a", name, args: ["first"], idempotencyKey: "ka", createdAt: 1 }, new AbortController().signal, first.call);
    await settle();
    assert.deepEqual(first.seen, { persisted: "rejected EIO: read failed", call: "rejected EIO: read failed" }, "not durable, so it fails like a failed write");
    assert.deepEqual(outbox.pendingEntries(), []);

    const second = liveCall();
    submit(outbox, { id: "b", name, args: ["second"], idempotencyKey: "kb", createdAt: 2 }, new AbortController().signal, second.call);
    await settle();
    assert.deepEqual(second.seen, { persisted: "resolved", call: "resolved undefined" }, "the queue still works after the failed read");
    assert.deepEqual(ran, ["second"]);
    assert.deepEqual(JSON.parse((await storage.get(OUTBOX_KEY))!).pending, []);
  });
});
