import { component } from "../core/component.js";
import { createElement, Fragment, isElement, type Child, type Element } from "../core/element.js";
import { useRef, useState } from "../core/hooks.js";
import { isDev, options } from "../core/options.js";
import { isThenable, runAsync } from "../runtime/task.js";
import { deferred } from "../platform/deferred.js";
import type { AccessibilityProps, CommonProps, ScrollEvent } from "./props.js";
import { refreshPropsOf } from "./refresh-control.js";
import { ActivityIndicator } from "./activity-indicator.js";
import { initialWindow, rowOffset, totalHeight, type ItemLayout, type RowSizing, type Viewport } from "./list-window.js";
import type { ListKit, ListScroll, ScrollState } from "./list-scroll.js";
import { noop } from "../runtime/noop.js";

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
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `FlatList: itemHeight must be a positive number, got ${String(itemHeight)}` : /* "FlatList: itemHeight must be a positive number" */ "typenative #27");
    }
    return { kind: "fixed", height: itemHeight };
  }
  if (getItemLayout !== undefined) {
    if (typeof getItemLayout !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "FlatList: getItemLayout must be a function (data, index) => { length, offset }" : /* "FlatList: getItemLayout must be a function" */ "typenative #28");
    return { kind: "layout", getItemLayout };
  }
  return null;
}

/**
 * @internal What a list runs when its host reports a scroll or a measured
 * viewport (list-scroll.ts), imported when a list that listens to scrolling
 * first renders; `typenative/testing` registers it up front.
 */
export const listScroll = /* @__PURE__ */ deferred<ListKit, ListScroll>(
  { rowOffset, totalHeight, initialWindow, isThenable, runAsync, options },
  () => import("./list-scroll.js"),
);

// Keys of the spacers that stand in for unmounted rows; NUL keeps them apart from any row key.
const BEFORE_KEY = "\u0000before";
const AFTER_KEY = "\u0000after";
const REFRESH_KEY = "\u0000refreshing";

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
  const [handleScroll] = useState(() => (event: ListScrollEvent) => {
    const code = listScroll.loaded();
    if (code !== null) code.scrolled(latest.current, event, viewport, endFiredFor, setRange);
    // Reports before the code has arrived are handled in order once it is here.
    else runAsync(listScroll.load().then((loaded) => loaded.scrolled(latest.current, event, viewport, endFiredFor, setRange)));
  });

  // A viewport is known only once a scroll report was handled, by the loaded code.
  const shown = sizing === null
    ? { first: 0, last: data.length, before: 0, after: 0 }
    : viewport.current === null
      ? initialWindow(sizing, data, initialNumToRender)
      : listScroll.loaded()!.computeWindow(sizing, data, viewport.current, windowSize, initialNumToRender);
  const rows: Element[] = [];
  if (shown.before > 0) rows.push(spacer(shown.before, BEFORE_KEY));
  for (let i = shown.first; i < shown.last; i++) {
    const item = data[i];
    rows.push(keyedRow(renderItem(item, i), keyExtractor(item, i)));
  }
  if (shown.after > 0) rows.push(spacer(shown.after, AFTER_KEY));

  const hostProps: Record<string, unknown> = { ...rest, children: rows };
  if (sizing !== null || onEndReached !== undefined || onScroll !== undefined) {
    hostProps.onScroll = handleScroll;
    // Loads while the host measures the list, ahead of its first report.
    if (listScroll.loaded() === null) listScroll.load().catch(noop);
  }
  const refresh = refreshPropsOf(refreshControl);
  if (refresh !== null) {
    hostProps.refreshing = refresh.refreshing;
    if (refresh.onRefresh !== undefined) hostProps.onRefresh = refresh.onRefresh;
    if (refresh.refreshing) rows.unshift(ActivityIndicator({ key: REFRESH_KEY }));
  }
  return createElement("FlatList", hostProps, null);
});

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
  if (!Array.isArray(data)) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "FlatList(data, props): data must be an array" : /* "FlatList(data, props): data must be an array" */ "typenative #29");
  if (props === null || typeof props !== "object" || typeof props.renderItem !== "function") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "FlatList(data, props): props.renderItem must be a function (item, index) => child" : /* "FlatList: renderItem must be a function" */ "typenative #30");
  }
  const { key, ...rest } = props;
  return ListBody({ ...(rest as FlatListProps<unknown>), data, ...(key === undefined ? {} : { key }) });
}
