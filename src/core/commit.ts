import type { Fiber, RootState } from "./fiber.js";
import { COMPONENT, DIRTY, EFFECTS_QUEUED, UNMOUNTED, forEachHost } from "./fiber.js";
import { OP_ANIMATE, OP_CLEAR, OP_INSERT, OP_REMOVE, OP_SIZE, OP_TEXT, OP_UPDATE, effectList, ops } from "./work.js";
import { animatedStyles } from "./animated-support.js";
import { effectRunner } from "./effect-runner.js";
import { contextSupport } from "./context-support.js";
import type { Props } from "./host.js";

/**
 * Applies a finished render: the op log to the host in one batch, then the
 * effects in React's order (see `effects.ts`). Every payload was computed
 * while rendering; this file only applies.
 */
export function commitRoot(root: RootState): void {
  const host = root.host;
  const count = ops.length;
  // Null while no component has scheduled an effect: then none has a cleanup, an effect or a passive queue.
  const effects = effectRunner.current;
  if (count > 0) {
    // Removed subtrees' layout cleanups run while their views are still attached.
    if (effects !== null) for (let i = 0; i < count; i += OP_SIZE) if (ops[i] === OP_REMOVE) effects.removed(ops[i + 2] as Fiber);
    host.commitStart?.();
    // The view an OP_CLEAR emptied: the removals that follow it detach nothing more.
    let cleared: unknown = null;
    try {
      for (let i = 0; i < count; i += OP_SIZE) {
        const code = ops[i];
        const a = ops[i + 1];
        const b = ops[i + 2];
        const c = ops[i + 3];
        if (code !== OP_REMOVE) cleared = null;
        if (code === OP_INSERT) host.insertBefore(a as object, b as object, c as object | null);
        else if (code === OP_UPDATE) {
          const fiber = a as Fiber;
          host.updateProps(fiber.node!, fiber.type as string, b as Props, c as Props);
        } else if (code === OP_TEXT) host.setText(a as object, b as string);
        else if (code === OP_REMOVE) {
          if (a !== cleared) forEachHost(b as Fiber, detachView, host, a as object);
          unmountFiber(b as Fiber);
        } else if (code === OP_ANIMATE) {
          // Pushed only for a style holding an animated node, or a view following one: the support is installed.
          animatedStyles.current!.follow(a as Fiber);
        }
        else if (code === OP_CLEAR && host.clearChildren !== undefined && host.clearChildren(a as object, viewsRemovedFrom(a, i + OP_SIZE, count))) {
          cleared = a;
        }
      }
    } finally {
      ops.length = 0;
      host.commitEnd?.();
    }
  }
  if (effects === null) return;
  if (effectList.length === 0) {
    effects.schedule(root);
    return;
  }
  const fibers = effectList.slice();
  effectList.length = 0;
  for (let i = 0; i < fibers.length; i++) fibers[i]!.flags &= ~EFFECTS_QUEUED;
  effects.layout(root, fibers);
}

/** How many views the run of `OP_REMOVE`s of `parentNode` starting at `from` detaches. */
function viewsRemovedFrom(parentNode: unknown, from: number, count: number): number {
  views = 0;
  for (let i = from; i < count && ops[i] === OP_REMOVE && ops[i + 1] === parentNode; i += OP_SIZE) forEachHost(ops[i + 2] as Fiber, countView, null, null);
  return views;
}

/** Counted by {@link countView} (a module variable: the walk's callback closes over nothing). */
let views = 0;

function countView(): void {
  views++;
}

/** Detaches one top-level view of a removed fiber (see `forEachHost`). */
function detachView(host: RootState["host"], parentNode: object, node: object): void {
  host.removeChild(parentNode, node);
}

/**
 * Ends a subtree's life: owned tasks are cancelled, animated styles stop
 * following their values, setters and handlers go quiet. (Its effect
 * cleanups are run by `effects.ts`, in React's order.)
 */
function unmountFiber(fiber: Fiber): void {
  fiber.flags |= UNMOUNTED;
  fiber.flags &= ~DIRTY;
  if (fiber.unsubscribe !== null) {
    fiber.unsubscribe();
    fiber.unsubscribe = null;
  }
  if (fiber.kind === COMPONENT) fiber.scope?.close();
  // Links exist only through a context (context-support.ts).
  if (fiber.links !== null) contextSupport.current!.unlink(fiber);
  const children = fiber.children;
  for (let i = 0; i < children.length; i++) unmountFiber(children[i]!);
}
