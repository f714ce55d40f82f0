// Makes sure the system Chromium the browser tests drive is installed.
// Never downloads a browser build: on a machine without /usr/bin/chromium it
// installs Debian's `chromium` package with apt when running as root, and
// otherwise stops with a one-line instruction.
// `TYPENATIVE_CHROMIUM=/path/to/chromium` points the tests at another binary.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";

export const CHROMIUM_PATH = process.env.TYPENATIVE_CHROMIUM ?? "/usr/bin/chromium";

/** Returns the Chromium path, installing it first when possible; exits the process otherwise. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  if (isRoot && hasApt && !process.env.TYPENATIVE_CHROMIUM) {
    console.error(`[ensure-chromium] ${CHROMIUM_PATH} is missing; installing Debian's chromium with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    for (const args of [["update"], ["install", "-y", "chromium"]]) {
      const run = spawnSync("apt-get", args, { stdio: "inherit", env });
      if (run.status !== 0) {
        console.error(`[ensure-chromium] apt-get ${args.join(" ")} failed (exit ${run.status}).`);
        process.exit(1);
      }
    }
    if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
    console.error(`[ensure-chromium] apt-get installed chromium, but ${CHROMIUM_PATH} is still missing.`);
    process.exit(1);
  }
  console.error(
    `Browser tests need Chromium at ${CHROMIUM_PATH}: run \`sudo apt-get install -y chromium\` (or set TYPENATIVE_CHROMIUM to a Chromium binary), then run the tests again.`,
  );
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(ensureChromium());
}
