// What a query observer does when time passes or the app's focus or
// connection changes (src/data/query-triggers.ts) loads with import() on
// first use. typenative/testing registers it up front, so these tests load
// a fresh copy of query-observer.ts, one per test, in which that code is not
// loaded yet: what an app sees right after start-up.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { settle } from "typenative/testing";
import { QueryClient } from "../../src/data/index.js";
import { useDataTest } from "../helpers/data.js";
import { freshModule } from "../helpers/fresh-module.js";

type ObserverModule = typeof import("../../src/data/query-observer.js");

const unloaded = () => freshModule<ObserverModule>(new URL("../../src/data/query-observer.ts", import.meta.url));

describe("a query observer's triggers before their code is loaded", () => {
  const t = useDataTest();

  it("are registered by typenative/testing", async () => {
    const { queryTriggers } = await import("../../src/data/query-observer.js");
    assert.notEqual(queryTriggers.loaded(), null);
  });

  it("an observer that never polls, keeps data fresh or hears a signal never loads them", async () => {
    const { QueryObserver, queryTriggers } = await unloaded();
    const client = new QueryClient();
    const observer = new QueryObserver<number>(client, { key: "plain", fetcher: async () => 1 });
    const stop = observer.subscribe(() => {});
    await settle();
    assert.equal(observer.getResult().data, 1);
    stop();
    await settle();
    assert.equal(queryTriggers.loaded(), null);
    client.clear();
  });

  it("a focus change refetches stale data once the code is there", async () => {
    const { QueryObserver, queryTriggers } = await unloaded();
    const client = new QueryClient();
    let calls = 0;
    const observer = new QueryObserver<number>(client, { key: "focus", fetcher: async () => ++calls });
    const stop = observer.subscribe(() => {});
    await settle();
    assert.equal(calls, 1);
    pn.focusManager.setFocused(false);
    pn.focusManager.setFocused(true);
    assert.equal(calls, 1, "not before the code arrives");
    await queryTriggers.load();
    await settle();
    assert.equal(calls, 2, "one refetch, on regaining focus");
    // From now on at once.
    pn.focusManager.setFocused(false);
    pn.focusManager.setFocused(true);
    assert.equal(calls, 3);
    stop();
    await settle();
    client.clear();
  });

  it("a signal heard by an observer that unsubscribes before the code arrives refetches nothing", async () => {
    const { QueryObserver, queryTriggers } = await unloaded();
    const client = new QueryClient();
    let calls = 0;
    const observer = new QueryObserver<number>(client, { key: "gone", fetcher: async () => ++calls });
    const stop = observer.subscribe(() => {});
    await settle();
    pn.onlineManager.setOnline(false);
    pn.onlineManager.setOnline(true);
    stop();
    await queryTriggers.load();
    await settle();
    assert.equal(calls, 1);
    assert.equal(client.getState("gone")?.fetching, false);
    client.clear();
  });

  it("a polling interval is armed once the code is there, and polls on the loop clock", async () => {
    const { QueryObserver, queryTriggers } = await unloaded();
    const client = new QueryClient();
    let calls = 0;
    const observer = new QueryObserver<number>(client, { key: "poll", fetcher: async () => ++calls, refetchInterval: 1000 });
    const stop = observer.subscribe(() => {});
    assert.equal(queryTriggers.loaded(), null);
    await queryTriggers.load();
    await settle();
    assert.equal(calls, 1);
    await t.clock.advance(1000);
    assert.equal(calls, 2);
    await t.clock.advance(1000);
    assert.equal(calls, 3);
    stop();
    await t.clock.advance(5000);
    assert.equal(calls, 3, "no poll after the last unsubscribe");
    client.clear();
  });

  it("an observer that unsubscribes before the code arrives arms no interval", async () => {
    const { QueryObserver, queryTriggers } = await unloaded();
    const client = new QueryClient();
    let calls = 0;
    const observer = new QueryObserver<number>(client, { key: "short", fetcher: async () => ++calls, refetchInterval: 1000 });
    const stop = observer.subscribe(() => {});
    stop();
    await queryTriggers.load();
    await t.clock.advance(5000);
    assert.equal(calls, 1);
    client.clear();
  });

  it("fresh data turns stale after staleTime, counted from when it landed", async () => {
    const { QueryObserver, queryTriggers } = await unloaded();
    const client = new QueryClient();
    const observer = new QueryObserver<string>(client, { key: "fresh", fetcher: async () => "x", staleTime: 1000 });
    const seen: boolean[] = [];
    const stop = observer.subscribe((result) => seen.push(result.isStale));
    await settle();
    assert.equal(observer.getResult().isStale, false);
    await queryTriggers.load();
    await t.clock.advance(999);
    assert.equal(observer.getResult().isStale, false);
    await t.clock.advance(1);
    assert.equal(observer.getResult().isStale, true);
    assert.equal(seen.at(-1), true);
    stop();
    await settle();
    client.clear();
  });
});
