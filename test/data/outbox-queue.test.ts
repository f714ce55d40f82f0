// The outbox queue's retry wait and what ends it early (outbox-queue.ts).
import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { settle } from "typenative/testing";
import { Mutation, type DurableContext } from "../../src/data/index.js";
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
