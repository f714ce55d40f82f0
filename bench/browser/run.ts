/**
 * `npm run bench:browser`: typenative against vanilla JS, Preact and React
 * in headless Debian Chromium, on the js-framework-benchmark's keyed
 * operations (all four producing the same DOM), on 10,000 `useQuery`
 * mounts against React + react-query, and on bundle sizes.
 *
 *   npm run bench:browser                       # everything, 15 samples per cell
 *   npm run bench:browser -- --samples 5        # a quicker, noisier run
 *   npm run bench:browser -- --only table       # or query, size
 *   npm run bench:browser -- --ops select,swap  # some table operations only
 *
 * Progress goes to stderr, markdown tables to stdout.
 */
import { chromium, type Browser } from "playwright-core";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { buildPages, bundleSize, HERE, QUERY_IMPLS, REPO, serve, TABLE_IMPLS, type Site, type TableImpl } from "./site.js";
import type { OpName, Timing } from "./page-harness.js";

const CHROMIUM = process.env.TYPENATIVE_CHROMIUM ?? "/usr/bin/chromium";

/** The nine operations with the js-framework-benchmark's weights. */
export const OPS: ReadonlyArray<{ name: OpName; title: string; weight: number }> = [
  { name: "create", title: "create 1,000 rows", weight: 0.643 },
  { name: "replace", title: "replace all 1,000 rows", weight: 0.561 },
  { name: "update", title: "update every 10th row", weight: 0.564 },
  { name: "select", title: "select row", weight: 0.193 },
  { name: "swap", title: "swap rows", weight: 0.132 },
  { name: "remove", title: "remove row", weight: 0.528 },
  { name: "createMany", title: "create 10,000 rows", weight: 0.564 },
  { name: "append", title: "append 1,000 rows to 1,000", weight: 0.551 },
  { name: "clear", title: "clear 1,000 rows", weight: 0.423 },
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--js-flags=--expose-gc"],
  });
}

function median(values: readonly number[]): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function weightedGeomean(ratios: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < ratios.length; i++) {
    sum += weights[i]! * Math.log(ratios[i]!);
    total += weights[i]!;
  }
  return Math.exp(sum / total);
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

async function openMeasure<T>(browser: Browser, site: Site, page: string, expression: string): Promise<T> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const errors: unknown[] = [];
    tab.on("pageerror", (error) => errors.push(error));
    await tab.goto(site.url(page));
    await tab.waitForFunction("window.ready === true");
    const result = (await tab.evaluate(expression)) as T;
    if (errors.length > 0) throw new Error(`${page}: ${String(errors[0])}`);
    return result;
  } finally {
    await context.close();
  }
}

async function tableBench(browser: Browser, site: Site, samples: number, ops: typeof OPS): Promise<string> {
  const results = new Map<string, { script: number[]; paint: number[] }>();
  const cell = (op: string, impl: string) => {
    const key = `${op}/${impl}`;
    let r = results.get(key);
    if (r === undefined) results.set(key, (r = { script: [], paint: [] }));
    return r;
  };
  for (let s = 0; s < samples; s++) {
    for (const op of ops) {
      // Interleaved: every sample visits each implementation once, in a rotating order.
      for (let k = 0; k < TABLE_IMPLS.length; k++) {
        const impl = TABLE_IMPLS[(k + s) % TABLE_IMPLS.length]!;
        const t = await openMeasure<Timing>(browser, site, `table-${impl}`, `window.bench.measure(${JSON.stringify(op.name)})`);
        cell(op.name, impl).script.push(t.script);
        cell(op.name, impl).paint.push(t.paint);
      }
    }
    process.stderr.write(`table: sample ${s + 1}/${samples}\n`);
  }
  const lines: string[] = [];
  for (const metric of ["script", "paint"] as const) {
    lines.push(
      metric === "script"
        ? `#### Script + forced layout (median ms; ratio to vanilla)\n`
        : `#### To the next paint (median ms; ratio to vanilla)\n`,
    );
    lines.push(`| operation | ${TABLE_IMPLS.join(" | ")} | typenative / preact | typenative / react |`);
    lines.push(`|---|${TABLE_IMPLS.map(() => "---:").join("|")}|---:|---:|`);
    const ratios = new Map<TableImpl, number[]>(TABLE_IMPLS.map((impl) => [impl, []]));
    for (const op of ops) {
      const base = median(cell(op.name, "vanilla")[metric]);
      const medians = new Map(TABLE_IMPLS.map((impl) => [impl, median(cell(op.name, impl)[metric])]));
      const cells = TABLE_IMPLS.map((impl) => {
        const m = medians.get(impl)!;
        ratios.get(impl)!.push(m / base);
        return impl === "vanilla" ? fmt(m) : `${fmt(m)} (${(m / base).toFixed(2)})`;
      });
      const tn = medians.get("typenative")!;
      lines.push(`| ${op.title} | ${cells.join(" | ")} | ${(tn / medians.get("preact")!).toFixed(2)} | ${(tn / medians.get("react")!).toFixed(2)} |`);
    }
    const weights = ops.map((op) => op.weight);
    const geo = TABLE_IMPLS.map((impl) => weightedGeomean(ratios.get(impl)!, weights).toFixed(2));
    lines.push(`| **weighted geomean** | ${geo.map((g) => `**${g}**`).join(" | ")} | | |`);
    lines.push("");
  }
  return lines.join("\n");
}

