/**
 * The search the feature modules (press, pull-to-refresh, modal Escape) make
 * for the view an event is for. It lives with them, in the feature chunk
 * (features.ts), not in flags.ts: only they use it, and the DOM host's own
 * delegated listeners walk up the tree in their own way. It reads the flags
 * through the host's `flagsOf`, passed in (`FeatureContext`), so that it
 * imports no value of the first chunk.
 */
import type { FeatureContext } from "./flags.js";

/** The innermost view from `target` up with one of `bits`, or null (also when that view is disabled). */
export function nearest(host: FeatureContext, target: EventTarget | null, bits: number): Element | null {
  for (let node = target as Node | null; node !== null; node = node.parentNode) {
    if (host.flagsOf(node) & bits) return (node as Element).getAttribute("aria-disabled") === "true" ? null : (node as Element);
  }
  return null;
}
