import { component } from "../core/component.js";
import { createElement, Fragment, isElement, withKey, type Child, type Element } from "../core/element.js";
import type { Style } from "./builtins.js";

/** Props of {@link FlatList}. */
export interface FlatListProps<T> {
  /** Renders one row. */
  renderItem: (item: T, index: number) => Child;
  /** A stable key per row: keeps each row's view and state across updates and moves. Defaults to `item.key`, `item.id`, then the index. */
  keyExtractor?: (item: T, index: number) => string | number;
  style?: Style;
  testID?: string;
  key?: string | number;
}

function defaultKey(item: unknown, index: number): string | number {
  if (typeof item === "object" && item !== null) {
    const record = item as { key?: unknown; id?: unknown };
    if (typeof record.key === "string" || typeof record.key === "number") return record.key;
    if (typeof record.id === "string" || typeof record.id === "number") return record.id;
  }
  return index;
}

const ListBody = component(function FlatList(props: FlatListProps<unknown> & { data: readonly unknown[] }) {
  const { data, renderItem, keyExtractor = defaultKey, children: _children, ...rest } = props as typeof props & { children?: unknown };
  const rows: Element[] = new Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const item = data[i];
    const key = keyExtractor(item, i);
    const row = renderItem(item, i);
    rows[i] = isElement(row) && row.key === null ? withKey(row, key) : createElement(Fragment, { children: row }, String(key));
  }
  return createElement("FlatList", { ...rest, children: rows }, null);
});

/**
 * A list of rows rendered from `data`, keyed by `keyExtractor`.
 *
 * @example
 * ```ts
 * pn.FlatList(posts.data ?? [], { renderItem: (p) => pn.Text(p.body), keyExtractor: (p) => p.id });
 * ```
 */
export function FlatList<T>(data: readonly T[], props: FlatListProps<T>): Element {
  if (!Array.isArray(data)) throw new TypeError("FlatList(data, props): data must be an array");
  if (props === null || typeof props !== "object" || typeof props.renderItem !== "function") {
    throw new TypeError("FlatList(data, props): props.renderItem must be a function (item, index) => child");
  }
  const { key, ...rest } = props;
  return ListBody({ ...(rest as FlatListProps<unknown>), data, ...(key === undefined ? {} : { key }) });
}
