/**
 * `npm run bench`: runs every benchmark and prints markdown tables.
 *
 * ```sh
 * npm run bench                          # all, 5 rounds
 * npm run bench -- --quick               # fewer samples, for a smoke run
 * npm run bench -- --only reconciler     # or: --only query
 * npm run bench -- --rounds 9 --scale 2  # more rounds, more samples per round
 * ```
 *
 * Progress goes to stderr, tables to stdout, so `npm run bench > out.md`
 * keeps a clean report. See `bench/README.md` for method and how to read it.
 */
import { cpus, arch, platform } from "node:os";
import { createRequire } from "node:module";
import { parseOptions } from "./harness.js";
import { formatReconciler, runReconciler } from "./reconciler.js";

const options = parseOptions(process.argv.slice(2));
const KNOWN = ["reconciler", "query"];
if (options.only !== null && !KNOWN.includes(options.only)) {
  throw new Error(`--only expects one of ${KNOWN.join(", ")}, got ${options.only}`);
}
const wants = (name: string): boolean => options.only === null || options.only === name;
const progress = (line: string): void => void process.stderr.write(line + "\n");

const require = createRequire(import.meta.url);
const versionOf = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;
const cpu = cpus()[0]?.model ?? "unknown CPU";

console.log("## typenative benchmarks\n");
console.log(`node ${process.version} (V8 ${process.versions.v8}), ${platform()}/${arch()}, ${cpus().length} × ${cpu}`);
console.log(`peers: preact ${versionOf("preact")}, @tanstack/query-core ${versionOf("@tanstack/query-core")}`);
console.log(`rounds: ${options.rounds}, scale: ${options.scale}\n`);

if (wants("reconciler")) {
  const results = await runReconciler(options, progress);
  console.log(formatReconciler(results));
  console.log("");
}

if (wants("query")) {
  // Loaded lazily: the data layer is optional while it is being written.
  const { runQuery, formatQuery } = await import("./query.js");
  const results = await runQuery(options, progress);
  console.log(formatQuery(results));
  console.log("");
}
