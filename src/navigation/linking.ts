import { routeKey, type NavigationState, type Route } from "./state.js";

/**
 * URL paths for screens, as React Navigation's `linking`:
 * `{ prefixes: ["https://app.example"], config: { screens: { Home: "", Detail: "post/:id" } } }`.
 * A nested navigator's screens nest: `{ Main: { screens: { Feed: "feed" } } }`.
 */
export interface LinkingOptions {
  prefixes?: string[];
  config: { screens: ScreenPaths };
}

export type ScreenPaths = { [name: string]: string | { path?: string; screens: ScreenPaths } };

/**
 * The path of the focused screen (`/post/7`), or undefined when it has no
 * path in `config`. Params named in the pattern fill it; the others are
 * not in the URL.
 */
export function pathFromState(state: NavigationState, linking: LinkingOptions): string | undefined {
  const segments: string[] = [];
  let screens: ScreenPaths | undefined = linking.config.screens;
  let current: NavigationState | undefined = state;
  while (current !== undefined && screens !== undefined) {
    const route: Route | undefined = current.routes[current.index];
    if (route === undefined) return undefined;
    const entry: ScreenPaths[string] | undefined = screens[route.name];
    if (entry === undefined) return undefined;
    const pattern = typeof entry === "string" ? entry : entry.path ?? "";
    const filled = fill(pattern, route.params);
    if (filled === undefined) return undefined;
    if (filled !== "") segments.push(filled);
    screens = typeof entry === "string" ? undefined : entry.screens;
    current = route.state;
  }
  return "/" + segments.join("/");
}

/**
 * The state a path opens: the matching screen on top of the navigator's
 * first screen (so back goes somewhere), or undefined when nothing matches.
 */
export function stateFromPath(path: string, linking: LinkingOptions): NavigationState | undefined {
  let clean = path;
  for (const prefix of linking.prefixes ?? []) if (clean.startsWith(prefix)) clean = clean.slice(prefix.length);
  const parts = clean.split(/[?#]/)[0]!.split("/").filter((p) => p !== "").map(decodeSegment);
  return match(parts, linking.config.screens);
}

/**
 * A path segment as text. The address bar can hold anything, and a
 * malformed escape (`/post/%E0%A4`) would make `decodeURIComponent` throw
 * while mounting or following the back button: such a segment is kept as
 * typed, so it matches a `:param` (raw) or nothing.
 */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function match(parts: string[], screens: ScreenPaths): NavigationState | undefined {
  const names = Object.keys(screens);
  for (const name of names) {
    const entry = screens[name]!;
    const pattern = typeof entry === "string" ? entry : entry.path ?? "";
    const patternParts = pattern.split("/").filter((p) => p !== "");
    if (patternParts.length > parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < patternParts.length; i++) {
      const p = patternParts[i]!;
      if (p.startsWith(":")) params[p.slice(1)] = parts[i]!;
      else if (p !== parts[i]) ok = false;
    }
    if (!ok) continue;
    const rest = parts.slice(patternParts.length);
    let nested: NavigationState | undefined;
    if (typeof entry !== "string") {
      nested = match(rest, entry.screens);
      if (nested === undefined && rest.length > 0) continue;
    } else if (rest.length > 0) continue;
    const route: Route = {
      key: routeKey(name),
      name,
      ...(Object.keys(params).length > 0 ? { params: coerce(params) } : {}),
      ...(nested !== undefined ? { state: nested } : {}),
    };
    const first = names[0]!;
    // A deep link opens on top of the first screen, so there is somewhere to go back to.
    if (name !== first && typeof screens[first] === "string") {
      return { type: "stack", index: 1, routes: [{ key: routeKey(first), name: first }, route] };
    }
    return { type: "stack", index: 0, routes: [route] };
  }
  return undefined;
}

/**
 * Numeric path params come back as numbers, so `{ id: 7 }` survives a round
 * trip. Only a number's own spelling: `007`, `1.50` or an id past 2^53 would
 * come back as another number (and another URL), so they stay text.
 */
function coerce(params: Record<string, string>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key in params) {
    const value = params[key]!;
    out[key] = /^-?\d+(\.\d+)?$/.test(value) && String(+value) === value ? +value : value;
  }
  return out;
}

function fill(pattern: string, params: unknown): string | undefined {
  const record = (typeof params === "object" && params !== null ? params : {}) as Record<string, unknown>;
  const parts = pattern.split("/").filter((p) => p !== "");
  const out: string[] = [];
  for (const part of parts) {
    if (!part.startsWith(":")) {
      out.push(part);
      continue;
    }
    const value = record[part.slice(1)];
    if (value === undefined || value === null) return undefined;
    out.push(encodeURIComponent(String(value)));
  }
  return out.join("/");
}
