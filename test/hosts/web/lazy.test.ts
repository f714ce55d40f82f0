// The DOM host's lazy loading (src/hosts/web/lazy.ts), in Node: the order
// and the latest values while a module loads, views removed meanwhile, and
// failures going to onError instead of an unhandled rejection.
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import { lazy, perView } from "../../../src/hosts/web/lazy.js";
import { runtime, type ErrorHandler } from "../../../src/runtime/runtime.js";

/** A load the test resolves or rejects by hand, counting the imports. */
function manualLoad<M>() {
  const calls: Array<{ resolve(module: M): void; reject(error: unknown): void }> = [];
  const load = () => new Promise<M>((resolve, reject) => calls.push({ resolve, reject }));
  return { load, calls };
}

/** A stand-in for a DOM element: `contains` is all `forget` uses. */
interface FakeView {
  name: string;
  children: FakeView[];
  contains(other: unknown): boolean;
}

function view(name: string, parent: FakeView | null = null): FakeView {
  const el: FakeView = {
    name,
    children: [],
    contains: (other) => other === el || el.children.some((child) => child.contains(other)),
  };
  parent?.children.push(el);
  return el;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("web host: lazily loaded features", () => {
  const original: ErrorHandler = runtime.onError;
  afterEach(() => {
    runtime.onError = original;
  });

  it("lazy: uses made while loading run in order once it is here, later ones at once; one import", async () => {
    const { load, calls } = manualLoad<{ id: string }>();
    const use = lazy(load);
    const log: string[] = [];
    use((m) => log.push(`a:${m.id}`));
    use((m) => log.push(`b:${m.id}`));
    assert.equal(calls.length, 1);
    assert.equal(log.length, 0);
    calls[0]!.resolve({ id: "m" });
    await settle();
    assert.deepEqual(log, ["a:m", "b:m"]);
    use((m) => log.push(`c:${m.id}`));
    assert.deepEqual(log, ["a:m", "b:m", "c:m"], "synchronous once loaded");
    assert.equal(calls.length, 1);
  });

  it("lazy: a use made in a microtask after the import resolved does not overtake the uses that waited", async () => {
    const { load, calls } = manualLoad<{ id: string }>();
    const use = lazy(load);
    const log: string[] = [];
    use((m) => log.push(`a:${m.id}`));
    use((m) => log.push(`b:${m.id}`));
    calls[0]!.resolve({ id: "m" });
    // Runs right after the import's own reaction: before a and b if they waited on a promise of their own.
    void Promise.resolve().then(() => use((m) => log.push(`c:${m.id}`)));
    await settle();
    assert.deepEqual(log, ["a:m", "b:m", "c:m"]);
  });

  it("lazy: a use made by a waiting use runs after the others that waited; a failed import is tried again", async () => {
    const { load, calls } = manualLoad<{ id: string }>();
    const use = lazy(load);
    const log: string[] = [];
    runtime.onError = () => {};
    use(() => log.push("never"));
    calls[0]!.reject(new Error("offline"));
    await settle();
    use((m) => {
      log.push(`a:${m.id}`);
      use((n) => log.push(`nested:${n.id}`));
    });
    use((m) => log.push(`b:${m.id}`));
    assert.equal(calls.length, 2, "tried again");
    calls[1]!.resolve({ id: "m" });
    await settle();
    assert.deepEqual(log, ["a:m", "b:m", "nested:m"]);
  });

  it("lazy: a use that does not want the module neither loads it nor waits, unless it is loading or here", async () => {
    const { load, calls } = manualLoad<{ id: string }>();
    const use = lazy(load);
    const log: string[] = [];
    use((m) => log.push(`off-before:${m.id}`), false);
    assert.equal(calls.length, 0, "nothing asked of it yet: no import");
    use((m) => log.push(`on:${m.id}`));
    use((m) => log.push(`off:${m.id}`), false);
    assert.equal(calls.length, 1);
    calls[0]!.resolve({ id: "m" });
    await settle();
    assert.deepEqual(log, ["on:m", "off:m"], "an undo made while loading runs after what it undoes");
    use((m) => log.push(`off-after:${m.id}`), false);
    assert.deepEqual(log, ["on:m", "off:m", "off-after:m"], "at once once loaded");
  });

  it("lazy: a failed import and a throwing late use are reported to onError", async () => {
    const reported: string[] = [];
    runtime.onError = (error, info) => reported.push(`${info.source}: ${String(error)}`);
    const failing = manualLoad<object>();
    lazy(failing.load)(() => assert.fail("never loaded"));
    failing.calls[0]!.reject(new Error("chunk missing"));
    const ok = manualLoad<object>();
    lazy(ok.load)(() => {
      throw new Error("late throw");
    });
    ok.calls[0]!.resolve({});
    await settle();
    assert.deepEqual(reported.sort(), ["host: Error: chunk missing", "host: Error: late throw"]);
  });

  it("perView: the latest value of each view is applied; idle values and removed views are dropped", async () => {
    const { load, calls } = manualLoad<{ id: string }>();
    const applied: string[] = [];
    const set = perView(
      load,
      (m: { id: string }, target, value: string) => applied.push(`${m.id}:${(target as unknown as FakeView).name}=${value}`),
      (value) => value === "",
    );
    const root = view("root");
    const kept = view("kept", root);
    const changed = view("changed", root);
    const cleared = view("cleared", root);
    const list = view("list", root);
    const removed = view("removed", list);
    const idle = view("idle", root);
    const el = (v: FakeView) => v as unknown as HTMLElement;
    set(el(idle), "");
    assert.equal(calls.length, 0, "an idle value loads nothing");
    set(el(kept), "a");
    set(el(changed), "a");
    set(el(changed), "b");
    set(el(cleared), "a");
    set(el(cleared), "");
    set(el(removed), "a");
    set.forget(list as unknown as Node);
    assert.equal(calls.length, 1);
    calls[0]!.resolve({ id: "m" });
    await settle();
    assert.deepEqual(applied, ["m:kept=a", "m:changed=b"]);
    set(el(idle), "");
    assert.deepEqual(applied, ["m:kept=a", "m:changed=b", "m:idle="], "once loaded, every value is applied");
  });

  it("perView: a failed import forgets its views and is tried again for the next one", async () => {
    const reported: string[] = [];
    runtime.onError = (error) => reported.push(String(error));
    const { load, calls } = manualLoad<object>();
    const applied: string[] = [];
    const set = perView(load, (_m, target) => applied.push((target as unknown as FakeView).name), () => false);
    set(view("first") as unknown as HTMLElement, 1);
    calls[0]!.reject(new Error("offline"));
    await settle();
    assert.deepEqual(reported, ["Error: offline"]);
    set(view("second") as unknown as HTMLElement, 1);
    assert.equal(calls.length, 2);
    calls[1]!.resolve({});
    await settle();
    assert.deepEqual(applied, ["second"]);
  });
});
