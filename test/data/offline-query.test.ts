// Queries that understand the network and the app's focus (SPEC §9):
// networkMode and paused fetches, refetch on reconnect and focus, interval
// polling and its pausing, select stability, and the result's new fields.
// Everything on the virtual clock.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, settle } from "typenative/testing";
import { QueryClient, QueryObserver, type QueryObserverOptions, type QueryResult } from "../../src/data/index.js";
import { deferred, useDataTest, unmountAndCheck, type Deferred } from "../helpers/data.js";

/** A fetcher whose calls the test answers by hand. */
function manual<T>() {
  const calls: Array<{ reply: Deferred<T>; signal: AbortSignal }> = [];
  return {
    calls,
    fetcher: (signal: AbortSignal) => {
      const reply = deferred<T>();
      calls.push({ reply, signal });
      return reply.promise;
    },
  };
}

/** Subscribes an observer and records `[fetchStatus, loading, data]` of each result. */
function watch<T, S = T>(options: QueryObserverOptions<T, Error, S>, client = new QueryClient()) {
  const observer = new QueryObserver<T, Error, S>(client, options);
  const seen: QueryResult<S>[] = [];
  const stop = observer.subscribe((result) => seen.push(result));
  return { observer, seen, stop, result: () => observer.getResult() };
}

describe("networkMode", () => {
  const t = useDataTest();

  it('"online" (default): a fetch started offline pauses, does not call the fetcher, and continues on reconnect', async () => {
    pn.onlineManager.setOnline(false);
    const api = manual<string>();
    const q = watch({ fetcher: api.fetcher });
    await settle();
    assert.equal(api.calls.length, 0, "no request while offline");
    assert.deepEqual([q.result().fetchStatus, q.result().loading, q.result().status], ["paused", true, "pending"]);
    pn.onlineManager.setOnline(true);
    await settle();
    assert.equal(api.calls.length, 1);
    assert.equal(q.result().fetchStatus, "fetching");
    api.calls[0]!.reply.resolve("data");
    await settle();
    assert.deepEqual([q.result().fetchStatus, q.result().loading, q.result().status, q.result().data], ["idle", false, "success", "data"]);
    q.stop();
  });

  it('"online": a retry due while offline pauses until reconnect, then retries', async () => {
    const api = manual<string>();
    const q = watch({ fetcher: api.fetcher, retry: 2, retryDelay: 100 });
    await settle();
    api.calls[0]!.reply.reject(new Error("network down"));
    pn.onlineManager.setOnline(false);
    await t.clock.advance(100);
    assert.equal(api.calls.length, 1, "the retry waits for the network");
    assert.equal(q.result().fetchStatus, "paused");
    await t.clock.advance(60_000);
    assert.equal(api.calls.length, 1, "still offline: still waiting, however long");
    pn.onlineManager.setOnline(true);
    await settle();
    assert.equal(api.calls.length, 2);
    assert.equal(q.result().fetchStatus, "fetching");
    api.calls[1]!.reply.resolve("second time lucky");
    await settle();
    assert.deepEqual([q.result().data, q.result().error, q.result().fetchStatus], ["second time lucky", null, "idle"]);
    q.stop();
  });

  it('"always" fetches offline; "offlineFirst" tries once offline and pauses its retries', async () => {
    pn.onlineManager.setOnline(false);
    const always = manual<string>();
    const a = watch({ fetcher: always.fetcher, networkMode: "always" });
    await settle();
    assert.deepEqual([always.calls.length, a.result().fetchStatus], [1, "fetching"]);

    const first = manual<string>();
    const f = watch({ fetcher: first.fetcher, networkMode: "offlineFirst", retry: 1, retryDelay: 10 });
    await settle();
    assert.deepEqual([first.calls.length, f.result().fetchStatus], [1, "fetching"], "the first attempt runs offline");
    first.calls[0]!.reply.reject(new Error("no cache"));
    await t.clock.advance(10);
    assert.deepEqual([first.calls.length, f.result().fetchStatus], [1, "paused"], "its retry waits");
    pn.onlineManager.setOnline(true);
    await settle();
    assert.equal(first.calls.length, 2);
    a.stop();
    f.stop();
  });

  it("unmounting a paused query ends its wait: no task left, no fetch on reconnect", async () => {
    pn.onlineManager.setOnline(false);
    let calls = 0;
    const Probe = pn.component(function Probe() {
      const q = pn.useQuery(async () => ++calls, [], { key: ["paused"] });
      return pn.Text(`${q.fetchStatus} ${q.loading} ${q.data ?? "-"}`);
    });
    const ui = render(Probe());
    ui.getByText("paused true -");
    await settle();
    ui.getByText("paused true -");
    await unmountAndCheck(ui);
    pn.onlineManager.setOnline(true);
    await settle();
    assert.equal(calls, 0);
  });

  it("rejects an unknown networkMode", () => {
    assert.throws(() => new QueryObserver(new QueryClient(), { fetcher: async () => 1, networkMode: "sometimes" as never }), /networkMode/);
  });
});

