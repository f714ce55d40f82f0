/**
 * "Pay only for what you use" in the data layer, checked on production
 * bundles built the way the size bench builds them (esbuild, code splitting,
 * NODE_ENV=production): what the page loads before the app runs — the entry
 * and the chunks it imports statically — carries no outbox queue, no
 * query-cache persister and no more of AsyncStorage than the app needs.
 */
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO as repo, splitBuild } from "../../bench/browser/site.js";
import { productionError } from "../helpers/error-codes.js";

const work = mkdtempSync(join(tmpdir(), "typenative-data-bundle-"));
after(() => rmSync(work, { recursive: true, force: true }));

const IMPORTS = `
import * as pn from ${JSON.stringify(join(repo, "src", "index.ts"))};
import { mount } from ${JSON.stringify(join(repo, "src", "hosts", "web", "index.ts"))};
`;

/** The react-query comparison app of the size bench: a counter, one query, one plain mutation. */
const QUERY_APP = `${IMPORTS}
const Counter = pn.component(function Counter() {
  const [count, setCount] = pn.useState(0);
  const user = pn.useQuery((signal) => pn.fetch("/api/users/1", { signal }).then((r) => r.json() as Promise<{ name: string }>), [], { key: ["user", 1] });
  const [, save] = pn.useMutation((n: number) => pn.fetch("/api/count", { method: "POST", body: String(n) }));
  return pn.Column(pn.Text(user.data?.name ?? "Loading…"), pn.Button(String(count), { onClick: () => { setCount((c) => c + 1); void save(count + 1); } }));
});
mount(Counter(), document.getElementById("root")!);
`;

/** The same app with a durable defined mutation: it must carry the outbox. */
const DURABLE_APP = QUERY_APP.replace(
  "const Counter =",
  `const saveCount = pn.defineMutation("saveCount", (n: number, { signal }: pn.DurableContext) => pn.fetch("/api/count", { method: "POST", body: String(n), signal }), { durable: true });
void pn.mutationQueue.resume();
const Counter =`,
).replace("pn.useMutation((n: number) => pn.fetch(\"/api/count\", { method: \"POST\", body: String(n) }))", "pn.useMutation(saveCount)");

/** The same app persisting its cache: the persister loads with the first persist() call. */
const PERSIST_APP = QUERY_APP.replace("mount(Counter()", "await pn.queryClient.persist();\nmount(Counter()");

/** The minimal app of the size bench. */
const MINIMAL_APP = `${IMPORTS}
const App = pn.component(function App() {
  const [n, setN] = pn.useState(0);
  return pn.Column(pn.Text(String(n)), pn.Button("Add", { onClick: () => setN((c) => c + 1) }));
});
mount(App(), document.getElementById("root")!);
`;

/** The minimal app using AsyncStorage itself: it carries all of it. */
const STORAGE_APP = MINIMAL_APP.replace("mount(App()", "void pn.AsyncStorage.setJson(\"k\", 1);\nmount(App()");

/** Text only the outbox's queue (src/data/outbox-queue.ts, loaded on first use) contains. */
const OUTBOX_PROBES = ["the mutation outbox in storage was not readable", "before pn.mutationQueue.resume()"];
/** The outbox's storage key: with `pn.mutationQueue` and the outbox of each runtime (src/data/outbox.ts), in the first load of an app that defines a mutation. */
const OUTBOX_FACADE_PROBES = ["typenative:mutation-outbox"];
/** Text only the query-cache persister (src/data/persist.ts) contains. */
const PERSISTER_PROBES = ["typenative:query-cache", "cannot be stored as JSON; it is not persisted", "queryClient.persist(options): storage."];
/** Text of the parts of AsyncStorage that persist()'s default storage (get, set, remove) does not need. */
const ASYNC_STORAGE_REST_PROBES = [
  productionError("src/platform/storage.ts", "AsyncStorage.setJson: not JSON"),
  productionError("src/platform/storage.ts", "AsyncStorage.subscribe: listener must be a function"),
  "AsyncStorage.configure",
];

