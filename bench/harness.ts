/**
 * Shared measuring tools for the benchmarks: a forced GC between samples,
 * medians, per-round spreads, markdown tables and command-line options.
 *
 * Benchmarks are not tests: they print numbers and ratios against peers
 * measured in the same process, interleaved sample by sample so that thermal
 * drift, JIT state and GC pressure hit both sides alike.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { performance } from "node:perf_hooks";

/**
 * A full GC before a timed region, so one side does not pay for the garbage
 * the other left behind. `--expose-gc` is switched on at run time (the bench
 * runs as plain `node --import tsx`), and a fresh context picks up the global.
 */
export const gc: () => void = (() => {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === "function") return existing;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();

export const now = (): number => performance.now();

/** One macrotask turn: lets queued microtasks and `setImmediate` jobs run outside the timed region. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no samples");
  const sorted = Array.from(values).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Samples of one measurement, grouped by round so round-to-round noise stays visible. */
export class Samples {
  readonly rounds: number[][] = [];

  startRound(): void {
    this.rounds.push([]);
  }

  add(value: number): void {
    const round = this.rounds[this.rounds.length - 1];
    if (round === undefined) throw new Error("Samples.add before startRound");
    round.push(value);
  }

  all(): number[] {
    return this.rounds.flat();
  }

  median(): number {
    return median(this.all());
  }

  roundMedians(): number[] {
    return this.rounds.filter((r) => r.length > 0).map(median);
  }
}

/** min–max of the per-round ratios a/b: how much GC and scheduling noise moved the answer. */
export function ratioSpread(a: Samples, b: Samples): [number, number] {
  const ra = a.roundMedians();
  const rb = b.roundMedians();
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const r = ra[i]! / rb[i]!;
    if (r < lo) lo = r;
    if (r > hi) hi = r;
  }
  return [lo, hi];
}

export function fmtMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

export function fmtRatio(r: number): string {
  return r >= 10 ? r.toFixed(1) : r.toFixed(2);
}

/** A markdown table; the first row is the header. Columns after the first are right-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 3, cell.length)));
  const line = (row: readonly string[]): string =>
    "| " + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ") + " |";
  const rule = "|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|";
  const [head, ...body] = rows;
  return [line(head!), rule, ...body.map(line)].join("\n");
}

/** Options shared by every benchmark, read from the command line. */
export interface BenchOptions {
  /** Rounds of interleaved samples (each round yields one median per side). */
  rounds: number;
  /** Multiplies the per-case iteration counts; `--quick` sets it to 0.2. */
  scale: number;
}

export function parseOptions(argv: readonly string[]): BenchOptions & { only: string | null } {
  const options = { rounds: 5, scale: 1, only: null as string | null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--quick") options.scale = 0.2;
    else if (arg === "--rounds") options.rounds = positive(arg, argv[++i]);
    else if (arg === "--scale") options.scale = positive(arg, argv[++i]);
    else if (arg === "--only") options.only = argv[++i] ?? null;
    else throw new Error(`unknown option ${arg} (expected --quick, --rounds N, --scale X, --only reconciler|query)`);
  }
  return options;
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!(n > 0)) throw new Error(`${name} expects a positive number, got ${String(value)}`);
  return n;
}

/** Iterations for one round after scaling; never below 1. */
export function scaled(iterations: number, scale: number): number {
  return Math.max(1, Math.round(iterations * scale));
}
