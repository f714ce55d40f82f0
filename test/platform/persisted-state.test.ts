import { describe, it, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle } from "typenative/testing";
import { captureErrors, captureWarnings } from "../helpers/errors.js";

/**
 * A memory backend whose reads wait for the test: each `get` snapshots the
 * stored value when called (like a read that reached the disk then) and
 * resolves on `releaseGets()`. Writes are counted; `holdSets` makes them wait
 * for `releaseSet()` too, and `failSets` makes them reject.
 */
function controllableBackend(initial: Record<string, string> = {}) {
  const entries = new Map(Object.entries(initial));
  const gets: Array<{ key: string; release: () => void }> = [];
  const sets: Array<[key: string, value: string]> = [];
  const heldSets: Array<() => void> = [];
  const backend = {
    holdGets: true,
    holdSets: false,
    failSets: false,
    /** Called as each `set` arrives, before it is applied. */
    onSet: (_key: string, _value: string): void => {},
    get(key: string): Promise<string | null> {
      const snapshot = entries.get(key) ?? null;
      if (!backend.holdGets) return Promise.resolve(snapshot);
      return new Promise((resolve) => gets.push({ key, release: () => resolve(snapshot) }));
    },
    set(key: string, value: string): Promise<void> {
      sets.push([key, value]);
      backend.onSet(key, value);
      if (backend.failSets) return Promise.reject(new Error(`disk full writing ${key}`));
      const apply = (): void => void entries.set(key, value);
      if (!backend.holdSets) {
        apply();
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => heldSets.push(() => (apply(), resolve())));
    },
    async remove(key: string) {
      entries.delete(key);
    },
    async keys() {
      return Array.from(entries.keys());
    },
    async clear() {
      entries.clear();
    },
    entries,
    gets,
    sets,
    /** Resolves every pending read. */
    releaseGets(): void {
      for (const entry of gets.splice(0)) entry.release();
    },
    /** Lets the oldest held write land. */
    releaseSet(): void {
      const next = heldSets.shift();
      assert.ok(next, "no write is held");
      next();
    },
  };
  pn.AsyncStorage.configure({ backend });
  return backend;
}

let setter: pn.SetState<number> = () => {
  throw new Error("not rendered");
};

/** Shows the persisted number under `key` and records every value it renders. */
function counter(rendered: number[], initial = 0) {
  return pn.component(function Counter({ storageKey = "count" }: { storageKey?: string }) {
    const [n, setN] = pn.usePersistedState(storageKey, initial);
    rendered.push(n);
    setter = setN;
    return pn.Text(`n=${n}`);
  });
}

beforeEach(() => {
  pn.AsyncStorage.configure({ backend: pn.memoryStorage() });
});
afterEach(cleanup);

