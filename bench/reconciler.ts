/**
 * Reconciler benchmark: the js-framework-benchmark operations on a keyed
 * table, typenative vs Preact 11, both rendering into the same fake DOM
 * (`fake-dom.ts`) so the numbers compare the diffs, not a browser.
 *
 * Both sides render the same tree: a table view whose children are keyed row
 * components `{ id, label }`; each row is a view with a `class` ("danger" when
 * selected) holding two text views (id, label). Every state change, including
 * "select", is a top-level re-render with new props on both sides, so both
 * re-run all 1,000 row components and diff their output.
 *
 * Each sample builds a fresh document and root, renders the "before" state,
 * forces a GC, then times only the render of the "after" state. The rendered
 * DOM is checked against the expected rows after every sample, and the host
 * operations of the timed render are counted at the DOM.
 *
 * Run alone: `node --import tsx bench/run.ts --only reconciler [--quick] [--rounds N]`.
 */
import * as pn from "typenative";
import { h as ph, render as prender } from "preact";
import { FakeDocument, FakeElement, FakeText, type FakeNode, type HostCounts } from "./fake-dom.js";
import { Samples, fmtMs, fmtRatio, gc, nextTurn, now, parseOptions, ratioSpread, scaled, table, type BenchOptions } from "./harness.js";

interface RowData {
  readonly id: number;
  readonly label: string;
}

interface TableState {
  readonly rows: readonly RowData[];
  /** Id of the selected row, 0 for none. */
  readonly selected: number;
}

// ---------------------------------------------------------------------------
// Data: js-framework-benchmark's label generator with a seeded PRNG, so every
// run and both sides see the same rows.

const ADJECTIVES = ["pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint", "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly", "adorable", "important", "inexpensive", "cheap", "expensive", "fancy"];
const COLOURS = ["red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange"];
const NOUNS = ["table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger", "pizza", "mouse", "keyboard"];

export class RowFactory {
  private nextId = 1;
  private seed = 0x2545f491;

  private random(max: number): number {
    // xorshift32: deterministic, cheap, good enough to pick words.
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed % max;
  }

  build(count: number): RowData[] {
    const rows: RowData[] = new Array(count);
    for (let i = 0; i < count; i++) {
      rows[i] = {
        id: this.nextId++,
        label: `${ADJECTIVES[this.random(ADJECTIVES.length)]} ${COLOURS[this.random(COLOURS.length)]} ${NOUNS[this.random(NOUNS.length)]}`,
      };
    }
    return rows;
  }
}

// ---------------------------------------------------------------------------
// The two implementations of the same table.

const TnRow = pn.component(function Row(p: { row: RowData; selected: boolean }) {
  return pn.h("View", { class: p.selected ? "danger" : "" }, pn.Text(String(p.row.id)), pn.Text(p.row.label));
});

const TnTable = pn.component(function Table(p: TableState) {
  const rows = p.rows;
  const out: pn.Element[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    out[i] = pn.h(TnRow, { key: row.id, row, selected: row.id === p.selected });
  }
  return pn.h("View", { class: "table" }, out);
});

function PRow(p: { row: RowData; selected: boolean }) {
  return ph("div", { class: p.selected ? "danger" : "" }, ph("span", null, String(p.row.id)), ph("span", null, p.row.label));
}

function PTable(p: TableState) {
  const rows = p.rows;
  const out = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    out[i] = ph(PRow, { key: row.id, row, selected: row.id === p.selected });
  }
  return ph("div", { class: "table" }, out);
}

/**
 * typenative's host over the fake DOM: the same calls Preact makes for the
 * same work (attributes for props, `data` for text, `insertBefore` for
 * inserts and moves).
 */
function fakeDomHost(doc: FakeDocument): pn.HostConfig<FakeNode> {
  return {
    createView(type, props) {
      const el = doc.createElement(type);
      for (const name in props) setAttr(el, name, props[name]);
      return el;
    },
    createText(text) {
      return doc.createTextNode(text);
    },
    appendInitialChild(parent, child) {
      (parent as FakeElement).appendChild(child);
    },
    insertBefore(parent, child, before) {
      (parent as FakeElement).insertBefore(child, before);
    },
    removeChild(parent, child) {
      (parent as FakeElement).removeChild(child);
    },
    updateProps(node, _type, changes) {
      for (const name in changes) setAttr(node as FakeElement, name, changes[name]);
    },
    setText(node, text) {
      (node as FakeText).data = text;
    },
  };
}

