import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle, setColorScheme, alerts } from "typenative/testing";

afterEach(cleanup);

describe("Pressable", () => {
  it("presses, long-presses, and styles itself from { pressed }", async () => {
    const log: string[] = [];
    const ui = render(
      pn.Pressable(({ pressed }) => pn.Text(pressed ? "down" : "up"), {
        onClick: () => log.push("click"),
        onLongPress: () => log.push("long"),
        style: ({ pressed }) => ({ opacity: pressed ? 0.5 : 1 }),
        accessibilityLabel: "Open",
      }),
    );
    const button = ui.getByRole("button", { name: "Open" });
    ui.press(ui.getByText("up"));
    ui.longPress(button);
    assert.deepEqual(log, ["click", "long"]);
    ui.fireEvent(button, "onPressIn");
    await settle();
    ui.getByText("down");
    assert.equal((ui.getByRole("button", { name: "Open" }).props.style as { opacity: number }).opacity, 0.5);
    ui.fireEvent(button, "pressOut");
    await settle();
    ui.getByText("up");
  });
});

describe("Switch", () => {
  it("has the switch role, reports its state, and flips through onChange", async () => {
    const Toggle = pn.component(function Toggle() {
      const [on, setOn] = pn.useState(false);
      return pn.Switch({ value: on, onChange: setOn, accessibilityLabel: "Dark theme" });
    });
    const ui = render(Toggle());
    const sw = ui.getByRole("switch", { name: "Dark theme" });
    assert.deepEqual(sw.props.accessibilityState, { checked: false, disabled: false });
    ui.press(sw);
    await settle();
    assert.deepEqual(ui.getByRole("switch").props.accessibilityState, { checked: true, disabled: false });
  });

  it("a disabled switch cannot be pressed", () => {
    const ui = render(pn.Switch({ value: false, onChange: () => {}, disabled: true }));
    assert.throws(() => ui.press(ui.getByRole("switch")), /disabled/);
  });

  it("needs a boolean value", () => {
    assert.throws(() => pn.Switch({ value: "yes" as unknown as boolean }), /value must be a boolean/);
  });
});

describe("ActivityIndicator", () => {
  it("is a progressbar named Loading, hidden when not animating", async () => {
    const ui = render(pn.Column(pn.ActivityIndicator({ size: "large" })));
    ui.getByRole("progressbar", { name: "Loading" });
    ui.rerender(pn.Column(pn.ActivityIndicator({ animating: false })));
    assert.equal(ui.queryByRole("progressbar"), null);
    ui.unmount();
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 0, "its pulse stops with it");
  });
});

describe("Modal", () => {
  it("shows its content as a dialog while visible; back asks it to close", async () => {
    const App = pn.component(function App() {
      const [open, setOpen] = pn.useState(true);
      return pn.Column(pn.Text("behind"), pn.Modal(pn.Text("Saved"), { visible: open, onRequestClose: () => setOpen(false), accessibilityLabel: "Notice" }));
    });
    const ui = render(App());
    ui.getByRole("dialog", { name: "Notice" });
    assert.equal(ui.back(), true);
    await settle();
    assert.equal(ui.queryByRole("dialog"), null);
    assert.equal(ui.queryByText("Saved"), null);
    assert.equal(ui.back(), false, "a closed modal no longer takes back");
  });

  it("an async onRequestClose called by back runs as the modal's handler task, as the Escape key's does", async () => {
    const errors: unknown[] = [];
    const previous = pn.runtime.onError;
    pn.runtime.onError = (error) => void errors.push(error);
    try {
      // A failure is reported through onError, never an unhandled rejection.
      const failing = render(pn.Modal(pn.Text("m"), { visible: true, onRequestClose: async () => { throw new Error("close failed"); } }));
      assert.equal(failing.back(), true);
      await settle();
      assert.deepEqual(errors.map(String), ["Error: close failed"]);
      failing.unmount();
      // A task it starts belongs to the component: the discard question goes away with it.
      let reached = false;
      const Editor = pn.component(function Editor() {
        const [open, setOpen] = pn.useState(true);
        return pn.Modal(pn.Text("draft"), {
          visible: open,
          onRequestClose: () =>
            pn.runAsync(async (signal) => {
              const discard = await pn.Alert.confirm("Discard the draft?", { signal });
              reached = true;
              if (discard) setOpen(false);
            }),
        });
      });
      const ui = render(Editor());
      ui.back();
      await settle();
      assert.equal(alerts.pending().length, 1);
      assert.equal(pn.runtime.pendingTasks(), 1, "the handler's task");
      ui.unmount();
      await settle();
      assert.equal(alerts.pending().length, 0, "the question was withdrawn");
      assert.equal(pn.runtime.pendingTasks(), 0);
      assert.equal(reached, false);
      assert.equal(errors.length, 1);
    } finally {
      pn.runtime.onError = previous;
    }
  });
});

