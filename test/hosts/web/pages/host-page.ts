// Browser side of the DOM host's tests: scenarios mounted with typenative/web.
import * as pn from "typenative";
import { mount, type WebApp } from "typenative/web";

const log: string[] = [];
const reported: string[] = [];
let app: WebApp | null = null;

const Counter = pn.component(() => {
  const [count, setCount] = pn.useState(0);
  return pn.Column(
    pn.Text(`Count: ${count}`, { testID: "count" }),
    pn.Button("Add", { onClick: () => setCount((c) => c + 1), testID: "add" }),
    pn.Button("Never", { onClick: () => log.push("disabled clicked"), disabled: true }),
    { style: { padding: 16, spacing: 8 }, testID: "counter" },
  );
});

const Elements = pn.component(() =>
  pn.Column(
    pn.Row(pn.Text("left"), pn.Spacer(), pn.Text("right"), { testID: "row", style: { spacing: 4 } }),
    pn.ScrollView(pn.Text("inside"), { testID: "scroll", style: { height: 40 } }),
    pn.Image("/pixel.png", { alt: "A pixel", testID: "img", style: { width: 10, height: 10 } }),
    pn.Image({ uri: "javascript:alert(1)" }, { testID: "bad-img" }),
    pn.Spacer({ testID: "sized-spacer", style: { height: 12 } }),
    pn.TextInput({ placeholder: "Search", testID: "search" }),
    pn.TextInput({ label: "Notes", multiline: true, placeholder: "Write…", testID: "notes" }),
    pn.View(pn.Text("tap me"), { onClick: () => log.push("view clicked"), testID: "clickable" }),
    pn.View(pn.Button("inner", { onClick: () => log.push("inner clicked") }), { onClick: () => log.push("outer clicked"), testID: "outer" }),
    pn.View(pn.Text("off"), { onClick: () => log.push("disabled view clicked"), disabled: true, testID: "disabled-view" }),
    pn.FlatList(["a", "b"], { renderItem: (item) => pn.Text(item), testID: "list" }),
    { testID: "elements" },
  ),
);

const Draft = pn.component(() => {
  const [text, setText] = pn.useState("");
  return pn.Column(
    pn.TextInput({ value: text, onChange: setText, label: "Draft", testID: "draft" }),
    pn.Text(`Echo: ${text}`, { testID: "echo" }),
    pn.Button("Clear", { onClick: () => setText("") }),
  );
});

// A controlled input whose handler refuses some text: only digits reach the state.
const Digits = pn.component(() => {
  const [text, setText] = pn.useState("");
  return pn.Column(
    pn.TextInput({ value: text, onChange: (t) => setText(t.replace(/\D/g, "")), label: "Digits", testID: "digits" }),
    pn.Text(`Digits: ${text}`, { testID: "digits-state" }),
  );
});

const Focus = pn.component((p: { listen: boolean }) => {
  const [events, setEvents] = pn.useState<string[]>([]);
  const add = (event: string) => () => setEvents((list) => [...list, event]);
  return pn.Column(
    pn.TextInput(p.listen ? { label: "Watched", onFocus: add("focus"), onBlur: add("blur") } : { label: "Watched" }),
    pn.TextInput({ label: "Other" }),
    pn.Text(`Events: ${events.join(",")}`),
  );
});

const Labelled = pn.component((p: { props: Record<string, string> }) => pn.Column(pn.TextInput({ ...p.props, testID: "labelled" }), pn.Text(String(Object.keys(p.props).length))));

/** An input whose maxLength is the scenario's: a finite non-negative one limits, any other is no limit. */
const Limited = pn.component((p: { max: number }) => pn.TextInput({ maxLength: p.max, testID: "limited" }));

const StateView = pn.component((p: { state: unknown }) => pn.View(pn.Text("s"), { accessibilityState: p.state as never, testID: "a11y-state" }));

/** A View pressable by click and/or long press: either handler makes it a keyboard-reachable button. */
const Pressable = pn.component((p: { click: boolean; long: boolean }) =>
  pn.View(pn.Text("press"), { testID: "pressable", onClick: p.click ? () => {} : undefined, onLongPress: p.long ? () => {} : undefined }),
);

const SpacerView = pn.component((p: { style: unknown }) => pn.Row(pn.Spacer({ style: p.style as never, testID: "spacer" })));

