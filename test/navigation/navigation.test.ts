import { describe, it, afterEach, beforeEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle, fakeClock, alerts, type FakeClock } from "typenative/testing";

type Params = { Home: undefined; Detail: { id: number }; Compose: undefined };
const Stack = pn.createStack<Params>();

let clock: FakeClock;
beforeEach(() => {
  clock = fakeClock();
});
afterEach(() => {
  cleanup();
  clock.uninstall();
});

const Home = pn.component(function Home() {
  const navigation = Stack.useNavigation();
  const [count, setCount] = pn.useState(0);
  return pn.Column(
    pn.Text(`home count ${count}`),
    pn.Button("inc", { onClick: () => setCount(count + 1) }),
    pn.Button("open 7", { onClick: () => navigation.navigate("Detail", { id: 7 }) }),
    pn.Button("compose", { onClick: () => navigation.navigate("Compose") }),
  );
});

let detailUnmounts = 0;
const Detail = pn.component(function Detail() {
  const route = Stack.useRoute<"Detail">();
  const [likes, setLikes] = pn.useState(0);
  pn.useEffect(() => () => void detailUnmounts++, []);
  return pn.Column(pn.Text(`detail ${route.params.id} likes ${likes}`), pn.Button("like", { onClick: () => setLikes(likes + 1) }));
});

const Compose = pn.component(function Compose() {
  const navigation = Stack.useNavigation();
  const [draft, setDraft] = pn.useState("");
  pn.useEffect(
    () =>
      navigation.addListener("beforeRemove", (e) => {
        if (draft === "") return;
        e.preventDefault();
        void pn.Alert.confirm("Discard draft?").then((discard) => {
          if (discard) void navigation.dispatch(e.data.action);
        });
      }),
    [draft],
  );
  return pn.TextInput({ value: draft, onChange: setDraft, placeholder: "Draft" });
});

function App(props: Partial<pn.NavigationContainerProps> = {}) {
  return pn.NavigationContainer(
    props,
    Stack.Navigator(
      { initialRouteName: "Home" },
      Stack.Screen({ name: "Home", component: Home }),
      Stack.Screen({ name: "Detail", component: Detail, options: { title: "Post" } }),
      Stack.Screen({ name: "Compose", component: Compose }),
    ),
  );
}

