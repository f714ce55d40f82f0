// The address bar as a NavigationContainer with `linking` keeps it (a fake HistoryService).
import { describe, it, afterEach, beforeEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle, fakeClock, type FakeClock } from "typenative/testing";
import type { HistoryService } from "../../src/runtime/services.js";

type Params = { Home: undefined; Post: { id: number | string } };
const Stack = pn.createStack<Params>();

const Home = pn.component(function Home() {
  const navigation = Stack.useNavigation();
  return pn.Button("open 7", { onClick: () => navigation.navigate("Post", { id: 7 }) });
});
const Post = pn.component(function Post() {
  const route = Stack.useRoute<"Post">();
  const navigation = Stack.useNavigation();
  const [likes, setLikes] = pn.useState(0);
  return pn.Column(
    pn.Text(`post ${typeof route.params.id} ${String(route.params.id)}`),
    pn.Text(`likes ${likes}`),
    pn.Button("like", { onClick: () => setLikes(likes + 1) }),
    pn.Button("next post", { onClick: () => navigation.push("Post", { id: Number(route.params.id) + 1 }) }),
  );
});

const linking: pn.LinkingOptions = { config: { screens: { Home: "", Post: "post/:id" } } };
const App = () =>
  pn.NavigationContainer(
    { linking },
    Stack.Navigator({ initialRouteName: "Home" }, Stack.Screen({ name: "Home", component: Home }), Stack.Screen({ name: "Post", component: Post })),
  );

/** A history that records the moves the container makes; `pop` is the browser's back button. */
function fakeHistory(start: string): HistoryService & { moves: string[]; pop(path: string): void } {
  let at = start;
  const moves: string[] = [];
  const listeners = new Set<(path: string) => void>();
  return {
    moves,
    location: () => at,
    push: (path) => void moves.push(`push ${(at = path)}`),
    replace: (path) => void moves.push(`replace ${(at = path)}`),
    subscribe: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    pop(path) {
      at = path;
      for (const listener of listeners) listener(path);
    },
  };
}

let clock: FakeClock;
let previous: HistoryService | null | undefined;
beforeEach(() => {
  clock = fakeClock();
  previous = pn.runtime.services.history;
});
afterEach(() => {
  cleanup();
  clock.uninstall();
  pn.runtime.services.history = previous;
});

async function open(path: string) {
  const history = fakeHistory(path);
  pn.runtime.services.history = history;
  const ui = render(App());
  await settle();
  return { ui, history };
}

describe("NavigationContainer linking: opening a URL", () => {
  it("keeps an id that is not a number's own spelling as the text in the URL", async () => {
    for (const id of ["9007199254740993", "007", "1.50", "-0"]) {
      const { ui, history } = await open(`/post/${id}`);
      assert.ok(ui.queryByText(`post string ${id}`), `${id}: ${history.moves.join(", ")}`);
      assert.deepEqual(history.moves, [], id);
      cleanup();
    }
  });

  it("still gives a number's own spelling back as a number", async () => {
    const { ui, history } = await open("/post/42");
    assert.ok(ui.queryByText("post number 42"));
    assert.deepEqual(history.moves, []);
  });

  it("writes the screen's own path over the entry it was opened at, adding no entry the back button would stop at", async () => {
    for (const [opened, path] of [["/post/7?ref=mail", "/post/7"], ["/post/7/", "/post/7"]] as const) {
      const { history } = await open(opened);
      assert.deepEqual(history.moves, [`replace ${path}`], opened);
      cleanup();
    }
  });

  it("pushes the first move made from a URL no screen has (the back button returns from it)", async () => {
    const { ui, history } = await open("/no/such/screen");
    assert.deepEqual(history.moves, []);
    ui.press(ui.getByText("open 7"));
    await settle();
    assert.deepEqual(history.moves, ["push /post/7"]);
  });

  it("the back button returns to the same screen's earlier instance the URL names, with its state", async () => {
    const { ui, history } = await open("/");
    ui.press(ui.getByText("open 7"));
    await settle();
    ui.press(ui.getByText("like"));
    await settle();
    ui.press(ui.getByText("next post"));
    await settle();
    assert.ok(ui.queryByText("post number 8"));
    assert.deepEqual(history.moves, ["push /post/7", "push /post/8"]);
    history.pop("/post/7");
    await settle();
    assert.ok(ui.queryByText("post number 7"), "post 7 is shown");
    assert.ok(ui.queryByText("likes 1"), "post 7's own screen, with its state (not post 8's screen given id 7)");
    history.pop("/");
    await settle();
    assert.ok(ui.queryByText("open 7"));
  });
});

