/**
 * `typenative create <dir>`: writes a new app into an empty (or new) folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { PACKAGE_ROOT, UsageError } from "../dev/project.js";
import { templateFiles } from "./template.js";

export interface CreateOptions {
  /** The `typenative` dependency written to package.json. Default `^<this version>`. */
  typenative?: string;
  /** The package name. Default: the folder's name. */
  name?: string;
}

/** Development dependencies of the new app, at the versions typenative itself is tested with. */
const DEV_DEPENDENCIES = ["@types/node", "esbuild", "tsx", "typescript"];

/**
 * The problem with `name` as an npm package name, or null when it is fine:
 * lower case, URL-safe, at most 214 characters, not starting with `.` or `_`.
 */
export function packageNameProblem(name: string): string | null {
  if (name.length === 0) return "it is empty";
  if (name.length > 214) return "it is longer than 214 characters";
  if (name !== name.toLowerCase()) return "it has upper-case letters";
  if (/^[._]/.test(name)) return "it starts with . or _";
  if (name.trim() !== name || /\s/.test(name)) return "it has spaces";
  if (!/^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/.test(name)) return "only a-z, 0-9, -, ., _ and ~ are allowed (and one @scope/)";
  if (["node_modules", "favicon.ico", "typenative"].includes(name)) return `${name} is reserved`;
  return null;
}

/** Creates the app; returns the absolute folder and the files written. */
export function createApp(dir: string, options: CreateOptions = {}): { dir: string; files: string[] } {
  if (dir.trim() === "") throw new UsageError("typenative create: give the new app's folder, e.g. typenative create my-app");
  const target = resolve(dir);
  const name = options.name ?? basename(target);
  const problem = packageNameProblem(name);
  if (problem !== null) {
    throw new UsageError(`typenative create: "${name}" cannot be a package name: ${problem}. Pick a folder name like my-app.`);
  }
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new UsageError(`typenative create: ${target} exists and is not a folder`);
    const entries = readdirSync(target).filter((entry) => entry !== ".git");
    if (entries.length > 0) {
      throw new UsageError(`typenative create: ${target} is not empty (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}); pick a new folder`);
    }
  }
  const own = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string; devDependencies?: Record<string, string> };
  const devDependencies: Record<string, string> = {};
  for (const dep of DEV_DEPENDENCIES) devDependencies[dep] = own.devDependencies?.[dep] ?? "latest";
  const files = templateFiles({ name, typenative: options.typenative ?? `^${own.version}`, devDependencies });
  try {
    mkdirSync(target, { recursive: true });
    for (const [path, contents] of Object.entries(files)) {
      mkdirSync(dirname(join(target, path)), { recursive: true });
      writeFileSync(join(target, path), contents, { flag: "wx" });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`typenative create: could not write ${target}: ${code === "EACCES" ? "permission denied" : (error as Error).message}`);
  }
  return { dir: target, files: Object.keys(files) };
}
