import { describe, it, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { AsyncStorage, getStorageBackend, setDefaultBackend, isStorageConfigured } from "../../src/platform/storage.js";
import { memoryStorage } from "../../src/platform/memory-storage.js";
import type { StorageBackend } from "../../src/platform/storage-backend.js";
import { setDefaultBackend as setDefaultBackendAlone } from "../../src/platform/storage-default.js";
import { runtime, createRuntime, type ErrorHandler, type ErrorInfo } from "../../src/runtime/index.js";
import { enterRuntime, leaveRuntime } from "../../src/runtime/runtime.js";

type StorageModule = typeof import("../../src/platform/storage.js");

let fresh = 0;
/** A new instance of the storage module, as a process that just started would see it. */
async function freshStorageModule(): Promise<StorageModule> {
  const url = new URL("../../src/platform/storage.js", import.meta.url);
  url.searchParams.set("fresh", String(++fresh));
  return (await import(url.href)) as StorageModule;
}

const ODD_KEYS = ["../x", "../../etc/passwd", "__proto__", "constructor", "toString", "", " ", "a/b\\c", "ключ", "🔑", "a\u0000b"];

let originalOnError: ErrorHandler;
let reported: Array<{ error: unknown; info: ErrorInfo }>;

beforeEach(() => {
  AsyncStorage.configure({ backend: memoryStorage() });
  originalOnError = runtime.onError;
  reported = [];
  runtime.onError = (error, info) => reported.push({ error, info });
});

afterEach(() => {
  runtime.onError = originalOnError;
});

describe("AsyncStorage on memory storage", () => {
  it("round-trips strings and returns null for missing keys", async () => {
    assert.equal(await AsyncStorage.get("token"), null);
    await AsyncStorage.set("token", "abc");
    assert.equal(await AsyncStorage.get("token"), "abc");
    await AsyncStorage.set("token", "");
    assert.equal(await AsyncStorage.get("token"), "");
  });

  it("removes keys, lists keys and clears", async () => {
    await AsyncStorage.set("a", "1");
    await AsyncStorage.set("b", "2");
    await AsyncStorage.set("c", "3");
    await AsyncStorage.remove("b");
    await AsyncStorage.remove("never-set");
    assert.deepEqual((await AsyncStorage.keys()).sort(), ["a", "c"]);
    assert.equal(await AsyncStorage.get("b"), null);
    await AsyncStorage.clear();
    assert.deepEqual(await AsyncStorage.keys(), []);
    assert.equal(await AsyncStorage.get("a"), null);
  });

  it("rejects non-string values with TypeError and stores nothing", async () => {
    for (const value of [1, null, undefined, true, { a: 1 }, ["x"], Symbol("s"), 10n]) {
      await assert.rejects(AsyncStorage.set("k", value as unknown as string), TypeError);
    }
    assert.deepEqual(await AsyncStorage.keys(), []);
  });

  it("rejects non-string keys with TypeError in every keyed method", async () => {
    for (const key of [1, null, undefined, {}, Symbol("k")]) {
      const k = key as unknown as string;
      await assert.rejects(AsyncStorage.get(k), TypeError);
      await assert.rejects(AsyncStorage.set(k, "v"), TypeError);
      await assert.rejects(AsyncStorage.remove(k), TypeError);
      await assert.rejects(AsyncStorage.getJson(k), TypeError);
      await assert.rejects(AsyncStorage.setJson(k, 1), TypeError);
      assert.throws(() => AsyncStorage.subscribe(k, () => {}), TypeError);
    }
    assert.deepEqual(await AsyncStorage.keys(), []);
  });

  it("round-trips JSON values with setJson/getJson", async () => {
    const user = { id: 1, name: "Ada", tags: ["a", "b"], nested: { ok: true, n: null } };
    await AsyncStorage.setJson("user", user);
    assert.deepEqual(await AsyncStorage.getJson("user"), user);
    assert.equal(await AsyncStorage.get("user"), JSON.stringify(user));
    for (const value of [[1, 2, 3], 42, "text", true, false, null]) {
      await AsyncStorage.setJson("v", value);
      assert.deepEqual(await AsyncStorage.getJson("v"), value);
    }
  });

  it("getJson returns null when the key is missing or the text is not JSON", async () => {
    assert.equal(await AsyncStorage.getJson("missing"), null);
    await AsyncStorage.set("broken", "{not json");
    assert.equal(await AsyncStorage.getJson("broken"), null);
    await AsyncStorage.set("plain", "hello");
    assert.equal(await AsyncStorage.getJson("plain"), null);
  });

  it("setJson rejects values JSON cannot represent with TypeError and stores nothing", async () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const bad: unknown[] = [undefined, () => 1, Symbol("s"), 10n, { big: 1n }, cycle];
    for (const value of bad) {
      await assert.rejects(AsyncStorage.setJson("k", value), TypeError);
    }
    assert.equal(await AsyncStorage.get("k"), null);
  });

  it("treats odd keys as plain strings without touching prototypes", async () => {
    assert.equal(await AsyncStorage.get("toString"), null);
    assert.equal(await AsyncStorage.get("__proto__"), null);
    for (const key of ODD_KEYS) await AsyncStorage.set(key, `value of ${JSON.stringify(key)}`);
    for (const key of ODD_KEYS) assert.equal(await AsyncStorage.get(key), `value of ${JSON.stringify(key)}`);
    assert.deepEqual((await AsyncStorage.keys()).sort(), [...ODD_KEYS].sort());
    await AsyncStorage.setJson("__proto__", { polluted: true });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(await AsyncStorage.getJson("__proto__"), { polluted: true });
  });

  it("memoryStorage(initial) starts with the given entries and validates them", async () => {
    AsyncStorage.configure({ backend: memoryStorage(JSON.parse('{"token":"t","__proto__":"p"}') as Record<string, string>) });
    assert.equal(await AsyncStorage.get("token"), "t");
    assert.equal(await AsyncStorage.get("__proto__"), "p");
    assert.throws(() => memoryStorage({ n: 1 } as unknown as Record<string, string>), TypeError);
  });
});

