// Hand-written DOM code producing exactly typenative/web's DOM for the table.
import { installBaseStyles } from "../../../src/hosts/web/base-styles.js";
import { createStore, SELECTED_BACKGROUND, type Item } from "../data.js";

/** Builds the table and exposes its operations. */
export function start(): void {
installBaseStyles(document);
const store = createStore();
const main = document.getElementById("main")!;
const list = document.createElement("div");
list.className = "tn tn-list";
list.setAttribute("role", "list");
main.appendChild(list);

let rows: Item[] = [];
let elements: HTMLElement[] = [];
let selectedRow: HTMLElement | null = null;

// One template, cloned per row, as the fastest vanilla entries do.
const template = document.createElement("div");
template.className = "tn tn-row";
template.setAttribute("role", "listitem");
{
  const id = document.createElement("span");
  id.className = "tn tn-text";
  id.appendChild(document.createTextNode(""));
  const label = document.createElement("span");
  label.className = "tn tn-text";
  label.setAttribute("role", "button");
  label.tabIndex = 0;
  label.appendChild(document.createTextNode(""));
  const button = document.createElement("button");
  button.className = "tn tn-button";
  button.type = "button";
  button.appendChild(document.createTextNode("×"));
  template.append(id, label, button);
}

function createRow(item: Item): HTMLElement {
  const row = template.cloneNode(true) as HTMLElement;
  (row.firstChild!.firstChild as Text).data = String(item.id);
  (row.childNodes[1]!.firstChild as Text).data = item.label;
  (row as unknown as { item: Item }).item = item;
  return row;
}

// One delegated listener for the whole table.
list.addEventListener("click", (event) => {
  const target = event.target as HTMLElement;
  const row = target.parentNode as HTMLElement;
  if (row.parentNode !== list) return;
  const item = (row as unknown as { item: Item }).item;
  if (target === row.childNodes[1]) select(row);
  else if (target === row.childNodes[2]) remove(item);
});

function select(row: HTMLElement): void {
  if (selectedRow !== null) selectedRow.style.removeProperty("background-color");
  row.style.setProperty("background-color", SELECTED_BACKGROUND);
  selectedRow = row;
}

function remove(item: Item): void {
  const index = rows.indexOf(item);
  elements[index]!.remove();
  if (elements[index] === selectedRow) selectedRow = null;
  rows.splice(index, 1);
  elements.splice(index, 1);
}

function clearRows(): void {
  list.textContent = "";
  rows = [];
  elements = [];
  selectedRow = null;
}

function append(data: Item[]): void {
  const fragment = document.createDocumentFragment();
  for (const item of data) {
    const row = createRow(item);
    elements.push(row);
    fragment.appendChild(row);
  }
  rows = rows.concat(data);
  list.appendChild(fragment);
}

window.app = {
  run: () => {
    clearRows();
    append(store.build(1000));
  },
  runLots: () => {
    clearRows();
    append(store.build(10000));
  },
  add: () => append(store.build(1000)),
  update: () => {
    for (let i = 0; i < rows.length; i += 10) {
      rows[i] = { ...rows[i]!, label: `${rows[i]!.label} !!!` };
      (elements[i] as unknown as { item: Item }).item = rows[i]!;
      (elements[i]!.childNodes[1]!.firstChild as Text).data = rows[i]!.label;
    }
  },
  clear: clearRows,
  swapRows: () => {
    if (rows.length < 999) return;
    const a = elements[1]!;
    const b = elements[998]!;
    const afterB = b.nextSibling;
    list.insertBefore(b, a);
    list.insertBefore(a, afterB);
    [rows[1], rows[998]] = [rows[998]!, rows[1]!];
    [elements[1], elements[998]] = [b, a];
  },
};
window.ready = true;
}
