#!/usr/bin/env node
/**
 * The `typenative` command.
 *
 *   typenative create <dir>          a new app in <dir>
 *   typenative dev [entry]           the dev server, with fast refresh
 *   typenative build [entry]         the production bundle in dist/
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { PACKAGE_ROOT, UsageError } from "../dev/project.js";

const USAGE = `Usage:
  typenative create <dir>                  create a new app in <dir>
  typenative dev [entry] [--port N] [--host H]
                                           serve the app with fast refresh (entry: src/main.ts)
  typenative build [entry] [--out-dir D]   production bundle (default dist/)
  typenative --version`;

/** Splits `args` into positionals and `--name value` / `--name=value` options. */
function parse(args: string[], known: string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}\n\n${USAGE}`);
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return { positional, flags };
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    console.log(USAGE);
    return;
  }
  if (command === "--version" || command === "-v") {
    console.log((JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version);
    return;
  }
  if (command === "create") {
    const { positional } = parse(rest, []);
    if (positional.length !== 1) throw new UsageError(`typenative create takes one folder, e.g. typenative create my-app\n\n${USAGE}`);
    const { createApp } = await import("./create.js");
    const { dir } = createApp(positional[0]!, process.env.TYPENATIVE_CREATE_DEPENDENCY ? { typenative: process.env.TYPENATIVE_CREATE_DEPENDENCY } : {});
    const shown = relative(process.cwd(), dir) || ".";
    console.log(`\n  Created ${dir}\n\n  cd ${shown}\n  npm install && npm run dev   # the app, with fast refresh\n  npm install && npm test      # its test\n`);
    return;
  }
  if (command === "dev") {
    const { positional, flags } = parse(rest, ["port", "host"]);
    if (positional.length > 1) throw new UsageError(`typenative dev takes at most one entry\n\n${USAGE}`);
    const wanted = Number(flags.get("port") ?? process.env.PORT ?? 5173);
    if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) throw new UsageError(`--port must be a port number, got ${flags.get("port") ?? process.env.PORT}`);
    const { startDevServer } = await import("../dev/server.js");
    let server: Awaited<ReturnType<typeof startDevServer>> | null = null;
    for (let port = wanted; server === null; port++) {
      try {
        server = await startDevServer({ ...(positional[0] !== undefined ? { entry: positional[0] } : {}), ...(flags.has("host") ? { host: flags.get("host")! } : {}), port });
      } catch (error) {
        const busy = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
        if (!busy || port - wanted >= 20 || wanted === 0) throw error;
      }
    }
    console.log(`\n  typenative dev  →  ${server.url}\n\n  Edit a component and save: it updates in place. Ctrl+C stops.\n`);
    const running = server;
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void running.close().then(() => process.exit(0)));
    return;
  }
  if (command === "build") {
    const { positional, flags } = parse(rest, ["out-dir"]);
    if (positional.length > 1) throw new UsageError(`typenative build takes at most one entry\n\n${USAGE}`);
    const { buildApp } = await import("../dev/build.js");
    const started = performance.now();
    const files = await buildApp({ ...(positional[0] !== undefined ? { entry: positional[0] } : {}), ...(flags.has("out-dir") ? { outDir: flags.get("out-dir")! } : {}) });
    for (const file of files) console.log(`  ${file.path.padEnd(28)} ${(file.bytes / 1024).toFixed(1).padStart(8)} kB  (gzip ${(file.gzip / 1024).toFixed(1)} kB)`);
    console.log(`  built in ${Math.round(performance.now() - started)} ms`);
    return;
  }
  throw new UsageError(`unknown command ${command}\n\n${USAGE}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(error.message);
  else if ((error as { errors?: unknown[] }).errors !== undefined) console.error(`Build failed:\n${(error as Error).message}`);
  else console.error(error);
  process.exitCode = 1;
});