describe("SectionList", () => {
  it("renders headers and rows, keyed per section, with the section handed to renderItem", () => {
    const sections = [
      { title: "Fruit", data: [{ id: 1, name: "apple" }, { id: 2, name: "pear" }] },
      { title: "Veg", data: [{ id: 1, name: "leek" }] },
    ];
    const ui = render(
      pn.SectionList(sections, {
        renderSectionHeader: (s) => pn.Text(`# ${s.title}`),
        renderItem: (item, index, section) => pn.Text(`${section.title}/${index}/${item.name}`),
        keyExtractor: (item) => item.id,
      }),
    );
    assert.deepEqual(ui.getAllByText(/./).map((n) => n.text), ["# Fruit", "Fruit/0/apple", "Fruit/1/pear", "# Veg", "Veg/0/leek"]);
    ui.getByRole("list");
  });
});

describe("RefreshControl", () => {
  it("a FlatList shows a spinner while refreshing and calls onRefresh when pulled", async () => {
    let refreshes = 0;
    const Feed = pn.component(function Feed() {
      const [refreshing, setRefreshing] = pn.useState(false);
      return pn.FlatList([{ id: 1 }], {
        renderItem: (r) => pn.Text(`row ${r.id}`),
        refreshControl: pn.RefreshControl({
          refreshing,
          onRefresh: () => {
            refreshes++;
            setRefreshing(true);
          },
        }),
      });
    });
    const ui = render(Feed());
    assert.equal(ui.queryByRole("progressbar"), null);
    ui.fireEvent(ui.getByRole("list"), "onRefresh");
    await settle();
    assert.equal(refreshes, 1);
    ui.getByRole("progressbar");
    assert.equal(ui.getByRole("list").props.refreshing, true);
  });

  it("works on a ScrollView too", () => {
    const ui = render(pn.ScrollView(pn.Text("content"), { refreshControl: pn.RefreshControl({ refreshing: true }) }));
    ui.getByRole("progressbar");
    ui.getByText("content");
    assert.throws(() => pn.ScrollView({ refreshControl: pn.Text("x") }), /RefreshControl/);
  });

  it("a ScrollView's content keeps its state and views while the spinner comes and goes", async () => {
    const warnings: string[] = [];
    const previousWarn = pn.options.warn;
    pn.options.warn = (message: string) => void warnings.push(message);
    try {
      const Counter = pn.component(function Counter({ label }: { label: string }) {
        const [n, setN] = pn.useState(0);
        return pn.Button(`${label} ${n}`, { onClick: () => setN((x) => x + 1) });
      });
      for (const labels of [["a"], ["a", "b"]]) {
        // null: no control for now (`refreshControl: undefined`).
        const Screen = (refreshing: boolean | null) =>
          pn.ScrollView(...labels.map((label) => Counter({ label })), { refreshControl: refreshing === null ? undefined : pn.RefreshControl({ refreshing }) });
        const ui = render(Screen(false));
        ui.press(ui.getByText("a 0"));
        await settle();
        const button = ui.getByText("a 1");
        ui.rerender(Screen(true));
        ui.getByRole("progressbar");
        assert.equal(ui.getByText("a 1"), button, "the same view, with its state");
        ui.rerender(Screen(false));
        assert.equal(ui.queryByRole("progressbar"), null);
        assert.equal(ui.getByText("a 1"), button);
        ui.rerender(Screen(null));
        assert.equal(ui.getByText("a 1"), button, "a control passed only sometimes moves nothing either");
        ui.rerender(Screen(true));
        assert.equal(ui.getByText("a 1"), button);
        ui.unmount();
      }
      assert.deepEqual(warnings, [], "the children passed as arguments are no list that needs keys");
    } finally {
      pn.options.warn = previousWarn;
    }
  });
});

