import { describe, it, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "../../src/index.js";
import { checkHostProps, resetHostPropWarnings } from "../../src/core/host-prop-checks.js";
import { HOST_PROPS } from "../../src/components/props.js";
import { STYLE_KINDS } from "../../src/components/style.js";
import { BUILT_IN_VIEW_TYPES } from "../../src/platform/view-types.js";
import { captureWarnings } from "../helpers/errors.js";

let capture: ReturnType<typeof captureWarnings>;
beforeEach(() => {
  resetHostPropWarnings();
  capture = captureWarnings();
});
afterEach(() => capture.restore());

/** Props as plain JS would pass them: no types to stop anything. */
const untyped = (props: Record<string, unknown>) => props;

describe("checkHostProps: unknown props", () => {
  it("warns about a prop the built-in does not have, naming the owner and the closest name", () => {
    checkHostProps("Button", untyped({ onPress: () => {}, children: "Go" }), "Toolbar");
    assert.equal(capture.warnings.length, 1);
    assert.match(capture.warnings[0]!, /^Button \(in Toolbar\) has no prop "onPress", so it is ignored\. Did you mean "onClick"\? Button takes: style, testID, /);
  });

  it("suggests a close spelling or a different case", () => {
    checkHostProps("TextInput", untyped({ placehlder: "Name", testId: "name" }), undefined);
    assert.match(capture.warnings[0]!, /no prop "placehlder", so it is ignored\. Did you mean "placeholder"\?/);
    assert.match(capture.warnings[1]!, /no prop "testId", so it is ignored\. Did you mean "testID"\?/);
  });

  it("warns once per built-in and prop, whatever the owner or value", () => {
    checkHostProps("Button", untyped({ numberOfLines: 2 }), "A");
    checkHostProps("Button", untyped({ numberOfLines: 3 }), "B");
    checkHostProps("Text", untyped({ numberOfLines: 2 }), "A");
    assert.equal(capture.warnings.length, 2);
    assert.match(capture.warnings[0]!, /^Button \(in A\) has no prop "numberOfLines"/);
    assert.match(capture.warnings[1]!, /^Text \(in A\) has no prop "numberOfLines"/);
  });

  it("accepts every prop the types allow, children, and unset values", () => {
    const handler = () => {};
    checkHostProps("TextInput", untyped({
      value: "a", onChange: handler, onSubmitEditing: handler, onFocus: handler, onBlur: handler, placeholder: "p", label: "l",
      multiline: false, editable: true, disabled: false, maxLength: 10, secureTextEntry: true, autoFocus: false,
      style: { fontSize: 14 }, testID: "t", accessibilityLabel: "x", accessibilityRole: "search", accessibilityState: { disabled: false },
    }), "Form");
    checkHostProps("Image", untyped({ source: { uri: "a.png" }, alt: "A", onClick: handler }), "Form");
    checkHostProps("ScrollView", untyped({ onScroll: handler, children: [], testID: undefined, style: null }), "Form");
    checkHostProps("FlatList", untyped({ onScroll: handler, children: [], accessibilityRole: "list" }), "Form");
    assert.deepEqual(capture.warnings, []);
  });

  it("leaves unknown host types to the host", () => {
    checkHostProps("div", untyped({ className: "x" }), undefined);
    assert.deepEqual(capture.warnings, []);
  });
});

describe("checkHostProps: prop values of the wrong kind", () => {
  it("warns about a handler that is not a function and a flag that is not a boolean", () => {
    checkHostProps("Button", untyped({ onClick: 42 }), "Card");
    checkHostProps("TextInput", untyped({ secureTextEntry: "yes" }), "Card");
    checkHostProps("View", untyped({ accessibilityRole: "headline" }), "Card");
    assert.deepEqual(capture.warnings, [
      'Button (in Card): prop "onClick" should be a function, got 42.',
      'TextInput (in Card): prop "secureTextEntry" should be a boolean, got "yes".',
      capture.warnings[2],
    ]);
    assert.match(capture.warnings[2]!, /^View \(in Card\): prop "accessibilityRole" should be one of "none", .*"button".*, got "headline"\.$/);
  });

  it("warns once per prop and kind of value", () => {
    checkHostProps("Button", untyped({ onClick: 42 }), "A");
    checkHostProps("Button", untyped({ onClick: 43 }), "B");
    checkHostProps("Button", untyped({ onClick: "go" }), "B");
    assert.equal(capture.warnings.length, 2);
  });
});

describe("checkHostProps: styles", () => {
  it("warns about a value of the wrong kind", () => {
    checkHostProps("Text", untyped({ style: { fontSize: "big", opacity: Number.NaN } }), "Title");
    assert.deepEqual(capture.warnings, [
      'Text (in Title): style.fontSize should be a number, got "big".',
      "Text (in Title): style.opacity should be a number, got NaN.",
    ]);
  });

  it("warns about an unknown key, suggesting the closest one", () => {
    checkHostProps("View", untyped({ style: { colour: "red", spacing: 4 } }), undefined);
    assert.deepEqual(capture.warnings, ['View: unknown style key "colour", so it is ignored. Did you mean "color"?']);
  });

  it("checks enumerations, dimensions, font weights and transforms", () => {
    checkHostProps("View", untyped({
      style: {
        alignItems: "middle", width: "10px", height: "50%", margin: "auto", fontWeight: 650,
        transform: [{ translateX: 10 }, { rotate: "45deg" }, { scale: "2" }, { spin: 1 }],
      },
    }), "Box");
    assert.equal(capture.warnings.length, 5, capture.warnings.join("\n"));
    assert.match(capture.warnings[0]!, /style\.alignItems should be one of "flex-start", "flex-end", "center", "stretch", "baseline", got "middle"/);
    assert.match(capture.warnings[1]!, /style\.width should be a number of points, "auto" or a percentage like "50%", got "10px"/);
    assert.match(capture.warnings[2]!, /style\.fontWeight should be "normal", "bold" or a weight from 100 to 900, got 650/);
    assert.match(capture.warnings[3]!, /transform scale should be a number, got "2"/);
    assert.match(capture.warnings[4]!, /unknown transform "spin"/);
  });

  it("accepts animated values for any key, and false or null for no style", () => {
    const value = new pn.AnimatedValue(0);
    const color = value.interpolate({ inputRange: [0, 1], outputRange: ["#000000", "#ffffff"] });
    checkHostProps("View", untyped({ style: { opacity: value, color, width: value, transform: [{ translateY: value }] } }), undefined);
    checkHostProps("View", untyped({ style: false }), undefined);
    checkHostProps("View", untyped({ style: null }), undefined);
    assert.deepEqual(capture.warnings, []);
  });

  it("warns about a style that is not an object", () => {
    checkHostProps("View", untyped({ style: [{ padding: 4 }] }), "List");
    assert.deepEqual(capture.warnings, ["View (in List): style should be an object of camelCase keys, got an array."]);
  });

  it("warns once per key and kind of value", () => {
    checkHostProps("Text", untyped({ style: { fontSize: "big" } }), "A");
    checkHostProps("View", untyped({ style: { fontSize: "huge" } }), "B");
    checkHostProps("Text", untyped({ style: { colour: "red" } }), "A");
    checkHostProps("Text", untyped({ style: { colour: "blue" } }), "B");
    assert.equal(capture.warnings.length, 2);
  });
});

describe("checkHostProps: production", () => {
  it("does nothing when options.dev is off", () => {
    pn.options.dev = false;
    try {
      checkHostProps("Button", untyped({ onPress: () => {}, style: { colour: "red" } }), undefined);
    } finally {
      pn.options.dev = true;
    }
    assert.deepEqual(capture.warnings, []);
  });
});

describe("the built-in schema", () => {
  it("covers exactly the view types every host renders", () => {
    assert.deepEqual(Object.keys(HOST_PROPS).sort(), [...BUILT_IN_VIEW_TYPES].sort());
  });

  it("lists the style keys the web host writes as CSS (camelCase, no vendor prefixes)", () => {
    for (const key of Object.keys(STYLE_KINDS)) assert.match(key, /^[a-z][a-zA-Z]*$/);
  });
});