describe("usePersistedState: loading", () => {
  it("renders initial first, loads on mount as a component task, re-renders when the value lands", async () => {
    const backend = controllableBackend({ count: "7" });
    const rendered: number[] = [];
    const Counter = counter(rendered);
    const ui = render(Counter());
    ui.getByText("n=0");
    assert.equal(backend.gets.length, 0, "the load starts after the commit, not during render");
    await settle();
    assert.deepEqual(backend.gets.map((g) => g.key), ["count"]);
    assert.equal(pn.runtime.pendingTasks(), 1, "the load is a task of the component");
    backend.releaseGets();
    await settle();
    ui.getByText("n=7");
    assert.deepEqual(rendered, [0, 7]);
    assert.equal(pn.runtime.pendingTasks(), 0);
    assert.equal(backend.sets.length, 0, "loading writes nothing");
  });

  it("with nothing stored, stays on initial without another render and writes nothing", async () => {
    const backend = controllableBackend();
    const rendered: number[] = [];
    const ui = render(counter(rendered, 5)());
    await settle();
    backend.releaseGets();
    await settle();
    ui.getByText("n=5");
    assert.deepEqual(rendered, [5]);
    ui.unmount();
    await settle();
    assert.equal(backend.sets.length, 0);
  });

  it("unmount mid-load cancels the load: pendingTasks() is 0 and no late update is attempted", async () => {
    const backend = controllableBackend({ count: "3" });
    const warnings = captureWarnings();
    try {
      const rendered: number[] = [];
      const ui = render(counter(rendered)());
      await settle();
      assert.equal(pn.runtime.pendingTasks(), 1);
      ui.unmount();
      await settle();
      assert.equal(pn.runtime.pendingTasks(), 0);
      backend.releaseGets();
      await settle();
      assert.deepEqual(rendered, [0]);
      assert.deepEqual(warnings.warnings, [], "the cancelled load never calls the setter");
      assert.equal(backend.sets.length, 0);
    } finally {
      warnings.restore();
    }
  });

  it("values are JSON: objects round-trip, a stored null is a value, text that is not JSON reads as missing", async () => {
    controllableBackend({ user: '{"name":"Ada","tags":["x"]}', nothing: "null", broken: "{nope" }).holdGets = false;
    const seen: Record<string, unknown> = {};
    const Show = pn.component(function Show({ k }: { k: string }) {
      const [value] = pn.usePersistedState<unknown>(k, "fallback");
      seen[k] = value;
      return pn.Text(`${k}:${JSON.stringify(value)}`);
    });
    const ui = render(pn.Column(Show({ k: "user" }), Show({ k: "nothing" }), Show({ k: "broken" })));
    await settle();
    assert.deepEqual(seen.user, { name: "Ada", tags: ["x"] });
    ui.getByText("nothing:null");
    ui.getByText('broken:"fallback"');
  });
});