describe("stack navigator", () => {
  it("push keeps the covered screen's state; pop unmounts the popped screen and drops its state", async () => {
    detailUnmounts = 0;
    const ui = render(App());
    ui.press(ui.getByText("inc"));
    await settle();
    ui.getByText("home count 1");
    ui.press(ui.getByText("open 7"));
    await clock.advance(300);
    ui.getByText("detail 7 likes 0");
    assert.equal(ui.queryByText("home count 1"), null, "the covered screen is hidden from queries");
    ui.press(ui.getByText("like"));
    await settle();
    ui.getByText("detail 7 likes 1");
    assert.equal(ui.back(), true);
    await clock.advance(300);
    ui.getByText("home count 1");
    assert.equal(detailUnmounts, 1);
    ui.press(ui.getByText("open 7"));
    await clock.advance(300);
    ui.getByText("detail 7 likes 0");
  });

  it("navigate resolves when the transition has finished", async () => {
    let navigation!: pn.Navigation<Params>;
    const Grab = pn.component(function Grab() {
      navigation = Stack.useNavigation();
      return pn.Text("grab");
    });
    const ui = render(
      pn.NavigationContainer({}, Stack.Navigator({}, Stack.Screen({ name: "Home", component: Grab }), Stack.Screen({ name: "Detail", component: Detail }))),
    );
    let done = false;
    void navigation.navigate("Detail", { id: 1 }).then(() => (done = true));
    await clock.advance(100);
    assert.equal(done, false);
    ui.getByText("detail 1 likes 0");
    await clock.advance(200);
    assert.equal(done, true);
  });

  it("moves that end on the screen already shown (push then goBack in one handler) resolve once committed, without a transition", async () => {
    let navigation!: pn.Navigation<Params>;
    const Grab = pn.component(function Grab() {
      navigation = Stack.useNavigation();
      return pn.Text("grab");
    });
    render(pn.NavigationContainer({}, Stack.Navigator({}, Stack.Screen({ name: "Home", component: Grab }), Stack.Screen({ name: "Detail", component: Detail }))));
    const settled: string[] = [];
    void navigation.push("Detail", { id: 1 }).then(() => settled.push("push"));
    void navigation.goBack().then(() => settled.push("goBack"));
    await clock.advance(1000);
    assert.deepEqual(settled, ["push", "goBack"], "nothing is left to animate: the awaiting handler must go on");
  });

  it("a move made during another's transition resolves when its own transition has finished, not when the interrupted one stops", async () => {
    let navigation!: pn.Navigation<Params>;
    const Grab = pn.component(function Grab() {
      navigation = Stack.useNavigation();
      return pn.Text("grab");
    });
    render(
      pn.NavigationContainer(
        {},
        Stack.Navigator({}, Stack.Screen({ name: "Home", component: Grab }), Stack.Screen({ name: "Detail", component: Detail }), Stack.Screen({ name: "Compose", component: Compose })),
      ),
    );
    const settled: string[] = [];
    void navigation.navigate("Detail", { id: 1 }).then(() => settled.push("Detail"));
    await clock.advance(100);
    void navigation.navigate("Compose").then(() => settled.push("Compose"));
    await clock.advance(100);
    assert.deepEqual(settled, [], "Compose's transition (250 ms) is still running");
    await clock.advance(200);
    assert.deepEqual(settled, ["Detail", "Compose"]);
  });

  it("has a header with the title and a back button", async () => {
    const ui = render(App());
    ui.getByRole("heading", { name: "Home" });
    assert.equal(ui.queryByRole("button", { name: "Back" }), null);
    ui.press(ui.getByText("open 7"));
    await clock.advance(300);
    ui.getByRole("heading", { name: "Post" });
    ui.press(ui.getByRole("button", { name: "Back" }));
    await clock.advance(300);
    ui.getByText("home count 0");
  });

  it("a beforeRemove listener vetoes leaving, and the action goes on after a confirm", async () => {
    const ui = render(App());
    ui.press(ui.getByText("compose"));
    await clock.advance(300);
    ui.changeText(ui.getByPlaceholderText("Draft"), "hello");
    await settle();
    ui.back();
    await settle();
    assert.deepEqual(alerts.pending().map((a) => a.title), ["Discard draft?"]);
    ui.getByPlaceholderText("Draft");
    alerts.respond("Cancel");
    await clock.advance(300);
    ui.getByPlaceholderText("Draft");
    ui.back();
    await settle();
    alerts.respond("OK");
    await clock.advance(300);
    ui.getByText("home count 0");
  });

  it("back with nothing to pop is not handled", () => {
    const ui = render(App());
    assert.equal(ui.back(), false);
  });

  it("persists its state and restores it before the first render", async () => {
    const first = render(App({ persistKey: "nav-test" }));
    await settle();
    first.press(first.getByText("open 7"));
    await clock.advance(300);
    first.unmount();
    let homeRenders = 0;
    const Counted = pn.component(function Counted() {
      homeRenders++;
      return pn.Text("home");
    });
    const second = render(
      pn.NavigationContainer(
        { persistKey: "nav-test" },
        Stack.Navigator({}, Stack.Screen({ name: "Home", component: Counted }), Stack.Screen({ name: "Detail", component: Detail })),
      ),
    );
    assert.equal(second.queryByText(/detail/), null, "nothing renders before the state is read");
    await settle();
    second.getByText("detail 7 likes 0");
    // The restored stack has Home below; it rendered once, with the restored state.
    assert.equal(homeRenders, 1);
    await pn.AsyncStorage.remove("nav-test");
  });

  it("reports every new state to onStateChange as plain JSON", async () => {
    const states: pn.NavigationState[] = [];
    const ui = render(App({ onStateChange: (s) => states.push(s) }));
    ui.press(ui.getByText("open 7"));
    await clock.advance(300);
    const last = states[states.length - 1]!;
    assert.deepEqual(JSON.parse(JSON.stringify(last)), last);
    assert.deepEqual(last.routes.map((r) => r.name), ["Home", "Detail"]);
    assert.deepEqual(last.routes[1]!.params, { id: 7 });
  });

  it("useFocusEffect runs while focused and cleans up when covered or popped", async () => {
    const log: string[] = [];
    const Watched = pn.component(function Watched() {
      const navigation = Stack.useNavigation();
      pn.useFocusEffect(
        pn.useCallback(() => {
          log.push("focus");
          return () => log.push("blur");
        }, []),
      );
      return pn.Button("go", { onClick: () => navigation.navigate("Detail", { id: 2 }) });
    });
    const ui = render(
      pn.NavigationContainer({}, Stack.Navigator({}, Stack.Screen({ name: "Home", component: Watched }), Stack.Screen({ name: "Detail", component: Detail }))),
    );
    await settle();
    assert.deepEqual(log, ["focus"]);
    ui.press(ui.getByText("go"));
    await clock.advance(300);
    assert.deepEqual(log, ["focus", "blur"]);
    ui.back();
    await clock.advance(300);
    assert.deepEqual(log, ["focus", "blur", "focus"]);
  });

  it("focus and blur listeners", async () => {
    const events: string[] = [];
    const Listening = pn.component(function Listening() {
      const navigation = Stack.useNavigation();
      pn.useEffect(() => {
        const a = navigation.addListener("focus", () => events.push("focus"));
        const b = navigation.addListener("blur", () => events.push("blur"));
        return () => {
          a();
          b();
        };
      }, []);
      return pn.Button("go", { onClick: () => navigation.push("Detail", { id: 3 }) });
    });
    const ui = render(
      pn.NavigationContainer({}, Stack.Navigator({}, Stack.Screen({ name: "Home", component: Listening }), Stack.Screen({ name: "Detail", component: Detail }))),
    );
    await settle();
    ui.press(ui.getByText("go"));
    await clock.advance(300);
    ui.back();
    await clock.advance(300);
    assert.deepEqual(events, ["focus", "blur", "focus"]);
  });

  it("popping a screen cancels the tasks it started", async () => {
    let aborted = false;
    const Slow = pn.component(function Slow() {
      pn.useAsyncEffect(async (signal) => {
        signal.addEventListener("abort", () => (aborted = true));
        await pn.sleep(10_000, { signal });
      }, []);
      return pn.Text("slow");
    });
    const Start = pn.component(function Start() {
      const navigation = Stack.useNavigation();
      return pn.Button("go", { onClick: () => navigation.navigate("Detail", { id: 1 }) });
    });
    const ui = render(
      pn.NavigationContainer({}, Stack.Navigator({}, Stack.Screen({ name: "Home", component: Start }), Stack.Screen({ name: "Detail", component: Slow }))),
    );
    ui.press(ui.getByText("go"));
    await clock.advance(300);
    ui.getByText("slow");
    ui.back();
    await clock.advance(300);
    assert.equal(aborted, true);
  });
});

