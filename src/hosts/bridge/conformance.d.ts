/** Types of the shared conformance cases (`conformance.js`). */
import type { Applier, TreeJSON } from "./applier.js";

export interface ConformanceStep {
  commit?: unknown;
  reject?: string | null;
  edit?: [tag: number, text: string];
  number?: number;
}

export interface ConformanceCase {
  name: string;
  steps: ConformanceStep[];
  tree: TreeJSON[];
}

export interface ConformanceResult {
  name: string;
  ok: boolean;
  problem: string | null;
}

export declare const CASES: ConformanceCase[];
export declare function runConformance<H>(makeApplier: () => Applier<H>, cleanup?: (applier: Applier<H>) => void): ConformanceResult[];
