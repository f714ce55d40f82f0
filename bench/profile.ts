/**
 * Runs one benchmark operation on one side in a loop, for a CPU profile:
 *
 * ```sh
 * node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile.ts reconciler "create 10,000" typenative 40
 * node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile.ts query "invalidate + refetch 1" typenative 40
 * ```
 *
 * Arguments: the benchmark (`reconciler` or `query`), a substring of the
 * operation name, the side (`typenative`, `preact`, `tanstack`) and the number
 * of samples (default 50). Prints the median so a profile can be matched with
 * the benchmark table. For line-level profiles, bundle first (tsx's
 * transpiled code hides line numbers): `npx esbuild bench/profile.ts --bundle
 * --platform=node --format=esm --outfile=/tmp/profile.mjs`, then profile that.
 */
import * as reconciler from "./reconciler.js";
import * as query from "./query.js";
import { median } from "./harness.js";

const [bench = "", pattern = "", sideName = "typenative", count = "50"] = process.argv.slice(2);
const n = Number(count);
if (!(n > 0)) throw new Error(`sample count must be positive, got ${count}`);
const pick = <T extends { name: string }>(list: readonly T[], what: string, test: (x: T) => boolean): T => {
  const found = list.find(test);
  if (found === undefined) throw new Error(`no ${what} matches; choose from: ${list.map((x) => x.name).join("; ")}`);
  return found;
};

const times: number[] = [];
let label: string;
if (bench === "reconciler") {
  const c = pick(reconciler.CASES, "operation", (x) => x.name.includes(pattern));
  const side = pick(reconciler.SIDES, "side", (s) => s.name === sideName);
  const factory = new reconciler.RowFactory();
  for (let i = 0; i < n; i++) times.push((await reconciler.sample(side, c, factory)).ms);
  label = `${side.name} "${c.name}"`;
} else if (bench === "query") {
  const c = pick(query.CASES, "operation", (x) => x.name.includes(pattern));
  const side = pick(query.SIDES, "side", (s) => s.name === sideName);
  for (let i = 0; i < n; i++) times.push(await query.sample(side, c));
  label = `${side.name} "${c.name}"`;
} else {
  throw new Error(`first argument must be "reconciler" or "query", got "${bench}"`);
}
console.log(`${label}: median ${median(times).toFixed(3)} ms over ${n} samples`);
