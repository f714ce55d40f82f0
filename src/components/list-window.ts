/**
 * The arithmetic of a windowed list, free of any framework: given where the
 * viewport is and how tall rows are, which rows to mount and how much space
 * stands in for the rest. `FlatList` uses it; hosts never see it.
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

/** The first row whose bottom edge is below `y` (binary search; offsets grow with the index). */
export function rowAt<T>(sizing: RowSizing<T>, data: readonly T[], y: number): number {
  const count = data.length;
  if (sizing.kind === "fixed") {
    return Math.min(count, Math.max(0, Math.floor(y / sizing.height)));
  }
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const layout = sizing.getItemLayout(data, mid);
    if (layout.offset + layout.length <= y) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The rows to mount: those in the viewport plus `(windowSize - 1) / 2`
 * viewport heights above and below, so a fast scroll still finds rows ready.
 * Without a viewport yet, the first `initial` rows.
 */
export function computeWindow<T>(
  sizing: RowSizing<T>,
  data: readonly T[],
  viewport: Viewport | null,
  windowSize: number,
  initial: number,
): RowWindow {
  const count = data.length;
  let first: number;
  let last: number;
  if (viewport === null) {
    first = 0;
    last = Math.min(count, initial);
  } else {
    const buffer = (Math.max(1, windowSize) - 1) / 2 * viewport.height;
    first = rowAt(sizing, data, viewport.offset - buffer);
    // The row that holds the window's bottom edge, inclusive.
    last = Math.min(count, rowAt(sizing, data, viewport.offset + viewport.height + buffer) + 1);
    if (last <= first) last = Math.min(count, first + 1);
  }
  const top = rowOffset(sizing, data, first);
  const bottom = rowOffset(sizing, data, last);
  return { first, last, before: top, after: totalHeight(sizing, data) - bottom };
}
