import type { Props } from "./host.js";

/**
 * What the reconciler needs of an animated value (see `src/animated/`): a
 * current value and change notifications. Duck-typed so core never imports
 * the animation engine.
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
