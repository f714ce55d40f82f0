// Conformance cases for a bridge host's applier, as plain data, plus a
// runner. Every host runs the same cases: the reference applier under Node
// (test/hosts/bridge), the GTK host's applier with real widgets under GJS
// (test/hosts/gtk). A host for another toolkit runs them the same way.
//
// A case is a list of steps applied to a fresh applier:
// - `{ commit, reject }`: apply a commit; `reject` is the expected error code, or null for success;
// - `{ edit: [tag, text], number }`: the user edits a TextInput; `number` is the expected edit count;
// then the final tree (`applier.toJSON()`) must equal `tree`.

const t = (tag, text) => ({ op: "create", tag, type: "#text", text });
const v = (tag, type, props = {}) => ({ op: "create", tag, type, props });
const ins = (parent, child, index) => ({ op: "insert", parent, child, index });
const mv = (parent, child, index) => ({ op: "move", parent, child, index });
const rm = (tag) => ({ op: "remove", tag });
const up = (tag, props, removed, edit) => {
  const op = { op: "update", tag, props };
  if (removed !== undefined) op.removed = removed;
  if (edit !== undefined) op.edit = edit;
  return op;
};
const tx = (tag, text) => ({ op: "text", tag, text });
const commit = (revision, ops, reject = null) => ({ commit: { type: "commit", revision, ops }, reject });
const resync = (revision, ops, reject = null) => ({ commit: { type: "commit", revision, ops, resync: true }, reject });
const input = (tag, props, edit) => {
  const op = v(tag, "TextInput", props);
  if (edit !== undefined) op.edit = edit;
  return op;
};

/** A column (tag 1) holding Text "a" (2, text 3) and Text "b" (4, text 5). */
const BASE = commit(1, [
  v(1, "Column", { testID: "col" }),
  v(2, "Text"),
  t(3, "a"),
  ins(2, 3, 0),
  v(4, "Text"),
  t(5, "b"),
  ins(4, 5, 0),
  ins(1, 2, 0),
  ins(1, 4, 1),
  ins(0, 1, 0),
]);
const BASE_TREE = [{ type: "Column", props: { testID: "col" }, children: [{ type: "Text", props: {}, children: ["a"] }, { type: "Text", props: {}, children: ["b"] }] }];