describe("NavigationContainer linking: tabs at the root", () => {
  type TabParams = { Feed: undefined; Search: undefined; Profile: undefined };
  const Tabs = pn.createTabs<TabParams>();
  const tab = (name: string) =>
    pn.component(function TabScreen() {
      const [taps, setTaps] = pn.useState(0);
      return pn.Button(`${name} taps ${taps}`, { onClick: () => setTaps(taps + 1) });
    });
  const tabLinking: pn.LinkingOptions = { config: { screens: { Feed: "", Search: "search", Profile: "me" } } };
  const TabApp = () =>
    pn.NavigationContainer(
      { linking: tabLinking },
      Tabs.Navigator(
        {},
        Tabs.Screen({ name: "Feed", component: tab("Feed") }),
        Tabs.Screen({ name: "Search", component: tab("Search") }),
        Tabs.Screen({ name: "Profile", component: tab("Profile") }),
      ),
    );
  const tabNames = (ui: ReturnType<typeof render>) => ["Feed", "Search", "Profile"].filter((name) => ui.queryByRole("tab", { name }) !== null);

  it("shows every tab whatever the URL names, with that tab selected", async () => {
    for (const [path, shown] of [["/", "Feed"], ["/me", "Profile"]] as const) {
      const history = fakeHistory(path);
      pn.runtime.services.history = history;
      const ui = render(TabApp());
      await settle();
      assert.deepEqual(tabNames(ui), ["Feed", "Search", "Profile"], path);
      assert.ok(ui.queryByText(`${shown} taps 0`), path);
      cleanup();
    }
  });

  it("a saved state from before the app gained a tab shows that tab too", async () => {
    pn.runtime.services.history = null;
    await pn.AsyncStorage.setJson("tabs-nav", { type: "tabs", index: 1, routes: [{ key: "Feed-old", name: "Feed" }, { key: "Profile-old", name: "Profile" }] });
    const ui = render(
      pn.NavigationContainer(
        { persistKey: "tabs-nav" },
        Tabs.Navigator({}, Tabs.Screen({ name: "Feed", component: tab("Feed") }), Tabs.Screen({ name: "Search", component: tab("Search") }), Tabs.Screen({ name: "Profile", component: tab("Profile") })),
      ),
    );
    await settle();
    assert.deepEqual(tabNames(ui), ["Feed", "Search", "Profile"]);
    assert.ok(ui.queryByText("Profile taps 0"), "the saved tab is still the one shown");
    await pn.AsyncStorage.remove("tabs-nav");
  });

  it("the back button switches to the tab the URL names, its state kept", async () => {
    const history = fakeHistory("/");
    pn.runtime.services.history = history;
    const ui = render(TabApp());
    await settle();
    ui.press(ui.getByRole("tab", { name: "Profile" }));
    await settle();
    ui.press(ui.getByText("Profile taps 0"));
    await settle();
    ui.press(ui.getByRole("tab", { name: "Search" }));
    await settle();
    assert.deepEqual(history.moves, ["push /me", "push /search"]);
    history.pop("/me");
    await settle();
    assert.ok(ui.queryByText("Profile taps 1"), "Profile's screen, with its state");
    assert.deepEqual(tabNames(ui), ["Feed", "Search", "Profile"]);
  });
});

