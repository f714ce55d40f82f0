import type { Props } from "./host.js";
import type { Fiber } from "./fiber.js";
import { HOST, UNMOUNTED } from "./fiber.js";
import { animatedStyles, type AnimatedStyles } from "./animated-support.js";

/**
 * What the reconciler needs of an animated value (see `src/animated/`): a
 * current value and change notifications. Duck-typed so core never imports
 * the animation engine; the engine's nodes install this file's walk when
 * the first of them is made ({@link installAnimatedStyles}).
 */
export interface AnimatedNode {
  readonly value: unknown;
  addListener(listener: (value: unknown) => void): () => void;
}

export function isAnimatedNode(value: unknown): value is AnimatedNode {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { addListener?: unknown }).addListener === "function" &&
    "value" in value
  );
}

/** A style with every animated value replaced by its current value (the same object when none is animated). */
export function resolveStyle(style: unknown): unknown {
  return walkStyle(style, null);
}

/** Every animated value a style depends on, including inside `transform`. */
export function animatedNodesOf(style: unknown): AnimatedNode[] {
  const found: AnimatedNode[] = [];
  walkStyle(style, found);
  return found;
}

/**
 * One walk for both: returns `style` with its animated values replaced by
 * their current values (copying only what changes), and pushes each onto
 * `found` when given. `transform: [{ translateX: anim }, { scale: 2 }]` is
 * animated item by item.
 */
function walkStyle(style: unknown, found: AnimatedNode[] | null): unknown {
  if (typeof style !== "object" || style === null) return style;
  const source = style as Props;
  let out: Props | null = null;
  for (const key in source) {
    const v = source[key];
    if (isAnimatedNode(v)) {
      found?.push(v);
      (out ??= { ...source })[key] = v.value;
    } else if (key === "transform" && Array.isArray(v)) {
      let list: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item !== "object" || item === null) continue;
        for (const name in item as Props) {
          const node = (item as Props)[name];
          if (!isAnimatedNode(node)) continue;
          found?.push(node);
          list ??= v.slice();
          list[i] = { ...(list[i] as Props), [name]: node.value };
        }
      }
      if (list !== null) (out ??= { ...source })[key] = list;
    }
  }
  return out ?? style;
}

/**
 * Subscribes a host view to the animated values in its style, so each change
 * writes the new style straight to the host: no component re-renders. Drops
 * the previous subscription first (a new style, or an unmount).
 */
function followAnimatedStyle(fiber: Fiber): void {
  if (fiber.unsubscribe !== null) {
    fiber.unsubscribe();
    fiber.unsubscribe = null;
  }
  if (fiber.flags & UNMOUNTED || fiber.kind !== HOST) return;
  const nodes = animatedNodesOf(fiber.props.style);
  if (nodes.length === 0) return;
  const host = fiber.root.host;
  const write = (): void => {
    if (fiber.flags & UNMOUNTED) return;
    const style = resolveStyle(fiber.props.style);
    const props: Props = { ...fiber.hostProps, style };
    host.updateProps(fiber.node!, fiber.type as string, { style }, props);
  };
  const unsubscribers = nodes.map((node) => node.addListener(write));
  fiber.unsubscribe = () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

const support: AnimatedStyles = { resolve: resolveStyle, nodesOf: animatedNodesOf, follow: followAnimatedStyle };

/**
 * Plugs animated styles into the reconciler (see `animated-support.ts`).
 * Called by every animated node's constructor: a node exists before any
 * style can hold it, so the reconciler always sees one it can follow.
 */
export function installAnimatedStyles(): void {
  animatedStyles.current = support;
}
