/**
 * What the example app uses only after start-up loads with `import()` on
 * first use. It fades its list in with `Animated.timing`: its first load
 * (the entry and the chunks it imports statically, built the way the size
 * bench builds it) carries timing but not spring, decay or the
 * compositions; it asks `pn.Alert.confirm`/`choose` and `pn.Camera` when a
 * button is pressed: the presenting side of alerts, `confirm`, `choose` and
 * the camera calls are not in it either, nor what a mutation call runs,
 * nor the navigators' moves. Each loads from a chunk that shares no module
 * with the entry (a shared module would be split off into a chunk of its
 * own that the entry loads too, and compress worse).
 */
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO as repo, splitBuild } from "../../bench/browser/site.js";

const work = mkdtempSync(join(tmpdir(), "typenative-first-use-bundle-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** Text only the deferred animations contain (spring.ts, decay.ts, composition.ts). */
const DEFERRED_PROBES = ["restDisplacementThreshold", "deceleration must be", "Animated.loop(animation, options)", "Animated.sequence(animations)"];
/** Text only the deferred platform calls contain (alert-calls.ts, camera-calls.ts). */
const PLATFORM_PROBES = ["this host has no alert presenter", "appears twice", "is also the cancel label", "this host has no camera", "The camera service answered"];
/** Text only the mutation outbox's queue contains (outbox-queue.ts); `resume()` loads it after the first render. */
const OUTBOX_PROBES = ["the mutation outbox in storage was not readable", "before pn.mutationQueue.resume()"];
/** Text only what a started mutation call runs contains (mutation-calls.ts); the first `mutate(...)` loads it. */
const MUTATION_PROBES = ["the arguments must be JSON", "a durable definition must come from pn.defineMutation"];
/**
 * Explanations that only the development build's errors carry (production
 * throws the same error types with a short message): each from the source
 * file named with it.
 */
const DEV_MESSAGE_PROBES: Array<[file: string, probe: string]> = [
  ["src/platform/fetch.ts", "scheme is not supported (use http:"],
  ["src/platform/storage.ts", "(use setJson for other values)"],
  ["src/animated/interpolate.ts", "colors as #hex or rgb/rgba"],
  ["src/animated/easing.ts", "a function (t) => number, or Easing.bezier"],
  ["src/data/mutation.ts", "(...args) => promise or a pn.defineMutation"],
  ["src/navigation/state.ts", "is not one of its screens"],
  ["src/data/query-key.ts", "(keys are compared as JSON)"],
  ["src/data/query-options.ts", "fetcher must be a function (signal) => data"],
  ["src/data/query-options.ts", "must be a number of milliseconds ≥ 0 or false"],
  ["src/navigation/state.ts", "must be an object { index, routes }"],
  ["src/animated/timing.ts", "options with a numeric `to` are required"],
  ["src/components/args.ts", "(...children, props?): a props object must come first or last"],
];
/** Text of `Animated.timing`, which the example uses. */
const TIMING_PROBES = ["Animated.timing(value, options)"];

const { files, outputs } = await splitBuild(join(repo, "examples", "app", "main.ts"), join(work, "out"));
const first = files.filter((file) => file.firstLoad).map((file) => file.text).join("\n");
const all = files.filter((file) => file.reachable).map((file) => file.text).join("\n");
const found = (text: string, probes: string[]) => probes.filter((probe) => text.includes(probe));
/** The source modules in the first load's chunks (from esbuild's metafile). */
const firstLoadModules = new Set(files.filter((file) => file.firstLoad).flatMap((file) => Object.keys(outputs[file.path]?.inputs ?? {})));

describe("a production build of the example app: what loads on first use", () => {
  it("carries timing, not spring, decay or the compositions", () => {
    assert.deepEqual(found(first, TIMING_PROBES), TIMING_PROBES);
    assert.deepEqual(found(first, DEFERRED_PROBES), [], "deferred animation code in the first load: src/animated/index.ts must take them from lazy.ts");
    assert.deepEqual(found(all, DEFERRED_PROBES), DEFERRED_PROBES, "they are there, in a later chunk");
  });

  it("carries neither the alert presenting side nor the camera calls", () => {
    assert.deepEqual(found(first, PLATFORM_PROBES), [], "deferred platform code in the first load: alert.ts and camera.ts must import their calls with import()");
    assert.deepEqual(found(all, PLATFORM_PROBES), PLATFORM_PROBES);
  });

  it("does not carry the mutation outbox's queue", () => {
    assert.deepEqual(found(first, OUTBOX_PROBES), [], "the outbox queue in the first load: outbox.ts must import outbox-queue.ts with import()");
    assert.deepEqual(found(all, OUTBOX_PROBES), OUTBOX_PROBES);
  });

  it("does not carry what a started mutation call runs", () => {
    assert.deepEqual(found(first, MUTATION_PROBES), [], "mutation-calls.ts in the first load: mutation.ts must import it with import()");
    assert.deepEqual(found(all, MUTATION_PROBES), MUTATION_PROBES);
  });

  it("does not carry a mutation call's outcome handling nor the outbox's holding of early durable calls: the first mutate(...) loads them", () => {
    assert.ok(firstLoadModules.has("src/data/mutation.ts") && firstLoadModules.has("src/data/outbox.ts"), "the probe finds the mutations the example renders");
    const chunk = Object.keys(outputs).find((output) => outputs[output]!.entryPoint === "src/data/mutation-calls.ts");
    assert.ok(chunk !== undefined, "no chunk for mutation-calls.ts");
    assert.ok(Object.keys(outputs[chunk]!.inputs).includes("src/data/outbox-submit.ts"), "outbox-submit.ts comes in mutation-calls.ts's chunk");
    assert.equal(firstLoadModules.has("src/data/outbox-submit.ts"), false, "outbox-submit.ts in the first load: only mutation-calls.ts may import it");
    // The callbacks are called by name only in mutation-calls.ts (`callback(host, "onSettled", [...])`).
    assert.deepEqual(found(first, ['"onSettled",[']), [], "a mutation's callbacks are called from the first load");
    assert.deepEqual(found(all, ['"onSettled",[']), ['"onSettled",[']);
  });

  it("does not carry a list's scroll handling: its list renders before anything scrolls", () => {
    assert.ok(firstLoadModules.has("src/components/flat-list.ts"), "the probe finds the FlatList the example renders");
    assert.equal(firstLoadModules.has("src/components/list-scroll.ts"), false, "list-scroll.ts in the first load: flat-list.ts must import it with import() only");
    assert.ok(files.some((file) => file.reachable && Object.keys(outputs[file.path]?.inputs ?? {}).includes("src/components/list-scroll.ts")), "it is there, in a later chunk");
  });

  it("does not carry the navigators' moves, following a URL among them: no app navigates before its first render", () => {
    assert.ok(firstLoadModules.has("src/navigation/navigator.ts"), "the probe finds the navigation the example renders");
    for (const module of ["src/navigation/actions.ts", "src/data/mutation-calls.ts", "src/platform/alert-calls.ts", "src/components/list-scroll.ts", "src/platform/fetch-body.ts"]) {
      assert.equal(firstLoadModules.has(module), false, `${module} in the first load: it must be imported with import() only`);
    }
  });

  it("throws short production messages: the development explanations are left out", () => {
    for (const [file, probe] of DEV_MESSAGE_PROBES) assert.ok(readFileSync(join(repo, file), "utf8").includes(probe), `${probe} is not in ${file}`);
    assert.deepEqual(DEV_MESSAGE_PROBES.filter(([, probe]) => all.includes(probe)), [], "wrap the long message in `/* @__PURE__ */ isDev() && process.env.NODE_ENV !== \"production\" ? … : …`");
  });

  it("does not carry a query's triggers (focus, reconnect, polling, the stale timer): its queries hear none before the first screen", () => {
    assert.ok(firstLoadModules.has("src/data/query-observer.ts"), "the probe finds the queries the example renders");
    assert.equal(firstLoadModules.has("src/data/query-triggers.ts"), false, "query-triggers.ts in the first load: query-observer.ts must import it with import() only");
    assert.ok(files.some((file) => file.reachable && Object.keys(outputs[file.path]?.inputs ?? {}).includes("src/data/query-triggers.ts")), "it is there, in a later chunk");
  });

  it("loads each from a chunk that imports nothing of the first load", () => {
    const firstLoad = new Set(files.filter((file) => file.firstLoad).map((file) => file.path));
    for (const entry of ["src/animated/deferred.ts", "src/platform/alert-calls.ts", "src/platform/camera-calls.ts", "src/data/outbox-queue.ts", "src/data/mutation-calls.ts", "src/navigation/actions.ts", "src/components/list-scroll.ts", "src/platform/fetch-body.ts", "src/platform/persisted-writes.ts", "src/data/query-triggers.ts"]) {
      const chunk = Object.keys(outputs).find((output) => outputs[output]!.entryPoint === entry);
      assert.ok(chunk !== undefined, `no chunk for ${entry}`);
      const imports = outputs[chunk]!.imports.map((imported) => imported.path);
      assert.deepEqual(imports.filter((path) => firstLoad.has(path)), [], `${entry} must import types only from the first load's modules: see src/platform/deferred.ts`);
    }
    for (const entry of ["src/animated/deferred.ts", "src/data/outbox-queue.ts", "src/data/mutation-calls.ts", "src/navigation/actions.ts", "src/components/list-scroll.ts", "src/platform/fetch-body.ts", "src/platform/persisted-writes.ts", "src/data/query-triggers.ts"]) {
      const chunk = Object.keys(outputs).find((output) => outputs[output]!.entryPoint === entry)!;
      assert.deepEqual(outputs[chunk]!.imports, [], `${entry} imports nothing at all`);
    }
  });

  it("does not carry usePersistedState's write side: its first screen only loads stored values", () => {
    assert.ok(firstLoadModules.has("src/platform/persisted-state.ts"), "the probe finds the usePersistedState the example renders");
    for (const module of ["src/platform/persisted-writes.ts", "src/platform/ordered-writes.ts"]) {
      assert.equal(firstLoadModules.has(module), false, `${module} in the first load: persisted-state.ts must import it with import() only`);
      assert.ok(files.some((file) => file.reachable && Object.keys(outputs[file.path]?.inputs ?? {}).includes(module)), `${module} is there, in a later chunk`);
    }
  });

  it("keeps abortable() out of the first load: the alert and camera calls share it in a chunk of their own", () => {
    assert.ok(firstLoadModules.has("src/platform/kit.ts"), "the probe finds the platform kit the example's alerts load with");
    assert.equal(firstLoadModules.has("src/platform/abortable.ts"), false, "abortable.ts in the first load: only alert-calls.ts and camera-calls.ts may import it");
    const shared = files.filter((file) => file.reachable && !file.firstLoad && Object.keys(outputs[file.path]?.inputs ?? {}).includes("src/platform/abortable.ts"));
    assert.equal(shared.length, 1, "one later chunk carries it");
  });
});
