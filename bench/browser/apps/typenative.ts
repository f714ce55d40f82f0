// The table the way typenative's docs teach it: rows are a pn.memo component,
// a FlatList with keyExtractor, selection as a style.
import * as pn from "../../../src/index.js";
import { mount } from "../../../src/hosts/web/index.js";
import { createStore, SELECTED_BACKGROUND, type Item } from "../data.js";

const store = createStore();

const Row = pn.memo(function Row({ item, selected, onSelect, onRemove }: { item: Item; selected: boolean; onSelect: (id: number) => void; onRemove: (id: number) => void }) {
  return pn.Row(
    pn.Text(item.id),
    pn.Text(item.label, { onClick: () => onSelect(item.id) }),
    pn.Button("×", { onClick: () => onRemove(item.id) }),
    { style: selected ? { backgroundColor: SELECTED_BACKGROUND } : undefined },
  );
});

let setRows!: (update: (rows: Item[]) => Item[]) => void;

const App = pn.component(function App() {
  const [rows, set] = pn.useState<Item[]>([]);
  const [selected, setSelected] = pn.useState(0);
  setRows = set;
  const onSelect = pn.useCallback((id: number) => setSelected(id), []);
  const onRemove = pn.useCallback((id: number) => set((rows) => rows.filter((row) => row.id !== id)), []);
  return pn.FlatList(rows, {
    keyExtractor: (item) => item.id,
    renderItem: (item) => Row({ item, selected: item.id === selected, onSelect, onRemove }),
  });
});

/** Mounts the app and exposes its operations (a function: the package has no side effects, so a bare import would be dropped). */
export function start(): void {
window.app = {
  run: () => setRows(() => store.build(1000)),
  runLots: () => setRows(() => store.build(10000)),
  add: () => setRows((rows) => rows.concat(store.build(1000))),
  update: () =>
    setRows((rows) => {
      const next = rows.slice();
      for (let i = 0; i < next.length; i += 10) next[i] = { ...next[i]!, label: `${next[i]!.label} !!!` };
      return next;
    }),
  clear: () => setRows(() => []),
  swapRows: () =>
    setRows((rows) => {
      if (rows.length < 999) return rows;
      const next = rows.slice();
      const a = next[1]!;
      next[1] = next[998]!;
      next[998] = a;
      return next;
    }),
};

mount(App(), document.getElementById("main")!, { errorOverlay: false });
window.ready = true;
}
