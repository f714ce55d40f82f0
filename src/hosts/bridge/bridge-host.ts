/**
 * The bridge host: a `HostConfig` whose views are tags on the far side.
 *
 * Render-phase calls only build a runtime-side shadow (so a render that is
 * thrown away costs the far side nothing); a commit — everything between
 * `commitStart` and `commitEnd` — goes out as ONE message `{ revision, ops }`.
 * A view first reaches the far side when it is inserted into a view the far
 * side has: its whole new subtree is serialized then (creates and inserts).
 * Insert and move carry the child's final index, computed here from the
 * shadow tree. Functions never cross: a handler prop (`on*`) is `true` while
 * the view listens, and removed when it stops.
 */
import type { HostConfig, Props } from "../../core/host.js";
import { dispatch } from "../../core/events.js";
import { currentRuntime, runtime as defaultRuntime, type Runtime } from "../../runtime/runtime.js";
import { isBuiltInViewType, unknownViewTypeError } from "../../platform/view-types.js";
import { IMAGE_PROTOCOLS, resolveImageSource } from "../../platform/image-source.js";
import { MAX_PROP_DEPTH, ROOT_TAG, TEXT_TYPE, isHandlerName } from "./protocol.js";
import type { Json, Op, WireProps } from "./protocol.js";
import type { BridgeConnection, BridgeEvent } from "./connection.js";

/** A view on the runtime side of the bridge. */
export class BridgeNode {
  parent: BridgeNode | null = null;
  children: BridgeNode[] = [];
  /** Whether the far side has this view. */
  sent = false;
  /** Handler props the far side knows this view listens to. */
  listening: Set<string> | null = null;
  /** TextInput only: the newest user edit received, and the text it carried. */
  seenEdit = 0;
  hostText: string | null = null;

  constructor(
    readonly tag: number,
    readonly type: string,
    public props: Props,
    public text = "",
  ) {}
}

/** The bridge host plus what its owner needs. */
export interface BridgeHost extends HostConfig<BridgeNode> {
  /** The root view (tag 0) to pass to `createRoot`. */
  readonly container: BridgeNode;
  /** The live view of `tag`, if the far side has it. */
  node(tag: number): BridgeNode | undefined;
  /** Sends out-of-commit changes (animation frames) now instead of on the next microtask. */
  flush(): void;
}

/**
 * Creates a bridge host sending commits over `connection` and delivering
 * the connection's events to handlers.
 *
 * @example
 * ```ts
 * const connection = await connect(transport);
 * const host = createBridgeHost(connection);
 * createRoot(host, host.container).render(App());
 * ```
 */
