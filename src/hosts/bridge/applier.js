// The reference applier: the far side of the bridge, framework-free.
//
// It keeps a shadow tree of tags, validates a whole commit against it before
// touching anything, then applies the commit to the shadow tree and to a
// toolkit `backend` (GTK widgets, UIKit views, a plain tree in tests). A
// rejected commit changes nothing. The same file runs in Node and in GJS:
// plain JavaScript, no platform API. docs/bridge.md is the normative text.
import { ROOT_TAG, TEXT_TYPE, VIEW_TYPES, isCount, isHandlerName, propsProblem, protocolError } from "./protocol.js";

const KNOWN_TYPES = new Set(VIEW_TYPES);

/**
 * One view of the shadow tree. `handle` is whatever the backend made for it.
 * `edit` counts the user's edits of a TextInput (see `userEdited`).
 */
class ShadowNode {
  constructor(tag, type, props, text) {
    this.tag = tag;
    this.type = type;
    this.props = props;
    this.text = text;
    this.parent = null;
    this.children = [];
    this.handle = null;
    this.edit = 0;
  }
}

/**
 * The draft of one commit during validation: copies of only the nodes the
 * commit touches (copy on write), so checking never mutates the live tree.
 */
class Draft {
  constructor(live) {
    this.live = live;
    this.touched = new Map();
    this.created = [];
  }

  /** The draft record of `tag`, or undefined when no such view exists (or it died in this commit). */
  get(tag) {
    let record = this.touched.get(tag);
    if (record === undefined) {
      const node = this.live.get(tag);
      if (node === undefined) return undefined;
      record = { type: node.type, parent: node.parent === null ? null : node.parent.tag, children: null, node, dead: false };
      this.touched.set(tag, record);
    }
    return record.dead ? undefined : record;
  }

  /** Tags of `record`'s children, copied from the live node on first use. */
  children(record) {
    if (record.children === null) {
      const live = record.node.children;
      record.children = new Array(live.length);
      for (let i = 0; i < live.length; i++) record.children[i] = live[i].tag;
    }
    return record.children;
  }

  exists(tag) {
    return this.touched.has(tag) || this.live.has(tag);
  }

  create(tag, type) {
    this.touched.set(tag, { type, parent: null, children: [], node: null, dead: false });
    this.created.push(tag);
  }

  /** Marks `tag` and everything under it dead for the rest of the commit. */
  kill(tag) {
    const stack = [tag];
    while (stack.length > 0) {
      const record = this.get(stack.pop());
      if (record === undefined) continue;
      const children = this.children(record);
      for (let i = 0; i < children.length; i++) stack.push(children[i]);
      record.dead = true;
    }
  }
}

function fail(index, code, message) {
  return protocolError(code, message, { op: index });
}