/** Mirrors Preact's rule for attributes: functions are skipped, null/undefined/false remove. */
function setAttr(el: FakeElement, name: string, value: unknown): void {
  if (typeof value === "function") return;
  if (value === null || value === undefined || value === false) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

interface Mounted {
  readonly doc: FakeDocument;
  readonly container: FakeElement;
  render(state: TableState): void;
}

export interface Side {
  readonly name: string;
  mount(): Mounted;
}

const typenative: Side = {
  name: "typenative",
  mount() {
    const doc = new FakeDocument();
    const container = doc.createElement("root");
    const root = pn.createRoot(fakeDomHost(doc), container as FakeNode);
    return { doc, container, render: (state) => root.render(pn.h(TnTable, { rows: state.rows, selected: state.selected })) };
  },
};

const preact: Side = {
  name: "preact",
  mount() {
    const doc = new FakeDocument();
    const container = doc.createElement("root");
    const target = container as unknown as Parameters<typeof prender>[1];
    return { doc, container, render: (state) => prender(ph(PTable, { rows: state.rows, selected: state.selected }), target) };
  },
};

// ---------------------------------------------------------------------------
// Checking: after every sample the DOM must hold exactly the expected rows.

function verify(side: string, op: string, container: FakeElement, state: TableState): void {
  const fail = (why: string): never => {
    throw new Error(`reconciler bench: ${side} rendered a wrong tree after "${op}": ${why}`);
  };
  const table = container.firstChild;
  if (!(table instanceof FakeElement) || table.nextSibling !== null) fail("the container must hold exactly one table view");
  const tableEl = table as FakeElement;
  if (tableEl.getAttribute("class") !== "table") fail("table class");
  let node = tableEl.firstChild;
  const rows = state.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!(node instanceof FakeElement)) fail(`row ${i} is missing`);
    const rowEl = node as FakeElement;
    const expectedClass = row.id === state.selected ? "danger" : "";
    if (rowEl.getAttribute("class") !== expectedClass) fail(`row ${i} class is ${String(rowEl.getAttribute("class"))}, expected "${expectedClass}"`);
    const idView = rowEl.firstChild;
    const labelView = idView?.nextSibling ?? null;
    if (!(idView instanceof FakeElement) || !(labelView instanceof FakeElement) || labelView.nextSibling !== null) fail(`row ${i} must hold two views`);
    if (!isSingleText(idView as FakeElement, String(row.id))) fail(`row ${i} id is "${(idView as FakeElement).textContent}", expected ${row.id}`);
    if (!isSingleText(labelView as FakeElement, row.label)) fail(`row ${i} label is "${(labelView as FakeElement).textContent}", expected "${row.label}"`);
    node = rowEl.nextSibling;
  }
  if (node !== null) fail(`more than ${rows.length} rows`);
}

function isSingleText(el: FakeElement, text: string): boolean {
  const t = el.firstChild;
  return t instanceof FakeText && t.nextSibling === null && t.data === text;
}

// ---------------------------------------------------------------------------
// The operations. `states` builds the before/after pair outside the timed region.

export interface Case {
  readonly name: string;
  /** Samples per side per round at scale 1. */
  readonly iterations: number;
  states(rows: RowFactory): { before: TableState; after: TableState };
}

const EMPTY: TableState = { rows: [], selected: 0 };
const of = (rows: readonly RowData[], selected = 0): TableState => ({ rows, selected });

export const CASES: readonly Case[] = [
  { name: "create 1,000 rows", iterations: 30, states: (f) => ({ before: EMPTY, after: of(f.build(1000)) }) },
  { name: "replace all 1,000 rows", iterations: 30, states: (f) => ({ before: of(f.build(1000)), after: of(f.build(1000)) }) },
  {
    name: "partial update (every 10th label)",
    iterations: 40,
    states: (f) => {
      const rows = f.build(1000);
      const next = rows.map((r, i) => (i % 10 === 0 ? { id: r.id, label: r.label + " !!!" } : r));
      return { before: of(rows), after: of(next) };
    },
  },
  {
    name: "select row",
    iterations: 40,
    states: (f) => {
      const rows = f.build(1000);
      return { before: of(rows, rows[3]!.id), after: of(rows, rows[500]!.id) };
    },
  },
  {
    name: "swap rows 1 and 998",
    iterations: 40,
    states: (f) => {
      const rows = f.build(1000);
      const next = rows.slice();
      next[1] = rows[998]!;
      next[998] = rows[1]!;
      return { before: of(rows), after: of(next) };
    },
  },
  {
    name: "remove one row",
    iterations: 40,
    states: (f) => {
      const rows = f.build(1000);
      const next = rows.slice();
      next.splice(500, 1);
      return { before: of(rows), after: of(next) };
    },
  },
  { name: "create 10,000 rows", iterations: 6, states: (f) => ({ before: EMPTY, after: of(f.build(10000)) }) },
  {
    name: "append 1,000 to 1,000 rows",
    iterations: 30,
    states: (f) => {
      const rows = f.build(1000);
      return { before: of(rows), after: of(rows.concat(f.build(1000))) };
    },
  },
  { name: "clear 1,000 rows", iterations: 30, states: (f) => ({ before: of(f.build(1000)), after: EMPTY }) },
];

