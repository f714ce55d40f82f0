/**
 * The arithmetic of a windowed list, free of any framework: how tall rows
 * are and which rows a list mounts before its host has measured the
 * viewport. `FlatList` uses it; hosts never see it. The window for a
 * measured viewport (`computeWindow`) is in list-scroll.ts, which loads
 * with a list's first scroll handler: a list's first render never needs it.
 */

/** Where row `index` sits: its height and its distance from the top of the list. */
export interface ItemLayout {
  length: number;
  offset: number;
}

/** How tall rows are: one fixed height, or React Native's `getItemLayout`. */
export type RowSizing<T> =
  | { kind: "fixed"; height: number }
  | { kind: "layout"; getItemLayout: (data: readonly T[], index: number) => ItemLayout };

/** The visible part of a scrolling view, as its host reports it. */
export interface Viewport {
  offset: number;
  height: number;
}

/** Rows `[first, last)` are mounted; `before`/`after` pixels of space stand in for the others. */
export interface RowWindow {
  first: number;
  last: number;
  before: number;
  after: number;
}

/** Top of row `index` (`index === count` gives the total height). */
export function rowOffset<T>(sizing: RowSizing<T>, data: readonly T[], index: number): number {
  if (sizing.kind === "fixed") return index * sizing.height;
  if (index <= 0) return 0;
  const last = sizing.getItemLayout(data, index - 1);
  return last.offset + last.length;
}

/** Total height of every row. */
export function totalHeight<T>(sizing: RowSizing<T>, data: readonly T[]): number {
  return rowOffset(sizing, data, data.length);
}

/**
 * The rows a windowed list mounts before its host has measured the
 * viewport: the first `initial`, and the space of the others after them.
 */
export function initialWindow<T>(sizing: RowSizing<T>, data: readonly T[], initial: number): RowWindow {
  const last = Math.min(data.length, initial);
  return { first: 0, last, before: 0, after: totalHeight(sizing, data) - rowOffset(sizing, data, last) };
}
