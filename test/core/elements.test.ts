import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render } from "typenative/testing";

describe("elements and components", () => {
  it("a component factory returns an element and does not render", () => {
    let renders = 0;
    const Card = pn.component(function Card(p: { title: string }) {
      renders++;
      return pn.Text(p.title);
    });
    const element = Card({ title: "hi", key: 3 });
    assert.equal(pn.isElement(element), true);
    assert.equal(element.key, "3");
    assert.deepEqual(element.props, { title: "hi" });
    assert.equal(renders, 0);
    assert.equal(Card.displayName, "Card");
    assert.equal(pn.component("Named", () => null).displayName, "Named");
  });

  it("containers take children carried in their props (JSX, h), unless children arguments come too; the key is taken out", () => {
    const text = pn.Text("x");
    const carried = pn.Column({ style: { padding: 4 }, children: [text], key: 7 } as never);
    assert.equal(carried.key, "7");
    assert.deepEqual(carried.props, { style: { padding: 4 }, children: [text] });
    const bare = pn.View({ style: { padding: 4 } });
    assert.deepEqual(bare.props, { style: { padding: 4 } });
    assert.equal("children" in bare.props, false);
    const other = pn.Text("y");
    const both = pn.Row({ children: [text] } as never, other);
    assert.deepEqual(both.props, { children: other });
    const viaH = pn.h(pn.Column, { key: "k" }, text, other);
    assert.equal(viaH.key, "k");
    assert.deepEqual(viaH.props, { children: [text, other] });
  });

  it("containers take their props first or last, told apart by the element brand", () => {
    const a = pn.Column(pn.Text("x"), { style: { padding: 4 } });
    const b = pn.Column({ style: { padding: 4 } }, pn.Text("x"));
    assert.deepEqual(a.props.style, { padding: 4 });
    assert.deepEqual(b.props.style, { padding: 4 });
    assert.equal(pn.isElement(a.props.children), true);
    // @ts-expect-error a props object in the middle is refused by the types too
    assert.throws(() => pn.Row(pn.Text("a"), { style: {} }, pn.Text("b")), TypeError);
  });

  it("renders every kind of child: strings, numbers, arrays, null, undefined, booleans", () => {
    const ui = render(pn.View(pn.Text("a"), null, undefined, false, true, [pn.Text("b"), [pn.Text(3)]], "loose"));
    assert.deepEqual(ui.toJSON(), {
      type: "View",
      props: {},
      children: [
        { type: "Text", props: {}, children: ["a"] },
        { type: "Text", props: {}, children: ["b"] },
        { type: "Text", props: {}, children: ["3"] },
        "loose",
      ],
    });
    ui.unmount();
  });

  it("built-ins validate their arguments", () => {
    assert.throws(() => pn.Text({} as unknown as string), TypeError);
    assert.throws(() => pn.Image(42 as unknown as string), TypeError);
    assert.throws(() => pn.FlatList("nope" as unknown as [], { renderItem: () => null }), TypeError);
    assert.throws(() => pn.FlatList([], {} as never), TypeError);
    assert.throws(() => pn.h(undefined), TypeError);
  });

  it("an object as a child is a clear error", () => {
    const bad = pn.View({ style: {} }, [{ name: "Alice" }] as never);
    const capture: unknown[] = [];
    const prev = pn.runtime.onError;
    pn.runtime.onError = (e) => capture.push(e);
    try {
      const ui = render(bad);
      assert.match(String(capture[0]), /Objects are not valid as a child/);
      ui.unmount();
    } finally {
      pn.runtime.onError = prev;
    }
  });

  it("h() takes key out of props, children as arguments, and accepts factories as types", () => {
    const Hello = pn.component(function Hello(p: { name: string }) {
      return pn.Text(`Hello ${p.name}`);
    });
    const el = pn.h(Hello, { name: "Bo", key: "k" });
    assert.equal(el.key, "k");
    assert.equal("key" in el.props, false);
    const ui = render(pn.h(pn.Fragment, null, el, pn.h(pn.Text, null, "x"), pn.h("Text", null, "y")));
    ui.getByText("Hello Bo");
    ui.getByText("x");
    ui.getByText("y");
    ui.unmount();
  });

  it("FlatList renders rows keyed by keyExtractor, then id, then index", () => {
    const data = [{ id: 7, body: "seven" }, { id: 9, body: "nine" }];
    const ui = render(pn.FlatList(data, { renderItem: (p) => pn.Text(p.body), testID: "list" }));
    const list = ui.getByTestId("list");
    assert.equal(list.type, "FlatList");
    assert.deepEqual(list.children.map((c) => c.text), ["seven", "nine"]);
    const seven = ui.getByText("seven");
    ui.rerender(pn.FlatList([data[1]!, data[0]!], { renderItem: (p) => pn.Text(p.body), testID: "list" }));
    assert.equal(ui.getByText("seven"), seven);
    assert.deepEqual(ui.getByTestId("list").children.map((c) => c.text), ["nine", "seven"]);
    ui.unmount();
  });
});