/** Checks one op against the draft and records its effect there. Returns an error or null. */
function checkOp(draft, op, i) {
  if (typeof op !== "object" || op === null) return fail(i, "malformed", "an op must be an object");
  switch (op.op) {
    case "create": {
      if (!isCount(op.tag) || op.tag === ROOT_TAG) return fail(i, "bad-tag", `create: tag must be a positive integer, got ${JSON.stringify(op.tag)}`);
      if (draft.exists(op.tag)) return fail(i, "duplicate-tag", `create: tag ${op.tag} is already in use`);
      if (op.type === TEXT_TYPE) {
        if (typeof op.text !== "string") return fail(i, "bad-text", `create: text node ${op.tag} needs a string text`);
      } else {
        if (!KNOWN_TYPES.has(op.type)) return fail(i, "unknown-type", `create: unknown view type ${JSON.stringify(op.type)}`);
        const problem = propsProblem(op.props);
        if (problem !== null) return fail(i, "bad-props", `create ${op.type} ${op.tag}: ${problem}`);
        if (op.edit !== undefined && !isCount(op.edit)) return fail(i, "bad-edit", `create ${op.type} ${op.tag}: edit must be a count`);
      }
      draft.create(op.tag, op.type);
      return null;
    }
    case "insert":
    case "move": {
      const parent = draft.get(op.parent);
      const child = draft.get(op.child);
      if (parent === undefined) return fail(i, "dead-tag", `${op.op}: no view ${JSON.stringify(op.parent)}`);
      if (child === undefined) return fail(i, "dead-tag", `${op.op}: no view ${JSON.stringify(op.child)}`);
      if (parent.type === TEXT_TYPE) return fail(i, "bad-parent", `${op.op}: text node ${op.parent} cannot have children`);
      if (op.child === ROOT_TAG) return fail(i, "bad-child", `${op.op}: the root cannot be a child`);
      const siblings = draft.children(parent);
      if (op.op === "insert") {
        if (child.parent !== null) return fail(i, "attached", `insert: view ${op.child} is already a child of ${child.parent}; use move or remove it first`);
        // A cycle: the child is the parent or one of its ancestors.
        for (let at = op.parent; at !== null; ) {
          if (at === op.child) return fail(i, "cycle", `insert: view ${op.child} would become its own descendant`);
          const record = draft.get(at);
          at = record === undefined ? null : record.parent;
        }
        if (!isCount(op.index) || op.index > siblings.length) return fail(i, "bad-index", `insert: index ${JSON.stringify(op.index)} out of 0..${siblings.length}`);
        siblings.splice(op.index, 0, op.child);
        child.parent = op.parent;
      } else {
        if (child.parent !== op.parent) return fail(i, "not-a-child", `move: view ${op.child} is not a child of ${op.parent}`);
        if (!isCount(op.index) || op.index >= siblings.length) return fail(i, "bad-index", `move: index ${JSON.stringify(op.index)} out of 0..${siblings.length - 1}`);
        siblings.splice(siblings.indexOf(op.child), 1);
        siblings.splice(op.index, 0, op.child);
      }
      return null;
    }
    case "remove": {
      const node = draft.get(op.tag);
      if (node === undefined) return fail(i, "dead-tag", `remove: no view ${JSON.stringify(op.tag)}`);
      if (op.tag === ROOT_TAG) return fail(i, "bad-child", "remove: the root cannot be removed");
      if (node.parent === null) return fail(i, "detached", `remove: view ${op.tag} is not attached`);
      const siblings = draft.children(draft.get(node.parent));
      siblings.splice(siblings.indexOf(op.tag), 1);
      node.parent = null;
      draft.kill(op.tag);
      return null;
    }
    case "update": {
      const node = draft.get(op.tag);
      if (node === undefined) return fail(i, "dead-tag", `update: no view ${JSON.stringify(op.tag)}`);
      if (node.type === TEXT_TYPE || op.tag === ROOT_TAG) return fail(i, "bad-target", `update: view ${op.tag} has no props`);
      const problem = propsProblem(op.props);
      if (problem !== null) return fail(i, "bad-props", `update ${op.tag}: ${problem}`);
      if (op.removed !== undefined) {
        if (!Array.isArray(op.removed) || !op.removed.every((name) => typeof name === "string")) {
          return fail(i, "bad-props", `update ${op.tag}: removed must be a list of prop names`);
        }
      }
      if (op.edit !== undefined && !isCount(op.edit)) return fail(i, "bad-edit", `update ${op.tag}: edit must be a count`);
      return null;
    }
    case "text": {
      const node = draft.get(op.tag);
      if (node === undefined) return fail(i, "dead-tag", `text: no view ${JSON.stringify(op.tag)}`);
      if (node.type !== TEXT_TYPE) return fail(i, "bad-target", `text: view ${op.tag} is not a text node`);
      if (typeof op.text !== "string") return fail(i, "bad-text", "text: text must be a string");
      return null;
    }
    default:
      return fail(i, "unknown-op", `unknown op ${JSON.stringify(op.op)}`);
  }
}

/** Removes `name` keys a handler-free host does not need to know twice: returns a fresh props copy. */
function copyProps(props) {
  const out = {};
  for (const name of Object.keys(props)) out[name] = props[name];
  return out;
}

