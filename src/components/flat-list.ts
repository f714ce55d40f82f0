import { component } from "../core/component.js";
import { createElement, Fragment, isElement, type Child, type Element } from "../core/element.js";
import { useRef, useState } from "../core/hooks.js";
import { options } from "../core/options.js";
import { isThenable, runAsync } from "../runtime/task.js";
import type { AccessibilityProps, CommonProps, ScrollEvent } from "./props.js";
import { refreshPropsOf } from "./refresh-control.js";
import { ActivityIndicator } from "./activity-indicator.js";
import { computeWindow, totalHeight, type ItemLayout, type RowSizing, type Viewport } from "./list-window.js";

export type { ItemLayout } from "./list-window.js";

/** What a host reports when a list scrolls or its viewport is first measured or resized. */
export type ListScrollEvent = ScrollEvent;

/** Props of {@link FlatList}. */
export interface FlatListProps<T> extends CommonProps, AccessibilityProps {
  /** Pull-to-refresh: `pn.RefreshControl({ refreshing, onRefresh })`. */
  refreshControl?: Element;
  /** Renders one row. */
  renderItem: (item: T, index: number) => Child;
  /** A stable key per row: keeps each row's view and state across updates and moves. Defaults to `item.key`, `item.id`, then the index. */
  keyExtractor?: (item: T, index: number) => string | number;
  /**
   * Every row's height in points. Turns on windowing: only the rows in view
   * (plus a buffer) are mounted. Rows must really be this tall.
   */
  itemHeight?: number;
  /** Like `itemHeight` for rows of different heights: row `index`'s `{ length, offset }`. Turns on windowing. */
  getItemLayout?: (data: readonly T[], index: number) => ItemLayout;
  /** Mounted area in viewport heights, centred on the viewport (windowing only). Default 3: one screen above, one below. */
  windowSize?: number;
  /** Rows mounted before the host has measured the viewport (windowing only). Default 10. */
  initialNumToRender?: number;
  /** Called once each time the end comes within `onEndReachedThreshold` viewports, then again only after `data` grows or shrinks. */
  onEndReached?: (info: { distanceFromEnd: number }) => unknown;
  /** How close to the end, in viewport heights, counts as reaching it. Default 0.5. */
  onEndReachedThreshold?: number;
  /** Called on every scroll (and viewport measure) the host reports. */
  onScroll?: (event: ListScrollEvent) => unknown;
}

/** A row's key when no `keyExtractor` is given: `item.key`, `item.id`, else the index. */
export function defaultKey(item: unknown, index: number): string | number {
  if (typeof item === "object" && item !== null) {
    const record = item as { key?: unknown; id?: unknown };
    if (typeof record.key === "string" || typeof record.key === "number") return record.key;
    if (typeof record.id === "string" || typeof record.id === "number") return record.id;
  }
  return index;
}

function sizingOf(props: FlatListProps<unknown>): RowSizing<unknown> | null {
  const { itemHeight, getItemLayout } = props;
  if (itemHeight !== undefined) {
    if (typeof itemHeight !== "number" || !(itemHeight > 0) || !Number.isFinite(itemHeight)) {
      throw new TypeError(options.dev && process.env.NODE_ENV !== "production" ? `FlatList: itemHeight must be a positive number, got ${String(itemHeight)}` : "FlatList: itemHeight must be a positive number");
    }
    return { kind: "fixed", height: itemHeight };
  }
  if (getItemLayout !== undefined) {
    if (typeof getItemLayout !== "function") throw new TypeError(options.dev && process.env.NODE_ENV !== "production" ? "FlatList: getItemLayout must be a function (data, index) => { length, offset }" : "FlatList: getItemLayout must be a function");
    return { kind: "layout", getItemLayout };
  }
  return null;
}

// Keys of the spacers that stand in for unmounted rows; NUL keeps them apart from any row key.
const BEFORE_KEY = "\u0000before";
const AFTER_KEY = "\u0000after";
const REFRESH_KEY = "\u0000refreshing";

let warnedUnbounded = false;

const ListBody = /* @__PURE__ */ component(function FlatList(props: FlatListProps<unknown> & { data: readonly unknown[] }) {
  const {
    data, renderItem, keyExtractor = defaultKey, itemHeight: _h, getItemLayout: _l, windowSize = 3, initialNumToRender = 10,
    onEndReached, onEndReachedThreshold = 0.5, onScroll, refreshControl, children: _children, ...rest
  } = props as typeof props & { children?: unknown };
  const sizing = sizingOf(props);
  const viewport = useRef<Viewport | null>(null);
  // Data length at which onEndReached last fired: once per end, re-armed when the data changes.
  const endFiredFor = useRef(-1);
  // Re-renders only when the mounted range changes, not on every scrolled pixel.
  const [, setRange] = useState("");
  // What the scroll handler reads: written each render, so the handler itself
  // is created once and the host view never gets a new one.
  const latest = useRef<ScrollState>(null as unknown as ScrollState);
  latest.current = { data, sizing, windowSize, initialNumToRender, onEndReached, onEndReachedThreshold, onScroll };
  const [handleScroll] = useState(() => (event: ListScrollEvent) => scrolled(latest.current, event, viewport, endFiredFor, setRange));

  const shown = sizing === null
    ? { first: 0, last: data.length, before: 0, after: 0 }
    : computeWindow(sizing, data, viewport.current, windowSize, initialNumToRender);
  const rows: Element[] = [];
  if (shown.before > 0) rows.push(spacer(shown.before, BEFORE_KEY));
  for (let i = shown.first; i < shown.last; i++) {
    const item = data[i];
    rows.push(keyedRow(renderItem(item, i), keyExtractor(item, i)));
  }
  if (shown.after > 0) rows.push(spacer(shown.after, AFTER_KEY));

  const hostProps: Record<string, unknown> = { ...rest, children: rows };
  if (sizing !== null || onEndReached !== undefined || onScroll !== undefined) hostProps.onScroll = handleScroll;
  const refresh = refreshPropsOf(refreshControl);
  if (refresh !== null) {
    hostProps.refreshing = refresh.refreshing;
    if (refresh.onRefresh !== undefined) hostProps.onRefresh = refresh.onRefresh;
    if (refresh.refreshing) rows.unshift(ActivityIndicator({ key: REFRESH_KEY }));
  }
  return createElement("FlatList", hostProps, null);
});

