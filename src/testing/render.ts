import type { Child } from "../core/element.js";
import { createRoot, type Root } from "../core/root.js";
import { emit } from "../core/events.js";
import { TestHost, type TestNode } from "../hosts/test/test-host.js";
import { allNodes, describeMatcher, findAllByTestId, findAllByText, printTree, type TextMatcher } from "./queries.js";
import { macrotask, settle } from "./settle.js";

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
  /** Calls the nearest `onClick` at or above `node`, with no arguments. Throws for a disabled target. Returns what the handler returned. */
  press(node: TestNode): unknown;
  /** Fires `onChange(text)` on a text input. */
  changeText(node: TestNode, text: string): unknown;
  /** Runs the loop until idle. */
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

const mounted = new Set<Root>();

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
export function render(element: Child): RenderResult {
  const host = new TestHost();
  const container = host.createContainer();
  const root = createRoot(host, container);
  mounted.add(root);
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
    getByTestId: (id) => get(findAllByTestId(container, id), `testID ${JSON.stringify(id)}`),
    queryByTestId: (id) => one(findAllByTestId(container, id), `testID ${JSON.stringify(id)}`),
    press(node) {
      for (let n: TestNode | null = node; n !== null && n !== container; n = n.parent) {
        if (n.props.disabled === true) throw new Error(`press(): ${n.type} is disabled`);
        // Hosts see handlers as `true`; emit calls the component's current one.
        if (n.props.onClick === true) return emit(n, "onClick");
      }
      throw new Error(`press(): no onClick at or above ${node.type}`);
    },
    changeText(node, text) {
      if (typeof text !== "string") throw new TypeError("changeText(node, text): text must be a string");
      if (node.props.disabled === true || node.props.editable === false) throw new Error(`changeText(): ${node.type} is not editable`);
      if (node.props.onChange !== true) throw new Error(`changeText(): ${node.type} has no onChange`);
      return emit(node, "onChange", text);
    },
    settle,
    rerender: (next) => root.render(next),
    unmount() {
      mounted.delete(root);
      root.unmount();
    },
    toJSON() {
      const children = container.children.map(toJSONNode);
      return children.length === 0 ? null : children.length === 1 ? children[0]! : children;
    },
    debug: () => printTree(container),
  };
  return result;
}

function toJSONNode(node: TestNode): JSONNode | string {
  if (node.type === "#text") return node.text;
  return { type: node.type, props: { ...node.props }, children: node.children.map(toJSONNode) };
}

/** Unmounts every tree `render` mounted and is still mounted. Call it after each test. */
export function cleanup(): void {
  for (const root of Array.from(mounted)) {
    mounted.delete(root);
    root.unmount();
  }
}

export { allNodes };
