// Runs every test file under test/ with Node's own runner and tsx.
// Node 20's `--test` takes no globs, so the files are listed here.
// Extra arguments narrow the run: `npm test -- test/runtime`.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { ensureChromium } from "./ensure-chromium.mjs";

function collect(path, out) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) collect(join(path, name), out);
  } else if (/\.test\.tsx?$/.test(path)) {
    out.push(path);
  }
  return out;
}

const roots = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const flags = process.argv.slice(2).filter((a) => a.startsWith("-"));
const files = (roots.length ? roots : ["test"]).flatMap((root) => collect(root, []));
if (files.length === 0) {
  console.error("no test files found");
  process.exit(1);
}
// The web host's and the example app's tests drive the system Chromium.
if (files.some((file) => /(^|[\\/])test[\\/](e2e|hosts[\\/]web)[\\/]/.test(file))) ensureChromium();
// Inside the repo `typenative` resolves to the TypeScript sources (the
// "typenative-source" export condition); published consumers get dist/.
// NODE_OPTIONS carries the condition into every child process a test starts.
const NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --conditions=typenative-source`.trim();
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--import", "./test/setup.ts", "--test", "--test-concurrency=2", ...flags, ...files],
  { stdio: "inherit", env: { ...process.env, NODE_OPTIONS } },
);
process.exit(result.status ?? 1);