/** What the stable scroll handler needs from the latest render. */
interface ScrollState {
  data: readonly unknown[];
  sizing: RowSizing<unknown> | null;
  windowSize: number;
  initialNumToRender: number;
  onEndReached: FlatListProps<unknown>["onEndReached"];
  onEndReachedThreshold: number;
  onScroll: FlatListProps<unknown>["onScroll"];
}

function scrolled(
  state: ScrollState,
  event: ListScrollEvent,
  viewport: { current: Viewport | null },
  endFiredFor: { current: number },
  setRange: (range: string) => void,
): void {
  if (typeof event !== "object" || event === null || typeof event.offset !== "number" || typeof event.viewportHeight !== "number") {
    throw new TypeError(options.dev && process.env.NODE_ENV !== "production" ? "FlatList: a host's onScroll event must be { offset, viewportHeight, contentHeight? }" : "FlatList: invalid onScroll event");
  }
  const { data, sizing, windowSize, initialNumToRender, onEndReached, onEndReachedThreshold, onScroll } = state;
  const height = event.viewportHeight;
  viewport.current = { offset: event.offset, height };
  let contentHeight = event.contentHeight;
  if (sizing !== null) {
    const next = computeWindow(sizing, data, viewport.current, windowSize, initialNumToRender);
    setRange(`${next.first}:${next.last}`);
    contentHeight = totalHeight(sizing, data);
    if (options.dev && process.env.NODE_ENV !== "production" && !warnedUnbounded && height >= contentHeight && data.length > 2 * initialNumToRender) {
      warnedUnbounded = true;
      options.warn("FlatList: the list is as tall as its content, so every row is mounted; give it a bounded height (style.height, or flex: 1 inside a sized parent) to window it");
    }
  }
  onScroll?.(event);
  if (onEndReached !== undefined && typeof contentHeight === "number" && height > 0) {
    const distanceFromEnd = contentHeight - (event.offset + height);
    if (distanceFromEnd <= onEndReachedThreshold * height && endFiredFor.current !== data.length) {
      endFiredFor.current = data.length;
      const result = onEndReached({ distanceFromEnd });
      // An async onEndReached (loading the next page) runs as this component's task.
      if (isThenable(result)) runAsync(result);
    }
  }
}

// A keyless row element takes the row's key, as if renderItem had created
// it with one: set in place rather than copied, so a row costs no extra
// element (nor a WeakMap entry for the garbage collector to trace), and a
// row element the app reuses (a memoized one) stays the same element, whose
// subtree is then skipped without a diff. An element that already has
// another key (one element returned for two rows) is wrapped instead.
function keyedRow(row: Child, key: string | number): Element {
  if (!isElement(row)) return createElement(Fragment, { children: row }, String(key));
  const wanted = String(key);
  if (row.key === null) {
    (row as { key: string | null }).key = wanted;
    return row;
  }
  return row.key === wanted ? row : createElement(Fragment, { children: row }, wanted);
}

function spacer(height: number, key: string): Element {
  return createElement("Spacer", { style: { height, flexGrow: 0, flexShrink: 0 } }, key);
}

/**
 * A list of rows rendered from `data`, keyed by `keyExtractor`.
 *
 * Give it `itemHeight` (or `getItemLayout`) and it mounts only the rows in
 * view plus a buffer, so 10,000 rows cost a few dozen views; the host
 * reports the viewport through `onScroll`. Without either, every row mounts.
 *
 * @example
 * ```ts
 * pn.FlatList(posts.data ?? [], { renderItem: (p) => pn.Text(p.body), keyExtractor: (p) => p.id });
 *
 * // windowed, with infinite loading:
 * pn.FlatList(rows, {
 *   itemHeight: 40,
 *   renderItem: (row) => pn.Text(row.title, { style: { height: 40 } }),
 *   onEndReached: () => loadMore(),
 *   style: { height: 400 },
 * });
 * ```
 */
export function FlatList<T>(data: readonly T[], props: FlatListProps<T>): Element {
  if (!Array.isArray(data)) throw new TypeError("FlatList(data, props): data must be an array");
  if (props === null || typeof props !== "object" || typeof props.renderItem !== "function") {
    throw new TypeError(options.dev && process.env.NODE_ENV !== "production" ? "FlatList(data, props): props.renderItem must be a function (item, index) => child" : "FlatList: renderItem must be a function");
  }
  const { key, ...rest } = props;
  return ListBody({ ...(rest as FlatListProps<unknown>), data, ...(key === undefined ? {} : { key }) });
}