describe("refetchOnReconnect and refetchOnWindowFocus", () => {
  const t = useDataTest();

  it("stale data refetches when the app comes back online (default), not when it is turned off", async () => {
    let calls = 0;
    const on = watch({ fetcher: async () => ++calls, key: ["a"] });
    let offCalls = 0;
    const off = watch({ fetcher: async () => ++offCalls, key: ["b"], refetchOnReconnect: false });
    await settle();
    assert.deepEqual([calls, offCalls], [1, 1]);
    pn.onlineManager.setOnline(false);
    pn.onlineManager.setOnline(true);
    await settle();
    assert.deepEqual([calls, offCalls, on.result().data], [2, 1, 2]);
    on.stop();
    off.stop();
  });

  it("fresh data does not refetch on reconnect unless \"always\"", async () => {
    let fresh = 0;
    let always = 0;
    const a = watch({ fetcher: async () => ++fresh, key: ["fresh"], staleTime: 60_000 });
    const b = watch({ fetcher: async () => ++always, key: ["always"], staleTime: 60_000, refetchOnReconnect: "always" });
    await settle();
    pn.onlineManager.setOnline(false);
    pn.onlineManager.setOnline(true);
    await settle();
    assert.deepEqual([fresh, always], [1, 2]);
    await t.clock.advance(60_000);
    pn.onlineManager.setOnline(false);
    pn.onlineManager.setOnline(true);
    await settle();
    assert.deepEqual([fresh, always], [2, 3], "stale now: it refetches");
    a.stop();
    b.stop();
  });

  it("stale data refetches when the app regains focus; false turns it off; a disabled query never does", async () => {
    let calls = 0;
    let offCalls = 0;
    let disabledCalls = 0;
    const on = watch({ fetcher: async () => ++calls, key: ["f1"] });
    const off = watch({ fetcher: async () => ++offCalls, key: ["f2"], refetchOnWindowFocus: false });
    const disabled = watch({ fetcher: async () => ++disabledCalls, key: ["f3"], enabled: false });
    await settle();
    pn.focusManager.setFocused(false);
    await settle();
    assert.deepEqual([calls, offCalls, disabledCalls], [1, 1, 0], "losing focus does nothing");
    pn.focusManager.setFocused(true);
    await settle();
    assert.deepEqual([calls, offCalls, disabledCalls], [2, 1, 0]);
    pn.focusManager.setFocused(true);
    await settle();
    assert.equal(calls, 2, "no change, no refetch");
    on.stop();
    off.stop();
    disabled.stop();
  });

  it("an unsubscribed observer does not listen: no refetch, no listener left on the manager", async () => {
    let calls = 0;
    const q = watch({ fetcher: async () => ++calls, key: ["gone"] });
    await settle();
    q.stop();
    pn.focusManager.setFocused(false);
    pn.focusManager.setFocused(true);
    await settle();
    assert.equal(calls, 1);
  });
});

