import type { Child } from "../core/element.js";
import { createRoot, type Root } from "../core/root.js";
import { emit } from "../core/events.js";
import { TestHost, type TestNode } from "../hosts/test/test-host.js";
import {
  allNodes, describeMatcher, findAllByLabelText, findAllByPlaceholderText, findAllByRole, findAllByTestId, findAllByText, printTree,
  type TextMatcher,
} from "./queries.js";
import { pressBack } from "../platform/back-handler.js";
import { drive, macrotask, settle } from "./settle.js";
import type { Runtime } from "../runtime/runtime.js";

/** A plain snapshot of a view: `{ type, props, children }`, text as strings. */
export interface JSONNode {
  type: string;
  props: Record<string, unknown>;
  children: Array<JSONNode | string>;
}

/** What `render` returns: queries, events and lifecycle of one mounted tree. */
export interface RenderResult {
  /** The test host, with its operation log. */
  readonly host: TestHost;
  /** The container view the tree is rendered into. */
  readonly container: TestNode;
  /** Exactly one Text or Button with this text, else throws with the tree. */
  getByText(matcher: TextMatcher): TestNode;
  /** The match, or null when there is none (throws for several). */
  queryByText(matcher: TextMatcher): TestNode | null;
  /** Every match; throws when there is none. */
  getAllByText(matcher: TextMatcher): TestNode[];
  /** Every match, possibly none. */
  queryAllByText(matcher: TextMatcher): TestNode[];
  /** Waits (up to `timeout` ms of real time, settling the loop, never moving virtual time) for exactly one match. */
  findByText(matcher: TextMatcher, options?: { timeout?: number }): Promise<TestNode>;
  getByTestId(id: string): TestNode;
  queryByTestId(id: string): TestNode | null;
  getAllByTestId(id: string): TestNode[];
  findByTestId(id: string, options?: { timeout?: number }): Promise<TestNode>;
  /**
   * Exactly one visible view with this role (`"button"`, `"switch"`,
   * `"textbox"`, `"text"`, `"image"`, `"list"`, `"progressbar"`, `"dialog"`,
   * `"tab"`, or an `accessibilityRole`), optionally with this accessible name
   * (`accessibilityLabel`, else a button's label, a field's label or
   * placeholder, else the text).
   */
  getByRole(role: string, options?: { name?: TextMatcher }): TestNode;
  queryByRole(role: string, options?: { name?: TextMatcher }): TestNode | null;
  getAllByRole(role: string, options?: { name?: TextMatcher }): TestNode[];
  queryAllByRole(role: string, options?: { name?: TextMatcher }): TestNode[];
  findByRole(role: string, options?: { name?: TextMatcher; timeout?: number }): Promise<TestNode>;
  /** By `accessibilityLabel` (or a `TextInput`'s `label`). */
  getByLabelText(matcher: TextMatcher): TestNode;
  queryByLabelText(matcher: TextMatcher): TestNode | null;
  getAllByLabelText(matcher: TextMatcher): TestNode[];
  queryAllByLabelText(matcher: TextMatcher): TestNode[];
  findByLabelText(matcher: TextMatcher, options?: { timeout?: number }): Promise<TestNode>;
  /** A `TextInput` by its placeholder. */
  getByPlaceholderText(matcher: TextMatcher): TestNode;
  queryByPlaceholderText(matcher: TextMatcher): TestNode | null;
  getAllByPlaceholderText(matcher: TextMatcher): TestNode[];
  queryAllByPlaceholderText(matcher: TextMatcher): TestNode[];
  findByPlaceholderText(matcher: TextMatcher, options?: { timeout?: number }): Promise<TestNode>;
  /** The system back action (Android's back button): pops the deepest focused stack. Returns whether anything handled it. */
  back(): boolean;
  /** Reports a scroll to the nearest `onScroll` at or above `node` (a `FlatList` windows its rows from it). */
  scroll(node: TestNode, options: { offset: number; viewportHeight?: number; contentHeight?: number }): unknown;
  /** Calls the nearest `onLongPress` at or above `node`. Throws for a disabled target. */
  longPress(node: TestNode): unknown;
  /**
   * Calls the nearest handler `name` at or above `node` with `payload`:
   * `"onClick"`, `"onChange"`, `"onRefresh"`, ... (`"press"` and
   * `"changeText"` work too, as in React Native Testing Library). Throws
   * for a view no longer on screen, as every event helper does.
   */
  fireEvent(node: TestNode, name: string, ...payload: unknown[]): unknown;
  /** Calls the nearest `onClick` at or above `node`, with no arguments. Throws for a disabled target, or one no longer on screen. Returns what the handler returned. */
  press(node: TestNode): unknown;
  /** Fires `onChange(text)` on a text input. */
  changeText(node: TestNode, text: string): unknown;
  /** Runs the loop until idle: the default runtime's and the runtime this tree renders on (see `settle`). */
  settle(): Promise<void>;
  /** Renders a new element into the same root (synchronously). */
  rerender(element: Child): void;
  /** Unmounts the tree: cleanups run, component tasks are cancelled. */
  unmount(): void;
  /** The rendered tree as plain data: the root node, an array for several, null for none. */
  toJSON(): JSONNode | JSONNode[] | string | Array<JSONNode | string> | null;
  /** The tree as indented text. */
  debug(): string;
}