describe("usePersistedState: writing", () => {
  it("stored 100, setter called during the load → 1, exactly one write, 100 never rendered", async () => {
    const backend = controllableBackend({ count: "100" });
    const rendered: number[] = [];
    const ui = render(counter(rendered)());
    await settle();
    assert.equal(backend.gets.length, 1, "the load is in flight");
    setter(1);
    await settle();
    ui.getByText("n=1");
    backend.releaseGets(); // the load lands with 100 …
    await settle();
    ui.getByText("n=1"); // … and is ignored
    assert.ok(!rendered.includes(100), `rendered ${JSON.stringify(rendered)}`);
    assert.deepEqual(rendered, [0, 1]);
    assert.deepEqual(backend.sets, [["count", "1"]]);
    assert.equal(backend.entries.get("count"), "1");
  });

  it("a set during the load wins even when it equals initial", async () => {
    const backend = controllableBackend({ count: "100" });
    const rendered: number[] = [];
    const ui = render(counter(rendered)());
    await settle();
    setter(0);
    await settle();
    backend.releaseGets();
    await settle();
    ui.getByText("n=0");
    assert.ok(!rendered.includes(100));
    assert.deepEqual(backend.sets, [["count", "0"]]);
  });

  it("writes after the commit, in an effect: nothing before it, and the host already shows the value", async () => {
    const backend = controllableBackend();
    backend.holdGets = false;
    const ui = render(counter([])());
    await settle();
    const shownAtWrite: string[] = [];
    backend.onSet = () => shownAtWrite.push(ui.getAllByText(/^n=/)[0]!.text);
    setter(4);
    assert.equal(backend.sets.length, 0, "the setter itself writes nothing");
    ui.getByText("n=0"); // and renders nothing inline
    await settle();
    assert.deepEqual(backend.sets, [["count", "4"]]);
    assert.deepEqual(shownAtWrite, ["n=4"], "the write happens once the host shows the new value");
  });

  it("updaters compose against the latest value; one batch is one write of the final value", async () => {
    const backend = controllableBackend({ count: "10" });
    backend.holdGets = false;
    const rendered: number[] = [];
    const ui = render(counter(rendered)());
    await settle();
    ui.getByText("n=10");
    setter((n) => n + 1);
    setter((n) => n * 2);
    await settle();
    ui.getByText("n=22");
    assert.deepEqual(rendered, [0, 10, 22]);
    assert.deepEqual(backend.sets, [["count", "22"]]);
  });

  it("an updater during the load starts from initial, and wins", async () => {
    const backend = controllableBackend({ count: "100" });
    const ui = render(counter([], 5)());
    await settle();
    setter((n) => n + 1);
    await settle();
    backend.releaseGets();
    await settle();
    ui.getByText("n=6");
    assert.deepEqual(backend.sets, [["count", "6"]]);
  });

  it("nothing is written if nothing was set, even across re-renders; an equal value writes nothing", async () => {
    const backend = controllableBackend({ count: "2" });
    backend.holdGets = false;
    let bump!: pn.SetState<number>;
    const Parent = pn.component(function Parent() {
      const [tick, setTick] = pn.useState(0);
      bump = setTick;
      return pn.Column(pn.Text(`tick ${tick}`), counter([])());
    });
    const ui = render(Parent());
    await settle();
    bump(1);
    await settle();
    ui.getByText("tick 1");
    setter(2); // equal to the loaded value
    await settle();
    ui.unmount();
    await settle();
    assert.equal(backend.sets.length, 0);
  });

  it("writes are ordered: a slow write is never overtaken, and queued ones collapse into the latest", async () => {
    const backend = controllableBackend();
    backend.holdGets = false;
    backend.holdSets = true;
    const ui = render(counter([])());
    await settle();
    setter(1);
    await settle();
    assert.deepEqual(backend.sets, [["count", "1"]], "first write in flight");
    setter(2);
    await settle();
    setter(3);
    await settle();
    ui.getByText("n=3");
    assert.equal(backend.sets.length, 1, "nothing overtakes the write in flight");
    backend.releaseSet();
    await settle();
    assert.deepEqual(backend.sets, [["count", "1"], ["count", "3"]]);
    backend.releaseSet();
    await settle();
    assert.equal(backend.entries.get("count"), "3");
    assert.equal(await pn.AsyncStorage.get("count"), "3");
  });

  it("a write started before unmount still lands", async () => {
    const backend = controllableBackend();
    backend.holdGets = false;
    backend.holdSets = true;
    const ui = render(counter([])());
    await settle();
    setter(9);
    await settle();
    ui.unmount();
    await settle();
    backend.releaseSet();
    await settle();
    assert.equal(backend.entries.get("count"), "9");
    assert.equal(pn.runtime.pendingTasks(), 0, "writes are not tasks");
  });

  it("a value set in the handler that also closes the screen is written (it never reaches a commit); one written already is not written again", async () => {
    const backend = controllableBackend();
    backend.holdGets = false;
    let close!: () => void;
    const Settings = pn.component(function Settings() {
      const [theme, setTheme] = pn.usePersistedState("theme", "light");
      return pn.Column(
        pn.Button(`theme ${theme}`, { onClick: () => setTheme("blue") }),
        pn.Button("dark and close", {
          onClick: () => {
            setTheme("dark");
            close();
          },
        }),
      );
    });
    const App = pn.component(function App() {
      const [open, setOpen] = pn.useState(true);
      close = () => setOpen(false);
      return open ? Settings() : pn.Text("closed");
    });
    const ui = render(App());
    await settle();
    ui.press(ui.getByText("theme light"));
    await settle();
    assert.deepEqual(backend.sets, [["theme", '"blue"']]);
    ui.press(ui.getByText("dark and close"));
    await settle();
    ui.getByText("closed");
    assert.deepEqual(backend.sets, [["theme", '"blue"'], ["theme", '"dark"']], "the last choice is saved, once");
    assert.equal(await pn.AsyncStorage.get("theme"), '"dark"');
  });

  it("a component closed after its set was shown writes nothing more at unmount", async () => {
    const backend = controllableBackend();
    backend.holdGets = false;
    const ui = render(counter([])());
    await settle();
    setter(3);
    await settle();
    ui.unmount();
    await settle();
    assert.deepEqual(backend.sets, [["count", "3"]]);
  });

  it("a set overtaken by another writer's change before any commit is not written at unmount either", async () => {
    const ui = render(counter([])());
    await settle();
    // Another writer's change lands (its notification) before the set is shown: it wins, as ever.
    void pn.AsyncStorage.set("count", "5");
    setter(4);
    await settle();
    ui.getByText("n=5");
    ui.unmount();
    await settle();
    assert.equal(await pn.AsyncStorage.get("count"), "5", "the overtaken 4 is not written over it at unmount");
  });

  it("a failed write is reported with source storage and the component's name", async () => {
    const backend = controllableBackend();
    backend.holdGets = false;
    backend.failSets = true;
    const errors = captureErrors();
    try {
      const ui = render(counter([])());
      await settle();
      setter(1);
      await settle();
      ui.getByText("n=1");
      assert.equal(errors.errors.length, 1);
      const { error, info } = errors.errors[0]!;
      assert.match((error as Error).message, /disk full writing count/);
      assert.equal(info.source, "storage");
      assert.equal(info.component, "Counter");
    } finally {
      errors.restore();
    }
  });

  it("a value JSON cannot represent is reported as a TypeError, not written", async () => {
    const backend = controllableBackend();
    backend.holdGets = false;
    const errors = captureErrors();
    let set!: pn.SetState<unknown>;
    const Big = pn.component(function Big() {
      const [value, setValue] = pn.usePersistedState<unknown>("big", 0);
      set = setValue;
      return pn.Text(typeof value);
    });
    try {
      const ui = render(Big());
      await settle();
      set(10n);
      await settle();
      ui.getByText("bigint");
      assert.equal(backend.sets.length, 0);
      assert.equal(errors.errors.length, 1);
      assert.ok(errors.errors[0]!.error instanceof TypeError);
      assert.match((errors.errors[0]!.error as Error).message, /usePersistedState\("big"\).*JSON/);
      assert.equal(errors.errors[0]!.info.source, "storage");
      assert.equal(errors.errors[0]!.info.component, "Big");
    } finally {
      errors.restore();
    }
  });

  it("rejects a key that is not a string", () => {
    const errors = captureErrors();
    try {
      const Bad = pn.component(function Bad() {
        pn.usePersistedState(42 as unknown as string, 0);
        return null;
      });
      render(Bad());
      assert.equal(errors.errors.length, 1);
      assert.ok(errors.errors[0]!.error instanceof TypeError);
      assert.match((errors.errors[0]!.error as Error).message, /key must be a string/);
    } finally {
      errors.restore();
    }
  });
});