describe("refetchInterval", () => {
  const t = useDataTest();

  it("polls on the loop clock while focused and online; pauses while unfocused or offline", async () => {
    let calls = 0;
    const q = watch({ fetcher: async () => ++calls, refetchInterval: 1000, refetchOnWindowFocus: false, refetchOnReconnect: false });
    await settle();
    assert.equal(calls, 1);
    await t.clock.advance(3000);
    assert.equal(calls, 4, "every second");
    pn.focusManager.setFocused(false);
    await t.clock.advance(5000);
    assert.equal(calls, 4, "unfocused: no polling");
    pn.focusManager.setFocused(true);
    await t.clock.advance(1000);
    assert.equal(calls, 5, "polling again a second after regaining focus");
    pn.onlineManager.setOnline(false);
    await t.clock.advance(5000);
    assert.equal(calls, 5, "offline: no polling");
    pn.onlineManager.setOnline(true);
    await t.clock.advance(2000);
    assert.equal(calls, 7);
    q.stop();
    assert.equal(t.clock.pendingTimers(), 0, "stopping drops the polling timer");
  });

  it("refetchIntervalInBackground keeps polling while unfocused", async () => {
    let calls = 0;
    const q = watch({ fetcher: async () => ++calls, refetchInterval: 500, refetchIntervalInBackground: true });
    await settle();
    pn.focusManager.setFocused(false);
    await t.clock.advance(2000);
    assert.equal(calls, 5);
    q.stop();
  });

  it("a re-render with the same interval keeps the timer; a new interval re-arms it; false stops it", async () => {
    let calls = 0;
    const Probe = pn.component(function Probe(p: { every: number | false; n: number }) {
      const q = pn.useQuery(async () => ++calls, [], { refetchInterval: p.every });
      return pn.Text(`${p.n}:${q.data ?? "-"}`);
    });
    const ui = render(Probe({ every: 1000, n: 0 }));
    await settle();
    await t.clock.advance(600);
    ui.rerender(Probe({ every: 1000, n: 1 }));
    await t.clock.advance(400);
    assert.equal(calls, 2, "the re-render did not restart the countdown");
    ui.rerender(Probe({ every: 200, n: 2 }));
    await t.clock.advance(1000);
    assert.equal(calls, 7);
    ui.rerender(Probe({ every: false, n: 3 }));
    await t.clock.advance(5000);
    assert.equal(calls, 7);
    await unmountAndCheck(ui);
  });

  it("rejects a malformed interval", () => {
    assert.throws(() => new QueryObserver(new QueryClient(), { fetcher: async () => 1, refetchInterval: -1 }), /refetchInterval/);
  });
});