describe("AsyncStorage.subscribe", () => {
  it("notifies after set, setJson, remove and clear, with the new value", async () => {
    const seen: Array<[string | null, string]> = [];
    AsyncStorage.subscribe("theme", (value, key) => seen.push([value, key]));
    await AsyncStorage.set("theme", "dark");
    await AsyncStorage.setJson("theme", "light");
    await AsyncStorage.remove("theme");
    await AsyncStorage.set("theme", "x");
    await AsyncStorage.clear();
    assert.deepEqual(seen, [
      ["dark", "theme"],
      ['"light"', "theme"],
      [null, "theme"],
      ["x", "theme"],
      [null, "theme"],
    ]);
  });

  it("notifies only listeners of the changed key, once the backend has the value", async () => {
    const backend = memoryStorage();
    AsyncStorage.configure({ backend });
    const seen: Array<string | null> = [];
    const stored: Array<string | null> = [];
    AsyncStorage.subscribe("a", (value) => {
      seen.push(value);
      void backend.get("a").then((v) => stored.push(v));
    });
    AsyncStorage.subscribe("b", () => assert.fail("b must not be notified"));
    await AsyncStorage.set("a", "1");
    await AsyncStorage.set("c", "2");
    await Promise.resolve();
    assert.deepEqual(seen, ["1"]);
    assert.deepEqual(stored, ["1"]);
  });

  it("stops after unsubscribe, and a listener may unsubscribe another mid-notify", async () => {
    const calls: string[] = [];
    let stopSecond = (): void => {};
    const stopFirst = AsyncStorage.subscribe("k", () => {
      calls.push("first");
      stopSecond();
    });
    stopSecond = AsyncStorage.subscribe("k", () => calls.push("second"));
    await AsyncStorage.set("k", "1");
    await AsyncStorage.set("k", "2");
    stopFirst();
    stopFirst();
    await AsyncStorage.set("k", "3");
    // The copy taken before notifying still calls "second" the first time.
    assert.deepEqual(calls, ["first", "second", "first"]);
  });

  it("does not notify when the write fails", async () => {
    const failing: StorageBackend = {
      ...memoryStorage(),
      async set() {
        throw new Error("disk full");
      },
    };
    AsyncStorage.configure({ backend: failing });
    let calls = 0;
    AsyncStorage.subscribe("k", () => calls++);
    await assert.rejects(AsyncStorage.set("k", "v"), /disk full/);
    assert.equal(calls, 0);
  });

  it("reports a throwing listener through onError and still resolves the write", async () => {
    const boom = new Error("listener broke");
    let later = 0;
    AsyncStorage.subscribe("k", () => {
      throw boom;
    });
    AsyncStorage.subscribe("k", () => later++);
    await AsyncStorage.set("k", "v");
    assert.equal(later, 1);
    assert.equal(reported.length, 1);
    assert.equal(reported[0]!.error, boom);
    assert.equal(reported[0]!.info.source, "storage");
  });

  it("rejects a non-function listener", () => {
    assert.throws(() => AsyncStorage.subscribe("k", "nope" as unknown as () => void), TypeError);
  });
});

