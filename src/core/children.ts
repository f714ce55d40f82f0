import { createElement, Fragment, isElement, type Element } from "./element.js";
import type { Fiber } from "./fiber.js";
import { DELETED, HOST, ROOT, TEXT, componentName, firstHost, forEachHost, hostParentOf, nextHostAfter } from "./fiber.js";
import { OP_CLEAR, OP_INSERT, OP_REMOVE, ops } from "./work.js";
import { isDev, options } from "./options.js";

/** A child after collecting: an element or a text. */
export type Item = Element | string;

/** What a child is matched by: its explicit key (a string), else its position among its siblings (a number). */
export type MatchKey = string | number;

/**
 * How the children diff creates and updates one child. The reconciler passes
 * itself in, which keeps this file free of an import cycle with it.
 */
export interface ItemVisitor {
  mount(item: Item, key: MatchKey, parent: Fiber, index: number): Fiber;
  update(fiber: Fiber, item: Item): Fiber;
}

/**
 * Where each item of the last {@link collect} sat among the raw children, or
 * null when every item sits at its own index (no holes): the common case
 * allocates nothing more, and no result object is made per diff. Read right
 * after the call: rendering the children collects again.
 */
let collected: number[] | null = null;

/**
 * Collects what a render returned. Empty slots (`null`, `undefined`,
 * booleans) render nothing but keep their position, so an unkeyed sibling
 * after `cond && X` keeps its state when `X` comes and goes, as in React and
 * Preact. A nested array becomes an implicit fragment in its slot: its
 * length can change without shifting the siblings after it.
 */
function collect(parent: Fiber, raw: unknown): Item[] {
  collected = null;
  if (Array.isArray(raw) && allElements(raw)) {
    // A list of elements (a FlatList's rows, mapped children) is its own
    // item list: read only, never copied.
    if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" && raw.length > 1) checkDuplicateKeys(parent, raw);
    return raw;
  }
  const items: Item[] = [];
  let positions: number[] | null = null;
  if (Array.isArray(raw)) {
    for (let i = 0; i < raw.length; i++) {
      const item = toItem(parent, raw[i]);
      if (item === null) {
        if (positions === null) {
          positions = new Array(items.length);
          for (let p = 0; p < items.length; p++) positions[p] = p;
        }
        continue;
      }
      items.push(item);
      if (positions !== null) positions.push(i);
    }
    if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" && items.length > 1) checkDuplicateKeys(parent, items);
    collected = positions;
  } else {
    const item = toItem(parent, raw);
    if (item !== null) items.push(item);
  }
  return items;
}

function allElements(raw: unknown[]): raw is Element[] {
  for (let i = 0; i < raw.length; i++) if (!isElement(raw[i])) return false;
  return true;
}

function toItem(parent: Fiber, raw: unknown): Item | null {
  if (raw === null || raw === undefined || typeof raw === "boolean") return null;
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "bigint") return String(raw);
  if (isElement(raw)) return raw;
  if (Array.isArray(raw)) {
    if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production") checkArrayKeys(parent, raw);
    return createElement(Fragment, { children: raw }, null);
  }
  // The advice only in development: production bundles keep the first words.
  if (typeof raw === "function") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "Functions are not valid as a child; did you mean to call a component factory?" : /* "Invalid child: a function" */ "typenative #37");
  }
  throw new TypeError(
    /* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `Objects are not valid as a child (found ${Object.prototype.toString.call(raw)}); wrap data in pn.Text(...)` : /* "Invalid child: an object" */ "typenative #38",
  );
}

function keyAt(items: Item[], positions: number[] | null, j: number): MatchKey {
  const item = items[j]!;
  const position = positions === null ? j : positions[j]!;
  return typeof item === "string" ? position : (item.key ?? position);
}

function matches(fiber: Fiber, item: Item, key: MatchKey): boolean {
  if (fiber.key !== key) return false;
  return typeof item === "string" ? fiber.kind === TEXT : fiber.kind !== TEXT && fiber.type === item.type;
}

