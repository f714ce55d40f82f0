import type { Fiber, RootState } from "./fiber.js";
import { DELETED, EFFECTS_QUEUED, UNMOUNTED } from "./fiber.js";
import { contextSupport } from "./context-support.js";

/**
 * The state of the render in progress. Rendering is synchronous and never
 * re-entrant, so one module-level work state serves every root.
 *
 * Host operations that touch committed views are recorded here and applied
 * at commit; a failed render truncates them back to a savepoint, and the
 * undo log puts the fibers it mutated back as they were, so the last
 * committed tree stays both on screen and in the fiber tree.
 */

/** Op codes of the commit log; each op takes `OP_SIZE` slots. */
/** parentNode, childNode, beforeNode: a new view, or a kept one that moves (the host's `insertBefore` does both). */
export const OP_INSERT = 1;
export const OP_REMOVE = 3; // parentNode, fiber
export const OP_UPDATE = 4; // fiber, changes, full host props
export const OP_TEXT = 5; // node, text
export const OP_ANIMATE = 6; // fiber
/** parentNode: the `OP_REMOVE`s right after it take every child of that view, so a host may clear it in one call. */
export const OP_CLEAR = 7;
export const OP_SIZE = 4;

/** Flat op log: `[code, a, b, c, code, a, b, c, ...]`; no object per op on the hot path. */
export const ops: unknown[] = [];

/** Fibers with effects to run at commit, children before parents. */
export const effectList: Fiber[] = [];

/**
 * Undo log, `UNDO_SIZE` slots per entry: `[fiber, children, props, element, text, hostProps]`.
 * `children === null` marks a component fiber created by this render, which
 * a rollback marks unmounted instead of restoring.
 *
 * Its first `undoTop` slots are live. The array keeps its capacity from one
 * render to the next (the slots a render used are cleared when it ends, so
 * nothing stays reachable): a render of 10,000 components writes 180,000
 * slots, and regrowing them from an empty array every time allocated
 * megabytes of backing stores. Beyond `MAX_KEPT` slots the array is let go.
 */
const undo: unknown[] = [];
export const UNDO_SIZE = 6;
let undoTop = 0;
/** The highest `undoTop` of the render in progress: where its clearing stops. */
let undoHigh = 0;
const MAX_KEPT = 1 << 18;

/** The live length of the undo log, for a savepoint. */
export function undoLength(): number {
  return undoTop;
}

/** Drops the undo log's entries, keeping its capacity unless it grew past {@link MAX_KEPT}. */
function clearUndo(): void {
  if (undoHigh > MAX_KEPT) undo.length = 0;
  // A plain loop: `fill` was seen allocating a new backing store.
  else for (let i = 0; i < undoHigh; i++) undo[i] = null;
  undoTop = 0;
  undoHigh = 0;
}

let activeRoot: RootState | null = null;

/** The root being rendered; its host receives the render-phase calls. */
export function workRoot(): RootState {
  return activeRoot!;
}

export function beginWork(root: RootState): void {
  activeRoot = root;
  ops.length = 0;
  effectList.length = 0;
  clearUndo();
}

export function endWork(): void {
  activeRoot = null;
  clearUndo();
}

export interface Savepoint {
  ops: number;
  effects: number;
  undo: number;
}

export function savepoint(): Savepoint {
  return { ops: ops.length, effects: effectList.length, undo: undoTop };
}

/** Records `fiber` as it is, before the render changes it. */
export function remember(fiber: Fiber): void {
  const i = undoTop;
  // Index writes: appending where the array ends, overwriting (no allocation) below its kept length.
  undo[i] = fiber;
  undo[i + 1] = fiber.children;
  undo[i + 2] = fiber.props;
  undo[i + 3] = fiber.element;
  undo[i + 4] = fiber.text;
  undo[i + 5] = fiber.hostProps;
  undoTop = i + UNDO_SIZE;
  if (undoTop > undoHigh) undoHigh = undoTop;
}

/** Records a component fiber created by this render: a null `children` slot marks it (see {@link rollback}). */
export function rememberCreated(fiber: Fiber): void {
  remember(fiber);
  undo[undoTop - UNDO_SIZE + 1] = null;
}

/** Throws away everything the render did after `save`. */
export function rollback(save: Savepoint): void {
  for (let i = ops.length - OP_SIZE; i >= save.ops; i -= OP_SIZE) {
    if (ops[i] === OP_REMOVE) (ops[i + 2] as Fiber).flags &= ~DELETED;
  }
  ops.length = save.ops;
  for (let i = save.effects; i < effectList.length; i++) effectList[i]!.flags &= ~EFFECTS_QUEUED;
  effectList.length = save.effects;
  for (let i = undoTop - UNDO_SIZE; i >= save.undo; i -= UNDO_SIZE) {
    const fiber = undo[i] as Fiber;
    const children = undo[i + 1] as Fiber[] | null;
    if (children === null) {
      discard(fiber);
      continue;
    }
    fiber.children = children;
    for (let c = 0; c < children.length; c++) children[c]!.index = c;
    fiber.props = undo[i + 2] as Fiber["props"];
    fiber.element = undo[i + 3] as Fiber["element"];
    fiber.text = undo[i + 4] as string;
    fiber.hostProps = undo[i + 5] as Fiber["hostProps"];
  }
  // The slots above are cleared when the render ends.
  undoTop = save.undo;
}

/** A component that never got committed: make sure nothing can reach it again. */
function discard(fiber: Fiber): void {
  fiber.flags |= UNMOUNTED;
  // Links exist only through a context (context-support.ts).
  if (fiber.links !== null) contextSupport.current!.unlink(fiber);
}

/** A render error together with the fiber whose render threw it. */
export class RenderFailure {
  // `declare`d and assigned: parameter properties would also be emitted as class fields (bytes in every first load).
  declare readonly error: unknown;
  declare readonly fiber: Fiber;
  constructor(error: unknown, fiber: Fiber) {
    this.error = error;
    this.fiber = fiber;
  }
}

/** True while a render is in progress (a setter called now is a render-phase update). */
export function isRendering(): boolean {
  return activeRoot !== null;
}
