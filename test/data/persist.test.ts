// queryClient.persist(): restore before the first render (no loading flash),
// throttled writes on the loop clock, maxAge and buster, errors never persisted.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, settle } from "typenative/testing";
import { captureErrors } from "../helpers/errors.js";
import { useDataTest, unmountAndCheck } from "../helpers/data.js";
import { enterRuntime, leaveRuntime } from "../../src/runtime/runtime.js";

/** A storage that records its writes. */
function recordingStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  const writes: string[] = [];
  return {
    map,
    writes,
    async get(key: string) {
      return map.get(key) ?? null;
    },
    async set(key: string, value: string) {
      writes.push(value);
      map.set(key, value);
    },
    async remove(key: string) {
      map.delete(key);
    },
    stored(key = "typenative:query-cache") {
      const text = map.get(key);
      return text === undefined ? null : (JSON.parse(text) as { buster: string; timestamp: number; entries: Array<{ key: unknown[]; data: unknown; updatedAt: number }> });
    },
  };
}

function cacheText(entries: Array<{ key: unknown[]; data: unknown; age?: number }>, options: { buster?: string; age?: number } = {}): string {
  const now = Date.now();
  return JSON.stringify({
    buster: options.buster ?? "",
    timestamp: now - (options.age ?? 0),
    entries: entries.map((e) => ({ key: e.key, data: e.data, updatedAt: now - (e.age ?? 0) })),
  });
}

