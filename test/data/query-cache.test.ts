import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, settle } from "typenative/testing";
import { captureErrors } from "../helpers/errors.js";
import { Query, QueryClient, QueryObserver, reduceQuery, type QueryState } from "../../src/data/index.js";
import { emptyQueryState } from "../../src/data/query.js";
import { hashKey, keyStartsWith } from "../../src/data/query-key.js";
import { deferred, useDataTest, type Deferred } from "../helpers/data.js";

/** A fetcher the test answers by hand, counting requests. */
function manualFetcher<T>() {
  const requests: Array<{ signal: AbortSignal; reply: Deferred<T> }> = [];
  const fetcher = (signal: AbortSignal): Promise<T> => {
    const reply = deferred<T>();
    requests.push({ signal, reply });
    return reply.promise;
  };
  return { requests, fetcher, last: () => requests[requests.length - 1]! };
}

async function finish(client: QueryClient, ...stops: Array<() => void>): Promise<void> {
  for (const stop of stops) stop();
  client.clear();
  await settle();
  assert.equal(pn.runtime.pendingTasks(), 0);
}

describe("QueryClient", () => {
  const t = useDataTest();

  it("keeps one request in flight per key, shared by every observer", async () => {
    const client = new QueryClient();
    const api = manualFetcher<string>();
    const a = new QueryObserver(client, { key: ["todos"], fetcher: api.fetcher });
    const b = new QueryObserver(client, { key: "todos", fetcher: api.fetcher }); // "todos" ≡ ["todos"]
    const stopA = a.subscribe(() => {});
    const stopB = b.subscribe(() => {});
    assert.equal(api.requests.length, 1);
    assert.equal(client.getState(["todos"])?.fetching, true);
    api.last().reply.resolve("list");
    await settle();
    assert.equal(a.getResult().data, "list");
    assert.equal(b.getResult().data, "list");
    assert.equal(client.size, 1);
    await finish(client, stopA, stopB);
  });

  it("compares array keys structurally, object keys in any order", () => {
    assert.equal(hashKey(["user", { id: 1, tab: "posts" }]), hashKey(["user", { tab: "posts", id: 1 }]));
    assert.notEqual(hashKey(["user", 1]), hashKey(["user", "1"]));
    assert.equal(keyStartsWith(["user", 1, "posts"], ["user", 1]), true);
    assert.equal(keyStartsWith(["user", 2], ["user", 1]), false);
    assert.equal(keyStartsWith(["user"], ["user", 1]), false);
    assert.throws(() => hashKey(["bad", () => 1]), TypeError);
  });

  it("hashKey of a flat key follows the key's elements, also when the same array is mutated between calls", () => {
    const key: unknown[] = ["item", 1];
    assert.equal(hashKey(key), '["item",1]');
    assert.equal(hashKey(["item", 1]), '["item",1]');
    key[1] = 2;
    assert.equal(hashKey(key), '["item",2]');
    assert.equal(hashKey(["item", -0]), hashKey(["item", 0]), "as JSON writes them");
    assert.equal(hashKey(["a", "b", "c", "d", "e"]), '["a","b","c","d","e"]');
    assert.equal(hashKey(["a", "b", "c", "d", "f"]), '["a","b","c","d","f"]');
    assert.equal(hashKey(["item"]), '["item"]');
    assert.equal(hashKey(["item", undefined as unknown as string]), hashKey(["item", null]), "JSON writes undefined elements as null");
  });

  it("staleTime decides whether a new observer refetches", async () => {
    const client = new QueryClient();
    let calls = 0;
    const fetcher = async () => ++calls;
    const first = new QueryObserver(client, { key: "n", fetcher, staleTime: 1000 });
    const stop1 = first.subscribe(() => {});
    await settle();
    stop1();
    await t.clock.advance(999);
    const second = new QueryObserver(client, { key: "n", fetcher, staleTime: 1000 });
    assert.deepEqual([second.getResult().loading, second.getResult().data], [false, 1], "fresh: no loading");
    const stop2 = second.subscribe(() => {});
    await settle();
    assert.equal(calls, 1);
    stop2();
    await t.clock.advance(1);
    const third = new QueryObserver(client, { key: "n", fetcher, staleTime: 1000 });
    assert.equal(third.getResult().loading, true);
    const stop3 = third.subscribe(() => {});
    await settle();
    assert.equal(calls, 2);
    await finish(client, stop3);
  });

  it("setData takes a value or an updater, notifies observers, and creates missing entries", async () => {
    const client = new QueryClient();
    const seen: unknown[] = [];
    const observer = new QueryObserver(client, { key: ["count"], fetcher: async () => 1 });
    const stop = observer.subscribe((result) => seen.push(result.data));
    await settle();
    assert.equal(client.setData(["count"], 5), 5);
    assert.equal(client.setData<number>("count", (n) => n! + 1), 6);
    assert.deepEqual(seen, [1, 5, 6]);
    assert.equal(client.getData(["count"]), 6);
    assert.equal(client.getData("missing"), undefined);
    client.setData(["made", 1], "by setData");
    assert.equal(client.getData(["made", 1]), "by setData");
    assert.equal(client.getState(["made", 1])?.fetching, false);
    await finish(client, stop);
  });

  it("setData while a fetch is in flight: the fetch still lands afterwards", async () => {
    const client = new QueryClient();
    const api = manualFetcher<string>();
    const observer = new QueryObserver(client, { key: "k", fetcher: api.fetcher });
    const stop = observer.subscribe(() => {});
    client.setData("k", "optimistic");
    assert.deepEqual([observer.getResult().data, observer.getResult().loading], ["optimistic", true]);
    api.last().reply.resolve("server");
    await settle();
    assert.equal(observer.getResult().data, "server");
    await finish(client, stop);
  });

  it("invalidate(key) refetches watched entries once, by key prefix; others are only marked stale", async () => {
    const client = new QueryClient();
    const one = manualFetcher<string>();
    const two = manualFetcher<string>();
    const o1 = new QueryObserver(client, { key: ["user", 1], fetcher: one.fetcher, staleTime: Infinity });
    const o1b = new QueryObserver(client, { key: ["user", 1], fetcher: one.fetcher, staleTime: Infinity });
    const o2 = new QueryObserver(client, { key: ["user", 2], fetcher: two.fetcher, staleTime: Infinity });
    const stops = [o1.subscribe(() => {}), o1b.subscribe(() => {}), o2.subscribe(() => {})];
    one.last().reply.resolve("u1");
    two.last().reply.resolve("u2");
    await settle();
    client.setData(["post", 9], "unwatched");

    const done = client.invalidate(["user", 1]);
    assert.deepEqual([one.requests.length, two.requests.length], [2, 1]);
    one.last().reply.resolve("u1 v2");
    await done;
    assert.equal(o1.getResult().data, "u1 v2");
    assert.equal(o1b.getResult().data, "u1 v2");

    const all = client.invalidate("user");
    assert.deepEqual([one.requests.length, two.requests.length], [3, 2]);
    one.last().reply.resolve("u1 v3");
    two.last().reply.resolve("u2 v2");
    await all;
    assert.deepEqual([o1.getResult().data, o2.getResult().data], ["u1 v3", "u2 v2"]);
    assert.equal(client.getState(["post", 9])?.invalidated, false);

    const everything = client.invalidate();
    assert.equal(client.getState(["post", 9])?.invalidated, true, "unwatched: marked stale, not fetched");
    one.last().reply.resolve("u1 v4");
    two.last().reply.resolve("u2 v3");
    await everything;
    await finish(client, ...stops);
  });

  it("invalidate aborts the fetch in flight and replaces it; its promise never rejects", async () => {
    const client = new QueryClient();
    const api = manualFetcher<string>();
    const observer = new QueryObserver(client, { key: "k", fetcher: api.fetcher });
    const stop = observer.subscribe(() => {});
    const first = api.last();
    const done = client.invalidate("k");
    assert.equal(first.signal.aborted, true);
    assert.equal(api.requests.length, 2);
    api.last().reply.reject(new Error("down"));
    await done;
    assert.equal(observer.getResult().error?.message, "down");
    await finish(client, stop);
  });

  it("evicts an unused entry cacheTime after its last observer left", async () => {
    const client = new QueryClient({ cacheTime: 1000 });
    const observer = new QueryObserver(client, { key: "k", fetcher: async () => "v" });
    const stop = observer.subscribe(() => {});
    await settle();
    await t.clock.advance(5000);
    assert.equal(client.getData("k"), "v", "observed entries stay");
    stop();
    await t.clock.advance(999);
    assert.equal(client.size, 1);
    // A new observer within cacheTime keeps it alive.
    const again = observer.subscribe(() => {});
    await t.clock.advance(5000);
    assert.equal(client.size, 1);
    again();
    await t.clock.advance(1000);
    assert.equal(client.size, 0);
    client.setData("orphan", 1);
    await t.clock.advance(1000);
    assert.equal(client.size, 0, "entries nobody ever observed go too");
    await finish(client);
  });

  it("clear() aborts fetches in flight and drops every entry", async () => {
    const client = new QueryClient();
    const api = manualFetcher<string>();
    const observer = new QueryObserver(client, { key: "k", fetcher: api.fetcher });
    const stop = observer.subscribe(() => {});
    assert.equal(pn.runtime.pendingTasks(), 1);
    client.clear();
    assert.equal(api.last().signal.aborted, true);
    assert.equal(client.size, 0);
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 0);
    assert.equal(t.clock.pendingTimers(), 0);
    stop();
  });

  it("retries with exponential backoff on the loop clock (1 s, 2 s, 4 s)", async () => {
    const client = new QueryClient();
    const at: number[] = [];
    const observer = new QueryObserver<string>(client, {
      key: "flaky",
      fetcher: async () => {
        at.push(t.clock.now());
        throw new Error(`attempt ${at.length}`);
      },
      retry: true,
    });
    const stop = observer.subscribe(() => {});
    await t.clock.advance(7000);
    assert.deepEqual(at, [0, 1000, 3000, 7000]);
    assert.equal(client.getState("flaky")?.failureCount, 4);
    assert.deepEqual([observer.getResult().loading, observer.getResult().error?.message], [false, "attempt 4"]);
    await finish(client, stop);
  });

  it("retry as a predicate and retryDelay as a function", async () => {
    const client = new QueryClient();
    const at: number[] = [];
    const observer = new QueryObserver<string>(client, {
      key: "flaky",
      fetcher: async () => {
        at.push(t.clock.now());
        if (at.length === 3) return "ok";
        throw new Error("again");
      },
      retry: (failures, error) => failures < 5 && error.message === "again",
      retryDelay: (failures) => failures * 10,
    });
    const stop = observer.subscribe(() => {});
    await t.clock.advance(100);
    assert.deepEqual(at, [0, 10, 30]);
    assert.equal(observer.getResult().data, "ok");
    await finish(client, stop);
  });

  it("rejects bad input with a TypeError", () => {
    const client = new QueryClient();
    assert.throws(() => new QueryClient({ cacheTime: -5 }), TypeError);
    assert.throws(() => client.getData(5 as unknown as string), /query key must be a string or an array/);
    assert.throws(() => client.setData({} as unknown as string, 1), TypeError);
    assert.throws(() => client.invalidate(null as unknown as string), TypeError);
    assert.throws(() => new QueryObserver({} as QueryClient, { fetcher: async () => 1 }), TypeError);
    assert.throws(() => new QueryObserver(client, { fetcher: async () => 1, retryDelay: -1 }), TypeError);
  });
});

