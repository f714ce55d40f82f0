// 10,000 components mounting at once: plain, or each with a useQuery on one
// shared key or on a key of its own. `?mode=plain|one|distinct`.
import * as pn from "../../../src/index.js";
import { mount } from "../../../src/hosts/web/index.js";
import { installQueryBench, type QueryMode } from "../query-harness.js";

const fetchValue = (): Promise<string> => Promise.resolve("x");

const Plain = pn.component(function Plain({ id }: { id: number }) {
  return pn.Text(`${id}:x`);
});

const OneKey = pn.component(function OneKey({ id }: { id: number }) {
  const q = pn.useQuery(fetchValue, [], { key: ["item"] });
  return pn.Text(q.data === undefined ? "…" : `${id}:${q.data}`);
});

const DistinctKeys = pn.component(function DistinctKeys({ id }: { id: number }) {
  const q = pn.useQuery(fetchValue, [], { key: ["item", id] });
  return pn.Text(q.data === undefined ? "…" : `${id}:${q.data}`);
});

installQueryBench((mode: QueryMode, ids: number[], main: HTMLElement) => {
  const Item = mode === "plain" ? Plain : mode === "one" ? OneKey : DistinctKeys;
  const App = pn.component(function App() {
    return pn.Column(ids.map((id) => Item({ key: id, id })));
  });
  mount(App(), main, { errorOverlay: false });
});
