// Delays past setTimeout's 2^31−1 ms, Infinity and bad delays, on the real
// clock. Nothing here waits: the platform's setTimeout is replaced by a
// recorder (injected through createRealClock, or stubbed on globalThis for
// the default clock) and fired by hand.
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { settle } from "typenative/testing";
import { createRealClock, MAX_TIMEOUT_MS, realClock, type TimerPlatform } from "../../src/runtime/clock.js";

const DAY = 24 * 3600 * 1000;

/** A platform whose time moves only when a test fires its next timer. */
function manualPlatform(): TimerPlatform & { armed: number[]; unrefs: number; fireNext(): void; pending(): number } {
  let now = 1000;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const platform = {
    armed: [] as number[],
    unrefs: 0,
    now: () => now,
    setTimeout(fn: () => void, ms: number) {
      assert.ok(ms <= MAX_TIMEOUT_MS, `setTimeout got ${ms} ms, more than it can hold`);
      platform.armed.push(ms);
      const id = ++seq;
      timers.set(id, { at: now + ms, fn });
      return { id, unref: () => platform.unrefs++ };
    },
    clearTimeout(handle: unknown) {
      timers.delete((handle as { id: number }).id);
    },
    /** Moves time to the earliest timer and fires it. */
    fireNext() {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of timers) if (next === undefined || entry[1].at < next[1].at) next = entry;
      assert.ok(next, "no timer armed");
      timers.delete(next[0]);
      now = next[1].at;
      next[1].fn();
    },
    pending: () => timers.size,
  };
  return platform;
}

describe("long and infinite delays on the real clock", () => {
  const loop = pn.runtime.getLoop();
  const realSetTimeout = globalThis.setTimeout;
  afterEach(() => {
    loop.clock = realClock;
    globalThis.setTimeout = realSetTimeout;
  });

  it("chains timers for a delay past 2^31−1 ms and fires once the whole delay has passed", () => {
    const platform = manualPlatform();
    const clock = createRealClock(platform);
    let fired = 0;
    clock.setTimer(2 ** 31 + 1000, () => fired++);
    assert.deepEqual(platform.armed, [MAX_TIMEOUT_MS]);
    platform.fireNext();
    assert.equal(fired, 0, "fired after only 2^31−1 ms");
    assert.deepEqual(platform.armed, [MAX_TIMEOUT_MS, 1001]);
    platform.fireNext();
    assert.equal(fired, 1);
    assert.equal(platform.pending(), 0);
  });

  it("cancels whichever link of the chain is armed", () => {
    const platform = manualPlatform();
    const handle = createRealClock(platform).setTimer(60 * DAY, () => assert.fail("cancelled timer fired"));
    platform.fireNext();
    platform.fireNext();
    assert.equal(platform.armed.length, 3);
    handle.cancel();
    assert.equal(platform.pending(), 0);
  });

  it("keeps every link of a chained housekeeping timer unreferenced", () => {
    const platform = manualPlatform();
    createRealClock(platform).setTimer(30 * DAY, () => {}, false);
    platform.fireNext();
    assert.equal(platform.armed.length, 2);
    assert.equal(platform.unrefs, 2);
  });

  it("pn.sleep(2 ** 31) on the default clock hands setTimeout at most 2^31−1 ms and is still asleep after that", async () => {
    const delays: number[] = [];
    const callbacks: Array<() => void> = [];
    globalThis.setTimeout = ((fn: () => void, ms: number) => {
      delays.push(ms);
      callbacks.push(fn);
      return realSetTimeout(() => {}, 0);
    }) as typeof setTimeout;
    let woke = false;
    const controller = new AbortController();
    const sleeping = pn.sleep(2 ** 31 + 5000, { signal: controller.signal }).then(() => (woke = true), (e: unknown) => e);
    assert.deepEqual(delays, [MAX_TIMEOUT_MS]);
    // The first link firing (as if 2^31−1 ms had passed, though really none
    // has) re-arms for what is left on performance.now() instead of waking.
    callbacks[0]!();
    await settle();
    assert.equal(woke, false);
    assert.equal(delays.length, 2);
    assert.ok(delays[1]! > 5000 && delays[1]! <= MAX_TIMEOUT_MS);
    globalThis.setTimeout = realSetTimeout;
    controller.abort();
    assert.ok((await sleeping) instanceof pn.CancelledError);
  });

  it("pn.sleep(2 ** 31) resolves after the chain, not before", async () => {
    const platform = manualPlatform();
    loop.clock = createRealClock(platform);
    let woke = false;
    const sleeping = pn.sleep(2 ** 31).then(() => (woke = true));
    platform.fireNext();
    await settle();
    assert.equal(woke, false);
    platform.fireNext();
    await sleeping;
    assert.equal(woke, true);
    assert.deepEqual(platform.armed, [MAX_TIMEOUT_MS, 1]);
  });

  it("pn.sleep(Infinity) arms no timer and only its signal ends it", async () => {
    const platform = manualPlatform();
    loop.clock = createRealClock(platform);
    const controller = new AbortController();
    let woke = false;
    const sleeping = pn.sleep(Infinity, { signal: controller.signal }).then(() => (woke = true), (e: unknown) => e);
    await settle();
    assert.deepEqual(platform.armed, []);
    assert.equal(woke, false);
    controller.abort();
    assert.ok((await sleeping) instanceof pn.CancelledError);
    // callLater(Infinity) likewise returns a handle that holds nothing.
    loop.callLater(Infinity, () => assert.fail("Infinity fired")).cancel();
    assert.deepEqual(platform.armed, []);
  });

  it("a fetch timeout of 2 ** 31 ms does not fire after 2^31−1 ms", async () => {
    const platform = manualPlatform();
    loop.clock = createRealClock(platform);
    const realFetch = globalThis.fetch;
    // A server that never answers: only the abort ends the request.
    globalThis.fetch = ((_url: string, init: RequestInit) =>
      new Promise((_, reject) => init.signal!.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))))) as typeof fetch;
    try {
      let outcome: unknown = "pending";
      const request = pn.fetch("http://127.0.0.1:9/slow", { timeout: 2 ** 31 }).then(
        (r) => (outcome = r),
        (e: unknown) => (outcome = e),
      );
      await settle();
      platform.fireNext();
      await settle();
      assert.equal(outcome as unknown, "pending");
      platform.fireNext();
      assert.ok((await request) instanceof pn.TimeoutError);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it("a cacheTime of 30 days keeps an unobserved query entry past 2^31−1 ms", async () => {
    const platform = manualPlatform();
    loop.clock = createRealClock(platform);
    const client = new pn.QueryClient({ cacheTime: 30 * DAY });
    client.setData(["month"], 1);
    await settle();
    assert.equal(platform.armed.length, 1, "one eviction timer");
    platform.fireNext();
    await settle();
    assert.equal(client.getData(["month"]), 1, "evicted after 24.8 days");
    platform.fireNext();
    await settle();
    assert.equal(client.getData(["month"]), undefined);
  });

  it("rejects a negative or NaN delay with TypeError", async () => {
    for (const ms of [-1, NaN, -Infinity]) {
      await assert.rejects(pn.sleep(ms), TypeError);
      assert.throws(() => loop.callLater(ms, () => {}), TypeError);
    }
    assert.throws(() => loop.callLater("5" as unknown as number, () => {}), TypeError);
  });
});