export const CASES = [
  { name: "creates a nested subtree in one commit", steps: [BASE], tree: BASE_TREE },
  {
    name: "moves a child to its final index",
    steps: [BASE, commit(2, [mv(1, 4, 0)])],
    tree: [{ type: "Column", props: { testID: "col" }, children: [{ type: "Text", props: {}, children: ["b"] }, { type: "Text", props: {}, children: ["a"] }] }],
  },
  {
    name: "removes a subtree and updates props and text",
    steps: [BASE, commit(2, [rm(2), tx(5, "B"), up(1, { style: { spacing: 4 }, onClick: true }, ["testID"])])],
    tree: [{ type: "Column", props: { style: { spacing: 4 }, onClick: true }, children: [{ type: "Text", props: {}, children: ["B"] }] }],
  },
  {
    name: "a handler removed stops listening",
    steps: [commit(1, [v(1, "Button", { onClick: true }), t(2, "Go"), ins(1, 2, 0), ins(0, 1, 0)]), commit(2, [up(1, {}, ["onClick"])])],
    tree: [{ type: "Button", props: {}, children: ["Go"] }],
  },
  {
    name: "inserts between existing children",
    steps: [BASE, commit(2, [v(6, "Spacer"), ins(1, 6, 1)])],
    tree: [{ type: "Column", props: { testID: "col" }, children: [BASE_TREE[0].children[0], { type: "Spacer", props: {}, children: [] }, BASE_TREE[0].children[1]] }],
  },
  {
    name: "rejects an unknown view type whole (earlier ops are not applied)",
    steps: [BASE, commit(2, [tx(3, "changed"), v(6, "Marquee"), ins(1, 6, 0)], "unknown-type")],
    tree: BASE_TREE,
  },
  { name: "rejects an index out of bounds", steps: [BASE, commit(2, [tx(3, "x"), v(6, "Spacer"), ins(1, 6, 3)], "bad-index")], tree: BASE_TREE },
  { name: "rejects a negative index", steps: [BASE, commit(2, [v(6, "Spacer"), ins(1, 6, -1)], "bad-index")], tree: BASE_TREE },
  { name: "rejects a move past the end", steps: [BASE, commit(2, [mv(1, 2, 2)], "bad-index")], tree: BASE_TREE },
  { name: "rejects a cycle", steps: [BASE, commit(2, [v(6, "View"), v(7, "View"), ins(6, 7, 0), ins(7, 6, 0), ins(1, 6, 0)], "cycle")], tree: BASE_TREE },
  { name: "rejects a view inserted into itself", steps: [BASE, commit(2, [v(6, "View"), ins(6, 6, 0)], "cycle")], tree: BASE_TREE },
  { name: "rejects ops on a removed view", steps: [BASE, commit(2, [rm(2)]), commit(3, [tx(3, "ghost")], "dead-tag")], tree: [{ type: "Column", props: { testID: "col" }, children: [BASE_TREE[0].children[1]] }] },
  { name: "rejects ops on a view removed earlier in the same commit", steps: [BASE, commit(2, [rm(1), up(2, { testID: "x" })], "dead-tag")], tree: BASE_TREE },
  { name: "rejects a tag that does not exist", steps: [BASE, commit(2, [ins(1, 99, 0)], "dead-tag")], tree: BASE_TREE },
  { name: "rejects a duplicate tag", steps: [BASE, commit(2, [v(2, "Text")], "duplicate-tag")], tree: BASE_TREE },
  { name: "rejects a stale revision", steps: [BASE, commit(1, [tx(3, "again")], "stale-revision")], tree: BASE_TREE },
  { name: "rejects a replayed revision after a rejection", steps: [BASE, commit(2, [ins(1, 99, 0)], "dead-tag"), commit(2, [tx(3, "x")], "stale-revision")], tree: BASE_TREE },
  {
    name: "applies a good commit after a rejected one",
    steps: [BASE, commit(2, [ins(1, 99, 0)], "dead-tag"), commit(3, [tx(3, "ok")])],
    tree: [{ type: "Column", props: { testID: "col" }, children: [{ type: "Text", props: {}, children: ["ok"] }, BASE_TREE[0].children[1]] }],
  },
  { name: "rejects a handler that is not true", steps: [BASE, commit(2, [up(1, { onClick: "function" })], "bad-props")], tree: BASE_TREE },
  { name: "rejects a style that is not an object", steps: [BASE, commit(2, [up(1, { style: "color: red" })], "bad-props")], tree: BASE_TREE },
  { name: "rejects children in props", steps: [BASE, commit(2, [up(1, { children: [] })], "bad-props")], tree: BASE_TREE },
  { name: "rejects props nested too deeply", steps: [BASE, commit(2, [up(1, { deep: [[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]] })], "bad-props")], tree: BASE_TREE },
  { name: "rejects a view created but never attached", steps: [BASE, commit(2, [v(6, "View")], "orphan")], tree: BASE_TREE },
  { name: "rejects props on a text node", steps: [BASE, commit(2, [up(3, { testID: "x" })], "bad-target")], tree: BASE_TREE },
  { name: "rejects text on a view", steps: [BASE, commit(2, [tx(2, "x")], "bad-target")], tree: BASE_TREE },
  { name: "rejects children under a text node", steps: [BASE, commit(2, [v(6, "View"), ins(3, 6, 0)], "bad-parent")], tree: BASE_TREE },
  { name: "rejects inserting an attached view", steps: [BASE, commit(2, [ins(1, 2, 0)], "attached")], tree: BASE_TREE },
  { name: "rejects moving a view that is not a child", steps: [BASE, commit(2, [mv(0, 2, 0)], "not-a-child")], tree: BASE_TREE },
  { name: "rejects removing the root", steps: [BASE, commit(2, [rm(0)], "bad-child")], tree: BASE_TREE },
  { name: "rejects an unknown op", steps: [BASE, commit(2, [{ op: "explode", tag: 1 }], "unknown-op")], tree: BASE_TREE },
  { name: "rejects ops that are not a list", steps: [BASE, { commit: { type: "commit", revision: 2, ops: "create" }, reject: "malformed" }], tree: BASE_TREE },
  {
    name: "a value sent for an older edit never overwrites newer typing",
    steps: [
      commit(1, [v(1, "TextInput", { value: "", onChange: true }), ins(0, 1, 0)]),
      { edit: [1, "h"], number: 1 },
      { edit: [1, "hi"], number: 2 },
      // The runtime saw edit 1 only: its "h" is stale.
      commit(2, [up(1, { value: "h", placeholder: "Say" }, undefined, 1)]),
    ],
    tree: [{ type: "TextInput", props: { value: "hi", onChange: true, placeholder: "Say" }, children: [] }],
  },
  {
    name: "a value sent for the newest edit replaces the text (a filter, a reset)",
    steps: [
      commit(1, [v(1, "TextInput", { value: "", onChange: true }), ins(0, 1, 0)]),
      { edit: [1, "hi"], number: 1 },
      commit(2, [up(1, { value: "HI" }, undefined, 1)]),
      commit(3, [up(1, { value: "" }, undefined, 1)]),
    ],
    tree: [{ type: "TextInput", props: { value: "", onChange: true }, children: [] }],
  },
  {
    name: "keeps a FlatList's rows in order through inserts, moves and removes",
    steps: [
      commit(1, [v(1, "FlatList", { style: { height: 200, spacing: 4 } }), v(2, "Text"), t(3, "a"), ins(2, 3, 0), v(4, "Text"), t(5, "b"), ins(4, 5, 0), v(6, "Text"), t(7, "c"), ins(6, 7, 0), ins(1, 2, 0), ins(1, 4, 1), ins(1, 6, 2), ins(0, 1, 0)]),
      commit(2, [mv(1, 6, 0), rm(2), v(8, "Text"), t(9, "d"), ins(8, 9, 0), ins(1, 8, 1), up(1, { style: { height: 120 } })]),
    ],
    tree: [
      {
        type: "FlatList",
        props: { style: { height: 120 } },
        children: [{ type: "Text", props: {}, children: ["c"] }, { type: "Text", props: {}, children: ["d"] }, { type: "Text", props: {}, children: ["b"] }],
      },
    ],
  },
  {
    name: "a resync after a rejection replaces the whole tree (tags may come back)",
    steps: [
      BASE,
      commit(2, [tx(3, "lost"), ins(1, 99, 0)], "dead-tag"),
      resync(3, [v(1, "Column", { testID: "col" }), v(4, "Text"), t(5, "b"), ins(4, 5, 0), ins(1, 4, 0), v(6, "Row"), ins(0, 1, 0), ins(0, 6, 1)]),
      commit(4, [tx(5, "B")]),
    ],
    tree: [
      { type: "Column", props: { testID: "col" }, children: [{ type: "Text", props: {}, children: ["B"] }] },
      { type: "Row", props: {}, children: [] },
    ],
  },
  { name: "a resync is checked against an empty tree", steps: [BASE, resync(2, [v(6, "Spacer"), ins(1, 6, 0)], "dead-tag")], tree: BASE_TREE },
  { name: "a resync must attach what it creates", steps: [BASE, resync(2, [v(1, "Column")], "orphan")], tree: BASE_TREE },
  { name: "an empty resync empties the tree", steps: [BASE, resync(2, [])], tree: [] },
  {
    name: "a resync keeps the user's newer typing and edit count",
    steps: [
      commit(1, [input(1, { value: "", onChange: true }), ins(0, 1, 0)]),
      { edit: [1, "h"], number: 1 },
      { edit: [1, "hi"], number: 2 },
      // The runtime's snapshot answers edit 1 only.
      resync(2, [input(1, { value: "h", onChange: true, placeholder: "Say" }, 1), ins(0, 1, 0)]),
      { edit: [1, "hi!"], number: 3 },
    ],
    tree: [{ type: "TextInput", props: { value: "hi!", onChange: true, placeholder: "Say" }, children: [] }],
  },
  {
    name: "a resync value for the newest edit replaces the text",
    steps: [
      commit(1, [input(1, { value: "", onChange: true }), ins(0, 1, 0)]),
      { edit: [1, "hi"], number: 1 },
      resync(2, [input(1, { value: "HI", onChange: true }, 1), ins(0, 1, 0)]),
    ],
    tree: [{ type: "TextInput", props: { value: "HI", onChange: true }, children: [] }],
  },
];

