import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, fakeClock, settle, alerts, camera } from "typenative/testing";

afterEach(cleanup);

describe("typenative/testing render", () => {
  it("getByText wants exactly one match; queryByText is null when absent; getAllByText returns all", () => {
    const ui = render(pn.Column(pn.Text("a"), pn.Text("b"), pn.Text("b"), pn.Button("go")));
    assert.equal(ui.getByText("a").type, "Text");
    assert.equal(ui.getByText("go").type, "Button");
    assert.equal(ui.getByText(/^g/).text, "go");
    assert.throws(() => ui.getByText("b"), /Found 2 views/);
    assert.throws(() => ui.getByText("zzz"), /Found no view with text "zzz"[\s\S]*<Column>/);
    assert.equal(ui.queryByText("zzz"), null);
    assert.equal(ui.getAllByText("b").length, 2);
    assert.deepEqual(ui.queryAllByText("none"), []);
    assert.throws(() => ui.getAllByText("none"));
  });

  it("a found view exposes type, props and text", () => {
    const ui = render(pn.Text("hi", { testID: "greeting", style: { fontSize: 18 } }));
    const node = ui.getByTestId("greeting");
    assert.equal(node.type, "Text");
    assert.equal(node.text, "hi");
    assert.deepEqual(node.props, { testID: "greeting", style: { fontSize: 18 } });
    assert.equal(ui.queryByTestId("nope"), null);
    assert.throws(() => ui.getByTestId("nope"));
  });

  it("press fires the nearest onClick with no arguments and refuses disabled targets", () => {
    const calls: unknown[][] = [];
    const ui = render(
      pn.Column(
        pn.Button("ok", { onClick: (...args: unknown[]) => calls.push(args) }),
        pn.Button("off", { onClick: () => calls.push(["off"]), disabled: true }),
        pn.Text("no handler"),
      ),
    );
    ui.press(ui.getByText("ok"));
    assert.deepEqual(calls, [[]]);
    assert.throws(() => ui.press(ui.getByText("off")), /disabled/);
    assert.throws(() => ui.press(ui.getByText("no handler")), /no onClick/);
    assert.equal(calls.length, 1);
  });

  it("press, changeText and fireEvent on a view that was removed throw, instead of doing nothing", async () => {
    let deletes = 0;
    const Row = pn.component(function Row() {
      const [shown, setShown] = pn.useState(true);
      const [draft, setDraft] = pn.useState("");
      if (!shown) return pn.Text("gone");
      return pn.Column(
        pn.Button("delete", { onClick: () => (deletes++, setShown(false)) }),
        pn.TextInput({ value: draft, onChange: setDraft, testID: "draft" }),
        pn.ScrollView(pn.Text("body"), { onScroll: () => {}, testID: "scroller" }),
      );
    });
    const ui = render(Row());
    const button = ui.getByText("delete");
    const input = ui.getByTestId("draft");
    const scroller = ui.getByTestId("scroller");
    ui.press(button);
    await ui.settle();
    ui.getByText("gone");
    assert.throws(() => ui.press(button), /press\(\): the Button is no longer on screen/);
    assert.throws(() => ui.changeText(input, "x"), /changeText\(\): the TextInput is no longer on screen/);
    assert.throws(() => ui.fireEvent(button, "press"), /fireEvent\(\): the Button is no longer on screen/);
    assert.throws(() => ui.scroll(scroller, { offset: 10 }), /scroll\(\): the ScrollView is no longer on screen/);
    assert.equal(deletes, 1);
    const other = render(pn.Button("elsewhere", { onClick: () => deletes++ }));
    assert.throws(() => ui.press(other.getByText("elsewhere")), /no longer on screen/, "a view of another render is not this one's");
  });

  it("changeText fires onChange with the text", async () => {
    const Form = pn.component(function Form() {
      const [v, setV] = pn.useState("");
      return pn.Column(pn.TextInput({ value: v, onChange: setV, testID: "draft" }), pn.Text(`draft: ${v}`));
    });
    const ui = render(Form());
    ui.changeText(ui.getByTestId("draft"), "hi");
    await ui.settle();
    ui.getByText("draft: hi");
    assert.equal(ui.getByTestId("draft").props.value, "hi");
    assert.throws(() => ui.changeText(ui.getByText("draft: hi"), "x"), /no onChange/);
  });

  it("findByText waits for the loop (real time) without moving virtual time", async () => {
    const clock = fakeClock();
    try {
      const Late = pn.component(function Late() {
        const [text, setText] = pn.useState("Loading…");
        pn.useEffect(() => {
          void Promise.resolve().then(() => setText("Alice"));
        }, []);
        return pn.Text(text);
      });
      const ui = render(Late());
      ui.getByText("Loading…");
      await ui.findByText("Alice");
      assert.equal(clock.now(), 0);
      await assert.rejects(ui.findByText("Bob", { timeout: 30 }), /no view with text "Bob"/);
    } finally {
      clock.uninstall();
    }
  });

  it("toJSON gives the root node, an array for several roots, null for none; key and children are not props", () => {
    const ui = render(pn.Text("x", { key: "k", testID: "t" }));
    assert.deepEqual(ui.toJSON(), { type: "Text", props: { testID: "t" }, children: ["x"] });
    ui.rerender([pn.Text("a"), pn.Text("b")]);
    assert.equal((ui.toJSON() as unknown[]).length, 2);
    ui.rerender(null);
    assert.equal(ui.toJSON(), null);
  });

  it("rerender keeps state; unmount clears the host tree", async () => {
    const C = pn.component(function C(p: { label: string }) {
      const [n, setN] = pn.useState(0);
      return pn.Button(`${p.label} ${n}`, { onClick: () => setN(n + 1) });
    });
    const ui = render(C({ label: "a" }));
    ui.press(ui.getByText("a 0"));
    await ui.settle();
    ui.rerender(C({ label: "b" }));
    ui.getByText("b 1");
    ui.unmount();
    assert.deepEqual(ui.container.children, []);
  });

  it("settle never moves time", async () => {
    const clock = fakeClock();
    try {
      let fired = false;
      pn.runtime.getLoop().callLater(1, () => (fired = true));
      await settle();
      assert.equal(fired, false);
      await clock.advance(1);
      assert.equal(fired, true);
    } finally {
      clock.uninstall();
    }
  });

  it("advance rejects bad input", async () => {
    const clock = fakeClock();
    try {
      await assert.rejects(clock.advance(-1), TypeError);
      await assert.rejects(clock.advance(Number.NaN), TypeError);
    } finally {
      clock.uninstall();
    }
  });

  it("alerts and camera drivers start empty and refuse to answer nothing", () => {
    assert.deepEqual(alerts.pending(), []);
    assert.throws(() => alerts.respond("OK"), /no alert is pending/);
    assert.throws(() => alerts.dismiss(), /no alert is pending/);
    assert.deepEqual(camera.pending(), []);
    assert.throws(() => camera.respond(null), /no camera request/);
  });

  it("the alerts driver answers presenter requests by label or index", async () => {
    const presenter = pn.runtime.services.alert!;
    const answer = presenter.present({ kind: "confirm", title: "Delete?", message: undefined, buttons: ["Cancel", "OK"], destructive: [], cancelIndex: 0 });
    assert.deepEqual(alerts.pending(), [{ kind: "confirm", title: "Delete?", message: undefined, buttons: ["Cancel", "OK"] }]);
    assert.throws(() => alerts.respond("Maybe"), /buttons \["Cancel","OK"\]/);
    alerts.respond("OK");
    assert.equal(await answer, 1);
  });
});
