/**
 * Production bundles carry numbered errors (`scripts/error-codes.mjs`): a
 * test that proves a module is, or is not, in a bundle by finding one of its
 * error messages looks for the site's number instead of its sentence.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
const SITE = /\/\*\s*([\s\S]*?)\s*\*\/\s*["`]typenative #(\d+)(:?)/g;

/**
 * The text a production bundle holds for the error in `file` (repo-relative)
 * whose summary comment contains `summary`: `typenative #12"` for a
 * plain message, `typenative #12: ` for one with varying parts — the
 * closing quote or colon keeps 12 from matching 120.
 */
export function productionError(file: string, summary: string): string {
  const text = readFileSync(join(repo, file), "utf8");
  for (const match of text.matchAll(SITE)) {
    if (match[1]!.includes(summary)) return match[3] === ":" ? `typenative #${match[2]}: ` : `typenative #${match[2]}"`;
  }
  throw new Error(`no numbered error in ${file} whose summary contains ${JSON.stringify(summary)}`);
}
