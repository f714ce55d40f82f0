import { isElement, type Element } from "./element.js";
import type { Fiber } from "./fiber.js";
import { DELETED, HOST, ROOT, TEXT, firstHost, hostParentOf, nextHostAfter } from "./fiber.js";
import { OP_INSERT, OP_MOVE, OP_REMOVE, ops } from "./work.js";
import { mountItem, updateItem } from "./reconcile.js";

/** A child after flattening: an element or a text. */
export type Item = Element | string;

/**
 * Flattens what a render returned into a list of elements and texts.
 * Nested arrays flatten; `null`, `undefined` and booleans render nothing.
 */
export function flattenChildren(raw: unknown, out: Item[]): Item[] {
  if (raw === null || raw === undefined || typeof raw === "boolean") return out;
  if (typeof raw === "string") out.push(raw);
  else if (typeof raw === "number" || typeof raw === "bigint") out.push(String(raw));
  else if (Array.isArray(raw)) for (let i = 0; i < raw.length; i++) flattenChildren(raw[i], out);
  else if (isElement(raw)) out.push(raw);
  else if (typeof raw === "function") throw new TypeError("Functions are not valid as a child; did you mean to call a component factory?");
  else throw new TypeError(`Objects are not valid as a child (found ${Object.prototype.toString.call(raw)}); wrap data in pn.Text(...)`);
  return out;
}

/** The key an item is matched by: its explicit key, else its position. */
export function keyOf(item: Item, index: number): string | number {
  return typeof item === "string" ? index : (item.key ?? index);
}

function matches(fiber: Fiber, item: Item, index: number): boolean {
  if (fiber.key !== keyOf(item, index)) return false;
  return typeof item === "string" ? fiber.kind === TEXT : fiber.kind !== TEXT && fiber.type === item.type;
}

/** Creates fibers for a new parent's children; their views are attached by the caller. */
export function mountChildren(parent: Fiber, raw: unknown): void {
  // One child (a Text's string, a row's element) is the common case: no
  // intermediate list for it.
  if (typeof raw === "string" || isElement(raw)) {
    parent.children = [mountItem(raw, parent, 0)];
    return;
  }
  if (raw === null || raw === undefined || typeof raw === "boolean") return;
  const items = flattenChildren(raw, []);
  const next: Fiber[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) next[i] = mountItem(items[i]!, parent, i);
  parent.children = next;
}

/**
 * Diffs a committed parent's children against new items, emitting the fewest
 * host operations: common prefix and suffix are matched in place; the rest
 * goes through a key map, and only when a real reorder shows up does a
 * longest-increasing-subsequence pass pick which views stay, so a swap of two
 * rows costs two moves and the no-move case allocates no LIS.
 *
 * The caller must have called `remember(parent)` first.
 */
export function reconcileChildren(parent: Fiber, raw: unknown): void {
  const items = flattenChildren(raw, []);
  const old = parent.children;
  const newLen = items.length;
  const oldLen = old.length;
  if (newLen === 0 && oldLen === 0) return;
  const hostNode = parent.kind === HOST || parent.kind === ROOT ? parent.node! : hostParentOf(parent).node!;
  const next: Fiber[] = new Array(newLen);

  let start = 0;
  while (start < newLen && start < oldLen && matches(old[start]!, items[start]!, start)) {
    next[start] = updateItem(old[start]!, items[start]!);
    start++;
  }
  let oldEnd = oldLen - 1;
  let newEnd = newLen - 1;
  while (oldEnd >= start && newEnd >= start && matches(old[oldEnd]!, items[newEnd]!, newEnd)) {
    next[newEnd] = updateItem(old[oldEnd]!, items[newEnd]!);
    oldEnd--;
    newEnd--;
  }

  if (start > oldEnd) {
    // Only insertions between the matched prefix and suffix.
    if (start <= newEnd) {
      const anchor = anchorFrom(parent, next, newEnd + 1);
      for (let j = start; j <= newEnd; j++) {
        const fiber = mountItem(items[j]!, parent, j);
        next[j] = fiber;
        placeHosts(OP_INSERT, hostNode, fiber, anchor);
      }
    }
  } else if (start > newEnd) {
    // Only removals.
    for (let i = start; i <= oldEnd; i++) remove(hostNode, old[i]!);
  } else {
    reconcileMiddle(parent, hostNode, old, items, next, start, oldEnd, newEnd);
  }

  parent.children = next;
  for (let i = 0; i < newLen; i++) next[i]!.index = i;
}

function reconcileMiddle(
  parent: Fiber,
  hostNode: object,
  old: Fiber[],
  items: Item[],
  next: Fiber[],
  start: number,
  oldEnd: number,
  newEnd: number,
): void {
  const keyToOld = new Map<string | number, number>();
  for (let i = start; i <= oldEnd; i++) keyToOld.set(old[i]!.key!, i);
  const count = newEnd - start + 1;
  // sources[k] = old index reused at new position start + k, or -1 for a new fiber.
  const sources = new Int32Array(count).fill(-1);
  let moved = false;
  let lastOld = -1;
  for (let j = start; j <= newEnd; j++) {
    const item = items[j]!;
    const key = keyOf(item, j);
    const oi = keyToOld.get(key);
    if (oi !== undefined && matches(old[oi]!, item, j)) {
      keyToOld.delete(key);
      sources[j - start] = oi;
      if (oi < lastOld) moved = true;
      else lastOld = oi;
      next[j] = updateItem(old[oi]!, item);
    } else {
      next[j] = mountItem(item, parent, j);
    }
  }
  // Whatever was not reused goes; marking first keeps anchors off dying views.
  for (const oi of keyToOld.values()) old[oi]!.flags |= DELETED;

  const stay = moved ? longestIncreasing(sources) : null;
  let s = stay === null ? -1 : stay.length - 1;
  let anchor = anchorFrom(parent, next, newEnd + 1);
  for (let j = newEnd; j >= start; j--) {
    const fiber = next[j]!;
    const k = j - start;
    if (sources[k] === -1) placeHosts(OP_INSERT, hostNode, fiber, anchor);
    else if (stay !== null) {
      if (s >= 0 && stay[s] === k) s--;
      else placeHosts(OP_MOVE, hostNode, fiber, anchor);
    }
    const first = firstHost(fiber);
    if (first !== null) anchor = first;
  }
  for (const oi of keyToOld.values()) remove(hostNode, old[oi]!);
}

/** The first view at or after `next[from]`, else whatever follows the parent's views. */
function anchorFrom(parent: Fiber, next: Fiber[], from: number): object | null {
  for (let i = from; i < next.length; i++) {
    const node = firstHost(next[i]!);
    if (node !== null) return node;
  }
  return parent.kind === HOST || parent.kind === ROOT ? null : nextHostAfter(parent);
}

/** Records an insert/move for each top-level view of `fiber`, in order; recursion instead of a scratch list keeps this allocation-free. */
function placeHosts(code: number, hostNode: object, fiber: Fiber, before: object | null): void {
  if (fiber.kind === HOST || fiber.kind === TEXT) {
    ops.push(code, hostNode, fiber.node, before);
    return;
  }
  const children = fiber.children;
  for (let i = 0; i < children.length; i++) placeHosts(code, hostNode, children[i]!, before);
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
