import { createElement, isElement, type Element } from "../core/element.js";
import { isDev } from "../core/options.js";

/** Props of {@link RefreshControl}. */
export interface RefreshControlProps {
  /** Shows the spinner while true. */
  refreshing: boolean;
  /** The user pulled to refresh (or a test fired `onRefresh`). */
  onRefresh?: () => unknown;
}

/** Marks RefreshControl elements: they describe a list's pull-to-refresh and never render by themselves. */
export function REFRESH_CONTROL(): never {
  throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "RefreshControl must be passed as the refreshControl prop of a ScrollView or FlatList" : /* "RefreshControl must be a refreshControl prop" */ "typenative #33");
}

/**
 * Pull-to-refresh for a `ScrollView` or `FlatList`, as React Native's:
 * pass it as `refreshControl`. While `refreshing`, the list shows an
 * `ActivityIndicator` at its top; a host with a pull gesture calls
 * `onRefresh`.
 *
 * @example
 * ```ts
 * pn.FlatList(posts, { renderItem, refreshControl: pn.RefreshControl({ refreshing: q.loading, onRefresh: q.refetch }) });
 * ```
 */
export function RefreshControl(props: RefreshControlProps): Element {
  if (typeof props !== "object" || props === null || typeof props.refreshing !== "boolean") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "RefreshControl({ refreshing, onRefresh }): refreshing must be a boolean" : /* "RefreshControl: refreshing must be a boolean" */ "typenative #34");
  }
  return createElement(REFRESH_CONTROL, { ...props }, null);
}

/** The host props a `refreshControl` stands for: `{ refreshing, onRefresh }`, or null when there is none. */
export function refreshPropsOf(control: unknown): { refreshing: boolean; onRefresh?: () => unknown } | null {
  if (control === undefined || control === null) return null;
  if (!isElement(control) || control.type !== REFRESH_CONTROL) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "refreshControl must be a pn.RefreshControl({ refreshing, onRefresh }) element" : /* "refreshControl must be a RefreshControl element" */ "typenative #35");
  }
  return control.props as unknown as { refreshing: boolean; onRefresh?: () => unknown };
}