/** Creates fibers for a new parent's children; their views are attached by the caller. */
export function mountChildren(parent: Fiber, raw: unknown, visit: ItemVisitor): void {
  // One child (a Text's string, a row's element) is the common case: no
  // intermediate list for it.
  if (typeof raw === "string" || isElement(raw)) {
    parent.children = [visit.mount(raw, typeof raw === "string" ? 0 : (raw.key ?? 0), parent, 0)];
    return;
  }
  if (raw === null || raw === undefined || typeof raw === "boolean") return;
  const items = collect(parent, raw);
  const positions = collected;
  const next: Fiber[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) next[i] = visit.mount(items[i]!, keyAt(items, positions, i), parent, i);
  parent.children = next;
}

/**
 * Diffs a committed parent's children against new items, emitting the fewest
 * host operations: common prefix and suffix are matched in place; the rest
 * (insertions only, removals only, or both with reorders) goes through one
 * key map, and only when a real reorder shows up does a
 * longest-increasing-subsequence pass pick which views stay, so a swap of two
 * rows costs two moves and the no-move case allocates no LIS. Removals are
 * recorded before the inserts and moves.
 *
 * The caller must have called `remember(parent)` first.
 */
export function reconcileChildren(parent: Fiber, raw: unknown, visit: ItemVisitor): void {
  const old = parent.children;
  // A component re-rendering its one root element: update in place, no list.
  if (old.length === 1 && (typeof raw === "string" || isElement(raw))) {
    const only = old[0]!;
    if (matches(only, raw, typeof raw === "string" ? 0 : (raw.key ?? 0))) {
      visit.update(only, raw);
      return;
    }
  }
  const items = collect(parent, raw);
  const positions = collected;
  const newLen = items.length;
  const oldLen = old.length;
  if (newLen === 0 && oldLen === 0) return;
  const next: Fiber[] = new Array(newLen);

  let start = 0;
  while (start < newLen && start < oldLen && matches(old[start]!, items[start]!, keyAt(items, positions, start))) {
    next[start] = visit.update(old[start]!, items[start]!);
    start++;
  }
  // The common suffix is matched now but updated last: children render (and
  // so queue their effects) in tree order, as React runs them.
  let oldEnd = oldLen - 1;
  let newEnd = newLen - 1;
  while (oldEnd >= start && newEnd >= start && matches(old[oldEnd]!, items[newEnd]!, keyAt(items, positions, newEnd))) {
    next[newEnd] = old[oldEnd]!;
    oldEnd--;
    newEnd--;
  }

  if (start <= oldEnd || start <= newEnd) {
    const hostNode = parent.kind === HOST || parent.kind === ROOT ? parent.node! : hostParentOf(parent).node!;
    const keyToOld = new Map<MatchKey, number>();
    // Old siblings that shared a key with an earlier one: nothing can match
    // them by key, so they go (else they would stay on screen as ghosts).
    let duplicates: number[] | null = null;
    for (let i = start; i <= oldEnd; i++) {
      const key = old[i]!.key!;
      if (keyToOld.has(key)) (duplicates ??= []).push(i);
      else keyToOld.set(key, i);
    }
    const count = newEnd - start + 1;
    // sources[k] = old index reused at new position start + k, or -1 for a new fiber.
    const sources = new Int32Array(count).fill(-1);
    let moved = false;
    let reused = false;
    let lastOld = -1;
    for (let j = start; j <= newEnd; j++) {
      const item = items[j]!;
      const key = keyAt(items, positions, j);
      const oi = keyToOld.get(key);
      if (oi !== undefined && matches(old[oi]!, item, key)) {
        keyToOld.delete(key);
        reused = true;
        sources[j - start] = oi;
        if (oi < lastOld) moved = true;
        else lastOld = oi;
        next[j] = visit.update(old[oi]!, item);
      } else {
        next[j] = visit.mount(item, key, parent, j);
      }
    }
    // Whatever was not reused goes, before the placements: marked deleted,
    // no dying view serves as an anchor. A view whose every child is
    // replaced (new keys throughout) is cleared first and then filled.
    if (!reused && start === 0 && oldEnd >= 0 && oldEnd === oldLen - 1 && newEnd === newLen - 1 && mayHoldWholeView(parent)) {
      ops.push(OP_CLEAR, hostNode, null, null);
    }
    for (const oi of keyToOld.values()) remove(hostNode, old[oi]!);
    if (duplicates !== null) for (const oi of duplicates) remove(hostNode, old[oi]!);

    const stay = moved ? longestIncreasing(sources) : null;
    let s = stay === null ? -1 : stay.length - 1;
    let anchor = anchorFrom(parent, next, newEnd + 1);
    for (let j = newEnd; j >= start; j--) {
      const fiber = next[j]!;
      const k = j - start;
      if (sources[k] === -1) forEachHost(fiber, placeView, hostNode, anchor);
      else if (stay !== null) {
        if (s >= 0 && stay[s] === k) s--;
        else forEachHost(fiber, placeView, hostNode, anchor);
      }
      const first = firstHost(fiber);
      if (first !== null) anchor = first;
    }
  }
  // Suffix views are anchors above; their updates' own ops come after, so
  // an anchor they replace is still attached when the inserts before it apply.
  for (let j = newEnd + 1; j < newLen; j++) visit.update(next[j]!, items[j]!);

  parent.children = next;
  for (let i = 0; i < newLen; i++) next[i]!.index = i;
}

