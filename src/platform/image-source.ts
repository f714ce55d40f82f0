/**
 * Which `Image` sources a host may load, decided once for every host.
 *
 * The decision is made on the URL as the platform's own parser reads it,
 * never on the text: that parser drops leading spaces and control
 * characters and removes tabs and newlines anywhere, so `" javascript:…"`
 * and `"java\tscript:…"` are `javascript:` URLs although the text does not
 * start with that scheme. Framework-free: the web host and any native or
 * bridged host call {@link resolveImageSource} before loading anything.
 */

/** Schemes an `Image` may load by default. `data:` only with an `image/*` type. */
export const IMAGE_PROTOCOLS: readonly string[] = Object.freeze(["http:", "https:", "blob:", "data:"]);

/** What a host does with an `Image`'s `source` prop. */
export type ImageSourceDecision =
  /** No source (`undefined`, `null`, `""`): show no image. */
  | { readonly action: "clear" }
  /** Load exactly `uri`: the parsed URL's `href` (or, with no base, a relative reference). */
  | { readonly action: "load"; readonly uri: string }
  /** Refused: show no image and report `error` (a `TypeError`) through `runtime.onError`. */
  | { readonly action: "refuse"; readonly error: TypeError };

/** Options of {@link resolveImageSource}. */
export interface ImageSourceOptions {
  /**
   * The URL relative sources resolve against (`document.baseURI` on the
   * web). With a base the decision is on the resolved URL and `uri` is its
   * `href`. Without one, a relative reference is returned as the parser
   * would read it (tabs and newlines removed, ends trimmed), for a host that
   * resolves it against its own assets.
   */
  base?: string;
  /** Allowed schemes, with the colon; default {@link IMAGE_PROTOCOLS}. A file-based host may add `"file:"`. */
  protocols?: readonly string[];
}

const CLEAR: ImageSourceDecision = Object.freeze({ action: "clear" });

/** What the URL parser removes before anything else: ASCII tab and newlines anywhere... */
const TAB_OR_NEWLINE = /[\t\n\r]/g;
/** ...and C0 controls and spaces at either end. */
const EDGE_CONTROLS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
/** ASCII whitespace at either end, which a data: URL's media type ignores. */
const ASCII_SPACE_EDGES = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;
/** A MIME type's `type/subtype`, as `image/png` or `image/svg+xml`. */
const IMAGE_MIME = /^image\/[a-z0-9!#$&^_.+-]+$/;
/** A base for telling relative references from invalid text when the host gives none. */
const PROBE_BASE = "http://relative.invalid/";

/**
 * Decides what a host does with an `Image`'s `source` prop (a URI string or
 * `{ uri }`): load a URL whose parsed scheme is on the allow-list, clear the
 * image for an empty source, or refuse anything else with a `TypeError` the
 * host reports.
 *
 * @example
 * ```ts
 * const decision = resolveImageSource(props.source, { base: document.baseURI });
 * if (decision.action === "load") img.src = decision.uri;
 * else {
 *   img.removeAttribute("src");
 *   if (decision.action === "refuse") runtime.reportError(decision.error, { source: "host" });
 * }
 * ```
 */
export function resolveImageSource(source: unknown, options: ImageSourceOptions = {}): ImageSourceDecision {
  const uri = typeof source === "object" && source !== null ? (source as { uri?: unknown }).uri : source;
  if (uri === undefined || uri === null || uri === "") return CLEAR;
  if (typeof uri !== "string") return refuse(String(uri), "is not a string");
  const protocols = options.protocols ?? IMAGE_PROTOCOLS;

  let url: URL;
  if (options.base !== undefined) {
    const parsed = parse(uri, options.base);
    if (parsed === null) return refuse(uri, `is not a valid URL relative to ${options.base}`);
    url = parsed;
  } else {
    const absolute = parse(uri);
    if (absolute === null) {
      // No scheme of its own: a relative reference the host resolves itself.
      if (parse(uri, PROBE_BASE) === null) return refuse(uri, "is not a valid URL");
      return { action: "load", uri: uri.replace(TAB_OR_NEWLINE, "").replace(EDGE_CONTROLS, "") };
    }
    url = absolute;
  }

  const protocol = url.protocol; // lower-cased by the parser
  if (!protocols.includes(protocol)) {
    return refuse(uri, `has the scheme ${protocol} (allowed: ${protocols.join(" ")})`);
  }
  if (protocol === "data:") {
    const type = dataMediaType(url.pathname);
    if (!IMAGE_MIME.test(type)) return refuse(uri, `is a data: URL of type ${JSON.stringify(type)}, not an image`);
  }
  return { action: "load", uri: url.href };
}

/**
 * The media type of a data: URL's body (`image/png` from
 * `image/png;base64,…`), trimmed and lower-cased as the fetch standard's
 * data: URL processor reads it.
 */
function dataMediaType(path: string): string {
  const comma = path.indexOf(",");
  const head = comma === -1 ? path : path.slice(0, comma);
  const semicolon = head.indexOf(";");
  return (semicolon === -1 ? head : head.slice(0, semicolon)).replace(ASCII_SPACE_EDGES, "").toLowerCase();
}

function parse(uri: string, base?: string): URL | null {
  try {
    return new URL(uri, base);
  } catch {
    return null;
  }
}

function refuse(uri: string, why: string): ImageSourceDecision {
  const shown = JSON.stringify(uri.length > 80 ? `${uri.slice(0, 80)}…` : uri);
  return { action: "refuse", error: new TypeError(`Image source ${shown} ${why}; it was not loaded`) };
}