const Unsafe = pn.component((p: { text: string }) => pn.Column(pn.Text(p.text, { testID: "unsafe" }), pn.Button(p.text)));

const Keyed = pn.component((p: { order: string[] }) =>
  pn.Column(...p.order.map((id) => pn.Text(id, { key: id, testID: `row-${id}` })), { testID: "keyed" }),
);

const Styled = pn.component((p: { wide: boolean }) =>
  pn.View(pn.Text("styled"), { testID: "styled", style: p.wide ? { width: 200, padding: 10 } : { width: 100 } }),
);

const Presses = pn.component(function Presses() {
  const [on, setOn] = pn.useState(false);
  return pn.Column(
    pn.Pressable(({ pressed }) => pn.Text(pressed ? "held" : "idle", { testID: "press-label" }), {
      onClick: () => log.push("pressable clicked"),
      onLongPress: () => log.push("pressable long-pressed"),
      accessibilityLabel: "Press me",
      testID: "pressable",
    }),
    pn.Switch({ value: on, onChange: setOn, accessibilityLabel: "Wi-Fi", testID: "switch" }),
    pn.FlatList(["one", "two"], {
      renderItem: (item) => pn.Text(item),
      testID: "refreshable",
      style: { height: 80 },
      refreshControl: pn.RefreshControl({ refreshing: false, onRefresh: () => log.push("refreshed") }),
    }),
  );
});

const Dialogs = pn.component(function Dialogs() {
  const [open, setOpen] = pn.useState(false);
  return pn.Column(
    pn.Button("Open dialog", { onClick: () => setOpen(true), testID: "opener" }),
    pn.Button("Behind", { onClick: () => log.push("behind clicked") }),
    pn.Modal(pn.Text("Settings"), pn.Button("First"), pn.Button("Close", { onClick: () => setOpen(false) }), {
      visible: open,
      onRequestClose: () => setOpen(false),
      accessibilityLabel: "Settings dialog",
    }),
  );
});

/** A modal that is its container's only child: closing it empties the container in one clearChildren call. */
const OnlyChildDialog = pn.component(function OnlyChildDialog() {
  const [open, setOpen] = pn.useState(false);
  return pn.Column(
    pn.Button("Open alone", { onClick: () => setOpen(true) }),
    pn.Column(
      open
        ? pn.Modal(pn.Button("Close alone", { onClick: () => setOpen(false) }), { visible: true, onRequestClose: () => setOpen(false), accessibilityLabel: "Alone" })
        : null,
    ),
  );
});

/** A short ScrollView over tall content, logging what its onScroll reports. */
const Scrolling = pn.component(function Scrolling() {
  return pn.ScrollView(pn.View({ style: { height: 200 } }), {
    testID: "scrolling",
    style: { height: 40 },
    onScroll: (event) => void log.push(`scroll ${event.offset}/${event.viewportHeight}/${event.contentHeight}`),
  });
});

/** Infinite loading: each time the end is near, three more 40 px rows, in a 400 px list. */
const Feed = pn.component(function Feed() {
  const [rows, setRows] = pn.useState([0, 1, 2]);
  return pn.FlatList(rows, {
    renderItem: (i) => pn.Text(`row ${i}`, { style: { height: 40 } }),
    keyExtractor: (i) => i,
    style: { height: 400 },
    testID: "feed",
    onEndReached: () => {
      log.push(`end at ${rows.length}`);
      setRows((list) => [...list, list.length, list.length + 1, list.length + 2]);
    },
  });
});

const Broken = pn.component(function Broken(): pn.Child {
  throw new Error("render went wrong");
});
const Parent = pn.component(function Parent() {
  return pn.Column(Broken());
});