/** Options of {@link render}. */
export interface RenderOptions {
  /**
   * The runtime the tree renders on; default `pn.runtime`. `settle()`,
   * `ui.settle()` and the `find…` queries drive it while the tree is
   * mounted; `fakeClock(start, runtime)` gives it virtual time.
   */
  runtime?: Runtime;
}

/** Mounted trees, each with what stops `settle()` driving its runtime. */
const mounted = new Map<Root, () => void>();

/**
 * Mounts `element` on a fresh test host, synchronously: render, commit and
 * layout effects. Passive effects and tasks run on `settle()`.
 *
 * @example
 * ```ts
 * const ui = render(UserCard({ userId: 1 }));
 * ui.getByText("Loading…");
 * await ui.findByText("Alice");
 * ```
 */
export function render(element: Child, options: RenderOptions = {}): RenderResult {
  const host = new TestHost();
  const container = host.createContainer();
  const root = createRoot(host, container, { runtime: options.runtime });
  mounted.set(root, drive(root.runtime));
  root.render(element);

  const one = (matches: TestNode[], what: string): TestNode | null => {
    if (matches.length > 1) throw new Error(`Found ${matches.length} views with ${what}, expected one.\n\n${printTree(container)}`);
    return matches[0] ?? null;
  };
  const get = (matches: TestNode[], what: string): TestNode => {
    const node = one(matches, what);
    if (node === null) throw new Error(`Found no view with ${what}.\n\n${printTree(container)}`);
    return node;
  };

  /** get/query/getAll/queryAll/find for one finder. */
  const variants = <A extends unknown[]>(find: (...args: A) => TestNode[], what: (...args: A) => string) => ({
    get: (...args: A) => get(find(...args), what(...args)),
    query: (...args: A) => one(find(...args), what(...args)),
    getAll(...args: A) {
      const all = find(...args);
      if (all.length === 0) throw new Error(`Found no view with ${what(...args)}.\n\n${printTree(container)}`);
      return all;
    },
    queryAll: (...args: A) => find(...args),
    async find(timeout: number | undefined, ...args: A): Promise<TestNode> {
      const deadline = globalThis.performance.now() + (timeout ?? 1000);
      for (;;) {
        await settle();
        const found = find(...args);
        if (found.length >= 1) return get(found, what(...args));
        if (globalThis.performance.now() >= deadline) {
          throw new Error(`no view with ${what(...args)} appeared within ${timeout ?? 1000} ms.\n\n${printTree(container)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
        await macrotask();
      }
    },
  });
  const byRole = variants(
    (role: string, name: TextMatcher | undefined) => findAllByRole(container, role, name),
    (role, name) => `role ${JSON.stringify(role)}${name === undefined ? "" : ` and name ${describeMatcher(name)}`}`,
  );
  const byLabel = variants((m: TextMatcher) => findAllByLabelText(container, m), (m) => `label ${describeMatcher(m)}`);
  const byPlaceholder = variants((m: TextMatcher) => findAllByPlaceholderText(container, m), (m) => `placeholder ${describeMatcher(m)}`);
  const byTestId = variants((id: string) => findAllByTestId(container, id), (id) => `testID ${JSON.stringify(id)}`);
  /** The nearest view at or above `node` with a handler `name`, refusing disabled targets. */
  /**
   * Throws unless `node` is in this render's tree. A host never delivers an
   * event to a removed view (the reconciler ignores one), so pressing a
   * stale reference would do nothing and a test asserting "nothing
   * happened" would pass for the wrong reason.
   */
  const onScreen = (node: TestNode, action: string): void => {
    let n: TestNode | null = node;
    while (n !== null && n !== container) n = n.parent;
    if (n === null) throw new Error(`${action}(): the ${node.type} is no longer on screen (removed, or not in this render)`);
  };

  const handlerAbove = (node: TestNode, name: string, action: string): TestNode => {
    onScreen(node, action);
    for (let n: TestNode | null = node; n !== null && n !== container; n = n.parent) {
      if (n.props.disabled === true) throw new Error(`${action}(): ${n.type} is disabled`);
      if (n.props[name] === true) return n;
    }
    throw new Error(`${action}(): no ${name} at or above ${node.type}`);
  };

  const result: RenderResult = {
    host,
    container,
    getByText: (m) => get(findAllByText(container, m), `text ${describeMatcher(m)}`),
    queryByText: (m) => one(findAllByText(container, m), `text ${describeMatcher(m)}`),
    getAllByText(m) {
      const all = findAllByText(container, m);
      if (all.length === 0) throw new Error(`Found no view with text ${describeMatcher(m)}.\n\n${printTree(container)}`);
      return all;
    },
    queryAllByText: (m) => findAllByText(container, m),
    async findByText(m, options = {}) {
      const timeout = options.timeout ?? 1000;
      const deadline = globalThis.performance.now() + timeout;
      for (;;) {
        await settle();
        const matches = findAllByText(container, m);
        if (matches.length === 1) return matches[0]!;
        if (matches.length > 1) return get(matches, `text ${describeMatcher(m)}`);
        if (globalThis.performance.now() >= deadline) {
          throw new Error(`findByText: no view with text ${describeMatcher(m)} appeared within ${timeout} ms.\n\n${printTree(container)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
        await macrotask();
      }
    },
    getByTestId: byTestId.get,
    queryByTestId: byTestId.query,
    getAllByTestId: byTestId.getAll,
    findByTestId: (id, options = {}) => byTestId.find(options.timeout, id),
    getByRole: (role, options = {}) => byRole.get(role, options.name),
    queryByRole: (role, options = {}) => byRole.query(role, options.name),
    getAllByRole: (role, options = {}) => byRole.getAll(role, options.name),
    queryAllByRole: (role, options = {}) => byRole.queryAll(role, options.name),
    findByRole: (role, options = {}) => byRole.find(options.timeout, role, options.name),
    getByLabelText: byLabel.get,
    queryByLabelText: byLabel.query,
    getAllByLabelText: byLabel.getAll,
    queryAllByLabelText: byLabel.queryAll,
    findByLabelText: (m, options = {}) => byLabel.find(options.timeout, m),
    getByPlaceholderText: byPlaceholder.get,
    queryByPlaceholderText: byPlaceholder.query,
    getAllByPlaceholderText: byPlaceholder.getAll,
    queryAllByPlaceholderText: byPlaceholder.queryAll,
    findByPlaceholderText: (m, options = {}) => byPlaceholder.find(options.timeout, m),
    back: () => pressBack(root.runtime),
    scroll(node, options) {
      if (typeof options !== "object" || options === null || typeof options.offset !== "number") {
        throw new TypeError("scroll(node, { offset }): offset must be a number");
      }
      const target = handlerAbove(node, "onScroll", "scroll");
      const event: Record<string, number> = { offset: options.offset, viewportHeight: options.viewportHeight ?? 600 };
      if (options.contentHeight !== undefined) event.contentHeight = options.contentHeight;
      return emit(target, "onScroll", event);
    },
    longPress: (node) => emit(handlerAbove(node, "onLongPress", "longPress"), "onLongPress"),
    fireEvent(node, name, ...payload) {
      const handler = EVENT_ALIASES[name] ?? (name.startsWith("on") ? name : `on${name.charAt(0).toUpperCase()}${name.slice(1)}`);
      return emit(handlerAbove(node, handler, "fireEvent"), handler, ...payload);
    },
    press(node) {
      onScreen(node, "press");
      for (let n: TestNode | null = node; n !== null && n !== container; n = n.parent) {
        if (n.props.disabled === true) throw new Error(`press(): ${n.type} is disabled`);
        // Hosts see handlers as `true`; emit calls the component's current one.
        if (n.props.onClick === true) return emit(n, "onClick");
      }
      throw new Error(`press(): no onClick at or above ${node.type}`);
    },
    changeText(node, text) {
      if (typeof text !== "string") throw new TypeError("changeText(node, text): text must be a string");
      onScreen(node, "changeText");
      if (node.props.disabled === true || node.props.editable === false) throw new Error(`changeText(): ${node.type} is not editable`);
      if (node.props.onChange !== true) throw new Error(`changeText(): ${node.type} has no onChange`);
      return emit(node, "onChange", text);
    },
    settle: () => settle(),
    rerender: (next) => root.render(next),
    unmount() {
      const release = mounted.get(root);
      mounted.delete(root);
      root.unmount();
      release?.();
    },
    toJSON() {
      const children = container.children.map(toJSONNode);
      return children.length === 0 ? null : children.length === 1 ? children[0]! : children;
    },
    debug: () => printTree(container),
  };
  return result;
}

/** React Native Testing Library's event names. */
const EVENT_ALIASES: Record<string, string> = { press: "onClick", changeText: "onChange", longPress: "onLongPress", scroll: "onScroll" };

function toJSONNode(node: TestNode): JSONNode | string {
  if (node.type === "#text") return node.text;
  return { type: node.type, props: { ...node.props }, children: node.children.map(toJSONNode) };
}

/** Unmounts every tree `render` mounted and is still mounted. Call it after each test. */
export function cleanup(): void {
  for (const [root, release] of Array.from(mounted)) {
    mounted.delete(root);
    root.unmount();
    release();
  }
}

export { allNodes };