describe("tab navigator", () => {
  type TabParams = { Posts: undefined; Settings: undefined };
  const Tabs = pn.createTabs<TabParams>();
  const Posts = pn.component(function Posts() {
    const [n, setN] = pn.useState(0);
    return pn.Button(`posts ${n}`, { onClick: () => setN(n + 1) });
  });
  const Settings = pn.component(function Settings() {
    return pn.Text("settings screen");
  });

  it("switches tabs by their tab buttons and keeps each tab's state", async () => {
    const ui = render(
      pn.NavigationContainer({}, Tabs.Navigator({}, Tabs.Screen({ name: "Posts", component: Posts }), Tabs.Screen({ name: "Settings", component: Settings, options: { title: "Prefs" } }))),
    );
    ui.press(ui.getByText("posts 0"));
    await settle();
    assert.equal(ui.getByRole("tab", { name: "Posts" }).props.accessibilityState && (ui.getByRole("tab", { name: "Posts" }).props.accessibilityState as { selected: boolean }).selected, true);
    ui.press(ui.getByRole("tab", { name: "Prefs" }));
    await settle();
    ui.getByText("settings screen");
    assert.equal(ui.queryByText("posts 1"), null);
    ui.press(ui.getByRole("tab", { name: "Posts" }));
    await settle();
    ui.getByText("posts 1");
  });

  it("moves that end on the tab shown (to Settings and back in one handler) resolve at their commit", async () => {
    let navigation!: pn.Navigation<TabParams>;
    const Grab = pn.component(function Grab() {
      navigation = Tabs.useNavigation();
      return pn.Text("grab");
    });
    render(pn.NavigationContainer({}, Tabs.Navigator({}, Tabs.Screen({ name: "Posts", component: Grab }), Tabs.Screen({ name: "Settings", component: Settings }))));
    const settled: string[] = [];
    void navigation.navigate("Settings").then(() => settled.push("Settings"));
    void navigation.navigate("Posts").then(() => settled.push("Posts"));
    await settle();
    assert.deepEqual(settled, ["Settings", "Posts"]);
  });
});

