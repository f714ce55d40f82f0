import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle } from "typenative/testing";
import { captureErrors, captureWarnings } from "../helpers/errors.js";

afterEach(cleanup);

/** A load the test resolves or rejects by hand, counting its calls. */
function controlledLoad<C>() {
  const calls: Array<{ resolve(value: C | { default: C }): void; reject(error: unknown): void }> = [];
  const load = () =>
    new Promise<C | { default: C }>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { load, calls };
}

const Greeting = pn.component(function Greeting(props: { name: string }) {
  return pn.Text(`hello ${props.name}`);
});

describe("pn.lazy", () => {
  it("shows the fallback on the first render, then the component once its code is here", async () => {
    const { load, calls } = controlledLoad<typeof Greeting>();
    const LazyGreeting = pn.lazy(load, { fallback: pn.Text("loading") });
    const ui = render(LazyGreeting({ name: "Ada" }));
    ui.getByText("loading");
    assert.equal(calls.length, 1);
    calls[0]!.resolve(Greeting);
    await settle();
    ui.getByText("hello Ada");
    assert.equal(ui.queryByText("loading"), null);
  });

  it("renders nothing while loading when there is no fallback", async () => {
    const { load, calls } = controlledLoad<typeof Greeting>();
    const LazyGreeting = pn.lazy(load);
    const ui = render(pn.Column(pn.Text("before"), LazyGreeting({ name: "Ada" }), pn.Text("after")));
    assert.deepEqual(ui.toJSON(), render(pn.Column(pn.Text("before"), pn.Text("after"))).toJSON());
    calls[0]!.resolve({ default: Greeting });
    await settle();
    ui.getByText("hello Ada");
  });

  it("loads once for all its instances, and later mounts render at once", async () => {
    const { load, calls } = controlledLoad<typeof Greeting>();
    const LazyGreeting = pn.lazy(load, { fallback: pn.Text("loading") });
    const ui = render(pn.Column(LazyGreeting({ name: "a" }), LazyGreeting({ name: "b" })));
    assert.equal(ui.getAllByText("loading").length, 2);
    calls[0]!.resolve(Greeting);
    await settle();
    ui.getByText("hello a");
    ui.getByText("hello b");
    // Loaded: a new instance renders the component in the same render, no fallback.
    const later = render(LazyGreeting({ name: "c" }));
    later.getByText("hello c");
    assert.equal(calls.length, 1);
  });

  it("renders the component with the current props, and keeps the state around it", async () => {
    const { load, calls } = controlledLoad<typeof Greeting>();
    const LazyGreeting = pn.lazy(load, { fallback: pn.Text("loading") });
    let setName!: (name: string) => void;
    const Parent = pn.component(function Parent() {
      const [name, set] = pn.useState("first");
      const [count, setCount] = pn.useState(0);
      setName = set;
      return pn.Column(pn.Button(`count ${count}`, { onClick: () => setCount((c) => c + 1) }), LazyGreeting({ name }));
    });
    const ui = render(Parent());
    ui.press(ui.getByText("count 0"));
    await settle();
    setName("second");
    await settle();
    ui.getByText("loading");
    calls[0]!.resolve(Greeting);
    await settle();
    ui.getByText("hello second");
    ui.getByText("count 1");
  });

  it("passes children through to the loaded component", async () => {
    const Card = pn.component(function Card(props: { title: string; children?: pn.Child }) {
      return pn.Column(pn.Text(props.title), props.children);
    });
    const LazyCard = pn.lazy(() => Promise.resolve(Card));
    const ui = render(LazyCard({ title: "t" }, pn.Text("inside")));
    await settle();
    ui.getByText("t");
    ui.getByText("inside");
  });

  it("an instance unmounted while loading is never rendered again and does not warn", async () => {
    const { load, calls } = controlledLoad<typeof Greeting>();
    let renders = 0;
    const Counted = pn.component(function Counted(props: { name: string }) {
      renders++;
      return pn.Text(props.name);
    });
    const LazyCounted = pn.lazy(load);
    const warnings = captureWarnings();
    try {
      const ui = render(LazyCounted({ name: "x" }));
      ui.unmount();
      calls[0]!.resolve(Counted as never);
      await settle();
      assert.equal(renders, 0);
      assert.deepEqual(warnings.warnings, []);
    } finally {
      warnings.restore();
    }
  });

  it("a failed load is a render error caught by the nearest ErrorBoundary; the next mount loads again", async () => {
    const { load, calls } = controlledLoad<typeof Greeting>();
    const LazyGreeting = pn.lazy(load, { fallback: pn.Text("loading"), name: "LazyGreeting" });
    const seen: Array<{ error: unknown; stack: string | undefined }> = [];
    const ui = render(
      pn.ErrorBoundary(
        {
          fallback: (error, reset) => pn.Column(pn.Text(`failed: ${(error as Error).message}`), pn.Button("retry", { onClick: reset })),
          onError: (error, info) => seen.push({ error, stack: info.componentStack }),
        },
        LazyGreeting({ name: "Ada" }),
      ),
    );
    calls[0]!.reject(new Error("chunk failed"));
    await settle();
    ui.getByText("failed: chunk failed");
    assert.match(seen[0]!.stack!, /in LazyGreeting/);
    // The failure is not cached: the remounted instance loads again.
    ui.press(ui.getByText("retry"));
    await settle();
    assert.equal(calls.length, 2);
    ui.getByText("loading");
    calls[1]!.resolve(Greeting);
    await settle();
    ui.getByText("hello Ada");
  });

  it("a failed load without a boundary reaches runtime.onError with the component stack", async () => {
    const { load, calls } = controlledLoad<typeof Greeting>();
    const LazyGreeting = pn.lazy(load, { name: "LazyGreeting" });
    const errors = captureErrors();
    try {
      render(pn.Column(LazyGreeting({ name: "Ada" })));
      calls[0]!.reject(new Error("offline"));
      await settle();
      assert.equal(errors.errors.length, 1);
      assert.equal((errors.errors[0]!.error as Error).message, "offline");
      assert.match(errors.errors[0]!.info.componentStack ?? "", /in LazyGreeting/);
    } finally {
      errors.restore();
    }
  });

  it("a load that gives no component is a TypeError through the same path", async () => {
    for (const bad of [{}, { default: 42 }, null, "Greeting"]) {
      const LazyBad = pn.lazy(() => Promise.resolve(bad as never));
      const ui = render(pn.ErrorBoundary({ fallback: (error) => pn.Text(`${(error as Error).name}`) }, LazyBad({} as never)));
      await settle();
      ui.getByText("TypeError");
      await assert.rejects(LazyBad.preload(), TypeError);
    }
  });

  it("bad arguments throw a TypeError at once", () => {
    assert.throws(() => pn.lazy(undefined as never), TypeError);
    assert.throws(() => pn.lazy("./screen.js" as never), TypeError);
    assert.throws(() => pn.lazy(() => Promise.resolve(Greeting), null as never), TypeError);
  });

  it("a load that throws synchronously is a failed load, not a throw of lazy()", async () => {
    const LazyThrows = pn.lazy((): Promise<typeof Greeting> => {
      throw new Error("sync");
    });
    const ui = render(pn.ErrorBoundary({ fallback: (error) => pn.Text((error as Error).message) }, LazyThrows({ name: "x" })));
    await settle();
    ui.getByText("sync");
  });

  it("preload() starts the load once; the first render after it shows the component without a fallback", async () => {
    const { load, calls } = controlledLoad<typeof Greeting>();
    const LazyGreeting = pn.lazy(load, { fallback: pn.Text("loading") });
    const first = LazyGreeting.preload();
    const second = LazyGreeting.preload();
    assert.equal(calls.length, 1);
    calls[0]!.resolve(Greeting);
    await Promise.all([first, second]);
    render(LazyGreeting({ name: "Ada" })).getByText("hello Ada");
    assert.equal(calls.length, 1);
  });

  it("preload() rejects with a failed load's error, and the next render loads again", async () => {
    const { load, calls } = controlledLoad<typeof Greeting>();
    const LazyGreeting = pn.lazy(load, { fallback: pn.Text("loading") });
    const preloading = LazyGreeting.preload();
    calls[0]!.reject(new Error("404"));
    await assert.rejects(preloading, /404/);
    const ui = render(LazyGreeting({ name: "Ada" }));
    ui.getByText("loading");
    assert.equal(calls.length, 2);
    calls[1]!.resolve(Greeting);
    await settle();
    ui.getByText("hello Ada");
  });

  it("a failed preload() nobody awaits is not an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const { load, calls } = controlledLoad<typeof Greeting>();
      const LazyGreeting = pn.lazy(load);
      void LazyGreeting.preload();
      calls[0]!.reject(new Error("offline"));
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("a real import() of the component's module: findByText waits for it, as does awaiting preload()", async () => {
    const LazyScreen = pn.lazy(() => import("../fixtures/lazy-screen.fixture.js"), { fallback: pn.Text("loading") });
    const ui = render(LazyScreen({ title: "one" }));
    ui.getByText("loading");
    await ui.findByText("screen one");
    const Again = pn.lazy(() => import("../fixtures/lazy-screen.fixture.js"));
    await Again.preload();
    render(Again({ title: "two" })).getByText("screen two");
  });

  it("a memo component loads with its comparison", async () => {
    let renders = 0;
    const Row = pn.memo(function Row(props: { label: string }) {
      renders++;
      return pn.Text(props.label);
    });
    const LazyRow = pn.lazy(() => Promise.resolve(Row));
    let rerender!: () => void;
    const Parent = pn.component(function Parent() {
      const [n, set] = pn.useState(0);
      rerender = () => set(n + 1);
      return pn.Column(pn.Text(`n ${n}`), LazyRow({ label: "row" }));
    });
    const ui = render(Parent());
    await settle();
    ui.getByText("row");
    const before = renders;
    rerender();
    await settle();
    ui.getByText("n 1");
    assert.equal(renders, before, "a re-render with equal props skips the memoized component");
  });

  it("is a navigation screen's component: the screen loads when navigated to", async () => {
    type Params = { Home: undefined; Detail: { id: number } };
    const Stack = pn.createStack<Params>();
    const { load, calls } = controlledLoad<() => pn.Child>();
    const Detail = pn.lazy(load, { fallback: pn.Text("loading detail") });
    const Home = pn.component(function Home() {
      const navigation = Stack.useNavigation();
      return pn.Button("open", { onClick: () => void navigation.navigate("Detail", { id: 7 }) });
    });
    const ui = render(
      pn.NavigationContainer({}, Stack.Navigator({}, Stack.Screen({ name: "Home", component: Home }), Stack.Screen({ name: "Detail", component: Detail }))),
    );
    assert.equal(calls.length, 0, "a screen not shown is not loaded");
    ui.press(ui.getByText("open"));
    await settle();
    ui.getByText("loading detail");
    calls[0]!.resolve(function DetailScreen() {
      return pn.Text(`detail ${Stack.useRoute<"Detail">().params.id}`);
    });
    await settle();
    ui.getByText("detail 7");
  });
});