describe("queryClient.persist", () => {
  const t = useDataTest();

  it("restores before it resolves: the first render shows the data, never a loading placeholder; it refetches in the background", async () => {
    const storage = recordingStorage({ "typenative:query-cache": cacheText([{ key: ["posts", 1], data: ["from disk"], age: 60_000 }]) });
    const stop = await pn.queryClient.persist({ storage });
    let fetches = 0;
    const renders: Array<{ data: string[] | undefined; loading: boolean; status: string; isStale: boolean }> = [];
    const Posts = pn.component(function Posts() {
      const q = pn.useQuery(async () => {
        fetches++;
        return ["from server"];
      }, [], { key: ["posts", 1] });
      renders.push({ data: q.data, loading: q.loading, status: q.status, isStale: q.isStale });
      return q.loading && q.data === undefined ? pn.Text("Loading…") : pn.Text(q.data!.join());
    });
    const ui = render(Posts());
    assert.deepEqual(renders[0], { data: ["from disk"], loading: true, status: "success", isStale: true }, "first render: restored data (stale, refetching)");
    ui.getByText("from disk");
    await settle();
    assert.equal(fetches, 1, "a background refetch");
    ui.getByText("from server");
    assert.ok(renders.every((r) => r.data !== undefined), "no render without data: no loading flash");
    assert.ok(renders.every((r) => r.status === "success"));
    await unmountAndCheck(ui);
    await stop();
  });

  it("uses pn.AsyncStorage under \"typenative:query-cache\" by default", async () => {
    await pn.AsyncStorage.set("typenative:query-cache", cacheText([{ key: ["user"], data: { name: "Ada" } }]));
    const stop = await pn.queryClient.persist();
    assert.deepEqual(pn.queryClient.getData(["user"]), { name: "Ada" });
    pn.queryClient.setData(["user"], { name: "Grace" });
    await stop();
    const stored = JSON.parse((await pn.AsyncStorage.get("typenative:query-cache"))!) as { entries: Array<{ data: unknown }> };
    assert.deepEqual(stored.entries.map((e) => e.data), [{ name: "Grace" }]);
    await pn.AsyncStorage.clear();
  });

  it("the default storage is pn.AsyncStorage's own get/set/remove: its subscribers hear the writes", async () => {
    const heard: Array<string | null> = [];
    const unsubscribe = pn.AsyncStorage.subscribe("typenative:query-cache", (value) => heard.push(value));
    await pn.AsyncStorage.set("typenative:query-cache", "{not json");
    const stop = await pn.queryClient.persist({ throttle: 0 });
    assert.deepEqual(heard, ["{not json", null], "the unreadable cache was removed through AsyncStorage");
    pn.queryClient.setData(["k"], "v");
    await stop();
    assert.equal(heard.length, 3);
    assert.deepEqual(JSON.parse(heard[2]!).entries.map((e: { data: unknown }) => e.data), ["v"]);
    unsubscribe();
    await pn.AsyncStorage.clear();
  });

  it("writes data changes throttled on the loop clock: many changes, one write per throttle window", async () => {
    const storage = recordingStorage();
    const stop = await pn.queryClient.persist({ storage, throttle: 1000 });
    for (let i = 0; i < 10; i++) pn.queryClient.setData(["n", i], i);
    await t.clock.advance(999);
    assert.equal(storage.writes.length, 0);
    await t.clock.advance(1);
    assert.equal(storage.writes.length, 1);
    assert.equal(storage.stored()!.entries.length, 10);
    pn.queryClient.setData(["n", 0], 100);
    await t.clock.advance(1000);
    assert.equal(storage.writes.length, 2);
    await t.clock.advance(10_000);
    assert.equal(storage.writes.length, 2, "nothing changed: nothing written");
    await stop();
  });

  it("errors are never persisted; unkeyed queries neither; an entry's data stays when a refetch fails", async () => {
    const storage = recordingStorage();
    const stop = await pn.queryClient.persist({ storage, throttle: 10 });
    let fail = false;
    const Probe = pn.component(function Probe() {
      const kept = pn.useQuery(async () => {
        if (fail) throw new Error("offline");
        return "good";
      }, [], { key: ["kept"] });
      pn.useQuery(async (): Promise<string> => {
        throw new Error("never worked");
      }, [], { key: ["broken"] });
      pn.useQuery(async () => "private", []);
      return pn.Button(String(kept.data), { onClick: kept.refetch });
    });
    const ui = render(Probe());
    await t.clock.advance(10);
    fail = true;
    ui.press(ui.getByText("good"));
    await t.clock.advance(10);
    assert.equal(pn.queryClient.getState(["kept"])!.error?.message, "offline");
    await stop();
    const stored = storage.stored()!;
    assert.deepEqual(stored.entries.map((e) => [e.key, e.data]), [[["kept"], "good"]]);
    assert.ok(!storage.writes.some((w) => w.includes("offline") || w.includes("never worked") || w.includes("private")));
    await unmountAndCheck(ui);
  });

  it("maxAge drops an old cache (removed from storage) and old entries of a young one", async () => {
    const old = recordingStorage({ "typenative:query-cache": cacheText([{ key: ["a"], data: 1 }], { age: 25 * 3600_000 }) });
    let stop = await pn.queryClient.persist({ storage: old });
    assert.equal(pn.queryClient.getData(["a"]), undefined);
    assert.equal(old.map.size, 0, "an expired cache is removed");
    await stop();

    const mixed = recordingStorage({ "typenative:query-cache": cacheText([{ key: ["fresh"], data: 1, age: 1000 }, { key: ["old"], data: 2, age: 10_000 }]) });
    stop = await pn.queryClient.persist({ storage: mixed, maxAge: 5000 });
    assert.deepEqual([pn.queryClient.getData(["fresh"]), pn.queryClient.getData(["old"])], [1, undefined]);
    await stop();
  });

  it("a different buster drops the cache; so does an unreadable one", async () => {
    const v1 = recordingStorage({ "typenative:query-cache": cacheText([{ key: ["a"], data: "v1 shape" }], { buster: "v1" }) });
    let stop = await pn.queryClient.persist({ storage: v1, buster: "v2" });
    assert.equal(pn.queryClient.getData(["a"]), undefined);
    assert.equal(v1.map.size, 0);
    await stop();

    const corrupt = recordingStorage({ "typenative:query-cache": "{not json" });
    stop = await pn.queryClient.persist({ storage: corrupt });
    assert.equal(corrupt.map.size, 0);
    await stop();

    const same = recordingStorage({ "typenative:query-cache": cacheText([{ key: ["a"], data: "v2 shape" }], { buster: "v2" }) });
    stop = await pn.queryClient.persist({ storage: same, buster: "v2" });
    assert.equal(pn.queryClient.getData(["a"]), "v2 shape");
    await stop();
  });

  it("a restored entry never overrides data the app already has", async () => {
    pn.queryClient.setData(["a"], "live");
    const storage = recordingStorage({ "typenative:query-cache": cacheText([{ key: ["a"], data: "disk" }]) });
    const stop = await pn.queryClient.persist({ storage });
    assert.equal(pn.queryClient.getData(["a"]), "live");
    await stop();
  });

  it("stop() makes the write still due, then writes no more; a failed write is reported and retried on the next change", async () => {
    const storage = recordingStorage();
    const stop = await pn.queryClient.persist({ storage, throttle: 60_000 });
    pn.queryClient.setData(["x"], 1);
    await stop();
    assert.equal(storage.writes.length, 1, "the pending write was made at stop()");
    pn.queryClient.setData(["x"], 2);
    await t.clock.advance(120_000);
    assert.equal(storage.writes.length, 1);

    let failNext = true;
    const flaky = {
      ...recordingStorage(),
      async set(key: string, value: string) {
        if (failNext) {
          failNext = false;
          throw new Error("disk full");
        }
        await storage.set(key, value);
      },
    };
    const errors = captureErrors();
    const stop2 = await pn.queryClient.persist({ storage: flaky, throttle: 10 });
    pn.queryClient.setData(["y"], 1);
    await t.clock.advance(10);
    assert.match(String(errors.errors[0]?.error), /disk full/);
    pn.queryClient.setData(["y"], 2);
    await t.clock.advance(10);
    assert.equal(storage.stored()!.entries.find((e) => e.key[0] === "y")?.data, 2);
    await stop2();
    errors.restore();
  });

  it("a change made while the persister's code loads (it is imported on the first call) is written too", async () => {
    const storage = recordingStorage();
    const pending = pn.queryClient.persist({ storage, throttle: 10 });
    pn.queryClient.setData(["early"], 1);
    const stop = await pending;
    await t.clock.advance(10);
    assert.deepEqual(storage.stored()?.entries.map((e) => [e.key, e.data]), [[["early"], 1]]);
    // A change nobody makes writes nothing: the early change was heard once.
    await t.clock.advance(1000);
    assert.equal(storage.writes.length, 1);
    await stop();
  });

  it("a persist() that rejects because the stored cache cannot be read writes nothing afterwards (the cache it could not read stays)", async () => {
    const stored = cacheText([{ key: ["posts"], data: ["yesterday"] }]);
    const storage = recordingStorage({ "typenative:query-cache": stored });
    let failReads = true;
    const unreadable = {
      ...storage,
      async get(key: string) {
        if (failReads) throw new Error("EIO: read failed");
        return storage.get(key);
      },
    };
    const pending = pn.queryClient.persist({ storage: unreadable, throttle: 10 });
    pn.queryClient.setData(["early"], 1); // while the persister's code loads: a write is due
    await assert.rejects(pending, /EIO/);
    pn.queryClient.setData(["later"], 2);
    await t.clock.advance(1000);
    assert.deepEqual(storage.writes, [], "persist() failed: nothing may be written");
    assert.equal(storage.map.get("typenative:query-cache"), stored, "the cache it could not read is not overwritten");
    // A second try, once the storage reads again, restores it.
    failReads = false;
    const stop = await pn.queryClient.persist({ storage: unreadable, throttle: 10 });
    assert.deepEqual(pn.queryClient.getData(["posts"]), ["yesterday"]);
    await stop();
  });

  it("reads pn.AsyncStorage of the runtime it was called in, though its code loads later", async () => {
    const backend = pn.memoryStorage({ "typenative:query-cache": cacheText([{ key: ["theirs"], data: "other runtime" }]) });
    const rt = pn.createRuntime({ services: { storage: backend } });
    const client = new pn.QueryClient();
    const previous = enterRuntime(rt);
    let pending: Promise<() => Promise<void>>;
    try {
      pending = client.persist();
    } finally {
      leaveRuntime(previous);
    }
    const stop = await pending;
    assert.equal(client.getData(["theirs"]), "other runtime");
    assert.equal(await pn.AsyncStorage.get("typenative:query-cache"), null, "the current runtime's storage is untouched");
    await stop();
  });

  it("writes to pn.AsyncStorage of the runtime it was called in, though the writes come later, from a timer", async () => {
    const backend = pn.memoryStorage();
    const rt = pn.createRuntime({ services: { storage: backend } });
    const client = new pn.QueryClient();
    const previous = enterRuntime(rt);
    let pending: Promise<() => Promise<void>>;
    try {
      pending = client.persist({ throttle: 0 }); // rt's loop runs on the real clock
    } finally {
      leaveRuntime(previous);
    }
    const stop = await pending;
    client.setData(["mine"], "this runtime's");
    for (let i = 0; i < 20 && (await backend.get("typenative:query-cache")) === null; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.match((await backend.get("typenative:query-cache")) ?? "nothing written", /this runtime's/);
    assert.equal(await pn.AsyncStorage.get("typenative:query-cache"), null, "the default runtime's storage is untouched");
    await stop();
  });

  it("bad options reject (the call never throws), as before the persister loaded lazily", async () => {
    const call = () => pn.queryClient.persist({ throttle: -1 });
    let pending: Promise<unknown> | undefined;
    assert.doesNotThrow(() => void (pending = call()));
    await assert.rejects(pending!, /throttle must be a number/);
    await assert.rejects(pn.queryClient.persist({ storage: { get: 1 } as never }), /storage\.get must be a function/);
    // Nothing stays subscribed to the cache (the listener kept while the code loaded is gone too).
    assert.equal((pn.queryClient as unknown as { dataListeners: Set<unknown> }).dataListeners.size, 0);
  });

  it("a value JSON cannot hold is skipped and reported; the rest is written", async () => {
    const storage = recordingStorage();
    const errors = captureErrors();
    const stop = await pn.queryClient.persist({ storage, throttle: 0 });
    pn.queryClient.setData(["big"], 10n);
    pn.queryClient.setData(["ok"], 1);
    await stop();
    assert.deepEqual(storage.stored()!.entries.map((e) => e.key), [["ok"]]);
    assert.match(String(errors.errors[0]?.error), /cannot be stored as JSON/);
    errors.restore();
  });
});
