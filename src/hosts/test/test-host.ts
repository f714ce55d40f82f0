import type { HostConfig, Props } from "../../core/host.js";

/** A view of the test host. Text nodes have type `"#text"`. */
export interface TestNode {
  readonly id: number;
  readonly type: string;
  /** The host's current props: what the last commit or animation frame wrote. */
  props: Props;
  children: TestNode[];
  parent: TestNode | null;
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

class Node implements TestNode {
  props: Props;
  children: TestNode[] = [];
  parent: TestNode | null = null;
  ownText: string;

  constructor(
    readonly id: number,
    readonly type: string,
    props: Props,
    text = "",
  ) {
    this.props = props;
    this.ownText = text;
  }

  get text(): string {
    if (this.type === "#text") return this.ownText;
    let out = "";
    for (const child of this.children) out += child.text;
    return out;
  }
}

/**
 * An in-memory host. Every operation is applied to a plain tree of
 * {@link TestNode}s and recorded in {@link TestHost.log}, so tests can assert
 * the exact operations a render cost.
 */
export class TestHost implements HostConfig<TestNode> {
  readonly log: HostOp[] = [];
  private nextId = 1;

  /** A root view to render into. */
  createContainer(): TestNode {
    return new Node(this.nextId++, "#root", {});
  }

  createView(type: string, props: Props): TestNode {
    const node = new Node(this.nextId++, type, props);
    this.log.push({ op: "create", node });
    return node;
  }

  createText(text: string): TestNode {
    const node = new Node(this.nextId++, "#text", {}, text);
    this.log.push({ op: "create", node });
    return node;
  }

  appendInitialChild(parent: TestNode, child: TestNode): void {
    if (child.parent !== null) throw new Error(`appendInitialChild: node ${child.id} is already attached`);
    parent.children.push(child);
    child.parent = parent;
    this.log.push({ op: "append", parent, node: child });
  }

  insertBefore(parent: TestNode, child: TestNode, before: TestNode | null): void {
    const moving = child.parent === parent;
    if (child.parent !== null) detach(child);
    if (before === null) parent.children.push(child);
    else {
      const at = parent.children.indexOf(before);
      if (at === -1) throw new Error(`insertBefore: node ${before.id} is not a child of ${parent.id}`);
      parent.children.splice(at, 0, child);
    }
    child.parent = parent;
    this.log.push(moving ? { op: "move", parent, node: child, before } : { op: "insert", parent, node: child, before });
  }

  removeChild(parent: TestNode, child: TestNode): void {
    if (child.parent !== parent) throw new Error(`removeChild: node ${child.id} is not a child of ${parent.id}`);
    detach(child);
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

function detach(child: TestNode): void {
  const siblings = child.parent!.children;
  siblings.splice(siblings.indexOf(child), 1);
  child.parent = null;
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
