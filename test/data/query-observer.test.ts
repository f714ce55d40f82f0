import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { settle } from "typenative/testing";
import { QueryClient, QueryObserver, type QueryResult } from "../../src/data/index.js";
import { captureErrors } from "../helpers/errors.js";
import { deferred, useDataTest, type Deferred } from "../helpers/data.js";

/** `[loading, data, error message]` of a result, for compact sequence assertions. */
function brief<T>(result: QueryResult<T>): [boolean, T | undefined, string | null] {
  return [result.loading, result.data, result.error === null ? null : result.error.message];
}

describe("QueryObserver (outside components)", () => {
  const t = useDataTest();

  it("publishes the result sequence of a fetch, a refetch and a failure", async () => {
    const client = new QueryClient();
    const replies: Array<Deferred<string>> = [];
    const observer = new QueryObserver<string>(client, {
      fetcher: () => {
        const reply = deferred<string>();
        replies.push(reply);
        return reply.promise;
      },
    });
    const seen: Array<ReturnType<typeof brief>> = [];
    assert.deepEqual(brief(observer.getResult()), [true, undefined, null], "about to fetch");
    const stop = observer.subscribe((result) => seen.push(brief(result)));
    replies[0]!.resolve("one");
    await settle();
    const refetched = observer.refetch();
    replies[1]!.reject(new Error("broken"));
    const result = await refetched;
    assert.equal(result, observer.getResult());
    assert.deepEqual(seen, [
      [false, "one", null],
      [true, "one", null],
      [false, "one", "broken"],
    ]);
    assert.ok(Object.isFrozen(result));
    stop();
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("a deps change drops the private entry: the old fetch is aborted before the new starts", async () => {
    const client = new QueryClient();
    const log: string[] = [];
    const signals: AbortSignal[] = [];
    const make = (dep: number) => ({
      deps: [dep],
      fetcher: (signal: AbortSignal) => {
        log.push(`start ${dep} (previous aborted: ${signals.length === 0 ? "n/a" : signals[signals.length - 1]!.aborted})`);
        signals.push(signal);
        return new Promise<number>(() => {});
      },
    });
    const observer = new QueryObserver<number>(client, make(1));
    const stop = observer.subscribe(() => {});
    observer.setOptions(make(1));
    observer.setOptions(make(2));
    assert.deepEqual(log, ["start 1 (previous aborted: n/a)", "start 2 (previous aborted: true)"]);
    assert.equal(client.size, 0, "private entries are not in the cache");
    stop();
    assert.equal(signals[1]!.aborted, true);
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("getOptimisticResult has no side effects", async () => {
    const client = new QueryClient();
    let calls = 0;
    const fetcher = async () => ++calls;
    const observer = new QueryObserver<number>(client, { fetcher, deps: [1] });
    const stop = observer.subscribe(() => {});
    await settle();
    const optimistic = observer.getOptimisticResult({ fetcher, deps: [2] });
    assert.deepEqual(brief(optimistic), [true, undefined, null]);
    assert.equal(calls, 1);
    assert.deepEqual(brief(observer.getResult()), [false, 1, null]);
    observer.setOptions({ fetcher, deps: [2] });
    assert.equal(observer.getResult(), optimistic, "the applied result reuses the optimistic object");
    await settle();
    assert.equal(calls, 2);
    stop();
  });

  it("fetches only while subscribed; refetch without subscribers does nothing", async () => {
    const client = new QueryClient();
    let calls = 0;
    const observer = new QueryObserver<number>(client, { key: "k", fetcher: async () => ++calls });
    assert.equal(observer.getResult().loading, true);
    await settle();
    assert.equal(calls, 0);
    assert.equal(await observer.refetch(), observer.getResult());
    assert.equal(calls, 0);
    const stop = observer.subscribe(() => {});
    await settle();
    assert.equal(calls, 1);
    stop();
    stop(); // idempotent
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("a throwing listener is reported; the others still hear; unsubscribing mid-notify is safe", async () => {
    const errors = captureErrors();
    try {
      const client = new QueryClient();
      const observer = new QueryObserver<number>(client, { key: "k", fetcher: async () => 1 });
      const heard: string[] = [];
      const stopA = observer.subscribe(() => {
        heard.push("a");
        stopB();
        throw new Error("listener bug");
      });
      const stopB = observer.subscribe(() => heard.push("b"));
      const stopC = observer.subscribe(() => heard.push("c"));
      await settle();
      assert.deepEqual(heard, ["a", "b", "c"], "a copy is iterated: b still hears this round");
      client.setData("k", 2);
      assert.deepEqual(heard, ["a", "b", "c", "a", "c"]);
      assert.equal(errors.errors.length, 2);
      assert.equal((errors.errors[0]!.error as Error).message, "listener bug");
      stopA();
      stopC();
      await settle();
      assert.equal(pn.runtime.pendingTasks(), 0);
    } finally {
      errors.restore();
    }
  });

  it("listeners come and go: two hear in order, the one left keeps hearing, a new one joins after it", async () => {
    const client = new QueryClient();
    let n = 0;
    const observer = new QueryObserver<number>(client, { key: "count", fetcher: async () => ++n });
    const heard: string[] = [];
    const stopA = observer.subscribe((r) => void (r.loading || heard.push(`a${r.data ?? "-"}`)));
    const stopB = observer.subscribe((r) => void (r.loading || heard.push(`b${r.data ?? "-"}`)));
    await settle();
    assert.deepEqual(heard, ["a1", "b1"]);
    stopA();
    await observer.refetch();
    assert.deepEqual(heard.slice(2), ["b2"], "the only listener left is still called");
    const stopC = observer.subscribe((r) => void (r.loading || heard.push(`c${r.data ?? "-"}`)));
    await observer.refetch();
    assert.deepEqual(heard.slice(3), ["b3", "c3"]);
    stopB();
    stopC();
    stopC(); // twice is harmless
    await observer.refetch();
    assert.equal(heard.length, 5, "nobody hears after the last unsubscribe");
    client.clear();
  });

  it("an observer whose entry its cache dropped (gc) finds its key's entry anew", async () => {
    const client = new QueryClient();
    const observer = new QueryObserver<string>(client, { key: "gone", fetcher: async () => "x", cacheTime: 10 });
    const first = observer.entry;
    // Nobody subscribed: the entry's gc countdown starts once the loop has run.
    await settle();
    await t.clock.advance(10);
    assert.equal(client.getState("gone"), undefined, "collected");
    observer.optimisticResultOf(observer.options);
    assert.equal(observer.planKeepsEntry(), false, "the applied options no longer name the entry it holds");
    const stop = observer.subscribe(() => {});
    assert.equal(observer.entry, first, "subscribing alone does not move it");
    stop();
    observer.applyOptions(observer.options);
    assert.notEqual(observer.entry, first);
    assert.equal(client.getState("gone") !== undefined, true, "it built the key's entry again");
    client.clear();
  });

  it("staleTime 0 is stale as soon as data lands, Infinity never by age (only when invalidated)", async () => {
    const client = new QueryClient();
    const zero = new QueryObserver<string>(client, { key: "z", fetcher: async () => "z" });
    const never = new QueryObserver<string>(client, { key: "i", fetcher: async () => "i", staleTime: Infinity });
    const stops = [zero.subscribe(() => {}), never.subscribe(() => {})];
    await settle();
    assert.equal(zero.getResult().isStale, true);
    assert.equal(never.getResult().isStale, false);
    await t.clock.advance(10 ** 9);
    assert.equal(never.getResult().isStale, false);
    client.invalidate("i");
    assert.equal(never.getResult().isStale, true);
    for (const stop of stops) stop();
    await settle();
    client.clear();
  });

  it("enabled: false does not fetch on subscribe; enabling does; invalidate skips disabled observers", async () => {
    const client = new QueryClient();
    let calls = 0;
    const fetcher = async () => ++calls;
    const observer = new QueryObserver<number>(client, { key: "k", fetcher, enabled: false });
    const stop = observer.subscribe(() => {});
    await client.invalidate("k");
    assert.equal(calls, 0);
    assert.deepEqual([observer.getResult().status, observer.getResult().loading], ["pending", false]);
    observer.setOptions({ key: "k", fetcher, enabled: true });
    await settle();
    assert.equal(calls, 1);
    assert.equal(observer.getResult().status, "success");
    stop();
    await t.clock.advance(0);
  });

  it("destroy() unsubscribes everyone and aborts the fetch", async () => {
    const client = new QueryClient();
    let signal: AbortSignal | null = null;
    const observer = new QueryObserver(client, {
      key: "k",
      fetcher: (s) => {
        signal = s;
        return new Promise(() => {});
      },
    });
    observer.subscribe(() => {});
    observer.subscribe(() => {});
    observer.destroy();
    assert.equal(signal!.aborted, true);
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 0);
  });
});
