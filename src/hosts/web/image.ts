/**
 * An `Image`'s `source` on the web, loaded by the DOM host the first time a
 * view has one (see lazy.ts and features.ts): the source checks (`image-source.ts`) are only
 * in the bundle of an app that shows images. Setting `src` a moment after
 * the view is created changes nothing visible: images load asynchronously.
 */
import type { Runtime } from "../../runtime/runtime.js";
import { resolveImageSource } from "../../platform/image-source.js";

/**
 * Sets `el`'s `src` to `value` when allowed, decided on the URL as the
 * browser parses it against the document's base. A refused source is
 * reported to `runtime`: the runtime that was rendering when the prop was set.
 */
export function setImageSource(el: HTMLImageElement, value: unknown, runtime: Runtime): void {
  const decision = resolveImageSource(value, { base: el.ownerDocument.baseURI });
  if (decision.action === "load") {
    el.src = decision.uri;
  } else {
    el.removeAttribute("src");
    if (decision.action === "refuse") runtime.reportError(decision.error, { source: "host" });
  }
}
