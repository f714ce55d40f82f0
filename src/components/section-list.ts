import type { Child, Element } from "../core/element.js";
import { FlatList, defaultKey, type FlatListProps } from "./flat-list.js";

/** One section: a title (or any header data) and its rows. */
export interface Section<T> {
  title?: string;
  key?: string;
  data: readonly T[];
}

/** Props of {@link SectionList}. */
export interface SectionListProps<T, S extends Section<unknown>> extends Omit<FlatListProps<Row<T, S>>, "renderItem" | "keyExtractor"> {
  renderItem: (item: T, index: number, section: S) => Child;
  renderSectionHeader?: (section: S) => Child;
  keyExtractor?: (item: T, index: number) => string | number;
}

/** The item type of a section. */
export type ItemOf<S> = S extends { data: ReadonlyArray<infer T> } ? T : never;

/** A row of the flattened list: a section's header or one of its items. */
type Row<T, S> = { header: true; section: S; sectionIndex: number } | { header: false; item: T; index: number; section: S; sectionIndex: number };

/**
 * Rows in sections with headers, as React Native's `SectionList`. It is a
 * `FlatList` underneath: keyed rows, and windowed with `itemHeight` or
 * `getItemLayout` (headers count as rows).
 *
 * @example
 * ```ts
 * pn.SectionList([{ title: "Today", data: today }, { title: "Earlier", data: earlier }], {
 *   renderSectionHeader: (s) => pn.Text(s.title!, { style: { fontWeight: "700" } }),
 *   renderItem: (post) => pn.Text(post.title),
 *   keyExtractor: (post) => post.id,
 * });
 * ```
 */
export function SectionList<S extends Section<unknown>>(sections: readonly S[], props: SectionListProps<ItemOf<S>, S>): Element {
  type T = ItemOf<S>;
  if (!Array.isArray(sections)) throw new TypeError("SectionList(sections, props): sections must be an array of { title, data }");
  if (props === null || typeof props !== "object" || typeof props.renderItem !== "function") {
    throw new TypeError("SectionList(sections, props): props.renderItem must be a function (item, index, section) => child");
  }
  const { renderItem, renderSectionHeader, keyExtractor, ...rest } = props;
  const rows: Row<T, S>[] = [];
  sections.forEach((section, sectionIndex) => {
    if (!Array.isArray(section.data)) throw new TypeError(`SectionList: section ${sectionIndex} needs a data array`);
    if (renderSectionHeader !== undefined) rows.push({ header: true, section, sectionIndex });
    (section.data as readonly T[]).forEach((item: T, index: number) => rows.push({ header: false, item, index, section, sectionIndex }));
  });
  const sectionKey = (row: Row<T, S>): string => row.section.key ?? row.section.title ?? String(row.sectionIndex);
  return FlatList(rows, {
    ...(rest as Omit<FlatListProps<Row<T, S>>, "renderItem" | "keyExtractor">),
    renderItem: (row) => (row.header ? renderSectionHeader!(row.section) : renderItem(row.item, row.index, row.section)),
    keyExtractor: (row) =>
      row.header
        ? `header:${sectionKey(row)}`
        : `${sectionKey(row)}:${keyExtractor !== undefined ? keyExtractor(row.item, row.index) : defaultKey(row.item, row.index)}`,
  });
}
