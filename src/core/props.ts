import type { Props } from "./host.js";
import { animatedNodesOf, resolveStyle } from "./animated-style.js";

/**
 * The only place that decides what a host sees of an element's props:
 * `children` is dropped (the reconciler owns them) and animated style values
 * are replaced by their current numbers.
 */
export function hostProps(props: Props): Props {
  const out: Props = {};
  for (const name in props) {
    if (name === "children") continue;
    const value = props[name];
    out[name] = name === "style" ? resolveStyle(value) : value;
  }
  return out;
}

/**
 * The changed keys between two props objects (`undefined` for removed keys),
 * or null when nothing a host sees changed. Styles compare key by key, so a
 * fresh but equal style object costs no host update.
 */
export function diffProps(prev: Props, next: Props): Props | null {
  let changes: Props | null = null;
  for (const name in next) {
    if (name === "children") continue;
    const value = next[name];
    const old = prev[name];
    if (Object.is(value, old)) continue;
    if (name === "style" && sameStyle(old, value)) continue;
    (changes ??= {})[name] = name === "style" ? resolveStyle(value) : value;
  }
  for (const name in prev) {
    if (name === "children" || name in next) continue;
    (changes ??= {})[name] = undefined;
  }
  return changes;
}

function sameStyle(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const x = a as Props;
  const y = b as Props;
  let count = 0;
  for (const key in x) {
    if (!Object.is(x[key], y[key])) return false;
    count++;
  }
  for (const _ in y) count--;
  return count === 0;
}

/** True when `style` holds at least one animated value, so the host view must follow it between renders. */
export function hasAnimatedStyle(props: Props): boolean {
  return animatedNodesOf(props.style).length > 0;
}