/** Builds `source` and returns its first load (entry + chunks imported statically, transitively) and every chunk the page can load. */
async function bundle(name: string, source: string): Promise<{ first: string; all: string; persisterImports: string[] }> {
  const entry = join(work, `${name}.ts`);
  writeFileSync(entry, source);
  const { files, outputs } = await splitBuild(entry, join(work, `${name}-out`));
  let firstText = "";
  let allText = "";
  for (const file of files) {
    if (file.reachable) allText += file.text;
    if (file.firstLoad) firstText += file.text;
  }
  // What the persister's chunk imports statically: other chunks, shared with the entry.
  const persister = Object.keys(outputs).find((output) => outputs[output]!.entryPoint === "src/data/persist.ts");
  assert.ok(persister !== undefined, `${name}: no chunk for src/data/persist.ts`);
  const persisterImports = outputs[persister]!.imports.filter((imported) => imported.kind === "import-statement").map((imported) => imported.path);
  return { first: firstText, all: allText, persisterImports };
}

const found = (text: string, probes: string[]) => probes.filter((probe) => text.includes(probe));

const [query, durable, persisting, minimal, storage] = await Promise.all([
  bundle("query", QUERY_APP),
  bundle("durable", DURABLE_APP),
  bundle("persist", PERSIST_APP),
  bundle("minimal", MINIMAL_APP),
  bundle("storage", STORAGE_APP),
]);

describe("a production build with code splitting: the data layer's first load", () => {
  it("a useQuery + useMutation app carries neither the outbox nor the persister, nor most of AsyncStorage", () => {
    assert.deepEqual(found(query.first, [...OUTBOX_PROBES, ...OUTBOX_FACADE_PROBES]), [], "outbox code in the first load: mutation.ts must not import outbox.ts (see mutation-registry.ts)");
    assert.deepEqual(found(query.first, PERSISTER_PROBES), [], "persister code in the first load: QueryClient.persist must import persist.ts with import()");
    assert.deepEqual(found(query.first, ASYNC_STORAGE_REST_PROBES), [], "AsyncStorage in the first load: persist()'s default storage must reference only get/set/remove");
    assert.deepEqual(found(query.all, [...OUTBOX_PROBES, ...OUTBOX_FACADE_PROBES]), [], "nothing can load the outbox");
    assert.ok(found(query.all, PERSISTER_PROBES).length >= 2, "the persister is there, in a later chunk");
  });

  it("the probes find what they look for: a durable mutation brings the outbox (its queue on first use), persist() the persister", () => {
    assert.deepEqual(found(durable.first, OUTBOX_FACADE_PROBES), OUTBOX_FACADE_PROBES);
    assert.deepEqual(found(durable.first, OUTBOX_PROBES), [], "the queue is loaded by its first use, not before: outbox.ts must import outbox-queue.ts with import()");
    assert.deepEqual(found(durable.all, OUTBOX_PROBES), OUTBOX_PROBES);
    assert.deepEqual(found(persisting.first, PERSISTER_PROBES), [], "loaded by the persist() call, not before");
    assert.deepEqual(found(persisting.all, PERSISTER_PROBES), PERSISTER_PROBES);
    assert.deepEqual(found(storage.first, ASYNC_STORAGE_REST_PROBES), ASYNC_STORAGE_REST_PROBES);
  });

  it("a minimal app carries no AsyncStorage, and the persister's chunk shares no module with its entry", () => {
    assert.deepEqual(found(minimal.first, [...ASYNC_STORAGE_REST_PROBES, "AsyncStorage.set:", "memoryStorage:"]), []);
    assert.deepEqual(found(minimal.first, PERSISTER_PROBES), []);
    // persist.ts imports no values: were it to share a module with the entry
    // (the runtime, say), esbuild would move that module to a chunk of its
    // own, which every app's entry would then load — whether it persists or not.
    assert.deepEqual(minimal.persisterImports, []);
    assert.deepEqual(query.persisterImports, []);
  });
});
