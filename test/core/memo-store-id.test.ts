import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle } from "typenative/testing";
import { captureWarnings } from "../helpers/errors.js";

afterEach(cleanup);

describe("pn.memo", () => {
  it("skips a re-render when props are shallow-equal, renders when one changes", () => {
    let renders = 0;
    const Row = pn.memo(pn.component(function Row(p: { label: string; n: number }) {
      renders++;
      return pn.Text(`${p.label}${p.n}`);
    }));
    const ui = render(Row({ label: "a", n: 1 }));
    ui.rerender(Row({ label: "a", n: 1 }));
    assert.equal(renders, 1);
    ui.rerender(Row({ label: "a", n: 2 }));
    assert.equal(renders, 2);
    ui.getByText("a2");
  });

  it("takes a render function and a custom areEqual", () => {
    let renders = 0;
    const Row = pn.memo(
      function Row(p: { id: number; noise: number }) {
        renders++;
        return pn.Text(`row ${p.id} ${p.noise}`);
      },
      (prev, next) => prev.id === next.id,
    );
    const ui = render(Row({ id: 1, noise: 1 }));
    ui.rerender(Row({ id: 1, noise: 2 }));
    assert.equal(renders, 1);
    ui.getByText("row 1 1");
    ui.rerender(Row({ id: 2, noise: 3 }));
    assert.equal(renders, 2);
    ui.getByText("row 2 3");
  });

  it("still renders for its own state and its context", async () => {
    const Theme = pn.createContext("light");
    let set!: (n: number) => void;
    const Inner = pn.memo(function Inner() {
      const [n, setN] = pn.useState(0);
      set = setN;
      return pn.Text(`${pn.useContext(Theme)} ${n}`);
    });
    const App = (theme: string) => Theme.Provider({ value: theme }, Inner());
    const ui = render(App("light"));
    set(1);
    await settle();
    ui.getByText("light 1");
    ui.rerender(App("dark"));
    await settle();
    ui.getByText("dark 1");
  });

  it("lets a selection change re-render only the two rows it touches, in a FlatList", () => {
    const renders = new Map<number, number>();
    const Row = pn.memo(function Row(p: { id: number; selected: boolean }) {
      renders.set(p.id, (renders.get(p.id) ?? 0) + 1);
      return pn.Text(String(p.id), { style: { fontWeight: p.selected ? "bold" : "normal" } });
    });
    const data = Array.from({ length: 100 }, (_, i) => ({ id: i }));
    const App = (selected: number) => pn.FlatList(data, { renderItem: (item) => Row({ id: item.id, selected: item.id === selected }), keyExtractor: (item) => item.id });
    const ui = render(App(1));
    renders.clear();
    ui.rerender(App(2));
    assert.deepEqual([...renders.keys()].sort(), [1, 2]);
  });
});

