/**
 * Type tests, compiled by `tsc --noEmit` in `npm test` (never run). Each
 * `@ts-expect-error` line must fail to compile, or tsc reports an unused
 * directive; everything else must compile.
 */
import * as pn from "typenative";

const onPress = () => {};
const go = () => {};

// ---- Built-in props: no index signature, every prop typed. ----

// @ts-expect-error React Native's onPress is onClick here
pn.Button("Go", { onPress });
// @ts-expect-error a handler must be a function
pn.Button("Go", { onClick: 42 });
// @ts-expect-error secureTextEntry is a boolean
pn.TextInput({ secureTextEntry: "yes" });
// @ts-expect-error a Button has no numberOfLines
pn.Button("Go", { numberOfLines: 2 });
// @ts-expect-error a props object in a container is checked too
pn.Column(pn.Text("a"), { onPress });
// @ts-expect-error ...first or last
pn.Row({ onPress }, pn.Text("a"));
// @ts-expect-error Spacer takes only style, testID and key
pn.Spacer({ onClick: go });
// @ts-expect-error accessibilityRole is an ARIA role
pn.View({ accessibilityRole: "headline" });
// @ts-expect-error Image's source is a URI or { uri }
pn.Image({ url: "a.png" });

// ---- Style: a typed object. ----

// @ts-expect-error unknown style key
pn.Text("a", { style: { colour: "red" } });
// @ts-expect-error fontSize is a number of points
pn.Text("a", { style: { fontSize: "big" } });
// @ts-expect-error enumerations are checked
pn.Row({ style: { alignItems: "middle" } });
// @ts-expect-error dimensions are points, "auto" or percentages
pn.View({ style: { width: "10px" } });
// @ts-expect-error a transform step names a known function
pn.View({ style: { transform: [{ spin: 1 }] } });
const progress = new pn.AnimatedValue(0);
const colour = progress.interpolate({ inputRange: [0, 1], outputRange: ["#000000", "#ffffff"] });
// @ts-expect-error an animated string cannot drive a number
pn.Text("a", { style: { fontSize: colour } });

// ---- Handler parameters are typed. ----

// @ts-expect-error onSubmitEditing receives the text, a string
pn.TextInput({ onSubmitEditing: (text: number) => text });
// @ts-expect-error onChange receives the text, a string
pn.TextInput({ onChange: (text) => text.toFixed(2) });
// @ts-expect-error onScroll's offset is a number
pn.ScrollView({ onScroll: (event) => event.offset.toUpperCase() });
// @ts-expect-error a FlatList's onScroll event has no nativeEvent
pn.FlatList([1], { renderItem: (n) => pn.Text(n), onScroll: (event) => event.nativeEvent });
// @ts-expect-error onClick receives nothing
pn.Button("Go", { onClick: (event: MouseEvent) => event });

// ---- Components: required props are required. ----

const Card = pn.component(function Card({ id }: { id: number }) {
  return pn.Text(`Card ${id}`);
});
const Badge = pn.component(function Badge({ label = "new" }: { label?: string }) {
  return pn.Text(label);
});
const Plain = pn.component(function Plain() {
  return pn.Text("plain");
});
// @ts-expect-error Card needs { id }
Card();
// @ts-expect-error ...of the right type
Card({ id: "1" });
// @ts-expect-error ...and nothing unknown
Card({ id: 1, title: "x" });

// ---- What must compile. ----

export const positives = [
  pn.Button("Go", { onClick: go, disabled: false, testID: "go", accessibilityLabel: "Go", style: { padding: 8 } }),
  pn.Button("Save", { onClick: async () => {} }),
  pn.Text(42, { style: { fontSize: 18, fontWeight: "bold", lineHeight: 24, color: "#333", textAlign: "center" } }),
  pn.Text("w", { style: { fontWeight: 600 } }),
  pn.TextInput({
    value: "", onChange: (text) => text.trim(), onSubmitEditing: (text) => text.toUpperCase(), onFocus: go, onBlur: go,
    placeholder: "Title", label: "Title", multiline: false, editable: true, maxLength: 80, secureTextEntry: true, autoFocus: true,
  }),
  pn.Image("https://example.com/a.png", { alt: "A", style: { width: "100%", aspectRatio: 16 / 9, resizeMode: "cover" } }),
  pn.Image({ uri: "a.png" }),
  pn.Spacer(),
  pn.Spacer({ style: { height: 8 } }),
  pn.View(),
  pn.Column(pn.Text("a"), null, false, [pn.Text("b")], "loose", 3),
  pn.Column(pn.Text("a"), { style: { spacing: 8, padding: 16, paddingHorizontal: "5%", margin: "auto" } }),
  pn.Row({ style: { flexDirection: "row-reverse", justifyContent: "space-between" }, accessibilityRole: "tablist" }, pn.Text("a")),
  pn.View({ onClick: go, accessibilityRole: "button", accessibilityState: { selected: true, checked: "mixed" } }),
  pn.ScrollView({ onScroll: (event) => event.offset + event.viewportHeight + (event.contentHeight ?? 0) }),
  pn.FlatList([{ id: 1, title: "a" }], {
    renderItem: (item) => pn.Text(item.title),
    keyExtractor: (item) => item.id,
    onScroll: (event) => event.offset,
    style: { height: 400 },
    testID: "list",
  }),
  // Any style number may be animated; strings may follow animated strings.
  pn.Animated.View(pn.Text("x"), {
    style: { opacity: progress, width: progress, color: colour, transform: [{ translateX: progress }, { rotate: "45deg" }, { scale: 2 }] },
  }),
  pn.View({ style: { transform: [{ rotate: progress.interpolate({ inputRange: [0, 1], outputRange: ["0deg", "90deg"] }) }] } }),
  Card({ id: 1 }),
  Card({ id: 1, key: "a" }),
  Badge(),
  Badge({ label: "hot" }),
  Badge({ key: 1 }),
  Plain(),
  pn.memo(Card)({ id: 2 }),
];

// A Style written apart from its view keeps its types.
export const card: pn.Style = { backgroundColor: "#fff", borderRadius: 12, borderWidth: 1, borderColor: "#ddd", padding: 16, spacing: 8 };
