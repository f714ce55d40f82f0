// A navigator's moves (src/navigation/actions.ts) load with import() on the
// first move. typenative/testing registers them up front, so these tests
// load a fresh copy of navigator.ts, one per test, in which that code is not
// loaded yet: what an app sees until its user first navigates.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import "typenative/testing";
import type { NavigationState } from "../../src/navigation/state.js";
import { freshModule } from "../helpers/fresh-module.js";

type NavigatorModule = typeof import("../../src/navigation/navigator.js");

const unloaded = () => freshModule<NavigatorModule>(new URL("../../src/navigation/navigator.ts", import.meta.url));

/** A mounted stack navigator's handle, as `useNavigatorHandle` makes it, with its slot's writes recorded. */
function stackHandle(state: NavigationState) {
  const written: NavigationState[] = [];
  const handle = {
    type: "stack" as const,
    state,
    screens: ["Home", "Post", "Settings"].map((name) => ({ name, component: (() => null) as never })),
    slot: { state, set: (next: NavigationState) => void written.push(next) },
    parent: null,
    container: { navigators: new Set() },
    depth: 0,
    focused: true,
    listeners: new Map(),
    navigations: new Map(),
    pending: [] as Array<() => void>,
  };
  return { handle, written };
}

const home: NavigationState = { type: "stack", index: 0, routes: [{ key: "Home-a", name: "Home" }] };
const names = (state: NavigationState) => state.routes.map((route) => route.name);
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("a navigator's moves before their code is loaded", () => {
  it("are registered by typenative/testing", async () => {
    const { navigationActions } = await import("../../src/navigation/navigator.js");
    assert.notEqual(navigationActions.loaded(), null);
  });

  it("moves made before the code arrives are applied in order once it is here, and resolve after their transition", async () => {
    const { dispatch, finishTransition, navigationActions } = await unloaded();
    const { handle, written } = stackHandle(home);
    const first = dispatch(handle as never, { type: "navigate", name: "Post", params: { id: 7 } });
    const second = dispatch(handle as never, { type: "push", name: "Settings" });
    assert.equal(navigationActions.loaded(), null);
    assert.equal(handle.state, home, "nothing moves before the code is here");
    await navigationActions.load();
    await turn();
    assert.deepEqual(names(handle.state), ["Home", "Post", "Settings"]);
    assert.deepEqual(handle.state.routes[1]!.params, { id: 7 });
    assert.deepEqual(written.map(names), [["Home", "Post"], ["Home", "Post", "Settings"]]);
    let settled = false;
    void Promise.all([first, second]).then(() => (settled = true));
    await turn();
    assert.equal(settled, false, "a move resolves when its transition has finished");
    finishTransition(handle as never);
    await Promise.all([first, second]);
  });

  it("asks beforeRemove listeners once the code is here: a veto keeps the screen", async () => {
    const { dispatch, navigationFor, navigationActions } = await unloaded();
    const { handle, written } = stackHandle({ type: "stack", index: 1, routes: [{ key: "Home-a", name: "Home" }, { key: "Post-b", name: "Post" }] });
    const vetoed: string[] = [];
    navigationFor(handle as never, handle.state.routes[1]!).addListener("beforeRemove", (event) => {
      vetoed.push(event.data.action.type);
      event.preventDefault();
    });
    const back = dispatch(handle as never, { type: "goBack" });
    assert.deepEqual(vetoed, []);
    await back;
    assert.notEqual(navigationActions.loaded(), null);
    assert.deepEqual(vetoed, ["goBack"]);
    assert.deepEqual(names(handle.state), ["Home", "Post"]);
    assert.deepEqual(written, []);
  });
});

describe("following a URL the browser went to (its code loads with the moves)", () => {
  const linking = { config: { screens: { Home: "", Post: "post/:id", Settings: "settings" } } };
  const atPost: NavigationState = { type: "stack", index: 1, routes: [{ key: "Home-a", name: "Home" }, { key: "Post-b", name: "Post", params: { id: 7 } }] };

  it("pops to a screen already in the stack, keeping its route, and resets to the path's state otherwise", async () => {
    const { followPath } = await import("../../src/navigation/navigator.js");
    const { handle, written } = stackHandle(atPost);
    const container = { navigators: new Set([handle]) };
    void followPath(container as never, "/", linking);
    assert.deepEqual(handle.state.routes.map((route) => route.key), ["Home-a"], "back to Home: its route (and state) kept");
    void followPath(container as never, "/settings", linking);
    assert.deepEqual(names(handle.state), ["Home", "Settings"], "a screen not in the stack: the state the path opens");
    assert.notEqual(handle.state.routes[0]!.key, "Home-a");
    void followPath(container as never, "/no/such/screen", linking);
    assert.deepEqual(names(handle.state), ["Home", "Settings"], "a path no screen matches changes nothing");
    assert.equal(written.length, 2);
  });

  it("before the code arrives, waits for it and keeps its place among the other moves", async () => {
    const { dispatch, followPath, navigationActions } = await unloaded();
    const { handle, written } = stackHandle(atPost);
    const container = { navigators: new Set([handle]) };
    void dispatch(handle as never, { type: "push", name: "Settings" });
    void followPath(container as never, "/post/7", linking);
    assert.equal(navigationActions.loaded(), null);
    assert.equal(handle.state, atPost, "nothing moves before the code is here");
    await navigationActions.load();
    await turn();
    assert.deepEqual(written.map(names), [["Home", "Post", "Settings"], ["Home", "Post"]]);
    assert.equal(handle.state.routes[1]!.key, "Post-b", "popped back to the post the URL names");
  });
});