describe("SafeAreaView and KeyboardAvoidingView", () => {
  it("render their children in a plain View on hosts without notches or on-screen keyboards", () => {
    const ui = render(pn.SafeAreaView(pn.KeyboardAvoidingView(pn.Text("inside"), { behavior: "padding" })));
    ui.getByText("inside");
    assert.deepEqual(ui.toJSON(), { type: "View", props: {}, children: [{ type: "View", props: {}, children: [{ type: "Text", props: {}, children: ["inside"] }] }] });
  });
});

describe("StyleSheet", () => {
  it("create freezes and keeps the styles; compose and flatten merge, later keys winning", () => {
    const styles = pn.StyleSheet.create({ title: { fontSize: 20, color: "black" }, muted: { color: "#666" } });
    assert.equal(Object.isFrozen(styles.title), true);
    assert.deepEqual(pn.StyleSheet.compose(styles.title, styles.muted), { fontSize: 20, color: "#666" });
    assert.equal(pn.StyleSheet.compose(styles.title, false), styles.title);
    assert.deepEqual(pn.StyleSheet.flatten([styles.title, [null, { padding: 4 }], undefined]), { fontSize: 20, color: "black", padding: 4 });
    assert.deepEqual(pn.StyleSheet.absoluteFill, { position: "absolute", top: 0, left: 0, right: 0, bottom: 0 });
  });
});

describe("Platform and useColorScheme", () => {
  it("Platform.OS is the running host: test under typenative/testing", () => {
    assert.equal(pn.Platform.OS, "test");
    assert.equal(pn.Platform.select({ web: 1, test: 2, default: 3 }), 2);
    assert.equal(pn.Platform.select({ web: 1, default: 3 }), 3);
  });

  it("useColorScheme follows the host's scheme, settable in tests", async () => {
    const Themed = pn.component(function Themed() {
      return pn.Text(`scheme ${pn.useColorScheme()}`);
    });
    const ui = render(Themed());
    ui.getByText("scheme light");
    setColorScheme("dark");
    await settle();
    ui.getByText("scheme dark");
    assert.throws(() => setColorScheme("blue" as "dark"), /light" or "dark/);
  });
});

describe("queries that find things as a user does", () => {
  it("by role, label and placeholder, with query/getAll/find variants", async () => {
    const ui = render(
      pn.Column(
        pn.TextInput({ placeholder: "Title", value: "", onChange: () => {} }),
        pn.TextInput({ label: "Body", value: "", onChange: () => {} }),
        pn.Button("Post"),
        pn.Image("https://example.com/a.png", { accessibilityLabel: "Avatar" }),
        pn.Text("hello"),
      ),
    );
    ui.getByPlaceholderText("Title");
    assert.equal(ui.getAllByRole("textbox").length, 2);
    ui.getByRole("textbox", { name: "Body" });
    ui.getByLabelText("Body");
    ui.getByLabelText("Avatar");
    ui.getByRole("image", { name: "Avatar" });
    ui.getByRole("button", { name: "Post" });
    ui.getByRole("text", { name: /hel/ });
    assert.equal(ui.queryByRole("switch"), null);
    assert.equal(ui.queryAllByPlaceholderText(/x/).length, 0);
    await ui.findByRole("button", { name: "Post" });
    await assert.rejects(ui.findByLabelText("Nope", { timeout: 20 }), /no view with label/);
  });
});
