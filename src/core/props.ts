import type { Props } from "./host.js";
import { animatedStyles } from "./animated-support.js";

/**
 * The only place that decides what a host sees of an element's props:
 * `children` is dropped (the reconciler owns them), animated style values
 * are replaced by their current numbers, and handlers (`on*` props) become
 * `true`. Hosts only learn *that* a view listens; `emit` reads the current
 * handler from the fiber when the event fires, so a fresh closure on each
 * render costs no host operation (and, across a bridge, no message).
 */
export function hostProps(props: Props): Props {
  const out: Props = {};
  for (const name in props) {
    if (name === "children") continue;
    const value = props[name];
    if (isHandlerName(name)) {
      if (typeof value === "function") out[name] = true;
    } else out[name] = name === "style" ? resolveStyle(value) : value;
  }
  return out;
}

/** `onClick`, `onChange`, ...: "on" followed by an upper-case letter. Char codes keep this allocation-free. */
export function isHandlerName(name: string): boolean {
  if (name.length < 3 || name.charCodeAt(0) !== 111 || name.charCodeAt(1) !== 110) return false;
  const c = name.charCodeAt(2);
  return c >= 65 && c <= 90;
}

/**
 * The changed keys between two element props objects, as the host sees them
 * (`undefined` for removed keys), or null when nothing a host sees changed.
 * Styles compare key by key, so a fresh but equal style object costs no
 * host update; handlers compare by presence only.
 */
export function diffProps(prev: Props, next: Props): Props | null {
  let changes: Props | null = null;
  for (const name in next) {
    if (name === "children") continue;
    const value = next[name];
    const old = prev[name];
    if (Object.is(value, old)) continue;
    if (isHandlerName(name)) {
      const listening = typeof value === "function";
      if (listening !== (typeof old === "function")) (changes ??= {})[name] = listening ? true : undefined;
      continue;
    }
    if (name === "style" && sameStyle(old, value)) continue;
    (changes ??= {})[name] = name === "style" ? resolveStyle(value) : value;
  }
  for (const name in prev) {
    if (name === "children" || name in next) continue;
    if (isHandlerName(name) && typeof prev[name] !== "function") continue;
    (changes ??= {})[name] = undefined;
  }
  return changes;
}

/** The host's full props after `changes`: a new object, so the previous one stays valid for a rollback. */
export function applyChanges(prev: Props, changes: Props): Props {
  const out: Props = {};
  for (const name in prev) if (!(name in changes)) out[name] = prev[name];
  for (const name in changes) {
    const value = changes[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
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
  const animated = animatedStyles.current;
  return animated !== null && animated.nodesOf(props.style).length > 0;
}

/** A style as the host sees it: animated values resolved, once an animated node exists (see `animated-support.ts`). */
function resolveStyle(style: unknown): unknown {
  const animated = animatedStyles.current;
  return animated === null ? style : animated.resolve(style);
}
