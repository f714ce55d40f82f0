/**
 * Production bundles carry numbered errors (`scripts/error-codes.mjs`): a
 * test that proves a module is, or is not, in a bundle by finding one of its
 * error messages looks for the site's number instead of its sentence.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// @ts-expect-error: a plain .mjs script, without types.
import { collect } from "../../scripts/error-codes.mjs";

const repo = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");

interface Site {
  short: string;
  code: number | null;
  summary: string | null;
}

/**
 * The text a production bundle holds for the error in `file` (repo-relative)
 * whose summary comment contains `summary`: `typenative #12"` for a plain
 * message, `typenative #12: ` for one with varying parts — the closing quote
 * or colon keeps 12 from matching 120. The sites are read by the script
 * that numbers them, so the two agree on the format.
 */
export function productionError(file: string, summary: string): string {
  const site = (collect([join(repo, file)]) as Site[]).find((s) => s.code !== null && s.summary!.includes(summary));
  if (site === undefined) throw new Error(`no numbered error in ${file} whose summary contains ${JSON.stringify(summary)}`);
  return site.short.includes(`typenative #${site.code}: `) ? `typenative #${site.code}: ` : `typenative #${site.code}"`;
}