/**
 * Creates an applier over `backend` (all methods optional):
 *
 * - `createView(node)` / `createText(node)` → the toolkit handle for a new node;
 * - `insert(parent, child, index)` / `move(parent, child, index)`: `parent.children` already holds `child` at `index`;
 * - `remove(parent, child)`: `child` is already out of `parent.children`;
 * - `update(node, changes, removed)`: `node.props` already merged;
 * - `setText(node)`; `release(node)` for each node of a removed subtree (children first);
 * - `commitEnd(revision)` after a commit was applied.
 */
export function createApplier(backend = {}) {
  const nodes = new Map();
  const root = new ShadowNode(ROOT_TAG, "#root", {}, "");
  nodes.set(ROOT_TAG, root);
  let lastRevision = 0;
  /** During a resync: the user's edits of the old tree's TextInputs, tag → { edit, value }. */
  let carried = null;

  function release(node) {
    // Children first, so a backend can tear down bottom-up.
    const stack = [node];
    const order = [];
    while (stack.length > 0) {
      const next = stack.pop();
      order.push(next);
      for (let i = 0; i < next.children.length; i++) stack.push(next.children[i]);
    }
    for (let i = order.length - 1; i >= 0; i--) {
      nodes.delete(order[i].tag);
      if (backend.release) backend.release(order[i]);
    }
  }

  function applyOp(op) {
    switch (op.op) {
      case "create": {
        const text = op.type === TEXT_TYPE;
        const node = new ShadowNode(op.tag, op.type, text ? {} : copyProps(op.props), text ? op.text : "");
        if (op.type === "TextInput") {
          // A resync re-creates inputs the user may have typed into since the
          // runtime's snapshot: their edit count survives, and the user's
          // newer text wins over a value computed for an older edit.
          const sent = op.edit === undefined ? 0 : op.edit;
          const kept = carried === null ? undefined : carried.get(op.tag);
          node.edit = kept === undefined ? sent : Math.max(kept.edit, sent);
          if (kept !== undefined && sent < kept.edit) node.props.value = kept.value;
        }
        nodes.set(op.tag, node);
        const make = text ? backend.createText : backend.createView;
        if (make) node.handle = make.call(backend, node);
        return;
      }
      case "insert": {
        const parent = nodes.get(op.parent);
        const child = nodes.get(op.child);
        parent.children.splice(op.index, 0, child);
        child.parent = parent;
        if (backend.insert) backend.insert(parent, child, op.index);
        return;
      }
      case "move": {
        const parent = nodes.get(op.parent);
        const child = nodes.get(op.child);
        const siblings = parent.children;
        siblings.splice(siblings.indexOf(child), 1);
        siblings.splice(op.index, 0, child);
        if (backend.move) backend.move(parent, child, op.index);
        return;
      }
      case "remove": {
        const child = nodes.get(op.tag);
        const parent = child.parent;
        parent.children.splice(parent.children.indexOf(child), 1);
        child.parent = null;
        if (backend.remove) backend.remove(parent, child);
        release(child);
        return;
      }
      case "update": {
        const node = nodes.get(op.tag);
        const changes = {};
        for (const name of Object.keys(op.props)) {
          // The controlled-input rule: a value computed before the user's
          // latest edit is stale and never overwrites newer typing.
          if (name === "value" && node.type === "TextInput" && (op.edit === undefined ? 0 : op.edit) < node.edit) continue;
          changes[name] = op.props[name];
          node.props[name] = op.props[name];
        }
        const removed = op.removed === undefined ? [] : op.removed;
        for (let i = 0; i < removed.length; i++) delete node.props[removed[i]];
        if (backend.update) backend.update(node, changes, removed);
        return;
      }
      case "text": {
        const node = nodes.get(op.tag);
        node.text = op.text;
        if (backend.setText) backend.setText(node);
        return;
      }
    }
  }

  /** Removes and releases every child of the root. */
  function clear() {
    const children = root.children.slice();
    for (const child of children) {
      root.children.splice(root.children.indexOf(child), 1);
      child.parent = null;
      if (backend.remove) backend.remove(root, child);
      release(child);
    }
  }

  const applier = {
    root,

    /** The last revision applied (0 before the first commit). */
    get revision() {
      return lastRevision;
    },

    /** The live node of `tag`, or undefined. */
    get(tag) {
      return nodes.get(tag);
    },

    /** How many views (text nodes included, the root excluded) are alive. */
    get size() {
      return nodes.size - 1;
    },

    /** Checks a whole commit message against the current tree. Returns null or an error `{ code, message, op? }`. */
    validate(commit) {
      if (typeof commit !== "object" || commit === null) return protocolError("malformed", "a commit must be an object");
      if (!isCount(commit.revision) || commit.revision === 0) return protocolError("bad-revision", `revision must be a positive integer, got ${JSON.stringify(commit.revision)}`);
      if (commit.revision <= lastRevision) return protocolError("stale-revision", `revision ${commit.revision} is not after ${lastRevision}`);
      if (!Array.isArray(commit.ops)) return protocolError("malformed", "ops must be a list");
      if (commit.resync !== undefined && typeof commit.resync !== "boolean") return protocolError("malformed", "resync must be a boolean");
      // A resync describes the whole tree: it is checked against an empty root.
      const draft = new Draft(commit.resync === true ? emptyTree() : nodes);
      for (let i = 0; i < commit.ops.length; i++) {
        const error = checkOp(draft, commit.ops[i], i);
        if (error !== null) return error;
      }
      for (const tag of draft.created) {
        const record = draft.get(tag);
        if (record !== undefined && record.parent === null) return protocolError("orphan", `view ${tag} was created but never attached`);
      }
      return null;
    },

    /**
     * Validates then applies `commit`. Returns null when applied, or the
     * error that rejected it (then nothing changed, and the revision still counts as seen).
     * A commit with `resync: true` replaces the whole tree: it is validated
     * against an empty root, then every view goes and the ops build the new
     * tree (TextInputs keep the user's edits, see `create`).
     */
    apply(commit) {
      const error = applier.validate(commit);
      if (error !== null) {
        if (isCount(commit && commit.revision) && commit.revision > lastRevision) lastRevision = commit.revision;
        return error;
      }
      lastRevision = commit.revision;
      const ops = commit.ops;
      if (commit.resync === true) {
        carried = new Map();
        for (const node of nodes.values()) {
          if (node.type === "TextInput" && node.edit > 0) carried.set(node.tag, { edit: node.edit, value: node.props.value });
        }
        clear();
      }
      try {
        for (let i = 0; i < ops.length; i++) applyOp(ops[i]);
      } finally {
        carried = null;
      }
      if (backend.commitEnd) backend.commitEnd(commit.revision);
      return null;
    },

    /**
     * The user edited TextInput `tag` to `text` (the toolkit already shows
     * it). Returns the edit's number, or -1 for an unknown view. Values the
     * runtime sends with an older `edit` are then ignored.
     */
    userEdited(tag, text) {
      const node = nodes.get(tag);
      if (node === undefined || node.type !== "TextInput") return -1;
      node.edit += 1;
      node.props.value = text;
      return node.edit;
    },

    /** Forgets the whole tree (a new app instance): every child of the root is removed and released. */
    reset() {
      clear();
      lastRevision = 0;
    },

    /** The tree as plain data: `{ type, props, children }` per view, text nodes as strings. */
    toJSON() {
      return root.children.map(nodeJSON);
    },
  };
  return applier;
}

/** A tree holding only the root: what a resync commit is validated against. */
function emptyTree() {
  return new Map([[ROOT_TAG, new ShadowNode(ROOT_TAG, "#root", {}, "")]]);
}

function nodeJSON(node) {
  if (node.type === TEXT_TYPE) return node.text;
  return { type: node.type, props: copyProps(node.props), children: node.children.map(nodeJSON) };
}

/** Whether `name` is a handler prop (re-exported for backends). */
export { isHandlerName };
