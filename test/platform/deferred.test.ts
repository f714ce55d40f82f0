// deferred(): code imported on first use. `use(fn)` runs the uses in call
// order, also around the moment the code arrives: the waiting uses run in
// the same step that makes the code available, so a use made a microtask
// later (which finds it loaded) cannot overtake them.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { deferred, type DeferredModule } from "../../src/platform/deferred.js";

interface Code {
  readonly name: string;
}

/** A deferred whose import the test resolves or rejects by hand. */
function manual() {
  let imports = 0;
  let settle!: { resolve: (m: DeferredModule<string, Code>) => void; reject: (e: unknown) => void };
  const d = deferred<string, Code>("kit", () => {
    imports++;
    return new Promise((resolve, reject) => (settle = { resolve, reject }));
  });
  const module: DeferredModule<string, Code> = { implement: (kit) => ({ name: `built on ${kit}` }) };
  return { d, module, settle: () => settle, imports: () => imports };
}

/** Runs `step` in each of the next `turns` microtasks. */
async function eachMicrotask(turns: number, step: () => void): Promise<void> {
  for (let i = 0; i < turns; i++) {
    await Promise.resolve();
    step();
  }
}

describe("deferred()", () => {
  it("use() runs at once when the code is here, with the code built on the kit", () => {
    const { d, module } = manual();
    d.register(module);
    let seen: string | null = null;
    const result = d.use((code) => {
      seen = code.name;
      return 7;
    });
    assert.equal(result, 7, "synchronous: no promise once loaded");
    assert.equal(seen, "built on kit");
  });

  it("uses waiting for the code run in call order, before any use made once it is loaded", async () => {
    const { d, module, settle, imports } = manual();
    const order: string[] = [];
    const first = d.use(() => order.push("first"));
    const second = d.use(() => order.push("second"));
    assert.equal(imports(), 1, "one import for all the waiting uses");
    assert.equal(order.length, 0);
    settle().resolve(module);
    // The earliest moment a caller can see the code loaded, and every one after.
    let late = false;
    await eachMicrotask(10, () => {
      if (!late && d.loaded() !== null) {
        late = true;
        d.use(() => order.push("late"));
      }
    });
    assert.ok(late);
    assert.deepEqual(order, ["first", "second", "late"]);
    assert.ok(first instanceof Promise && second instanceof Promise);
    assert.equal(await first, 1);
    assert.equal(await second, 2);
  });

  it("a use made by a waiting use, as the code arrives, runs after the others that were waiting", async () => {
    const { d, module } = manual();
    const order: string[] = [];
    const a = d.use(() => {
      order.push("a");
      void d.use(() => order.push("made by a"));
    });
    const b = d.use(() => order.push("b"));
    d.register(module);
    assert.deepEqual(order, ["a", "b", "made by a"], "in the same step as register()");
    await Promise.all([a, b]);
    // Once the waiting uses have run, a use runs at once again.
    assert.equal(d.use(() => "now"), "now");
  });

  it("a use's throw rejects its own promise only", async () => {
    const { d, module, settle } = manual();
    const failing = d.use(() => {
      throw new RangeError("bad");
    });
    const fine = d.use(() => "ok");
    settle().resolve(module);
    await assert.rejects(failing as Promise<never>, RangeError);
    assert.equal(await fine, "ok");
  });

  it("a failed import rejects the waiting uses, and the next use imports again", async () => {
    const { d, module, settle, imports } = manual();
    const ran: string[] = [];
    const waiting = d.use(() => ran.push("never"));
    const boom = new Error("offline");
    settle().reject(boom);
    await assert.rejects(waiting as Promise<never>, (e) => e === boom);
    assert.equal(d.loaded(), null);
    const retry = d.use(() => ran.push("retried"));
    assert.equal(imports(), 2);
    settle().resolve(module);
    assert.equal(await retry, 1);
    assert.deepEqual(ran, ["retried"]);
  });

  it("register() hands the code to the uses already waiting, in order", async () => {
    const { d, module } = manual();
    const order: number[] = [];
    const a = d.use(() => order.push(1));
    const b = d.use(() => order.push(2));
    d.register(module);
    assert.deepEqual(order, [1, 2], "in the same step as register()");
    await Promise.all([a, b]);
  });

  it("load() still resolves the code, and calls made after it use it synchronously", async () => {
    const { d, module, settle } = manual();
    const loading = d.load();
    settle().resolve(module);
    assert.equal((await loading).name, "built on kit");
    assert.equal(d.use((code) => code.name), "built on kit");
  });

  it("property: whatever the interleaving of uses, arrivals, failures and microtasks, uses run in the order they were made", async () => {
    const step = fc.constantFrom("use", "nested use", "microtask", "arrive", "fail");
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const { d, module, settle, imports } = manual();
        let made = 0;
        const ran: number[] = [];
        const outcomes: Array<Promise<unknown>> = [];
        let rejected = 0;
        const use = (nested: boolean): void => {
          const id = made++;
          const result = d.use(() => {
            ran.push(id);
            if (nested) use(false);
          });
          if (result instanceof Promise) outcomes.push(result.catch(() => void rejected++));
        };
        let inFlight = 0; // imports started and not yet settled by this script
        for (const s of steps) {
          const started = imports();
          if (s === "use") use(false);
          else if (s === "nested use") use(true);
          else if (s === "microtask") await Promise.resolve();
          else if (inFlight > 0) {
            inFlight = 0;
            if (s === "arrive") settle().resolve(module);
            else settle().reject(new Error("offline"));
            await Promise.resolve();
          }
          if (imports() > started) inFlight = 1;
        }
        if (inFlight > 0) settle().resolve(module);
        // Until no use made while settling is left (a nested use joins `outcomes` late).
        for (let settled = -1; settled !== outcomes.length; ) {
          settled = outcomes.length;
          await Promise.all(outcomes);
        }
        for (let i = 1; i < ran.length; i++) assert.ok(ran[i - 1]! < ran[i]!, `ran in call order: ${ran.join(", ")}`);
        assert.equal(ran.length + rejected, made, "every use ran once or was rejected by a failed import");
      }),
      { numRuns: 300 },
    );
  });
});