describe("AsyncStorage.configure and flush", () => {
  it("uses the configured backend", async () => {
    const backend = memoryStorage();
    AsyncStorage.configure({ backend });
    await AsyncStorage.set("k", "v");
    assert.equal(await backend.get("k"), "v");
    assert.equal(getStorageBackend(), backend);
  });

  it("rejects backends missing a method, and bad options, keeping the current backend", () => {
    const before = getStorageBackend();
    const good = memoryStorage();
    for (const name of ["get", "set", "remove", "keys", "clear"] as const) {
      const broken = { ...good, [name]: undefined };
      assert.throws(() => AsyncStorage.configure({ backend: broken as unknown as StorageBackend }), new RegExp(name));
    }
    assert.throws(() => AsyncStorage.configure({ backend: { ...good, flush: 1 } as unknown as StorageBackend }), TypeError);
    assert.throws(() => AsyncStorage.configure(undefined as unknown as { backend: StorageBackend }), TypeError);
    assert.throws(() => AsyncStorage.configure({} as { backend: StorageBackend }), TypeError);
    assert.equal(getStorageBackend(), before);
  });

  it("flush awaits the backend's flush", async () => {
    let release!: () => void;
    let flushed = false;
    AsyncStorage.configure({
      backend: {
        ...memoryStorage(),
        flush: () => new Promise<void>((resolve) => (release = resolve)),
      },
    });
    const done = AsyncStorage.flush().then(() => (flushed = true));
    await new Promise((r) => setImmediate(r));
    assert.equal(flushed, false);
    release();
    await done;
    assert.equal(flushed, true);
  });

  it("flush resolves for backends without flush", async () => {
    await AsyncStorage.flush();
  });

  it("a host default never overrides an explicit configure", async () => {
    const explicit = memoryStorage();
    AsyncStorage.configure({ backend: explicit });
    assert.equal(isStorageConfigured(), true);
    assert.equal(setDefaultBackend(memoryStorage()), false);
    assert.equal(getStorageBackend(), explicit);
  });

  it("starts on memory storage, takes a host default, then an explicit choice over it", async () => {
    // A fresh module and a fresh runtime: what a process that just started sees
    // (whether the app chose a backend is kept per runtime, in storage-default.ts).
    const mod = await freshStorageModule();
    const rt = createRuntime();
    const inRt = <T>(fn: () => T): T => {
      const previous = enterRuntime(rt);
      try {
        return fn();
      } finally {
        leaveRuntime(previous);
      }
    };
    assert.equal(mod.isStorageConfigured(rt), false);
    await inRt(() => mod.AsyncStorage.set("k", "v"));
    assert.equal(await inRt(() => mod.AsyncStorage.get("k")), "v");

    const hostDefault = memoryStorage();
    assert.equal(mod.setDefaultBackend(hostDefault, rt), true);
    assert.equal(mod.getStorageBackend(rt), hostDefault);
    assert.equal(await inRt(() => mod.AsyncStorage.get("k")), null);

    const explicit = memoryStorage();
    inRt(() => mod.AsyncStorage.configure({ backend: explicit }));
    assert.equal(mod.isStorageConfigured(rt), true);
    assert.equal(mod.setDefaultBackend(memoryStorage(), rt), false);
    assert.equal(mod.getStorageBackend(rt), explicit);
    // The host-facing half is the same state: a host importing storage-default.ts alone sees the choice.
    assert.equal(setDefaultBackendAlone(memoryStorage(), rt), false);
  });
});