export function createBridgeHost(connection: BridgeConnection, runtime: Runtime = defaultRuntime): BridgeHost {
  const container = new BridgeNode(ROOT_TAG, "#root", {});
  container.sent = true;
  const live = new Map<number, BridgeNode>([[ROOT_TAG, container]]);
  let nextTag = 1;
  let ops: Op[] = [];
  let inCommit = false;
  let flushQueued = false;

  function send(): void {
    if (ops.length === 0 || connection.isClosed) {
      ops = [];
      return;
    }
    const batch = ops;
    ops = [];
    connection.commit(batch);
  }

  /** Out-of-commit ops (animated styles on a frame) go out together on a microtask. */
  function queueFlush(): void {
    if (inCommit || flushQueued) return;
    flushQueued = true;
    queueMicrotask(() => {
      flushQueued = false;
      if (!inCommit) send();
    });
  }

  /**
   * Emits creates (and inserts for its initial children) for a view the far
   * side does not have yet — or, in a resync, for every view again.
   */
  function serialize(node: BridgeNode, resync = false): void {
    node.sent = true;
    live.set(node.tag, node);
    if (node.type === TEXT_TYPE) ops.push({ op: "create", tag: node.tag, type: TEXT_TYPE, text: node.text });
    else {
      const props: WireProps = {};
      for (const name in node.props) {
        const value = wireProp(node, name, node.props[name]);
        if (value !== undefined) props[name] = value;
      }
      const op: Op = { op: "create", tag: node.tag, type: node.type, props };
      // A re-created input carries the newest edit its value answers (the controlled-input rule).
      if (resync && node.seenEdit > 0) op.edit = node.seenEdit;
      ops.push(op);
      if (node.type === "TextInput" && typeof node.props.value === "string") node.hostText = node.props.value;
    }
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.sent && !resync) throw new Error(`bridge host: view ${child.tag} is already on the far side and cannot join new view ${node.tag}`);
      serialize(child, resync);
      ops.push({ op: "insert", parent: node.tag, child: child.tag, index: i });
    }
  }

  /**
   * After a rejected commit the far side kept its last good tree, which is
   * no longer ours: send our whole tree as one `resync` commit, which
   * replaces it. Ops waiting for the next flush are dropped (the snapshot
   * already holds their effect). Rejections of commits sent before the
   * resync are superseded by it; a rejected resync is not retried (it was
   * reported, and would fail the same way).
   */
  let resyncRevision = 0;
  connection.onReject = (revision) => {
    if (revision <= resyncRevision || connection.isClosed) return;
    ops = [];
    const children = container.children;
    for (let i = 0; i < children.length; i++) {
      serialize(children[i]!, true);
      ops.push({ op: "insert", parent: ROOT_TAG, child: children[i]!.tag, index: i });
    }
    const snapshot = ops;
    ops = [];
    resyncRevision = connection.commit(snapshot, true);
  };

  /** Forgets `node`'s subtree: later events against it are dropped. */
  function forget(node: BridgeNode): void {
    const stack = [node];
    while (stack.length > 0) {
      const next = stack.pop()!;
      live.delete(next.tag);
      next.sent = false;
      for (let i = 0; i < next.children.length; i++) stack.push(next.children[i]!);
    }
  }

  /** A value as it crosses the bridge, or undefined when the key should be absent. */
  function wireProp(node: BridgeNode, name: string, value: unknown): Json | undefined {
    if (isHandlerName(name)) {
      const on = typeof value === "function" || value === true;
      if (on) (node.listening ??= new Set()).add(name);
      else node.listening?.delete(name);
      return on ? true : undefined;
    }
    if (name === "source" && node.type === "Image") return imageSource(value);
    return toWire(value, 0);
  }

  /** After an edit: when the app did not take the user's text as is (a filter, a max length), echo its value. */
  function reconcileInput(node: BridgeNode): void {
    if (!node.sent || node.hostText === null) return;
    const value = node.props.value;
    if (typeof value !== "string" || value === node.hostText) return;
    node.hostText = value;
    ops.push({ op: "update", tag: node.tag, props: { value }, edit: node.seenEdit });
    if (!inCommit) send();
  }

  connection.onEvent = (event: BridgeEvent) => {
    const node = live.get(event.tag);
    if (node === undefined || node === container) {
      connection.stats.eventsDropped++;
      return;
    }
    if (node.type === "TextInput" && event.name === "onChange") {
      const payload = event.payload as { text?: unknown; edit?: unknown } | undefined;
      if (typeof payload?.text !== "string" || typeof payload.edit !== "number" || payload.edit <= node.seenEdit) {
        connection.stats.eventsDropped++;
        return;
      }
      node.seenEdit = payload.edit;
      node.hostText = payload.text;
      connection.stats.eventsDelivered++;
      dispatch(node, "onChange", payload.text);
      // Runs after the render the handler's setters scheduled (the loop is FIFO).
      runtime.getLoop().callSoon(() => reconcileInput(node));
      return;
    }
    connection.stats.eventsDelivered++;
    if (event.payload === undefined) dispatch(node, event.name);
    else dispatch(node, event.name, event.payload);
  };

  return {
    container,

    node(tag) {
      return live.get(tag);
    },

    flush: send,

    createView(type, props) {
      // A render error here (reported like on every host), never a rejected commit later.
      if (!isBuiltInViewType(type)) throw unknownViewTypeError("bridge", type);
      return new BridgeNode(nextTag++, type, props);
    },

    createText(text) {
      return new BridgeNode(nextTag++, TEXT_TYPE, {}, text);
    },

    appendInitialChild(parent, child) {
      parent.children.push(child);
      child.parent = parent;
    },

    insertBefore(parent, child, before) {
      const siblings = parent.children;
      const moving = child.parent === parent;
      if (moving) siblings.splice(siblings.indexOf(child), 1);
      else if (child.parent !== null) {
        // Views never change parents in the reconciler; keep the shadow honest if one does.
        const old = child.parent.children;
        old.splice(old.indexOf(child), 1);
      }
      const index = before === null ? siblings.length : siblings.indexOf(before);
      if (index === -1) throw new Error(`bridge host: view ${before!.tag} is not a child of ${parent.tag}`);
      siblings.splice(index, 0, child);
      child.parent = parent;
      if (!parent.sent) return; // the parent's subtree goes out whole when it is attached
      if (moving && child.sent) ops.push({ op: "move", parent: parent.tag, child: child.tag, index });
      else {
        if (!child.sent) serialize(child);
        ops.push({ op: "insert", parent: parent.tag, child: child.tag, index });
      }
      queueFlush();
    },

    removeChild(parent, child) {
      const siblings = parent.children;
      const at = siblings.indexOf(child);
      if (at === -1) throw new Error(`bridge host: view ${child.tag} is not a child of ${parent.tag}`);
      siblings.splice(at, 1);
      child.parent = null;
      if (child.sent) {
        ops.push({ op: "remove", tag: child.tag });
        forget(child);
        queueFlush();
      }
    },

    updateProps(node, _type, changes, props) {
      node.props = props;
      if (!node.sent) return;
      let set: WireProps | null = null;
      let removed: string[] | null = null;
      for (const name in changes) {
        const value = changes[name];
        if (isHandlerName(name)) {
          // Only a change of listening crosses: swapping one handler for another is no op at all.
          const was = node.listening?.has(name) === true;
          const on = typeof value === "function" || value === true;
          if (was === on) continue;
        }
        const wire = value === undefined ? undefined : wireProp(node, name, value);
        if (wire === undefined) {
          if (isHandlerName(name)) node.listening?.delete(name);
          (removed ??= []).push(name);
        } else (set ??= {})[name] = wire;
      }
      if (set === null && removed === null) return;
      const op: Op = { op: "update", tag: node.tag, props: set ?? {} };
      if (removed !== null) op.removed = removed;
      if (node.type === "TextInput" && set !== null && "value" in set) {
        op.edit = node.seenEdit;
        if (typeof set.value === "string") node.hostText = set.value;
      }
      ops.push(op);
      queueFlush();
    },

    setText(node, text) {
      node.text = text;
      if (!node.sent) return;
      ops.push({ op: "text", tag: node.tag, text });
      queueFlush();
    },

    commitStart() {
      inCommit = true;
    },

    commitEnd() {
      inCommit = false;
      send();
    },
  };
}

