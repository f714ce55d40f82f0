/**
 * What the `typenative` command needs to know about the project and itself:
 * where this package lives, which entry to build, and esbuild (a
 * development dependency of the app, not of typenative).
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** The typenative package's folder (src/dev/ or dist/dev/ → ../..). */
export const PACKAGE_ROOT = resolve(here, "..", "..");
/**
 * Running from the TypeScript sources (inside this repo): bundles resolve
 * `typenative` to the sources too, through the package's
 * "typenative-source" export condition. From dist/, none.
 */
export const SOURCE_CONDITIONS: string[] = fileURLToPath(import.meta.url).endsWith(".ts") ? ["typenative-source"] : [];

const DEFAULT_ENTRIES = ["src/main.ts", "src/main.tsx", "src/index.ts", "src/index.tsx", "main.ts", "index.ts"];

/** The absolute path of the app's browser entry; throws a message that says what to do. */
export function findEntry(root: string, entry?: string): string {
  if (entry !== undefined) {
    const path = resolve(root, entry);
    if (!existsSync(path)) throw new UsageError(`entry ${entry} not found (looked for ${path})`);
    return path;
  }
  for (const candidate of DEFAULT_ENTRIES) {
    const path = join(root, candidate);
    if (existsSync(path)) return path;
  }
  throw new UsageError(`no entry given and none of ${DEFAULT_ENTRIES.join(", ")} exists in ${root}; pass one: typenative dev path/to/main.ts`);
}

/** An error whose message is the whole story (the CLI prints it without a stack). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The esbuild module, loaded from the project by {@link loadEsbuild}. */
export type Esbuild = typeof import("esbuild");

/** Loads esbuild from the project (or this package's own development install). */
export async function loadEsbuild(command: string): Promise<Esbuild> {
  try {
    return (await import("esbuild")) as Esbuild;
  } catch {
    throw new UsageError(`${command} needs esbuild: npm install --save-dev esbuild`);
  }
}
