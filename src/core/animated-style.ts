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
  if (typeof style !== "object" || style === null) return style;
  const source = style as Props;
  let out: Props | null = null;
  for (const key in source) {
    const v = source[key];
    if (isAnimatedNode(v)) {
      out ??= { ...source };
      out[key] = resolveValue(v);
    } else if (key === "transform" && Array.isArray(v)) {
      const resolved = resolveTransform(v);
      if (resolved !== v) (out ??= { ...source })[key] = resolved;
    }
  }
  return out ?? style;
}

function resolveValue(v: AnimatedNode): unknown {
  return v.value;
}

/** `transform: [{ translateX: anim }, { scale: 2 }]` is animated item by item. */
function resolveTransform(list: unknown[]): unknown[] {
  let out: unknown[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item !== "object" || item === null) continue;
    for (const key in item as Props) {
      const v = (item as Props)[key];
      if (isAnimatedNode(v)) {
        out ??= list.slice();
        out[i] = { ...(out[i] as Props), [key]: resolveValue(v) };
      }
    }
  }
  return out ?? list;
}

/** Every animated value a style depends on, including inside `transform`. */
export function animatedNodesOf(style: unknown): AnimatedNode[] {
  const found: AnimatedNode[] = [];
  if (typeof style !== "object" || style === null) return found;
  for (const key in style as Props) {
    const v = (style as Props)[key];
    if (isAnimatedNode(v)) found.push(v);
    else if (key === "transform" && Array.isArray(v)) {
      for (const item of v) {
        if (typeof item !== "object" || item === null) continue;
        for (const k in item as Props) if (isAnimatedNode((item as Props)[k])) found.push((item as Props)[k] as AnimatedNode);
      }
    }
  }
  return found;
}