describe("typed params", () => {
  it("are checked by the compiler", () => {
    const check = (navigation: pn.Navigation<Params>) => {
      void navigation.navigate("Detail", { id: 1 });
      void navigation.navigate("Home");
      // @ts-expect-error Detail needs { id: number }
      void navigation.navigate("Detail");
      // @ts-expect-error id must be a number
      void navigation.navigate("Detail", { id: "1" });
      // @ts-expect-error there is no such screen
      void navigation.navigate("Nowhere");
    };
    assert.equal(typeof check, "function");
    const route = {} as pn.RouteOf<Params, "Detail">;
    const id: number = route.params?.id ?? 0;
    assert.equal(id, 0);
  });
});

describe("nested navigators", () => {
  type Outer = { Main: undefined; About: undefined };
  type Inner = { Feed: undefined; Inbox: undefined };
  type Deepest = { List: undefined; Item: undefined };
  const OuterStack = pn.createStack<Outer>();
  const Tabs = pn.createTabs<Inner>();
  const InboxStack = pn.createStack<Deepest>();
  const Feed = pn.component(function Feed() {
    return pn.Text("feed screen");
  });
  const List = pn.component(function List() {
    const navigation = InboxStack.useNavigation();
    return pn.Button("open item", { onClick: () => navigation.navigate("Item") });
  });
  const Item = pn.component(function Item() {
    return pn.Text("item screen");
  });
  const Inbox = pn.component(function Inbox() {
    return InboxStack.Navigator({}, InboxStack.Screen({ name: "List", component: List }), InboxStack.Screen({ name: "Item", component: Item }));
  });
  const Main = pn.component(function Main() {
    return Tabs.Navigator({}, Tabs.Screen({ name: "Feed", component: Feed }), Tabs.Screen({ name: "Inbox", component: Inbox }));
  });
  const About = pn.component(function About() {
    return pn.Text("about screen");
  });

  it("write their moves into the route of the screen holding them, up to the container", async () => {
    const states: pn.NavigationState[] = [];
    const ui = render(
      pn.NavigationContainer(
        { onStateChange: (state) => void states.push(state) },
        OuterStack.Navigator({}, OuterStack.Screen({ name: "Main", component: Main }), OuterStack.Screen({ name: "About", component: About })),
      ),
    );
    ui.getByText("feed screen");
    ui.press(ui.getByRole("tab", { name: "Inbox" }));
    await settle();
    const tabs = states.at(-1)!.routes[0]!.state!;
    assert.equal(tabs.type, "tabs");
    assert.equal(tabs.routes[tabs.index]!.name, "Inbox", "the tab move is in the outer stack's Main route");
    ui.press(ui.getByText("open item"));
    await clock.advance(300);
    await settle();
    ui.getByText("item screen");
    const outer = states.at(-1)!;
    assert.equal(outer.routes.length, 1, "the outer stack did not move");
    const inner = outer.routes[0]!.state!;
    const inbox = inner.routes[inner.index]!.state!;
    assert.deepEqual(inbox.routes.map((route) => route.name), ["List", "Item"], "the innermost stack's move, two levels up");
    assert.equal(inbox.index, 1);
  });
});
