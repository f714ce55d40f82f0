/**
 * What a `FlatList` runs when its host reports a scroll or a measured
 * viewport: the window of rows for that viewport, `onScroll`, and
 * `onEndReached`. A list's first render needs none of it (before the host
 * has measured the viewport a windowed list mounts its first rows, see
 * `initialWindow`), so flat-list.ts imports this with `import()` when it
 * first renders a list that listens to scrolling; scroll reports that come
 * before the code are handled, in order, once it is here.
 * `typenative/testing` registers it up front.
 *
 * Built on a kit of framework parts handed to it (see
 * src/platform/deferred.ts), so its chunk imports nothing.
 */
import type { options } from "../core/options.js";
import type { isThenable, runAsync } from "../runtime/task.js";
import type { ScrollEvent } from "./props.js";
import type { initialWindow, rowOffset, RowSizing, RowWindow, totalHeight, Viewport } from "./list-window.js";

/** @internal The framework parts the scroll handling uses. */
export interface ListKit {
  readonly rowOffset: typeof rowOffset;
  readonly totalHeight: typeof totalHeight;
  readonly initialWindow: typeof initialWindow;
  readonly isThenable: typeof isThenable;
  readonly runAsync: typeof runAsync;
  readonly options: typeof options;
}

/** @internal What the stable scroll handler of a list needs from its latest render. */
export interface ScrollState {
  data: readonly unknown[];
  sizing: RowSizing<unknown> | null;
  windowSize: number;
  initialNumToRender: number;
  onEndReached: ((info: { distanceFromEnd: number }) => unknown) | undefined;
  onEndReachedThreshold: number;
  onScroll: ((event: ScrollEvent) => unknown) | undefined;
}

/** @internal What {@link implement} builds. */
export type ListScroll = ReturnType<typeof implement>;

/** @internal Builds the scroll handling on `kit`. */
export function implement({ rowOffset, totalHeight, initialWindow, isThenable, runAsync, options }: ListKit) {
  let warnedUnbounded = false;

  /** The first row whose bottom edge is below `y` (binary search; offsets grow with the index). */
  function rowAt<T>(sizing: RowSizing<T>, data: readonly T[], y: number): number {
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
  function computeWindow<T>(sizing: RowSizing<T>, data: readonly T[], viewport: Viewport | null, windowSize: number, initial: number): RowWindow {
    if (viewport === null) return initialWindow(sizing, data, initial);
    const count = data.length;
    const total = totalHeight(sizing, data);
    // Where the host's offset is, or will be once it has clamped it: data
    // that shrank under a scrolled list leaves the last report past the end,
    // and a window there would mount no row until (on a host that reports a
    // clamp at all) the next report.
    const offset = Math.max(0, Math.min(viewport.offset, total - viewport.height));
    const buffer = (Math.max(1, windowSize) - 1) / 2 * viewport.height;
    const first = rowAt(sizing, data, offset - buffer);
    // The row that holds the window's bottom edge, inclusive.
    let last = Math.min(count, rowAt(sizing, data, offset + viewport.height + buffer) + 1);
    if (last <= first) last = Math.min(count, first + 1);
    const top = rowOffset(sizing, data, first);
    const bottom = rowOffset(sizing, data, last);
    return { first, last, before: top, after: total - bottom };
  }

  /** Handles one scroll report of a list: its window, `onScroll`, `onEndReached`. */
  function scrolled(
    state: ScrollState,
    event: ScrollEvent,
    viewport: { current: Viewport | null },
    endFiredFor: { current: number },
    setRange: (range: string) => void,
  ): void {
    if (typeof event !== "object" || event === null || typeof event.offset !== "number" || typeof event.viewportHeight !== "number") {
      throw new TypeError(options.dev && process.env.NODE_ENV !== "production" ? "FlatList: a host's onScroll event must be { offset, viewportHeight, contentHeight? }" : /* "FlatList: invalid onScroll event" */ "typenative #31");
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
    // The list's own handler is what the host delivered: an async onScroll
    // becomes a task of the list here, as a handler's promise would.
    const scrolledResult = onScroll?.(event);
    if (isThenable(scrolledResult)) runAsync(scrolledResult);
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

  return { rowAt, computeWindow, scrolled };
}
