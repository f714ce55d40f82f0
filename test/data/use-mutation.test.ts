import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { alerts, render } from "typenative/testing";
import { captureErrors, captureWarnings } from "../helpers/errors.js";
import { deferred, unmountAndCheck, useDataTest, type Deferred } from "../helpers/data.js";

interface Post {
  id: number;
  title: string;
}

/** A fake `createPost` whose calls the test answers by hand. */
function manualCreatePost() {
  const calls: Array<{ title: string; reply: Deferred<Post> }> = [];
  const createPost = (title: string): Promise<Post> => {
    const reply = deferred<Post>();
    calls.push({ title, reply });
    return reply.promise;
  };
  return { calls, createPost };
}

// The seed's NewPostForm, in TypeScript.
function makeNewPostForm(api: { createPost(title: string): Promise<Post> }) {
  return pn.component(function NewPostForm() {
    const [title, setTitle] = pn.useState("");
    const [state, save] = pn.useMutation(api.createPost);

    async function submit(): Promise<void> {
      await save(title); // await the result
      setTitle("");
      await pn.Alert.show("Posted!");
    }

    return pn.Column(
      pn.TextInput({ value: title, onChange: setTitle, testID: "title" }),
      pn.Button(!state.loading ? "Save" : "Saving…", { onClick: () => pn.runAsync(submit()) }),
      state.error ? pn.Text(String(state.error)) : pn.Spacer(),
    );
  });
}

/** Renders `useMutation` and exposes its latest `[state, mutate]`. */
function probe<A extends unknown[], R>(use: () => readonly [pn.MutationState<R>, (...args: A) => pn.MutationCall<R>, ...unknown[]]) {
  const seen: Array<readonly [pn.MutationState<R>, (...args: A) => pn.MutationCall<R>, ...unknown[]]> = [];
  const Probe = pn.component(function MutationProbe() {
    const pair = use();
    seen.push(pair);
    const [state] = pair;
    return pn.Text(`${state.loading ? "loading" : "idle"} ${JSON.stringify(state.data) ?? "-"} ${state.error ? (state.error as Error).message : "-"}`);
  });
  return { Probe, seen, state: () => seen[seen.length - 1]![0], mutate: () => seen[seen.length - 1]![1] };
}

describe("useMutation: the seed's NewPostForm", () => {
  useDataTest();

  it("saves, shows Saving…, clears the title and shows the Posted! alert", async () => {
    const api = manualCreatePost();
    const NewPostForm = makeNewPostForm(api);
    const ui = render(NewPostForm());
    ui.changeText(ui.getByTestId("title"), "Hello");
    await ui.settle();
    assert.equal(ui.getByTestId("title").props.value, "Hello");
    ui.press(ui.getByText("Save"));
    await ui.settle();
    ui.getByText("Saving…");
    assert.deepEqual(api.calls.map((c) => c.title), ["Hello"]);
    api.calls[0]!.reply.resolve({ id: 1, title: "Hello" });
    await ui.settle();
    ui.getByText("Save");
    assert.equal(ui.getByTestId("title").props.value, "");
    assert.deepEqual(alerts.pending().map((a) => [a.kind, a.title, a.buttons]), [["show", "Posted!", ["OK"]]]);
    assert.equal(pn.runtime.pendingTasks(), 1, "submit() awaits the alert");
    alerts.respond("OK");
    await ui.settle();
    assert.equal(pn.runtime.pendingTasks(), 0);
    await unmountAndCheck(ui);
  });

  it("shows the error of a failed save and keeps the title", async () => {
    const api = manualCreatePost();
    const NewPostForm = makeNewPostForm(api);
    const errors = captureErrors();
    try {
      const ui = render(NewPostForm());
      ui.changeText(ui.getByTestId("title"), "Hello");
      await ui.settle();
      ui.press(ui.getByText("Save"));
      await ui.settle();
      api.calls[0]!.reply.reject(new Error("422 title taken"));
      await ui.settle();
      ui.getByText("Error: 422 title taken");
      ui.getByText("Save");
      assert.equal(ui.getByTestId("title").props.value, "Hello");
      assert.deepEqual(alerts.pending(), []);
      // The submit task awaited the call, so it failed, and nobody awaited
      // submit: that one is reported. The mutation itself never is.
      assert.deepEqual(errors.errors.map((e) => [(e.error as Error).message, e.info.source]), [["422 title taken", "task"]]);
      await unmountAndCheck(ui);
    } finally {
      errors.restore();
    }
  });
});