/** Image sources are decided here, once for every bridged host: the far side gets a URI it may load, or none. */
const IMAGE_OPTIONS = { protocols: [...IMAGE_PROTOCOLS, "file:"] };

function imageSource(value: unknown): Json | undefined {
  const decision = resolveImageSource(value, IMAGE_OPTIONS);
  if (decision.action === "load") return decision.uri;
  // Props are serialized while committing, so the current runtime is the root's.
  if (decision.action === "refuse") currentRuntime().reportError(decision.error, { source: "bridge" });
  return undefined;
}

/**
 * The objects `toWire` is inside of, outermost first. A reference back to
 * one of them is a cycle: copied, each one would multiply the message by
 * its count of back references per level, 16 levels deep (an object with
 * four exhausts the heap).
 */
const enclosing: object[] = [];

/**
 * JSON data for a prop value: functions, symbols and `undefined` vanish (an
 * array keeps its length with `null`), non-finite numbers become `null`,
 * objects with `toJSON` (dates) use it, anything deeper than the protocol's
 * limit is cut, and so is a reference back to an enclosing object (a cycle).
 */
export function toWire(value: unknown, depth: number): Json | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "object": {
      if (value === null) return null;
      if (depth >= MAX_PROP_DEPTH - 1 || enclosing.includes(value)) return undefined;
      enclosing.push(value);
      try {
        return objectToWire(value, depth);
      } finally {
        enclosing.pop();
      }
    }
    default:
      return undefined;
  }
}

/** {@link toWire} of a non-null object, while it is on the `enclosing` stack. */
function objectToWire(value: object, depth: number): Json | undefined {
  if (Array.isArray(value)) {
    const out: Json[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = toWire(value[i], depth + 1) ?? null;
    return out;
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return toWire(toJSON.call(value), depth + 1);
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value)) {
    const item = toWire((value as Record<string, unknown>)[key], depth + 1);
    if (item !== undefined) out[key] = item;
  }
  return out;
}
