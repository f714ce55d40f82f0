// React with hooks and memo, producing typenative/web's DOM for the table.
import { createElement as h, memo, useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import { installBaseStyles } from "../../../src/hosts/web/base-styles.js";
import { createStore, SELECTED_BACKGROUND, type Item } from "../data.js";

const store = createStore();

const Row = memo(function Row({ item, selected, onSelect, onRemove }: { item: Item; selected: boolean; onSelect: (id: number) => void; onRemove: (id: number) => void }) {
  return h(
    "div",
    { className: "tn tn-row", role: "listitem", style: selected ? { backgroundColor: SELECTED_BACKGROUND } : undefined },
    h("span", { className: "tn tn-text" }, item.id),
    h("span", { className: "tn tn-text", role: "button", tabIndex: 0, onClick: () => onSelect(item.id) }, item.label),
    h("button", { className: "tn tn-button", type: "button", onClick: () => onRemove(item.id) }, "×"),
  );
});

let setRows!: (update: (rows: Item[]) => Item[]) => void;

function App() {
  const [rows, set] = useState<Item[]>([]);
  const [selected, setSelected] = useState(0);
  setRows = set;
  const onSelect = useCallback((id: number) => setSelected(id), []);
  const onRemove = useCallback((id: number) => set((rows) => rows.filter((row) => row.id !== id)), []);
  return h(
    "div",
    { className: "tn tn-list", role: "list" },
    rows.map((item) => h(Row, { key: item.id, item, selected: item.id === selected, onSelect, onRemove })),
  );
}

/** Mounts the app and exposes its operations (a function: the package has no side effects, so a bare import would be dropped). */
export function start(): void {
installBaseStyles(document);
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

const root = createRoot(document.getElementById("main")!);
flushSync(() => root.render(h(App, null)));
window.ready = true;
}