function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const key of ka) if (!Object.prototype.hasOwnProperty.call(b, key) || !deepEqual(a[key], b[key])) return false;
  return true;
}

/**
 * Runs every case on appliers made by `makeApplier()` (a fresh one per case;
 * `cleanup(applier)` after each, optional). Returns one result per case:
 * `{ name, ok, problem }`.
 */
export function runConformance(makeApplier, cleanup) {
  const results = [];
  for (const c of CASES) {
    const applier = makeApplier();
    let problem = null;
    for (let i = 0; i < c.steps.length && problem === null; i++) {
      const step = c.steps[i];
      if (step.commit !== undefined) {
        const error = applier.apply(step.commit);
        const code = error === null ? null : error.code;
        if (code !== step.reject) problem = `step ${i}: expected ${step.reject === null ? "success" : step.reject}, got ${code === null ? "success" : `${code} (${error.message})`}`;
      } else {
        const number = applier.userEdited(step.edit[0], step.edit[1]);
        if (number !== step.number) problem = `step ${i}: expected edit ${step.number}, got ${number}`;
      }
    }
    if (problem === null) {
      const tree = applier.toJSON();
      if (!deepEqual(tree, c.tree)) problem = `tree ${JSON.stringify(tree)} is not ${JSON.stringify(c.tree)}`;
    }
    if (cleanup) cleanup(applier);
    results.push({ name: c.name, ok: problem === null, problem });
  }
  return results;
}
