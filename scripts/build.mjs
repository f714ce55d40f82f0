// `npm run build` (and `npm pack`, through `prepack`): compiles src/ to dist/
// with tsc (ESM .js, .d.ts, declaration maps, source maps), then copies the
// hand-written JavaScript that tsc does not emit: the bridge files shared
// with the GJS program (each .js with its .d.ts) and the GTK host's GJS
// program, which `typenative/gtk` finds next to its own index.js.
import { cpSync, chmodSync, existsSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const started = performance.now();

rmSync(dist, { recursive: true, force: true });
// typescript's `exports` hides bin/tsc from require.resolve: find the package, then its bin.
const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit", cwd: root });
if (result.status !== 0) process.exit(result.status ?? 1);

const copied = [];
for (const dir of ["hosts/bridge", "hosts/gtk"]) {
  for (const name of readdirSync(join(root, "src", dir))) {
    if (!name.endsWith(".js") && !name.endsWith(".d.ts")) continue;
    cpSync(join(root, "src", dir, name), join(dist, dir, name));
    copied.push(`${dir}/${name}`);
  }
}
const cli = join(dist, "cli", "index.js");
if (existsSync(cli)) chmodSync(cli, 0o755);
console.log(`dist/ built in ${Math.round(performance.now() - started)} ms (${copied.length} hand-written files copied)`);