describe("Query (one entry)", () => {
  useDataTest();

  it("fetch() joins the fetch in flight unless cancelRefetch; the promise resolves when fetching stops", async () => {
    const query = new Query<string>(null, null, null, Infinity);
    const api = manualFetcher<string>();
    const first = query.fetch({ fetcher: api.fetcher }, false);
    const joined = query.fetch({ fetcher: api.fetcher }, false);
    assert.equal(api.requests.length, 1);
    assert.equal(joined, first);
    const replaced = query.fetch({ fetcher: api.fetcher }, true);
    assert.equal(api.requests.length, 2);
    assert.equal(api.requests[0]!.signal.aborted, true);
    assert.equal(replaced, first, "one promise while the entry keeps fetching");
    api.requests[0]!.reply.resolve("superseded");
    await settle();
    assert.equal(query.state.fetching, true);
    assert.equal(query.state.data, undefined, "a superseded result is never published");
    api.requests[1]!.reply.resolve("current");
    await first;
    assert.deepEqual([query.state.fetching, query.state.data], [false, "current"]);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });
});

describe("Query: a fetch without retries (the direct path)", () => {
  const t = useDataTest();

  it("calls the fetcher once, at once, in a task of the app; the outcome lands later; unobserved fetches are aborted", async () => {
    const query = new Query<string>(null, null, null, Infinity);
    const api = manualFetcher<string>();
    query.start({ fetcher: api.fetcher }, false);
    assert.equal(api.requests.length, 1);
    assert.equal(pn.runtime.pendingTasks(), 1, "the fetch is a task");
    assert.equal(query.state.fetching, true);
    api.last().reply.resolve("a");
    assert.equal(query.state.fetching, true, "lands on a later microtask");
    await settle();
    assert.deepEqual([query.state.fetching, query.state.data], [false, "a"]);
    // Cancelling aborts the signal and drops the late answer.
    query.start({ fetcher: api.fetcher }, false);
    const request = api.last();
    query.cancel();
    assert.equal(request.signal.aborted, true);
    request.reply.resolve("late");
    await settle();
    assert.deepEqual([query.state.fetching, query.state.data], [false, "a"]);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("a failure lands in the state (never in onError); a synchronous fetcher's value or throw lands after the call", async () => {
    const capture = captureErrors();
    try {
      const query = new Query<string>(null, null, null, Infinity);
      query.start({ fetcher: () => Promise.reject(new Error("down")) }, false);
      await settle();
      assert.equal((query.state.error as Error | null)?.message, "down");
      assert.equal(query.state.failureCount, 1);
      query.start({ fetcher: () => "sync" }, true);
      assert.equal(query.state.fetching, true, "a value returned at once still lands later");
      await settle();
      assert.equal(query.state.data, "sync");
      query.start({
        fetcher: () => {
          throw new Error("thrown");
        },
      }, true);
      assert.equal(query.state.fetching, true);
      await settle();
      assert.equal((query.state.error as Error | null)?.message, "thrown");
      assert.equal(query.state.data, "sync", "a failure keeps the data");
      assert.equal(capture.errors.length, 0);
    } finally {
      capture.restore();
    }
  });

  it("a useQuery fetch is aborted when its component unmounts", async () => {
    const api = manualFetcher<string>();
    const Item = pn.component(function Item() {
      const q = pn.useQuery(api.fetcher, [], { key: ["direct"] });
      return pn.Text(q.data ?? "…");
    });
    const ui = render(Item());
    await settle();
    assert.equal(api.requests.length, 1);
    ui.unmount();
    await settle();
    assert.equal(api.last().signal.aborted, true);
    assert.equal(pn.queryClient.getState(["direct"])?.fetching, false);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("a fetcher with retries still takes the retrying path", async () => {
    const query = new Query<string>(null, null, null, Infinity);
    let calls = 0;
    query.start({ fetcher: async () => (++calls < 2 ? Promise.reject(new Error("flaky")) : "ok"), retry: 1, retryDelay: 10 }, false);
    await t.clock.advance(10);
    assert.deepEqual([calls, query.state.data], [2, "ok"]);
  });
});

describe("reduceQuery", () => {
  const empty: QueryState<string, Error> = emptyQueryState<string, Error>();

  it("is pure and follows fetch → success / error", () => {
    const fetching = reduceQuery(empty, { type: "fetch" });
    assert.equal(empty.fetching, false, "the input is not mutated");
    assert.equal(fetching.fetching, true);
    const ok = reduceQuery(fetching, { type: "success", data: "a", at: 5 });
    assert.deepEqual(ok, { ...empty, data: "a", hasData: true, dataUpdatedAt: 5, dataUpdateCount: 1 });
    const failed = reduceQuery(reduceQuery(ok, { type: "fetch" }), { type: "error", error: new Error("x") });
    assert.deepEqual([failed.data, failed.error?.message, failed.fetching], ["a", "x", false], "failure keeps data");
    const refetching = reduceQuery(failed, { type: "fetch" });
    assert.deepEqual([refetching.error, refetching.data], [null, "a"], "refetching clears the error, keeps data");
    const cancelled = reduceQuery(refetching, { type: "cancel" });
    assert.deepEqual([cancelled.fetching, cancelled.data], [false, "a"]);
  });

  it("setData and invalidate", () => {
    const set = reduceQuery(reduceQuery(empty, { type: "invalidate" }), { type: "setData", data: "s", at: 9 });
    assert.deepEqual([set.data, set.dataUpdatedAt, set.invalidated, set.dataUpdateCount], ["s", 9, false, 1]);
    const stale = reduceQuery(set, { type: "invalidate" });
    assert.equal(stale.invalidated, true);
    assert.equal(reduceQuery(stale, { type: "invalidate" }), stale, "no change, same object");
  });
});