export const SIDES: readonly Side[] = [typenative, preact];

interface SideResult {
  samples: Samples;
  counts: HostCounts | null;
}

export interface CaseResult {
  name: string;
  bySide: Record<string, SideResult>;
}

/** One timed sample; returns ms and the host operations of the timed render. */
export async function sample(side: Side, c: Case, factory: RowFactory): Promise<{ ms: number; counts: HostCounts }> {
  const { before, after } = c.states(factory);
  const m = side.mount();
  m.render(before);
  verify(side.name, `${c.name} (setup)`, m.container, before);
  await nextTurn();
  gc();
  m.doc.takeCounts();
  const t0 = now();
  m.render(after);
  const ms = now() - t0;
  const counts = m.doc.takeCounts();
  verify(side.name, c.name, m.container, after);
  return { ms, counts };
}

function sameCounts(a: HostCounts, b: HostCounts): boolean {
  return a.create === b.create && a.insert === b.insert && a.move === b.move && a.remove === b.remove && a.attr === b.attr && a.text === b.text;
}

export async function runReconciler(options: BenchOptions, log: (line: string) => void = () => {}): Promise<CaseResult[]> {
  const factory = new RowFactory();
  const results: CaseResult[] = CASES.map((c) => ({
    name: c.name,
    bySide: Object.fromEntries(SIDES.map((s) => [s.name, { samples: new Samples(), counts: null }])),
  }));

  // Warm-up: JIT both sides on every operation before anything is recorded.
  for (const c of CASES) {
    const n = Math.max(2, Math.min(10, scaled(c.iterations, options.scale) >> 1));
    for (let i = 0; i < n; i++) for (const side of SIDES) await sample(side, c, factory);
  }

  for (let round = 0; round < options.rounds; round++) {
    log(`reconciler: round ${round + 1}/${options.rounds}`);
    for (let ci = 0; ci < CASES.length; ci++) {
      const c = CASES[ci]!;
      const result = results[ci]!;
      for (const side of SIDES) result.bySide[side.name]!.samples.startRound();
      const n = scaled(c.iterations, options.scale);
      for (let i = 0; i < n; i++) {
        // Alternate which side goes first so neither always runs on a fresher heap.
        const order = i % 2 === 0 ? SIDES : [SIDES[1]!, SIDES[0]!];
        for (const side of order) {
          const { ms, counts } = await sample(side, c, factory);
          const r = result.bySide[side.name]!;
          r.samples.add(ms);
          if (r.counts === null) r.counts = counts;
          else if (!sameCounts(r.counts, counts)) {
            throw new Error(`reconciler bench: ${side.name} did different host work on two runs of "${c.name}"`);
          }
        }
      }
    }
  }
  return results;
}

function fmtCounts(c: HostCounts | null): string {
  if (c === null) return "-";
  const parts: string[] = [];
  if (c.create) parts.push(`${c.create} create`);
  if (c.insert) parts.push(`${c.insert} insert`);
  if (c.move) parts.push(`${c.move} move`);
  if (c.remove) parts.push(`${c.remove} remove`);
  if (c.attr) parts.push(`${c.attr} attr`);
  if (c.text) parts.push(`${c.text} text`);
  return parts.length === 0 ? "none" : parts.join(", ");
}

export function formatReconciler(results: readonly CaseResult[]): string {
  const timing: string[][] = [["operation", "typenative ms", "preact ms", "ratio tn/preact", "ratio range over rounds"]];
  const ops: string[][] = [["operation", "typenative host ops", "preact host ops"]];
  const ratios: number[] = [];
  for (const r of results) {
    const tn = r.bySide.typenative!;
    const pr = r.bySide.preact!;
    const ratio = tn.samples.median() / pr.samples.median();
    ratios.push(ratio);
    const [lo, hi] = ratioSpread(tn.samples, pr.samples);
    timing.push([r.name, fmtMs(tn.samples.median()), fmtMs(pr.samples.median()), fmtRatio(ratio), `${fmtRatio(lo)}–${fmtRatio(hi)}`]);
    ops.push([r.name, fmtCounts(tn.counts), fmtCounts(pr.counts)]);
  }
  const geomean = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  timing.push(["geometric mean", "", "", fmtRatio(geomean), ""]);
  const samples = results[0]?.bySide.typenative?.samples.all().length ?? 0;
  return [
    "### Reconciler: keyed table, median ms per operation (lower is better)",
    "",
    table(timing),
    "",
    `ratio < 1: typenative is faster. ${samples} samples per side for the first row; ranges are min–max of per-round median ratios.`,
    "",
    "### Host operations per operation (counted at the fake DOM)",
    "",
    table(ops),
  ].join("\n");
}
