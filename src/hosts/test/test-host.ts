import type { HostConfig, Props } from "../../core/host.js";
import { isBuiltInViewType, unknownViewTypeError } from "../../platform/view-types.js";

/** A view of the test host. Text nodes have type `"#text"`. */
export interface TestNode {
  readonly id: number;
  readonly type: string;
  /** The host's current props: what the last commit or animation frame wrote. */
  props: Props;
  /**
   * The children in order: a frozen snapshot, built on first read after a
   * change (the tree itself is a linked list, so host operations stay O(1)).
   */
  readonly children: TestNode[];
  readonly parent: TestNode | null;
  /** Own text for text nodes; for views, the text of every text node inside, joined. */
  readonly text: string;
}

/** One recorded host operation. */
export type HostOp =
  | { op: "create"; node: TestNode }
  | { op: "append"; parent: TestNode; node: TestNode }
  | { op: "insert"; parent: TestNode; node: TestNode; before: TestNode | null }
  | { op: "move"; parent: TestNode; node: TestNode; before: TestNode | null }
  | { op: "remove"; parent: TestNode; node: TestNode }
  | { op: "update"; node: TestNode; changes: Props }
  | { op: "text"; node: TestNode; text: string }
  | { op: "commit" };

const NO_CHILDREN: TestNode[] = Object.freeze([]) as unknown as TestNode[];

/**
 * A view or text node. Children form a doubly linked list, so inserting,
 * moving and removing cost the same for the first row of a list as for the
 * 100,000th — an array's `indexOf`/`splice` made a 100k-row reverse take a
 * minute on the test host alone.
 */
class Node implements TestNode {
  props: Props;
  parent: Node | null = null;
  ownText: string;
  first: Node | null = null;
  last: Node | null = null;
  prev: Node | null = null;
  next: Node | null = null;
  count = 0;
  /** The `children` snapshot; dropped on every change of this node's children. */
  #snapshot: TestNode[] | null = null;

  constructor(
    readonly id: number,
    readonly type: string,
    props: Props,
    private readonly host: TestHost | null,
    text = "",
  ) {
    this.props = props;
    this.ownText = text;
  }

  get children(): TestNode[] {
    if (this.#snapshot === null) {
      if (this.count === 0) return NO_CHILDREN;
      const out = new Array<TestNode>(this.count);
      let i = 0;
      for (let child = this.first; child !== null; child = child.next) out[i++] = child;
      if (this.host !== null) this.host.steps += i;
      this.#snapshot = Object.freeze(out) as TestNode[];
    }
    return this.#snapshot;
  }

  get text(): string {
    if (this.type === "#text") return this.ownText;
    let out = "";
    for (let child = this.first; child !== null; child = child.next) out += child.text;
    return out;
  }

  /** Links `child` (detached) before `before` (a child of this node), or last. O(1). */
  link(child: Node, before: Node | null): void {
    const prev = before === null ? this.last : before.prev;
    child.parent = this;
    child.prev = prev;
    child.next = before;
    if (prev === null) this.first = child;
    else prev.next = child;
    if (before === null) this.last = child;
    else before.prev = child;
    this.count++;
    this.#snapshot = null;
  }

  /** Unlinks `child` from this node. O(1). */
  unlink(child: Node): void {
    if (child.prev === null) this.first = child.next;
    else child.prev.next = child.next;
    if (child.next === null) this.last = child.prev;
    else child.next.prev = child.prev;
    child.parent = child.prev = child.next = null;
    this.count--;
    this.#snapshot = null;
  }
}

/**
 * An in-memory host. Every operation is applied to a plain tree of
 * {@link TestNode}s and recorded in {@link TestHost.log}, so tests can assert
 * the exact operations a render cost. Like the real hosts, it accepts only
 * the built-in view types (`src/platform/view-types.ts`): a test must not
 * pass with a view no real host can show.
 */
export class TestHost implements HostConfig<TestNode> {
  readonly log: HostOp[] = [];
  /**
   * Nodes the host itself visited: one per insert, move or remove, plus one
   * per child when a `children` snapshot is built. Tests of big lists check
   * it grows linearly, so the test host never makes them slow.
   */
  steps = 0;
  #nextId = 1;

  /** A root view to render into. */
  createContainer(): TestNode {
    return new Node(this.#nextId++, "#root", {}, this);
  }

  createView(type: string, props: Props): TestNode {
    if (!isBuiltInViewType(type)) throw unknownViewTypeError("test", type);
    const node = new Node(this.#nextId++, type, props, this);
    this.log.push({ op: "create", node });
    return node;
  }

  createText(text: string): TestNode {
    const node = new Node(this.#nextId++, "#text", {}, this, text);
    this.log.push({ op: "create", node });
    return node;
  }

  appendInitialChild(parent: TestNode, child: TestNode): void {
    if (child.parent !== null) throw new Error(`appendInitialChild: node ${child.id} is already attached`);
    (parent as Node).link(child as Node, null);
    this.steps++;
    this.log.push({ op: "append", parent, node: child });
  }

  insertBefore(parent: TestNode, child: TestNode, before: TestNode | null): void {
    if (before !== null && before.parent !== parent) throw new Error(`insertBefore: node ${before.id} is not a child of ${parent.id}`);
    if (before === child) throw new Error(`insertBefore: node ${child.id} cannot go before itself`);
    const moving = child.parent === parent;
    if (child.parent !== null) (child.parent as Node).unlink(child as Node);
    (parent as Node).link(child as Node, before as Node | null);
    this.steps++;
    this.log.push(moving ? { op: "move", parent, node: child, before } : { op: "insert", parent, node: child, before });
  }

  removeChild(parent: TestNode, child: TestNode): void {
    if (child.parent !== parent) throw new Error(`removeChild: node ${child.id} is not a child of ${parent.id}`);
    (parent as Node).unlink(child as Node);
    this.steps++;
    this.log.push({ op: "remove", parent, node: child });
  }

  updateProps(node: TestNode, _type: string, changes: Props, props: Props): void {
    node.props = props;
    this.log.push({ op: "update", node, changes });
  }

  setText(node: TestNode, text: string): void {
    (node as Node).ownText = text;
    this.log.push({ op: "text", node, text });
  }

  commitEnd(): void {
    this.log.push({ op: "commit" });
  }

  /** Drops the recorded operations (the tree stays). */
  clearLog(): void {
    this.log.length = 0;
  }
}

/** A short readable label: `Text("Hello")`, `View#4`. */
export function describeNode(node: TestNode | null): string {
  if (node === null) return "end";
  if (node.type === "#text") return JSON.stringify(node.text);
  const text = node.text;
  return text && (node.type === "Text" || node.type === "Button") ? `${node.type}(${JSON.stringify(text)})` : `${node.type}#${node.id}`;
}

/** One line per operation, for readable assertions: `move Text("b") before Text("d")`. */
export function formatOp(op: HostOp): string {
  switch (op.op) {
    case "create":
      return `create ${op.node.type === "#text" ? "text" : op.node.type}`;
    case "append":
      return `append ${describeNode(op.node)} to ${describeNode(op.parent)}`;
    case "insert":
    case "move":
      return `${op.op} ${describeNode(op.node)} before ${describeNode(op.before)}`;
    case "remove":
      return `remove ${describeNode(op.node)}`;
    case "update":
      return `update ${describeNode(op.node)} ${Object.keys(op.changes).join(",")}`;
    case "text":
      return `text ${JSON.stringify(op.text)}`;
    case "commit":
      return "commit";
  }
}