describe("select", () => {
  useDataTest();

  it("derives the data; a structurally equal selection keeps the same object across refetches", async () => {
    let version = 0;
    const q = watch({
      fetcher: async () => ({ version: ++version, items: [{ id: 1, title: "a" }, { id: 2, title: "b" }] }),
      select: (data) => data.items.map((item) => ({ id: item.id, title: item.title })),
    });
    await settle();
    const first = q.result().data!;
    assert.deepEqual(first, [{ id: 1, title: "a" }, { id: 2, title: "b" }]);
    await q.observer.refetch();
    assert.equal(q.result().data, first, "same content, same object");
    q.stop();
  });

  it("a changed selection shares its unchanged parts", async () => {
    let titles = ["a", "b"];
    const q = watch({ fetcher: async () => titles.map((title, id) => ({ id, title })), select: (rows) => rows.slice() });
    await settle();
    const before = q.result().data!;
    titles = ["a", "B"];
    await q.observer.refetch();
    const after = q.result().data!;
    assert.notEqual(after, before);
    assert.equal(after[0], before[0], "the unchanged row is the same object");
    assert.deepEqual(after[1], { id: 1, title: "B" });
    q.stop();
  });

  it("useQuery renders the selected value; a new select closure on each render changes nothing", async () => {
    const seen: unknown[] = [];
    const Probe = pn.component(function Probe(p: { n: number }) {
      const q = pn.useQuery(async () => [3, 1, 2], [], { select: (list) => list.slice().sort() });
      seen.push(q.data);
      return pn.Text(`${p.n}`);
    });
    const ui = render(Probe({ n: 0 }));
    await settle();
    ui.rerender(Probe({ n: 1 }));
    await settle();
    const last = seen[seen.length - 1];
    assert.deepEqual(last, [1, 2, 3]);
    assert.equal(seen[seen.length - 2], last, "a new closure with an equal selection: same data");
    await unmountAndCheck(ui);
  });

  it("a select that throws shows as the result's error", async () => {
    const q = watch({ fetcher: async () => 1, select: (): number => { throw new Error("bad select"); } });
    await settle();
    assert.deepEqual([q.result().status, q.result().error?.message, q.result().data], ["error", "bad select", undefined]);
    q.stop();
  });

  it("useQuery with a select that throws renders its error without a render storm, and recovers on new data", async () => {
    const errors: unknown[] = [];
    const previous = pn.runtime.onError;
    pn.runtime.onError = (error) => void errors.push(error);
    try {
      let renders = 0;
      let payload = [1, 2];
      const onlyOne = (list: number[]): number => {
        if (list.length !== 1) throw new Error(`expected one, got ${list.length}`);
        return list[0]!;
      };
      const Probe = pn.component(function Probe() {
        renders++;
        const q = pn.useQuery(async () => payload, [], { select: onlyOne });
        return pn.Column(pn.Text(q.error !== null ? q.error.message : `value ${String(q.data)}`), pn.Button("Reload", { onClick: q.refetch }));
      });
      const ui = render(Probe({}));
      await settle();
      ui.getByText("expected one, got 2");
      // Deriving the result again for the same data gives the same error: no new result, no render.
      assert.deepEqual(errors, []);
      assert.ok(renders <= 3, `rendered ${renders} times`);
      payload = [7];
      ui.press(ui.getByText("Reload"));
      await settle();
      ui.getByText("value 7");
      assert.deepEqual(errors, []);
      await unmountAndCheck(ui);
    } finally {
      pn.runtime.onError = previous;
    }
  });
});

describe("QueryResult: status, fetchStatus, isStale, dataUpdatedAt", () => {
  const t = useDataTest();

  it("walks pending → success, with dataUpdatedAt on the loop clock and isStale turning true after staleTime", async () => {
    await t.clock.advance(500);
    const api = manual<string>();
    const q = watch({ fetcher: api.fetcher, staleTime: 1000 });
    const r0 = q.result();
    assert.deepEqual([r0.status, r0.fetchStatus, r0.isStale, r0.dataUpdatedAt], ["pending", "fetching", true, 0]);
    await t.clock.advance(100);
    api.calls[0]!.reply.resolve("x");
    await settle();
    const r1 = q.result();
    assert.deepEqual([r1.status, r1.fetchStatus, r1.isStale, r1.dataUpdatedAt], ["success", "idle", false, 600]);
    await t.clock.advance(999);
    assert.equal(q.result().isStale, false);
    await t.clock.advance(1);
    assert.equal(q.result().isStale, true, "turned stale at dataUpdatedAt + staleTime, without a fetch");
    assert.equal(api.calls.length, 1);
    q.stop();
  });

  it("a failure: status error, fetchStatus idle, the data kept", async () => {
    const api = manual<string>();
    const q = watch({ fetcher: api.fetcher });
    await settle();
    api.calls[0]!.reply.resolve("kept");
    await settle();
    const refetched = q.observer.refetch();
    api.calls[1]!.reply.reject(new Error("boom"));
    await refetched;
    assert.deepEqual([q.result().status, q.result().fetchStatus, q.result().data, q.result().isStale], ["error", "idle", "kept", true]);
    q.stop();
  });
});
