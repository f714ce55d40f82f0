import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, settle } from "typenative/testing";
import { captureErrors } from "../helpers/errors.js";
import { deferred, texts, unmountAndCheck, useDataTest, type Deferred } from "../helpers/data.js";

interface User {
  id: number;
  name: string;
}

/** A fake API whose requests the test answers by hand; it records each request's signal. */
function manualApi() {
  const requests: Array<{ id: number; signal: AbortSignal; reply: Deferred<User> }> = [];
  return {
    requests,
    getUser(id: number, signal: AbortSignal): Promise<User> {
      const reply = deferred<User>();
      requests.push({ id, signal, reply });
      return reply.promise;
    },
    /** Answers the `index`th request (default: the last). */
    answer(name: string, index = requests.length - 1): void {
      const request = requests[index]!;
      request.reply.resolve({ id: request.id, name });
    },
    fail(message: string, index = requests.length - 1): void {
      requests[index]!.reply.reject(new Error(message));
    },
  };
}

type Api = ReturnType<typeof manualApi>;

// The seed's UserCard, in TypeScript.
function makeUserCard(api: Api) {
  return pn.component(function UserCard({ userId }: { userId: number }) {
    const q = pn.useQuery((signal) => api.getUser(userId, signal), [userId]);
    if (q.loading && q.data === undefined) return pn.Text("Loading…");
    if (q.error) return pn.Text(`Error: ${q.error.message}`);
    return pn.Column(pn.Text(q.data!.name), pn.Button("Refresh", { onClick: q.refetch }));
  });
}

/** Renders `useQuery` and records every result it returned. */
function probe<T>(use: (props: { dep: number }) => pn.QueryResult<T>) {
  const results: Array<pn.QueryResult<T>> = [];
  const Probe = pn.component(function QueryProbe(props: { dep: number }) {
    const result = use(props);
    results.push(result);
    return pn.Text(`${result.loading ? "loading" : "idle"} ${JSON.stringify(result.data) ?? "-"} ${result.error ? (result.error as Error).message : "-"}`);
  });
  return { Probe, results, last: () => results[results.length - 1]! };
}

describe("useQuery: the seed's UserCard", () => {
  useDataTest();

  it("shows Loading…, then the name, then refetches on Refresh", async () => {
    const api = manualApi();
    const UserCard = makeUserCard(api);
    const ui = render(UserCard({ userId: 1 }));
    ui.getByText("Loading…");
    await ui.settle();
    assert.equal(api.requests.length, 1, "the fetch starts after the commit");
    assert.equal(api.requests[0]!.id, 1);
    api.answer("Alice");
    await ui.findByText("Alice");
    ui.press(ui.getByText("Refresh"));
    await ui.settle();
    assert.equal(api.requests.length, 2);
    assert.equal(pn.runtime.pendingTasks(), 2, "the refetch and the handler task that awaits it");
    ui.getByText("Alice"); // the last data stays while refetching
    api.answer("Alice Smith");
    await ui.findByText("Alice Smith");
    assert.equal(pn.runtime.pendingTasks(), 0);
    await unmountAndCheck(ui);
  });

  it("changing userId mid-fetch aborts the first fetch; its result never appears", async () => {
    const api = manualApi();
    const UserCard = makeUserCard(api);
    const ui = render(UserCard({ userId: 1 }));
    await ui.settle();
    const first = api.requests[0]!;
    ui.rerender(UserCard({ userId: 2 }));
    await ui.settle();
    assert.equal(first.signal.aborted, true);
    assert.equal(api.requests.length, 2);
    assert.equal(api.requests[1]!.id, 2);
    assert.equal(api.requests[1]!.signal.aborted, false);
    // The first server ignores its signal and answers anyway: dropped.
    api.answer("Alice", 0);
    await ui.settle();
    ui.getByText("Loading…");
    assert.equal(ui.queryByText("Alice"), null);
    api.answer("Bob", 1);
    await ui.findByText("Bob");
    assert.equal(ui.queryByText("Alice"), null);
    await unmountAndCheck(ui);
  });

  it("shows the error, and a successful refetch clears it", async () => {
    const api = manualApi();
    const UserCard = makeUserCard(api);
    const errors = captureErrors();
    try {
      const ui = render(UserCard({ userId: 1 }));
      await ui.settle();
      api.fail("500 from server");
      await ui.findByText("Error: 500 from server");
      assert.deepEqual(errors.errors, [], "a query failure is data, not an uncaught error");
      await unmountAndCheck(ui);
    } finally {
      errors.restore();
    }
  });

  it("unmount aborts the fetch in flight", async () => {
    const api = manualApi();
    const UserCard = makeUserCard(api);
    const ui = render(UserCard({ userId: 1 }));
    await ui.settle();
    assert.equal(pn.runtime.pendingTasks(), 1, "the fetch is a task");
    await unmountAndCheck(ui);
    assert.equal(api.requests[0]!.signal.aborted, true);
  });
});