describe("useMutation", () => {
  const t = useDataTest();

  it("starts idle; await mutate(41) returns the value", async () => {
    const { Probe, state, mutate } = probe(() => pn.useMutation(async (n: number) => n + 1));
    const ui = render(Probe());
    assert.deepEqual({ ...state() }, { loading: false, data: undefined, error: null, queued: false });
    assert.ok(Object.isFrozen(state()));
    const call = mutate()(41);
    assert.equal(call.done, false);
    assert.equal(await call, 42);
    assert.equal(call.done, true);
    await ui.settle();
    assert.deepEqual({ ...state() }, { loading: false, data: 42, error: null, queued: false });
    await unmountAndCheck(ui);
  });

  it("an ignored failing call leaves state.error set and nothing else", async () => {
    const errors = captureErrors();
    try {
      const { Probe, state, mutate } = probe(() =>
        pn.useMutation(async (_: string) => {
          await pn.sleep(10);
          throw new Error("server said no");
        }),
      );
      const ui = render(Probe());
      mutate()("x"); // ignored
      await ui.settle();
      assert.equal(state().loading, true);
      await t.clock.advance(10);
      assert.deepEqual([state().loading, state().error?.message], [false, "server said no"]);
      await t.clock.advance(1000);
      assert.deepEqual(errors.errors, [], "never reported through onError");
      // (test/setup.ts fails the run on any unhandled rejection)
      await unmountAndCheck(ui);
    } finally {
      errors.restore();
    }
  });

  it("an awaited failure rejects with the mutator's error", async () => {
    const failure = new Error("nope");
    const { Probe, state, mutate } = probe(() => pn.useMutation(async () => Promise.reject(failure)));
    const ui = render(Probe());
    await assert.rejects(Promise.resolve(mutate()()), (error) => error === failure);
    await ui.settle();
    assert.equal(state().error, failure);
    await unmountAndCheck(ui);
  });

  it("a mutator that throws synchronously fails the call, not the caller", async () => {
    const { Probe, state, mutate } = probe(() =>
      pn.useMutation((_: number): Promise<number> => {
        throw new Error("sync");
      }),
    );
    const ui = render(Probe());
    const call = mutate()(1);
    await assert.rejects(Promise.resolve(call), /sync/);
    await ui.settle();
    assert.equal(state().error?.message, "sync");
    await unmountAndCheck(ui);
  });

  it("cancel() rejects awaiters with CancelledError and clears loading; data and error stay", async () => {
    const { Probe, state, mutate } = probe(() =>
      pn.useMutation(async (n: number) => {
        await pn.sleep(100);
        return n;
      }),
    );
    const ui = render(Probe());
    const first = mutate()(1);
    await t.clock.advance(100);
    assert.equal(await first, 1);
    const call = mutate()(2);
    await ui.settle();
    assert.equal(state().loading, true);
    call.cancel();
    assert.equal(call.done, true);
    assert.equal(call.signal.aborted, true);
    await assert.rejects(Promise.resolve(call), pn.CancelledError);
    await ui.settle();
    assert.deepEqual([state().loading, state().data, state().error], [false, 1, null]);
    await t.clock.advance(100);
    assert.deepEqual([state().loading, state().data], [false, 1], "the cancelled call's result is dropped");
    await unmountAndCheck(ui);
  });

  it("cancel() keeps data and a previous error", async () => {
    const gates: Array<Deferred<number>> = [];
    const { Probe, state, mutate } = probe(() =>
      pn.useMutation((_: number) => {
        const gate = deferred<number>();
        gates.push(gate);
        return gate.promise;
      }),
    );
    const ui = render(Probe());
    const first = mutate()(1);
    gates[0]!.resolve(10);
    await first;
    const second = mutate()(2);
    gates[1]!.reject(new Error("second failed"));
    await assert.rejects(Promise.resolve(second));
    await ui.settle();
    assert.deepEqual([state().data, state().error?.message], [10, "second failed"]);
    const third = mutate()(3);
    await ui.settle();
    assert.deepEqual([state().loading, state().error], [true, null], "a new call clears the error");
    third.cancel();
    await ui.settle();
    assert.deepEqual([state().loading, state().data, state().error], [false, 10, null]);
    await unmountAndCheck(ui);
  });

  it("withSignal: the mutator gets { signal } last, and cancel() aborts its I/O", async () => {
    let received = null as AbortSignal | null;
    const { Probe, state, mutate } = probe(() =>
      pn.useMutation(
        async (title: string, { signal }: pn.MutationContext) => {
          received = signal;
          await pn.sleep(1000, { signal });
          return title.toUpperCase();
        },
        { withSignal: true },
      ),
    );
    const ui = render(Probe());
    const call = mutate()("hi");
    assert.equal(received, call.signal);
    await t.clock.advance(10);
    call.cancel();
    assert.equal(received!.aborted, true);
    assert.equal(t.clock.pendingTimers(), 0, "the mutator's sleep was aborted");
    await ui.settle();
    assert.equal(state().loading, false);
    const next = mutate()("ok");
    await t.clock.advance(1000);
    assert.equal(await next, "OK");
    await ui.settle();
    assert.equal(state().data, "OK");
    await unmountAndCheck(ui);
  });

  it("without withSignal a plain mutator is called with exactly the given arguments", async () => {
    const seen: unknown[][] = [];
    const { Probe, mutate } = probe(() =>
      pn.useMutation(async (title: string, draft?: boolean) => {
        seen.push([title, draft]);
        return seen.length;
      }),
    );
    const ui = render(Probe());
    await mutate()("a");
    await mutate()("b", true);
    assert.deepEqual(seen, [
      ["a", undefined],
      ["b", true],
    ]);
    await unmountAndCheck(ui);
  });

  it("loading stays true until the last concurrent call settles; the newest outcome wins", async () => {
    const gates: Array<Deferred<string>> = [];
    const { Probe, state, mutate } = probe(() =>
      pn.useMutation((_: number) => {
        const gate = deferred<string>();
        gates.push(gate);
        return gate.promise;
      }),
    );
    const ui = render(Probe());
    const first = mutate()(1);
    const second = mutate()(2);
    await ui.settle();
    gates[1]!.resolve("second");
    await second;
    await ui.settle();
    assert.deepEqual([state().loading, state().data], [true, "second"]);
    gates[0]!.resolve("first (stale)");
    assert.equal(await first, "first (stale)", "its awaiter still gets its own result");
    await ui.settle();
    assert.deepEqual([state().loading, state().data], [false, "second"]);
    await unmountAndCheck(ui);
  });

  it("mutate is stable and calls the latest mutator", async () => {
    const Probe = pn.component(function Versioned({ version }: { version: number }) {
      const [state, mutate] = pn.useMutation(async () => `v${version}`);
      mutates.push(mutate);
      return pn.Text(`${state.data ?? "-"}`);
    });
    const mutates: Array<() => pn.MutationCall<string>> = [];
    const ui = render(Probe({ version: 1 }));
    ui.rerender(Probe({ version: 2 }));
    assert.equal(mutates[0], mutates[1]);
    assert.equal(await mutates[0]!(), "v2");
    await ui.findByText("v2");
    await unmountAndCheck(ui);
  });

  it("onMutate, onSuccess, onError and onSettled get the outcome (a cancel after onMutate included), the arguments and the context; a throwing callback is reported", async () => {
    const log: unknown[] = [];
    const errors = captureErrors();
    try {
      const { Probe, mutate } = probe(() =>
        pn.useMutation(
          async (n: number, label: string) => {
            if (n < 0) throw new Error(`bad ${n}`);
            return n * 2;
          },
          {
            onMutate: (n, label) => `ctx ${n}${label}`,
            onSuccess: (data, [n, label], context) => {
              log.push(["success", data, n, label, context]);
              if (label === "throw") throw new Error("callback bug");
            },
            onError: (error, [n, label], context) => log.push(["error", error.message, n, label, context]),
            onSettled: (data, error, [n], context) => log.push(["settled", data, error?.message, n, context]),
          },
        ),
      );
      const ui = render(Probe());
      await mutate()(2, "a");
      await assert.rejects(Promise.resolve(mutate()(-1, "b")));
      await mutate()(3, "throw");
      const cancelled = mutate()(4, "c");
      cancelled.cancel();
      await assert.rejects(Promise.resolve(cancelled), pn.CancelledError);
      await ui.settle();
      assert.deepEqual(log, [
        ["success", 4, 2, "a", "ctx 2a"],
        ["settled", 4, undefined, 2, "ctx 2a"],
        ["error", "bad -1", -1, "b", "ctx -1b"],
        ["settled", undefined, "bad -1", -1, "ctx -1b"],
        ["success", 6, 3, "throw", "ctx 3throw"],
        ["settled", 6, undefined, 3, "ctx 3throw"],
        // Cancelled after onMutate ran: onError can roll back what it did.
        ["error", "The operation was cancelled", 4, "c", "ctx 4c"],
        ["settled", undefined, "The operation was cancelled", 4, "ctx 4c"],
      ]);
      assert.deepEqual(errors.errors.map((e) => [(e.error as Error).message, e.info.source]), [["callback bug", "mutation"]]);
      await unmountAndCheck(ui);
    } finally {
      errors.restore();
    }
  });

  it("reset() goes back to idle and forgets calls in flight", async () => {
    const gates: Array<Deferred<string>> = [];
    const Probe = pn.component(function Resettable() {
      const [state, mutate, reset] = pn.useMutation(() => {
        const gate = deferred<string>();
        gates.push(gate);
        return gate.promise;
      });
      hooks = { state, mutate, reset };
      return pn.Text(`${state.loading ? "loading" : "idle"} ${state.data ?? "-"}`);
    });
    let hooks!: { state: pn.MutationState<string>; mutate: () => pn.MutationCall<string>; reset: () => void };
    const ui = render(Probe());
    const firstReset = hooks.reset;
    const done = hooks.mutate();
    gates[0]!.resolve("saved");
    await done;
    await ui.findByText("idle saved");
    const running = hooks.mutate();
    await ui.findByText("loading saved");
    hooks.reset();
    await ui.findByText("idle -");
    assert.equal(hooks.reset, firstReset, "reset is stable");
    gates[1]!.resolve("late");
    assert.equal(await running, "late", "the call itself still completes");
    await ui.settle();
    assert.deepEqual({ ...hooks.state }, { loading: false, data: undefined, error: null, queued: false });
    await unmountAndCheck(ui);
  });

  it("unmount does not cancel a call: the write finishes, the update is dropped quietly", async () => {
    const warnings = captureWarnings();
    try {
      let finished = false;
      const { Probe, mutate } = probe(() =>
        pn.useMutation(async (_: string) => {
          await pn.sleep(500);
          finished = true;
          return "saved";
        }),
      );
      const ui = render(Probe());
      const call = mutate()("x");
      ui.unmount();
      await ui.settle();
      assert.equal(call.done, false);
      assert.equal(pn.runtime.pendingTasks(), 1, "the write is still running");
      await t.clock.advance(500);
      assert.equal(finished, true);
      assert.equal(await call, "saved");
      assert.deepEqual(warnings.warnings, []);
      await unmountAndCheck(ui);
    } finally {
      warnings.restore();
    }
  });

  it("rejects bad arguments with a TypeError", async () => {
    const errors = captureErrors();
    try {
      const cases: Array<() => unknown> = [
        () => pn.useMutation(42 as unknown as () => Promise<void>),
        () => pn.useMutation(async () => 1, "options" as unknown as {}),
        () => pn.useMutation(async () => 1, { onSuccess: 1 as unknown as () => void }),
      ];
      for (const use of cases) {
        const Bad = pn.component(function Bad() {
          use();
          return pn.Text("bad");
        });
        await unmountAndCheck(render(Bad()));
      }
      assert.equal(errors.errors.length, cases.length);
      for (const { error } of errors.errors) assert.ok(error instanceof TypeError, String(error));
    } finally {
      errors.restore();
    }
  });
});