const scenarios: Record<string, () => pn.Child> = {
  counter: () => Counter(),
  presses: () => Presses(),
  dialogs: () => Dialogs(),
  onlyChildDialog: () => OnlyChildDialog(),
  elements: () => Elements(),
  draft: () => Draft(),
  digits: () => Digits(),
  focus: () => Focus({ listen: true }),
  "spacer-wide": () => SpacerView({ style: { width: 10 } }),
  "spacer-tall": () => SpacerView({ style: { height: 10, opacity: 1 } }),
  "spacer-flex": () => SpacerView({ style: { opacity: 0.5 } }),
  "spacer-none": () => SpacerView({ style: undefined }),
  "press-both": () => Pressable({ click: true, long: true }),
  "press-long": () => Pressable({ click: false, long: true }),
  "press-click": () => Pressable({ click: true, long: false }),
  "press-none": () => Pressable({ click: false, long: false }),
  "a11y-state": () => StateView({ state: { selected: true, checked: "mixed", expanded: false, busy: "yes", disabled: undefined } }),
  "a11y-state-other": () => StateView({ state: { disabled: true } }),
  "a11y-state-none": () => StateView({ state: undefined }),
  "a11y-state-primitive": () => StateView({ state: "selected" }),
  "label-placeholder": () => Labelled({ props: { placeholder: "First" } }),
  "label-label": () => Labelled({ props: { placeholder: "First", label: "Second" } }),
  "label-a11y": () => Labelled({ props: { accessibilityLabel: "Third", value: "x" } }),
  "label-none": () => Labelled({ props: { value: "x" } }),
  "max-5": () => Limited({ max: 5 }),
  "max-infinity": () => Limited({ max: Infinity }),
  "max-negative": () => Limited({ max: -1 }),
  "max-nan": () => Limited({ max: NaN }),
  "focus-off": () => Focus({ listen: false }),
  unsafe: () => Unsafe({ text: "<img src=x onerror=\"window.hacked=true\">" }),
  keyed: () => Keyed({ order: ["a", "b", "c"] }),
  reordered: () => Keyed({ order: ["c", "a", "b"] }),
  narrow: () => Styled({ wide: false }),
  wide: () => Styled({ wide: true }),
  broken: () => Parent(),
  scrolling: () => Scrolling(),
  feed: () => Feed(),
};

const tn = {
  log,
  reported,
  mount(name: string, options?: { errorOverlay?: boolean }): void {
    const root = document.getElementById("root")!;
    app = mount(scenarios[name]!(), root, options);
  },
  render(name: string): void {
    app!.render(scenarios[name]!());
  },
  unmount(): void {
    app!.unmount();
  },
  services(): Record<string, string> {
    const s = pn.runtime.services as unknown as Record<string, unknown>;
    const out: Record<string, string> = {};
    for (const k of ["frames", "alert", "camera", "storage", "online", "focus", "history", "colorScheme", "os"]) out[k] = s[k] === null ? "null" : typeof s[k];
    return out;
  },
  pendingTasks: () => pn.runtime.pendingTasks(),
  /**
   * In a fresh page: a modal shown and unmounted before the modal-focus
   * module arrives, then one that stays. Returns what has the focus after
   * the first (the page's button) and after the second ("Inside").
   */
  async modalsDuringLoad(): Promise<string[]> {
    const outside = document.createElement("button");
    outside.textContent = "Outside";
    document.body.append(outside);
    outside.focus();
    const modal = (label: string) => pn.Modal(pn.Button(label), { visible: true, accessibilityLabel: label });
    const gone = mount(modal("Gone"), document.getElementById("root")!);
    gone.unmount();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const first = document.activeElement?.textContent ?? "";
    app = mount(modal("Inside"), document.getElementById("root")!);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return [first, document.activeElement?.textContent ?? ""];
  },
  async storageRoundTrip(): Promise<string | null> {
    await pn.AsyncStorage.set("probe", "stored");
    return localStorage.getItem("typenative:probe");
  },
  /** An app that configured its storage keeps it through mount() and unmount(). */
  mountConfigured(): boolean[] {
    const backend = pn.memoryStorage();
    pn.AsyncStorage.configure({ backend });
    const configured = mount(Counter(), document.getElementById("root")!);
    const kept = pn.runtime.services.storage === backend;
    configured.unmount();
    return [kept, pn.runtime.services.storage === backend];
  },
  mountTwice(): string {
    try {
      mount(Counter(), document.getElementById("root")!);
      return "mounted";
    } catch (error) {
      return String(error);
    }
  },
};

// The default handler logs; record too, so tests can see what was reported.
const original = pn.runtime.onError;
pn.runtime.onError = (error, info) => {
  reported.push(`${info.source}: ${String(error)}`);
  original(error, info);
};
(window as unknown as { tn: typeof tn }).tn = tn;
(window as unknown as { ready: boolean }).ready = true;
