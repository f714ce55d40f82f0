/**
 * The example app fades its list in with `Animated.timing`: its first load
 * (the entry and the chunks it imports statically, built the way the size
 * bench builds it) carries timing but not spring, decay or the
 * compositions, which load with `import()` on first use — from a chunk that
 * shares no module with the entry (a shared module would be split off into
 * a chunk of its own that the entry loads too, and compress worse).
 */
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO as repo, splitBuild } from "../../bench/browser/site.js";

const work = mkdtempSync(join(tmpdir(), "typenative-animated-bundle-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** Text only the deferred animations contain (spring.ts, decay.ts, composition.ts). */
const DEFERRED_PROBES = ["restDisplacementThreshold", "deceleration must be", "Animated.loop(animation, options)", "Animated.sequence(animations)"];
/** Text of `Animated.timing`, which the example uses. */
const TIMING_PROBES = ["Animated.timing(value, options)"];

const { files, outputs } = await splitBuild(join(repo, "examples", "app", "main.ts"), join(work, "out"));
const first = files.filter((file) => file.firstLoad).map((file) => file.text).join("\n");
const all = files.map((file) => file.text).join("\n");
const found = (text: string, probes: string[]) => probes.filter((probe) => text.includes(probe));

describe("a production build of the example app: the Animated engine's first load", () => {
  it("carries timing, not spring, decay or the compositions", () => {
    assert.deepEqual(found(first, TIMING_PROBES), TIMING_PROBES);
    assert.deepEqual(found(first, DEFERRED_PROBES), [], "deferred animation code in the first load: src/animated/index.ts must take them from lazy.ts");
    assert.deepEqual(found(all, DEFERRED_PROBES), DEFERRED_PROBES, "they are there, in a later chunk");
  });

  it("loads them from a chunk that imports nothing", () => {
    const deferred = Object.keys(outputs).find((output) => outputs[output]!.entryPoint === "src/animated/deferred.ts");
    assert.ok(deferred !== undefined, "no chunk for src/animated/deferred.ts");
    assert.deepEqual(outputs[deferred]!.imports, [], "deferred.ts (and spring, decay, composition) must import types only: see src/animated/kit.ts");
  });
});
