// 10,000 plain vs 10,000 useQuery mounts on the test host (Node, no DOM), medians and ratio to plain.
// node --expose-gc --conditions=typenative-source --import tsx bench/query-mount.ts [plain|one|distinct] [samples]
import * as pn from "typenative";
import { render, cleanup } from "typenative/testing";

const N = 10_000;
const fetchValue = (): Promise<string> => Promise.resolve("x");
const Plain = pn.component(function Plain({ id }: { id: number }) { return pn.Text(`${id}:x`); });
const OneKey = pn.component(function OneKey({ id }: { id: number }) {
  const q = pn.useQuery(fetchValue, [], { key: ["item"] });
  return pn.Text(q.data === undefined ? "…" : `${id}:${q.data}`);
});
const Distinct = pn.component(function Distinct({ id }: { id: number }) {
  const q = pn.useQuery(fetchValue, [], { key: ["item", id] });
  return pn.Text(q.data === undefined ? "…" : `${id}:${q.data}`);
});
const ids = Array.from({ length: N }, (_, i) => i + 1);
type Mode = "plain" | "one" | "distinct";
async function once(mode: Mode): Promise<number> {
  const Item = mode === "plain" ? Plain : mode === "one" ? OneKey : Distinct;
  const App = pn.component(function App() { return pn.Column(ids.map((id) => Item({ key: id, id }))); });
  (globalThis as any).gc?.();
  const t0 = performance.now();
  const ui = render(App());
  await ui.settle();
  const ms = performance.now() - t0;
  const all = ui.getAllByText(/:x$/);
  if (all.length !== N) throw new Error(`${mode}: ${all.length} rows show data`);
  cleanup();
  pn.queryClient.clear();
  return ms;
}
const median = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]!; };
async function main() {
const only = process.argv[2] as Mode | undefined;
const samples = Number(process.argv[3] ?? 7);
const modes: Mode[] = only ? [only] : ["plain", "one", "distinct"];
const times: Record<string, number[]> = { plain: [], one: [], distinct: [] };
for (let i = 0; i < 2; i++) for (const m of modes) await once(m); // warm up
for (let s = 0; s < samples; s++) for (const m of (s % 2 ? [...modes].reverse() : modes)) times[m]!.push(await once(m));
const p = median(times.plain!);
for (const m of modes) console.log(`${m.padEnd(9)} ${median(times[m]!).toFixed(1).padStart(8)} ms  ×plain ${only ? "-" : (median(times[m]!) / p).toFixed(2)}`);
}
void main();