describe("usePersistedState: shared keys and key changes", () => {
  it("components sharing a key stay in sync, with one write and no echo", async () => {
    const backend = controllableBackend({ shared: '"a"' });
    backend.holdGets = false;
    const setters: Record<string, pn.SetState<string>> = {};
    let renders = 0;
    const Field = pn.component(function Field({ name }: { name: string }) {
      const [value, setValue] = pn.usePersistedState("shared", "none");
      setters[name] = setValue;
      renders++;
      return pn.Text(`${name}=${value}`);
    });
    const ui = render(pn.Column(Field({ name: "left" }), Field({ name: "right" })));
    await settle();
    ui.getByText("left=a");
    ui.getByText("right=a");

    const before = renders;
    setters.left!("b");
    await settle();
    ui.getByText("left=b");
    ui.getByText("right=b");
    assert.deepEqual(backend.sets, [["shared", '"b"']], "the follower does not write back");
    assert.equal(renders - before, 2, "one render each; the writer ignores its own echo");

    setters.right!((v) => v + "c");
    await settle();
    ui.getByText("left=bc");
    ui.getByText("right=bc");
    assert.deepEqual(backend.sets, [["shared", '"b"'], ["shared", '"bc"']]);

    await pn.AsyncStorage.remove("shared");
    await settle();
    ui.getByText("left=none");
    ui.getByText("right=none");
    assert.equal(backend.sets.length, 2);
  });

  it("the writer ignores its own echo: an object keeps its identity, no extra render, no flicker", async () => {
    const backend = controllableBackend();
    backend.holdGets = false;
    backend.holdSets = true;
    const seen: Array<{ n: number }> = [];
    let set!: pn.SetState<{ n: number }>;
    const Obj = pn.component(function Obj() {
      const [value, setValue] = pn.usePersistedState("obj", { n: 0 });
      seen.push(value);
      set = setValue;
      return pn.Text(`n=${value.n}`);
    });
    const ui = render(Obj());
    await settle();
    const mine = { n: 1 };
    set(mine);
    await settle(); // our write of 1 is in flight
    void pn.AsyncStorage.setJson("obj", { n: 99 }); // someone else's write, queued behind ours
    set({ n: 2 }); // and ours, queued behind theirs
    await settle();
    backend.releaseSet(); // ours (1) lands: its echo is ignored
    await settle();
    backend.releaseSet(); // theirs (99) lands while our 2 is pending: ours is the news
    await settle();
    backend.releaseSet(); // ours (2) lands
    await settle();
    ui.getByText("n=2");
    assert.deepEqual(seen.map((v) => v.n), [0, 1, 2], "no render for the echoes, no flicker to 99");
    assert.equal(seen[1], mine, "the value set is the value shown, not a parsed copy");
    assert.deepEqual(backend.sets.map(([, v]) => v), ['{"n":1}', '{"n":99}', '{"n":2}']);
    assert.equal(backend.entries.get("obj"), '{"n":2}');
  });

  it("follows writes made through AsyncStorage by anyone", async () => {
    controllableBackend().holdGets = false;
    const ui = render(counter([])());
    await settle();
    await pn.AsyncStorage.setJson("count", 41);
    await settle();
    ui.getByText("n=41");
  });

  it("a key change shows initial, then loads the new key; the old key's load is cancelled", async () => {
    const backend = controllableBackend({ a: "1", b: "2" });
    const rendered: number[] = [];
    const Counter = counter(rendered);
    const ui = render(Counter({ storageKey: "a" }));
    await settle();
    backend.releaseGets();
    await settle();
    ui.getByText("n=1");

    ui.rerender(Counter({ storageKey: "b" }));
    ui.getByText("n=0"); // initial until b lands
    await settle();
    assert.deepEqual(backend.gets.map((g) => g.key), ["b"]);
    backend.releaseGets();
    await settle();
    ui.getByText("n=2");

    // A change to the old key no longer reaches this component.
    await pn.AsyncStorage.setJson("a", 50);
    await settle();
    ui.getByText("n=2");

    // A key change while a load is pending cancels it.
    ui.rerender(Counter({ storageKey: "a" }));
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 1);
    ui.rerender(Counter({ storageKey: "b" }));
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 1, "only the latest key's load is pending");
    backend.releaseGets();
    await settle();
    ui.getByText("n=2");
    assert.ok(!rendered.includes(50), `rendered ${JSON.stringify(rendered)}`);
    assert.deepEqual(backend.sets, [["a", "50"]], "only the test's own write: a key change writes nothing");
  });

  it("a set right after a key change writes to the new key and wins over its load", async () => {
    const backend = controllableBackend({ a: "1", b: "2" });
    const Counter = counter([]);
    const ui = render(Counter({ storageKey: "a" }));
    await settle();
    backend.releaseGets();
    await settle();
    ui.rerender(Counter({ storageKey: "b" }));
    setter((n) => n + 10); // before b's load even started: counts from initial
    await settle();
    backend.releaseGets();
    await settle();
    ui.getByText("n=10");
    assert.deepEqual(backend.sets, [["b", "10"]]);
    assert.equal(backend.entries.get("a"), "1");
  });
});

// The seed's example, as written there.
const ThemeToggle = pn.component(function ThemeToggle() {
  const [theme, setTheme] = pn.usePersistedState("settings.theme", "light");
  return pn.Button(`Theme: ${theme}`, {
    onClick: () => setTheme(theme === "light" ? "dark" : "light"),
  });
});

describe("the seed's ThemeToggle on the test host", () => {
  it("press → dark, persisted; a remount loads dark; pressing again goes back to light", async () => {
    const ui = render(ThemeToggle());
    ui.getByText("Theme: light");
    await settle();
    ui.press(ui.getByText("Theme: light"));
    await settle();
    ui.getByText("Theme: dark");
    assert.equal(await pn.AsyncStorage.getJson("settings.theme"), "dark");
    ui.unmount();

    const again = render(ThemeToggle());
    again.getByText("Theme: light"); // initial first …
    await again.findByText("Theme: dark"); // … then the stored value
    again.press(again.getByText("Theme: dark"));
    await settle();
    again.getByText("Theme: light");
    assert.equal(await pn.AsyncStorage.get("settings.theme"), '"light"');
  });
});
