/**
 * Profiles one benchmark operation of one implementation in Chromium through
 * the DevTools protocol, on unminified production bundles, and prints the
 * functions with the most self time (summed over `--runs` fresh pages).
 *
 *   node --import tsx bench/browser/profile.ts typenative createMany --runs 5
 *   node --import tsx bench/browser/profile.ts typenative distinct --query   # a query mount (plain|one|distinct)
 *
 * `--out file.cpuprofile` also writes the last profile, for DevTools.
 * `--heap` samples allocations instead (`HeapProfiler`, objects later
 * collected included) and prints the allocation sites with the most bytes.
 */
import { writeFileSync } from "node:fs";
import { buildPages, serve } from "./site.js";
import { launch } from "./run.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface HeapNode {
  callFrame: ProfileNode["callFrame"];
  selfSize: number;
  children: HeapNode[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [impl = "typenative", op = "create"] = process.argv.slice(2).filter((a) => !a.startsWith("--") && !/^\d+$/.test(a));
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg === -1 ? 5 : Number(process.argv[runsArg + 1]);
const outArg = process.argv.indexOf("--out");
const query = process.argv.includes("--query");
const heap = process.argv.includes("--heap");

const pages = await buildPages({ minify: false });
const site = await serve(pages);
const browser = await launch();
const self = new Map<string, number>();
let total = 0;
let timedMs = 0;
try {
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url(query ? `query-${impl}` : `table-${impl}`));
    await page.waitForFunction("window.ready === true");
    if (!query) await page.evaluate(`window.bench.prepare(${JSON.stringify(op)})`);
    const cdp = await context.newCDPSession(page);
    const run = async (): Promise<void> => {
      const result = (await page.evaluate(query ? `window.bench.measure(${JSON.stringify(op)}, 10000)` : `window.bench.timed(${JSON.stringify(op)})`)) as { script?: number; ms?: number };
      timedMs += result.script ?? result.ms ?? 0;
    };
    if (heap) {
      await cdp.send("HeapProfiler.enable");
      await cdp.send("HeapProfiler.startSampling", { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      await run();
      const { profile } = (await cdp.send("HeapProfiler.stopSampling")) as { profile: { head: HeapNode } };
      const walk = (node: HeapNode): void => {
        const f = node.callFrame;
        const name = `${f.functionName || "(anonymous)"} ${f.url ? `${f.url.split("/").pop()}:${f.lineNumber + 1}` : ""}`;
        self.set(name, (self.get(name) ?? 0) + node.selfSize);
        total += node.selfSize;
        for (const child of node.children) walk(child);
      };
      walk(profile.head);
      await context.close();
      continue;
    }
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
    await cdp.send("Profiler.start");
    await run();
    const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile };
    if (outArg !== -1) writeFileSync(process.argv[outArg + 1]!, JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    for (let i = 0; i < profile.samples.length; i++) {
      const node = byId.get(profile.samples[i]!)!;
      const f = node.callFrame;
      const name = `${f.functionName || "(anonymous)"} ${f.url ? `${f.url.split("/").pop()}:${f.lineNumber + 1}` : ""}`;
      const dt = profile.timeDeltas[i]! / 1000;
      self.set(name, (self.get(name) ?? 0) + dt);
      if (!/\((idle|program)\)/.test(name)) total += dt;
    }
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
if (heap) {
  console.log(`${impl} ${op}: ${(total / runs / 1e6).toFixed(2)} MB allocated per run (sampled)`);
  const rows = Array.from(self.entries()).sort((a, b) => b[1] - a[1]).slice(0, 30);
  for (const [name, bytes] of rows) console.log(`${(bytes / runs / 1e3).toFixed(0).padStart(8)} KB  ${((bytes / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  process.exit(0);
}
console.log(`${impl} ${op}: ${(timedMs / runs).toFixed(2)} ms per run (timed region); ${(total / runs).toFixed(2)} ms sampled outside idle/program`);
const rows = Array.from(self.entries()).sort((a, b) => b[1] - a[1]).slice(0, 30);
for (const [name, ms] of rows) console.log(`${(ms / runs).toFixed(2).padStart(8)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