/**
 * Whether `parent`'s views may be all the views of their host parent: it is
 * the host view itself, or an only child on the way up to it (a list's rows
 * as one array argument are an implicit fragment). A cheap guess from the
 * committed tree; the host checks the count before clearing (see `OP_CLEAR`).
 */
function mayHoldWholeView(parent: Fiber): boolean {
  let fiber = parent;
  while (fiber.kind !== HOST) {
    const up = fiber.parent;
    if (up === null || fiber.kind === ROOT || up.children.length !== 1) return false;
    fiber = up;
  }
  return true;
}

/** The first view at or after `next[from]`, else whatever follows the parent's views. */
function anchorFrom(parent: Fiber, next: Fiber[], from: number): object | null {
  for (let i = from; i < next.length; i++) {
    const node = firstHost(next[i]!);
    if (node !== null) return node;
  }
  return parent.kind === HOST || parent.kind === ROOT ? null : nextHostAfter(parent);
}

/** Records an insert/move of one top-level view of a placed fiber (see `forEachHost`: in order, allocation-free). */
function placeView(hostNode: object, before: object | null, node: object): void {
  ops.push(OP_INSERT, hostNode, node, before);
}

function remove(hostNode: object, fiber: Fiber): void {
  fiber.flags |= DELETED;
  ops.push(OP_REMOVE, hostNode, fiber, null);
}

/**
 * Positions (indices into `sources`) of one longest strictly increasing run of
 * old indices, ignoring new entries (-1). Patience sorting with predecessor
 * links: O(n log n).
 */
export function longestIncreasing(sources: Int32Array): Int32Array {
  const n = sources.length;
  const predecessor = new Int32Array(n);
  const tails = new Int32Array(n); // tails[l] = position of the smallest tail of a run of length l+1
  let length = 0;
  for (let i = 0; i < n; i++) {
    const value = sources[i]!;
    if (value === -1) continue;
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sources[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    predecessor[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
    if (lo === length) length++;
  }
  const result = new Int32Array(length);
  let k = length > 0 ? tails[length - 1]! : -1;
  for (let i = length - 1; i >= 0; i--) {
    result[i] = k;
    k = predecessor[k]!;
  }
  return result;
}

// Dev warnings: once per cause (component + key), so a list re-rendered on
// every keystroke does not flood the console.
const warned = new Set<string>();

function warnOnce(cause: string, message: string): void {
  if (warned.has(cause)) return;
  warned.add(cause);
  options.warn(message);
}

function checkDuplicateKeys(parent: Fiber, items: Item[]): void {
  let seen: Set<string> | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (typeof item === "string" || item.key === null) continue;
    seen ??= new Set();
    if (!seen.has(item.key)) {
      seen.add(item.key);
      continue;
    }
    const owner = componentName(parent) ?? "the root";
    warnOnce(
      `dup:${owner}:${item.key}`,
      `Duplicate key "${item.key}" among the children rendered by ${owner}: two siblings have the same key. Keys must be unique among siblings; both children render, but which one keeps the old state is undefined.`,
    );
  }
}

function checkArrayKeys(parent: Fiber, array: readonly unknown[]): void {
  for (let i = 0; i < array.length; i++) {
    const child = array[i];
    if (isElement(child) && child.key === null) {
      const owner = componentName(parent) ?? "the root";
      warnOnce(
        `keys:${owner}`,
        `Each child in a list should have a unique "key": ${owner} rendered an array of elements without keys. Pass { key } (e.g. items.map((item) => Row({ key: item.id }, ...))) so rows keep their state and views when the list changes.`,
      );
      return;
    }
  }
}
