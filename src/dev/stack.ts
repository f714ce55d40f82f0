/**
 * Maps a browser stack trace of the dev bundle (and its patches) back to the
 * project's source files, with Node's own source map reader.
 */
import { SourceMap } from "node:module";
import { isAbsolute, relative, resolve } from "node:path";

/** Bundle URL path (`/app.js`, `/__typenative/patch-3.js`) → its source map, as served. */
export class StackMapper {
  private maps = new Map<string, { map: SourceMap; dir: string }>();

  constructor(private readonly root: string) {}

  /** Remembers the map of a bundle served at `path`; `dir` is where the map's `sources` are relative to. */
  add(path: string, mapText: string, dir: string): void {
    if (mapText === "") return;
    try {
      this.maps.set(path, { map: new SourceMap(JSON.parse(mapText) as never), dir });
    } catch {
      // A map that does not parse only costs the mapping.
    }
  }

  /** Forgets the map of a bundle no longer served. */
  forget(path: string): void {
    this.maps.delete(path);
  }

  /**
   * Rewrites every `http://host/bundle.js:line:column` in `stack` to
   * `src/file.ts:line:column` (project-relative); frames it cannot map stay.
   */
  map(stack: string): string {
    return stack.replace(/\(?(https?:\/\/[^\s()]+?):(\d+):(\d+)\)?/g, (whole: string, url: string, line: string, column: string) => {
      let path: string;
      try {
        path = new URL(url).pathname;
      } catch {
        return whole;
      }
      const entry = this.maps.get(path);
      if (entry === undefined) return whole;
      const found = entry.map.findEntry(Number(line) - 1, Number(column) - 1) as {
        originalSource?: string; originalLine?: number; originalColumn?: number;
      };
      if (found.originalSource === undefined || found.originalLine === undefined) return whole;
      const source = found.originalSource.startsWith("file://") ? new URL(found.originalSource).pathname : resolve(entry.dir, found.originalSource);
      const rel = relative(this.root, source);
      const shown = rel.startsWith("..") || isAbsolute(rel) ? source : rel;
      const at = `${shown}:${found.originalLine + 1}:${(found.originalColumn ?? 0) + 1}`;
      return whole.startsWith("(") ? `(${at})` : at;
    });
  }
}