describe("useQuery", () => {
  const t = useDataTest();

  it("first render: loading with initialData; the fetcher gets a signal", async () => {
    const api = manualApi();
    const { Probe, results } = probe((p) => pn.useQuery((signal) => api.getUser(p.dep, signal), [p.dep], { initialData: { id: 0, name: "placeholder" } }));
    const ui = render(Probe({ dep: 1 }));
    assert.equal(results.length, 1);
    assert.equal(results[0]!.loading, true);
    assert.deepEqual(results[0]!.data, { id: 0, name: "placeholder" });
    assert.equal(results[0]!.error, null);
    // initialData counts as data to show; the fetch is under way.
    assert.deepEqual([results[0]!.status, results[0]!.fetchStatus], ["success", "fetching"]);
    assert.ok(Object.isFrozen(results[0]));
    await ui.settle();
    assert.ok(api.requests[0]!.signal instanceof AbortSignal);
    api.answer("Ann");
    await ui.settle();
    const last = results[results.length - 1]!;
    assert.deepEqual([last.loading, last.data, last.error, last.status], [false, { id: 1, name: "Ann" }, null, "success"]);
    await unmountAndCheck(ui);
  });

  it("data resets on a deps change unless keepPreviousData", async () => {
    for (const keepPreviousData of [false, true]) {
      const api = manualApi();
      const { Probe, last } = probe((p) => pn.useQuery((signal) => api.getUser(p.dep, signal), [p.dep], { keepPreviousData }));
      const ui = render(Probe({ dep: 1 }));
      await ui.settle();
      api.answer("One");
      await ui.settle();
      assert.equal(last().data?.name, "One");
      ui.rerender(Probe({ dep: 2 }));
      assert.equal(last().loading, true, "the render of the new deps already shows loading");
      assert.equal(last().data?.name, keepPreviousData ? "One" : undefined);
      await ui.settle();
      assert.equal(last().data?.name, keepPreviousData ? "One" : undefined);
      api.answer("Two");
      await ui.settle();
      assert.equal(last().data?.name, "Two");
      await unmountAndCheck(ui);
    }
  });

  it("while refetching the last data stays and the old error clears; failure keeps data", async () => {
    const api = manualApi();
    const { Probe, last } = probe(() => pn.useQuery((signal) => api.getUser(1, signal)));
    const ui = render(Probe({ dep: 0 }));
    await ui.settle();
    api.answer("Kept");
    await ui.settle();
    let refetched = last().refetch();
    await ui.settle();
    assert.deepEqual([last().loading, last().data?.name, last().error], [true, "Kept", null]);
    api.fail("offline");
    assert.equal(await refetched, last(), "refetch resolves with the new result");
    assert.deepEqual([last().loading, last().data?.name, last().error?.message, last().status], [false, "Kept", "offline", "error"]);
    refetched = last().refetch();
    await ui.settle();
    assert.deepEqual([last().loading, last().data?.name, last().error], [true, "Kept", null], "the old error clears while refetching");
    api.answer("Fresh");
    await refetched;
    await ui.settle();
    assert.deepEqual([last().loading, last().data?.name, last().error], [false, "Fresh", null]);
    await unmountAndCheck(ui);
  });

  it("refetch is stable and its promise never rejects", async () => {
    let calls = 0;
    const { Probe, results, last } = probe(() =>
      pn.useQuery(async () => {
        calls++;
        throw new Error(`fail ${calls}`);
      }),
    );
    const ui = render(Probe({ dep: 0 }));
    await ui.settle();
    const refetch = last().refetch;
    const result = await refetch();
    assert.equal(result.error?.message, "fail 2");
    await ui.settle();
    ui.rerender(Probe({ dep: 1 }));
    assert.ok(results.every((r) => r.refetch === refetch));
    await unmountAndCheck(ui);
  });

  it("refetch aborts a fetch in flight and keeps one request going", async () => {
    const api = manualApi();
    const { Probe, last } = probe(() => pn.useQuery((signal) => api.getUser(1, signal)));
    const ui = render(Probe({ dep: 0 }));
    await ui.settle();
    const done = last().refetch();
    await ui.settle();
    assert.equal(api.requests.length, 2);
    assert.equal(api.requests[0]!.signal.aborted, true);
    assert.equal(pn.runtime.pendingTasks(), 1);
    api.answer("late", 0);
    api.answer("current", 1);
    assert.equal((await done).data?.name, "current");
    await unmountAndCheck(ui);
  });

  it("omitted deps are []: a new fetcher closure does not refetch", async () => {
    let calls = 0;
    const { Probe, last } = probe((p) => pn.useQuery(async () => ({ call: ++calls, dep: p.dep })));
    const ui = render(Probe({ dep: 1 }));
    await ui.settle();
    ui.rerender(Probe({ dep: 2 }));
    await ui.settle();
    assert.equal(calls, 1);
    assert.deepEqual(last().data, { call: 1, dep: 1 });
    // …but refetch calls the latest fetcher.
    await last().refetch();
    await ui.settle();
    assert.deepEqual(last().data, { call: 2, dep: 2 });
    await unmountAndCheck(ui);
  });

  it("the result object is the same while nothing in it changes", async () => {
    const { Probe, results } = probe((p) => pn.useQuery(async () => "value", [], { staleTime: 1000 + p.dep }));
    const ui = render(Probe({ dep: 0 }));
    await ui.settle();
    const settled = results[results.length - 1]!;
    ui.rerender(Probe({ dep: 1 }));
    ui.rerender(Probe({ dep: 2 }));
    await ui.settle();
    assert.equal(results[results.length - 1], settled);
    assert.equal(results.length, 4, "mount, data, two rerenders: no extra renders");
    await unmountAndCheck(ui);
  });

  it("enabled: false holds the fetch until enabled", async () => {
    let calls = 0;
    const { Probe, last } = probe((p) => pn.useQuery(async () => ++calls, [], { enabled: p.dep === 1 }));
    const ui = render(Probe({ dep: 0 }));
    assert.deepEqual([last().loading, last().status, last().fetchStatus], [false, "pending", "idle"]);
    await ui.settle();
    assert.equal(calls, 0);
    ui.rerender(Probe({ dep: 1 }));
    assert.equal(last().loading, true);
    await ui.settle();
    assert.deepEqual([calls, last().data, last().loading], [1, 1, false]);
    await unmountAndCheck(ui);
  });

  it("retries are off by default", async () => {
    let calls = 0;
    const { Probe, last } = probe(() =>
      pn.useQuery(async () => {
        calls++;
        throw new Error("nope");
      }),
    );
    const ui = render(Probe({ dep: 0 }));
    await t.clock.advance(60_000);
    assert.equal(calls, 1);
    assert.equal(last().error?.message, "nope");
    await unmountAndCheck(ui);
  });

  it("retry backs off exponentially on the loop clock, loading throughout", async () => {
    const attempts: number[] = [];
    const { Probe, last } = probe(() =>
      pn.useQuery(
        async () => {
          attempts.push(t.clock.now());
          if (attempts.length < 3) throw new Error(`attempt ${attempts.length}`);
          return "third time lucky";
        },
        [],
        { retry: 3 },
      ),
    );
    const ui = render(Probe({ dep: 0 }));
    await t.clock.advance(999);
    assert.deepEqual(attempts, [0]);
    assert.deepEqual([last().loading, last().error], [true, null]);
    await t.clock.advance(1);
    assert.deepEqual(attempts, [0, 1000]);
    await t.clock.advance(2000);
    assert.deepEqual(attempts, [0, 1000, 3000]);
    assert.deepEqual([last().loading, last().data, last().error], [false, "third time lucky", null]);
    await unmountAndCheck(ui);
  });

  it("retry gives up after the count with the last error; unmount during backoff cancels", async () => {
    let calls = 0;
    const { Probe, last } = probe(() =>
      pn.useQuery(
        async () => {
          calls++;
          throw new Error(`fail ${calls}`);
        },
        [],
        { retry: 2, retryDelay: 500 },
      ),
    );
    const ui = render(Probe({ dep: 0 }));
    await t.clock.advance(1000);
    assert.equal(calls, 3);
    assert.deepEqual([last().loading, last().error?.message], [false, "fail 3"]);
    await unmountAndCheck(ui);

    calls = 0;
    const again = render(Probe({ dep: 0 }));
    await t.clock.advance(100);
    assert.equal(calls, 1);
    await unmountAndCheck(again);
    await t.clock.advance(5000);
    assert.equal(calls, 1, "no retry after unmount");
  });

  it("rejects bad arguments with a TypeError", async () => {
    const errors = captureErrors();
    try {
      const cases: Array<() => unknown> = [
        () => pn.useQuery(42 as unknown as () => Promise<number>),
        () => pn.useQuery(async () => 1, {} as unknown as []),
        () => pn.useQuery(async () => 1, [], { staleTime: -1 }),
        () => pn.useQuery(async () => 1, [], { retry: 1.5 }),
        () => pn.useQuery(async () => 1, [], { key: 7 as unknown as string }),
        () => pn.useQuery(async () => 1, [], { enabled: "yes" as unknown as boolean }),
        () => pn.useQuery(async () => 1, [], "options" as unknown as {}),
      ];
      for (const use of cases) {
        const Bad = pn.component(function Bad() {
          use();
          return pn.Text("bad");
        });
        const ui = render(Bad());
        await unmountAndCheck(ui);
      }
      assert.equal(errors.errors.length, cases.length);
      for (const { error } of errors.errors) assert.ok(error instanceof TypeError, String(error));
    } finally {
      errors.restore();
    }
  });

  it("a useEffect and a useQuery swapping places between renders is caught as a hook order change", async () => {
    const errors = captureErrors();
    try {
      const Swap = pn.component(function Swap({ flip }: { flip: boolean }) {
        if (flip) {
          pn.useQuery(async () => 1);
          pn.useEffect(() => undefined);
        } else {
          pn.useEffect(() => undefined);
          pn.useQuery(async () => 1);
        }
        return pn.Text("swap");
      });
      const ui = render(Swap({ flip: false }));
      await settle();
      ui.rerender(Swap({ flip: true }));
      await settle();
      assert.match(String(errors.errors[0]?.error), /Hook order changed between renders in Swap \(useQuery found another hook's slot\)/);
      await unmountAndCheck(ui);
      // A useEffect finding useQuery's slot.
      const Replace = pn.component(function Replace({ query }: { query: boolean }) {
        if (query) pn.useQuery(async () => 1);
        else pn.useEffect(() => undefined);
        return pn.Text("replace");
      });
      const second = render(Replace({ query: true }));
      await settle();
      second.rerender(Replace({ query: false }));
      await settle();
      assert.match(String(errors.errors[1]?.error), /Hook order changed between renders in Replace \(useEffect found another hook's slot\)/);
      await unmountAndCheck(second);
    } finally {
      errors.restore();
    }
  });
});

describe("useQuery with a key: the shared cache", () => {
  const t = useDataTest();

  function sharedApi() {
    const api = manualApi();
    const Name = pn.component(function Name({ label, staleTime }: { label: string; staleTime?: number }) {
      const q = pn.useQuery((signal) => api.getUser(1, signal), [], { key: ["user", 1], staleTime });
      return pn.Text(`${label}: ${q.loading ? "loading " : ""}${q.data?.name ?? "-"}`);
    });
    return { api, Name };
  }

  it("two components with the same key mounted together cause one fetch", async () => {
    const { api, Name } = sharedApi();
    const ui = render(pn.Column(Name({ label: "a" }), Name({ label: "b" })));
    await ui.settle();
    assert.equal(api.requests.length, 1);
    assert.equal(pn.runtime.pendingTasks(), 1);
    api.answer("Alice");
    await ui.settle();
    assert.deepEqual(texts(ui), ["a: Alice", "b: Alice"]);
    await unmountAndCheck(ui);
  });

  it("setData shows on both at once (one commit)", async () => {
    const { api, Name } = sharedApi();
    const ui = render(pn.Column(Name({ label: "a" }), Name({ label: "b" })));
    await ui.settle();
    api.answer("Alice");
    await ui.settle();
    ui.host.clearLog();
    pn.queryClient.setData<User>(["user", 1], (user) => ({ ...user!, name: "Alicia" }));
    await ui.settle();
    assert.deepEqual(texts(ui), ["a: Alicia", "b: Alicia"]);
    assert.equal(pn.queryClient.getData<User>(["user", 1])?.name, "Alicia");
    const ops = ui.host.log.map((op) => op.op);
    assert.deepEqual(ops, ["text", "text", "commit"], "both texts change in one commit");
    assert.equal(api.requests.length, 1, "setData does not fetch");
    await unmountAndCheck(ui);
  });

  it("invalidate refetches both with one request", async () => {
    const { api, Name } = sharedApi();
    const ui = render(pn.Column(Name({ label: "a" }), Name({ label: "b" })));
    await ui.settle();
    api.answer("Alice");
    await ui.settle();
    const done = pn.queryClient.invalidate(["user", 1]);
    await ui.settle();
    assert.equal(api.requests.length, 2);
    assert.deepEqual(texts(ui), ["a: loading Alice", "b: loading Alice"]);
    api.answer("Alice v2");
    await done;
    await ui.settle();
    assert.deepEqual(texts(ui), ["a: Alice v2", "b: Alice v2"]);
    await unmountAndCheck(ui);
  });

  it("a component mounted later shares the fetch in flight", async () => {
    const { api, Name } = sharedApi();
    const ui = render(pn.Column(Name({ label: "a" })));
    await ui.settle();
    ui.rerender(pn.Column(Name({ label: "a" }), Name({ label: "b" })));
    await ui.settle();
    assert.equal(api.requests.length, 1);
    api.answer("Alice");
    await ui.settle();
    assert.deepEqual(texts(ui), ["a: Alice", "b: Alice"]);
    await unmountAndCheck(ui);
  });

  it("the fetch survives one component unmounting and is aborted when the last goes", async () => {
    const { api, Name } = sharedApi();
    const ui = render(pn.Column(Name({ key: "a", label: "a" }), Name({ key: "b", label: "b" })));
    await ui.settle();
    ui.rerender(pn.Column(Name({ key: "b", label: "b" })));
    await ui.settle();
    assert.equal(api.requests[0]!.signal.aborted, false);
    await unmountAndCheck(ui);
    assert.equal(api.requests[0]!.signal.aborted, true);
  });

  it("staleTime: a remount within it reuses the data, after it refetches", async () => {
    const { api, Name } = sharedApi();
    let ui = render(Name({ label: "a", staleTime: 1000 }));
    await ui.settle();
    api.answer("Alice");
    await ui.settle();
    await unmountAndCheck(ui);
    await t.clock.advance(500);
    ui = render(Name({ label: "a", staleTime: 1000 }));
    ui.getByText("a: Alice");
    await ui.settle();
    assert.equal(api.requests.length, 1);
    await unmountAndCheck(ui);
    await t.clock.advance(500);
    ui = render(Name({ label: "a", staleTime: 1000 }));
    ui.getByText("a: loading Alice");
    await ui.settle();
    assert.equal(api.requests.length, 2);
    await unmountAndCheck(ui);
  });

  it("default staleTime 0: every mount refetches, showing the cached data meanwhile", async () => {
    const { api, Name } = sharedApi();
    let ui = render(Name({ label: "a" }));
    await ui.settle();
    api.answer("Alice");
    await ui.settle();
    await unmountAndCheck(ui);
    ui = render(Name({ label: "a" }));
    ui.getByText("a: loading Alice");
    await ui.settle();
    assert.equal(api.requests.length, 2);
    await unmountAndCheck(ui);
  });

  it("an unused entry is evicted after cacheTime on the loop clock", async () => {
    const Cached = pn.component(function Cached() {
      const q = pn.useQuery(async () => "cached", [], { key: "thing", cacheTime: 10_000 });
      return pn.Text(q.data ?? "-");
    });
    const ui = render(Cached());
    await ui.settle();
    ui.getByText("cached");
    await t.clock.advance(60_000);
    assert.equal(pn.queryClient.getData("thing"), "cached", "kept while observed");
    await unmountAndCheck(ui);
    await t.clock.advance(9_999);
    assert.equal(pn.queryClient.getData("thing"), "cached");
    await t.clock.advance(1);
    assert.equal(pn.queryClient.getData("thing"), undefined);
    assert.equal(pn.queryClient.size, 0);
  });

  it("a deps change refetches the same key's entry, aborting the fetch in flight", async () => {
    const api = manualApi();
    const { Probe, last } = probe((p) => pn.useQuery((signal) => api.getUser(p.dep, signal), [p.dep], { key: "current-user" }));
    const ui = render(Probe({ dep: 1 }));
    await ui.settle();
    api.answer("One");
    await ui.settle();
    ui.rerender(Probe({ dep: 2 }));
    assert.deepEqual([last().loading, last().data], [true, undefined], "the old deps' data is not shown");
    await ui.settle();
    ui.rerender(Probe({ dep: 3 }));
    await ui.settle();
    assert.equal(api.requests.length, 3);
    assert.equal(api.requests[1]!.signal.aborted, true);
    api.answer("Three", 2);
    await ui.settle();
    assert.equal(last().data?.name, "Three");
    assert.equal(pn.queryClient.getData<User>("current-user")?.name, "Three");
    await unmountAndCheck(ui);
  });

  it("a key change moves to that key's entry; keepPreviousData bridges the gap", async () => {
    const api = manualApi();
    const { Probe, last } = probe((p) => pn.useQuery((signal) => api.getUser(p.dep, signal), [p.dep], { key: ["user", p.dep], keepPreviousData: true }));
    const ui = render(Probe({ dep: 1 }));
    await ui.settle();
    api.answer("One");
    await ui.settle();
    ui.rerender(Probe({ dep: 2 }));
    assert.deepEqual([last().loading, last().data?.name], [true, "One"]);
    await ui.settle();
    api.answer("Two");
    await ui.settle();
    assert.deepEqual([last().loading, last().data?.name], [false, "Two"]);
    // Back to 1: cached, shown at once, refetched (staleTime 0).
    ui.rerender(Probe({ dep: 1 }));
    assert.deepEqual([last().loading, last().data?.name], [true, "One"]);
    await ui.settle();
    assert.equal(api.requests.length, 3);
    api.answer("One again");
    await ui.settle();
    assert.equal(last().data?.name, "One again");
    await unmountAndCheck(ui);
  });

  it("initialData is each component's fallback, not written to the cache", async () => {
    const { Probe, last } = probe(() => pn.useQuery(() => new Promise<string>(() => {}), [], { key: "slow", initialData: "fallback" }));
    const ui = render(Probe({ dep: 0 }));
    assert.equal(last().data, "fallback");
    await ui.settle();
    assert.equal(pn.queryClient.getData("slow"), undefined);
    await unmountAndCheck(ui);
  });
});

describe("useQuery with a real clock", () => {
  it("pendingTasks returns to 0 after unmount", async () => {
    const gate = deferred<string>();
    const View = pn.component(function View() {
      const q = pn.useQuery(() => gate.promise);
      return pn.Text(q.data ?? "…");
    });
    const ui = render(View());
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 1);
    gate.resolve("ok");
    await ui.findByText("ok");
    ui.unmount();
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 0);
    pn.queryClient.clear();
  });
});

describe("useQuery: many components on one key", () => {
  useDataTest();

  it("rows with differing selects and initialData each show their own result, from one request", async () => {
    let requests = 0;
    const fetchList = async (): Promise<number[]> => {
      requests++;
      return [1, 2, 3];
    };
    const double = (list: number[]) => list.map((n) => n * 2);
    const Row = pn.component(function Row({ mode }: { mode: "plain" | "double" | "sum" | "initial" }) {
      const q = pn.useQuery(fetchList, [], {
        key: ["list"],
        select: mode === "double" ? double : mode === "sum" ? (list: number[]) => list.reduce((a, b) => a + b, 0) : undefined,
        initialData: mode === "initial" ? [0] : undefined,
      } as pn.QueryOptions<number[], Error, unknown>);
      return pn.Text(`${mode}:${q.loading ? "loading" : ""}:${JSON.stringify(q.data ?? null)}`);
    });
    const modes = ["plain", "double", "plain", "sum", "initial", "double"] as const;
    const ui = render(pn.Column(modes.map((mode, i) => Row({ key: i, mode }))));
    assert.deepEqual(texts(ui), ["plain:loading:null", "double:loading:null", "plain:loading:null", "sum:loading:null", "initial:loading:[0]", "double:loading:null"]);
    await settle();
    assert.equal(requests, 1);
    assert.deepEqual(texts(ui), ["plain::[1,2,3]", "double::[2,4,6]", "plain::[1,2,3]", "sum::6", "initial::[1,2,3]", "double::[2,4,6]"]);
    await unmountAndCheck(ui);
  });

  it("observers made with the same arguments in one run share their normalized options; others do not", async () => {
    const { observerFor } = await import("../../src/data/query-observer.js");
    const fetcher = async () => "x";
    const a = observerFor(pn.queryClient, fetcher, [], { key: ["shared"] });
    const b = observerFor(pn.queryClient, fetcher, [], { key: ["shared"] });
    const c = observerFor(pn.queryClient, fetcher, [], { key: ["shared"], staleTime: 5 });
    const d = observerFor(pn.queryClient, fetcher, [1], { key: ["shared"] });
    assert.equal(a.options, b.options);
    assert.notEqual(a.options, c.options);
    assert.notEqual(c.options, d.options);
    assert.equal(c.options.staleTime, 5);
    assert.deepEqual(d.options.deps, [1]);
    // Invalid options are still refused, shared or not.
    assert.throws(() => observerFor(pn.queryClient, fetcher, [], { key: ["shared"], staleTime: -1 }), TypeError);
  });
});

describe("useQuery: re-renders that change nothing", () => {
  useDataTest();

  it("a commit or re-render with the options already applied looks nothing up in the cache", async () => {
    const client = pn.queryClient;
    const build = client.build;
    let lookups = 0;
    client.build = function (this: typeof client, ...args: Parameters<typeof build>) {
      lookups++;
      return build.apply(this, args);
    } as typeof build;
    try {
      let bump!: pn.SetState<number>;
      const Row = pn.component(function Row() {
        const [n, setN] = pn.useState(0);
        bump = setN;
        const q = pn.useQuery(async () => "x", [], { key: ["lookups"] });
        return pn.Text(`${n}:${q.data ?? "…"}`);
      });
      const ui = render(Row());
      assert.equal(lookups, 1, "the new observer finds its entry once");
      await settle();
      assert.deepEqual(texts(ui), ["0:x"]);
      bump(1);
      await settle();
      assert.deepEqual(texts(ui), ["1:x"]);
      assert.equal(lookups, 1, "its commit, the data's render and a later render look nothing up");
      await unmountAndCheck(ui);
    } finally {
      client.build = build;
    }
  });

  it("a re-render showing what the observer has applied commits no effect; a cleared cache still moves it to a new entry", async () => {
    let requests = 0;
    const fetcher = async () => `v${++requests}`;
    let bump!: pn.SetState<number>;
    let effects = 0;
    const Row = pn.component(function Row({ n }: { n: number }) {
      const q = pn.useQuery(fetcher, [], { key: ["settled"] });
      pn.useEffect(() => void effects++, [q]);
      return pn.Text(`${n}:${q.data ?? "…"}`);
    });
    const Parent = pn.component(function Parent() {
      const [n, setN] = pn.useState(0);
      bump = setN;
      return Row({ n });
    });
    const ui = render(Parent());
    await settle();
    assert.deepEqual(texts(ui), ["0:v1"]);
    const effectsBefore = effects;
    bump(1);
    await settle();
    assert.deepEqual(texts(ui), ["1:v1"]);
    assert.equal(requests, 1, "a parent's render fetches nothing");
    assert.equal(effects, effectsBefore, "the same result object");
    // The entry goes away: the next render builds a new one and the commit moves there and fetches.
    pn.queryClient.clear();
    bump(2);
    await settle();
    assert.equal(requests, 2);
    assert.deepEqual(texts(ui), ["2:v2"]);
    await unmountAndCheck(ui);
  });
});