const QUERY_MODES = [
  { mode: "plain", title: "10,000 plain components" },
  { mode: "one", title: "10,000 useQuery, one key" },
  { mode: "distinct", title: "10,000 useQuery, distinct keys" },
] as const;

async function queryBench(browser: Browser, site: Site, samples: number): Promise<string> {
  const results = new Map<string, number[]>();
  for (let s = 0; s < samples; s++) {
    for (const { mode } of QUERY_MODES) {
      for (let k = 0; k < QUERY_IMPLS.length; k++) {
        const impl = QUERY_IMPLS[(k + s) % QUERY_IMPLS.length]!;
        const r = await openMeasure<{ ms: number }>(browser, site, `query-${impl}`, `window.bench.measure(${JSON.stringify(mode)}, 10000)`);
        const key = `${mode}/${impl}`;
        if (!results.has(key)) results.set(key, []);
        results.get(key)!.push(r.ms);
      }
    }
    process.stderr.write(`query: sample ${s + 1}/${samples}\n`);
  }
  const m = (mode: string, impl: string) => median(results.get(`${mode}/${impl}`)!);
  const lines = [
    "#### Mounting 10,000 components until each shows its data (median ms)\n",
    "| mount | typenative | ÷ its plain floor | React (+ react-query) | ÷ its plain floor | typenative / React |",
    "|---|---:|---:|---:|---:|---:|",
  ];
  for (const { mode, title } of QUERY_MODES) {
    const tn = m(mode, "typenative");
    const re = m(mode, "react");
    lines.push(`| ${title} | ${fmt(tn)} | ${(tn / m("plain", "typenative")).toFixed(2)} | ${fmt(re)} | ${(re / m("plain", "react")).toFixed(2)} | ${(tn / re).toFixed(2)} |`);
  }
  lines.push("");
  return lines.join("\n");
}

async function sizeTable(): Promise<string> {
  const kb = (n: number) => (n / 1024).toFixed(1);
  const rows: Array<[string, { path: string }]> = [
    ["minimal app: typenative (`mount`, `Column`, `Text`, `Button`, `useState`)", { path: join(HERE, "apps", "size", "typenative.ts") }],
    ["minimal app: Preact (`render`, `h`, `useState`)", { path: join(HERE, "apps", "size", "preact.ts") }],
    ["minimal app: React (`createRoot`, `createElement`, `useState`)", { path: join(HERE, "apps", "size", "react.ts") }],
    ["example app: typenative (`examples/app`)", { path: join(REPO, "examples", "app", "main.ts") }],
    ["React + react-query (`useQuery`, `useMutation`, a counter)", { path: join(HERE, "apps", "size", "react-query.ts") }],
    ["typenative, the same app (`useQuery`, `useMutation`, `fetch`, a counter)", { path: join(HERE, "apps", "size", "typenative-query.ts") }],
  ];
  const lines = [
    "#### Bundle sizes (esbuild, minified, code splitting, NODE_ENV=production; KB = 1024 bytes)\n",
    "First load: the entry chunk and the chunks it imports statically, what the page loads before the app runs; all chunks adds what `import()` loads on first use (every chunk the page can load).\n",
    "| bundle | first load, minified | first load, min + gzip | all chunks, min + gzip |",
    "|---|---:|---:|---:|",
  ];
  for (const [title, entry] of rows) {
    const size = await bundleSize(entry);
    lines.push(`| ${title} | ${kb(size.min)} KB | ${kb(size.gzip)} KB | ${kb(size.allGzip)} KB |`);
  }
  lines.push("");
  return lines.join("\n");
}

async function main(): Promise<void> {
  const samples = Number(arg("samples") ?? 15);
  const only = arg("only");
  const opFilter = arg("ops")?.split(",");
  const ops = opFilter === undefined ? OPS : OPS.filter((op) => opFilter.includes(op.name));
  const out: string[] = [];
  if (only === undefined || only === "size") out.push(await sizeTable());
  if (only === undefined || only === "table" || only === "query") {
    const pages = await buildPages();
    const site = await serve(pages);
    const browser = await launch();
    try {
      const cpu = cpus();
      out.unshift(
        `Machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB; ` +
          `headless Chromium ${browser.version()}; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; ${samples} samples per cell, fresh page per sample, interleaved.\n`,
      );
      if (only === undefined || only === "table") out.push(await tableBench(browser, site, samples, ops));
      if (only === undefined || only === "query") out.push(await queryBench(browser, site, samples));
    } finally {
      await browser.close();
      await site.close();
    }
  }
  process.stdout.write(out.join("\n") + "\n");
}

if (process.argv[1] !== undefined && process.argv[1].endsWith(join("browser", "run.ts"))) await main();