describe("pn.useSyncExternalStore", () => {
  function createStore(initial: number) {
    let value = initial;
    const listeners = new Set<() => void>();
    return {
      get: () => value,
      set(next: number) {
        value = next;
        for (const l of listeners) l();
      },
      subscribe(l: () => void) {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      listeners,
    };
  }

  it("reads the snapshot, re-renders on change, unsubscribes on unmount", async () => {
    const store = createStore(1);
    const View = pn.component(function View() {
      return pn.Text(`v${pn.useSyncExternalStore(store.subscribe, store.get)}`);
    });
    const ui = render(View());
    ui.getByText("v1");
    await settle();
    assert.equal(store.listeners.size, 1);
    store.set(2);
    await settle();
    ui.getByText("v2");
    ui.unmount();
    assert.equal(store.listeners.size, 0);
  });

  it("catches a change made between render and subscription", async () => {
    const store = createStore(1);
    const View = pn.component(function View() {
      const v = pn.useSyncExternalStore(store.subscribe, store.get);
      pn.useLayoutEffect(() => {
        if (store.get() === 1) store.set(5);
      }, []);
      return pn.Text(`v${v}`);
    });
    const ui = render(View());
    await settle();
    ui.getByText("v5");
  });

  it("renders nothing when the store notifies without a change", async () => {
    const store = createStore(1);
    let renders = 0;
    const View = pn.component(function View() {
      renders++;
      return pn.Text(String(pn.useSyncExternalStore(store.subscribe, store.get)));
    });
    render(View());
    await settle();
    const before = renders;
    store.set(1);
    await settle();
    assert.equal(renders, before);
  });
});

describe("pn.useId", () => {
  it("is stable for a component's lifetime and unique between components", async () => {
    const ids: string[] = [];
    let set!: (n: number) => void;
    const Field = pn.component(function Field() {
      const id = pn.useId();
      const [n, setN] = pn.useState(0);
      set = setN;
      ids.push(id);
      return pn.Text(`${id}:${n}`);
    });
    render(pn.Column(Field(), Field()));
    set(1);
    await settle();
    assert.equal(ids.length, 3);
    assert.notEqual(ids[0], ids[1]);
    assert.equal(ids[2], ids[1], "the re-rendered component keeps its id");
    assert.equal(typeof ids[0], "string");
  });
});

describe("dev warnings", () => {
  it("an array of elements without keys passed as one child names the component, once", () => {
    const warnings = captureWarnings();
    try {
      const List = pn.component(function List(p: { items: string[] }) {
        return pn.Column(pn.Text("header"), p.items.map((s) => pn.Text(s)));
      });
      const ui = render(List({ items: ["a", "b"] }));
      ui.rerender(List({ items: ["a", "b", "c"] }));
      const keyWarnings = warnings.warnings.filter((w) => /key/.test(w));
      assert.equal(keyWarnings.length, 1);
      assert.match(keyWarnings[0]!, /List/);
    } finally {
      warnings.restore();
    }
  });

  it("children passed as separate arguments are not an array", () => {
    const warnings = captureWarnings();
    try {
      const Plain = pn.component(function Plain() {
        return pn.Column(pn.Text("a"), pn.Text("b"));
      });
      render(Plain());
      assert.deepEqual(warnings.warnings, []);
    } finally {
      warnings.restore();
    }
  });

  it("an async function passed to useEffect points to useAsyncEffect, once", async () => {
    const warnings = captureWarnings();
    try {
      const Eager = pn.component(function Eager() {
        pn.useEffect((async () => {}) as unknown as () => void);
        return null;
      });
      const ui = render(Eager());
      await settle();
      ui.rerender(Eager());
      await settle();
      const found = warnings.warnings.filter((w) => /useAsyncEffect/.test(w));
      assert.equal(found.length, 1);
      assert.match(found[0]!, /Eager/);
    } finally {
      warnings.restore();
    }
  });

  it("say nothing when options.dev is off", () => {
    const warnings = captureWarnings();
    const dev = pn.options.dev;
    pn.options.dev = false;
    try {
      const List = pn.component(function QuietList() {
        return pn.Column(pn.Text("header"), ["a", "b"].map((s) => pn.Text(s)), pn.Text("x", { key: 1 }), pn.Text("y", { key: 1 }));
      });
      render(List());
      assert.deepEqual(warnings.warnings, []);
    } finally {
      pn.options.dev = dev;
      warnings.restore();
    }
  });
});

describe("a lone array child", () => {
  it("passed to a container factory is one slot that must be keyed", () => {
    const warnings = captureWarnings();
    try {
      const Feed = pn.component(function Feed() {
        return pn.Column(["a", "b"].map((s) => pn.Text(s)));
      });
      const ui = render(Feed());
      ui.getByText("a");
      assert.equal(warnings.warnings.filter((w) => /key/.test(w) && /Feed/.test(w)).length, 1);
    } finally {
      warnings.restore();
    }
  });

  it("with keys is silent, and a sibling after it keeps its state as it grows", async () => {
    const warnings = captureWarnings();
    try {
      const Tally = pn.component(function Tally() {
        const [n, setN] = pn.useState(0);
        return pn.Button(`tally ${n}`, { onClick: () => setN(n + 1) });
      });
      const App = (items: string[]) => pn.h(pn.Column, null, items.map((s) => pn.Text(s, { key: s })), Tally());
      const ui = render(App(["a"]));
      ui.press(ui.getByText("tally 0"));
      await settle();
      ui.rerender(App(["a", "b"]));
      ui.getByText("tally 1");
      assert.deepEqual(warnings.warnings, []);
    } finally {
      warnings.restore();
    }
  });
});
