/**
 * Data-layer benchmark: typenative's framework-free query cache
 * (`QueryClient` + `QueryObserver` from `src/data`) vs TanStack's
 * `@tanstack/query-core` v5 (`QueryClient` + `QueryObserver`), driven through
 * one small adapter per side so both do the same calls in the same order.
 *
 * Settings that would make the two do different work are set alike:
 * - entries are kept forever on both: TanStack's default `gcTime` under Node
 *   (no `window`) is `Infinity`, so typenative's client gets
 *   `cacheTime: Infinity`; neither side arms garbage-collection timers;
 * - no retries (both defaults here; no fetcher fails anyway);
 * - TanStack's `structuralSharing` is off (typenative has none), so neither
 *   deep-compares data on write. It is set with `setQueryDefaults(["item"])`,
 *   not with the client's `defaultOptions`: any client-level
 *   `defaultOptions.queries` makes every `setQueryData` about 3.5× slower in
 *   V8 (measured while writing this bench), and we want TanStack at its best.
 * Observer listeners are called synchronously by both at the end of their
 * notify batch (TanStack's scheduler only defers `batchCalls` wrappers,
 * which a raw `subscribe` does not use), so each case checks, right after the
 * timed region, that every listener saw what it had to see.
 *
 * Each sample builds a fresh client, sets up untimed, forces a GC, times the
 * operation, verifies the outcome and clears the client.
 */
import * as tq from "@tanstack/query-core";
import { runtime } from "../src/runtime/runtime.js";
import { QueryClient as TnClient, QueryObserver as TnObserver } from "../src/data/index.js";
import { Samples, fmtMs, fmtRatio, gc, nextTurn, now, ratioSpread, scaled, table, type BenchOptions } from "./harness.js";

/** What every key holds: which key, which write. */
interface Item {
  readonly key: number;
  readonly version: number;
}

type Fetcher = () => Promise<Item>;
type Listener = (data: Item | undefined) => void;

interface Watch {
  /** The data the observer's current result shows. */
  data(): Item | undefined;
  unsubscribe(): void;
}

/** The calls a case makes, implemented by both libraries. */
interface Client {
  /** Creates an observer of `key` and subscribes `listener` to it. */
  observe(key: number, fetcher: Fetcher, staleTime: number, listener: Listener): Watch;
  setData(key: number, data: Item): void;
  getData(key: number): Item | undefined;
  /** Invalidates one key, or every `["item", …]` key with `"all"`, and resolves once the refetches settle. */
  invalidate(key: number | "all"): Promise<void>;
  dispose(): void;
}

export interface Side {
  readonly name: string;
  createClient(): Client;
}

const typenative: Side = {
  name: "typenative",
  createClient() {
    const client = new TnClient({ cacheTime: Infinity });
    return {
      observe(key, fetcher, staleTime, listener) {
        const observer = new TnObserver<Item>(client, { key: ["item", key], fetcher, staleTime });
        const unsubscribe = observer.subscribe((result) => listener(result.data));
        return { data: () => observer.getResult().data, unsubscribe };
      },
      setData: (key, data) => void client.setData(["item", key], data),
      getData: (key) => client.getData<Item>(["item", key]),
      invalidate: (key) => client.invalidate(key === "all" ? ["item"] : ["item", key]),
      dispose: () => client.clear(),
    };
  },
};

const tanstack: Side = {
  name: "tanstack",
  createClient() {
    const client = new tq.QueryClient();
    client.setQueryDefaults(["item"], { structuralSharing: false });
    return {
      observe(key, fetcher, staleTime, listener) {
        const observer = new tq.QueryObserver<Item>(client, { queryKey: ["item", key], queryFn: fetcher, staleTime });
        const unsubscribe = observer.subscribe((result) => listener(result.data));
        return { data: () => observer.getCurrentResult().data, unsubscribe };
      },
      setData: (key, data) => void client.setQueryData(["item", key], data),
      getData: (key) => client.getQueryData<Item>(["item", key]),
      invalidate: (key) => client.invalidateQueries({ queryKey: key === "all" ? ["item"] : ["item", key] }),
      dispose: () => client.clear(),
    };
  },
};

// ---------------------------------------------------------------------------
// The world a case runs in: a client, keys, observers and what they saw.

const KEYS = 100;

export class World {
  readonly client: Client;
  /** Version the server would return next, per key. */
  readonly serverVersion = new Int32Array(KEYS);
  fetches = 0;
  notifications = 0;
  readonly watches: Watch[] = [];
  /** Per observer: the last data its listener received. */
  readonly seen: Array<Item | undefined> = [];
  /** Observers whose listener has received data at least once. */
  arrivals = 0;
  private waiter: { count: number; resolve: () => void } | null = null;

  constructor(side: Side) {
    this.client = side.createClient();
  }

  /** A resolved fetcher for `key`: every call is one request returning the next version. */
  fetcherFor(key: number): Fetcher {
    return () => {
      this.fetches++;
      return Promise.resolve({ key, version: ++this.serverVersion[key]! });
    };
  }

  seed(version: number): void {
    for (let k = 0; k < KEYS; k++) {
      this.client.setData(k, { key: k, version });
      this.serverVersion[k] = version;
    }
  }

  /** `count` observers, observer i on key i % KEYS. */
  observeAll(count: number, staleTime: number): void {
    for (let i = 0; i < count; i++) {
      const key = i % KEYS;
      const slot = this.watches.length;
      this.seen.push(undefined);
      this.watches.push(
        this.client.observe(key, this.fetcherFor(key), staleTime, (data) => {
          if (data !== undefined && this.seen[slot] === undefined) this.arrivals++;
          this.seen[slot] = data;
          this.notifications++;
          const waiter = this.waiter;
          if (waiter !== null && this.arrivals >= waiter.count) {
            this.waiter = null;
            waiter.resolve();
          }
        }),
      );
    }
  }

  /** Resolves once `count` observers have been notified of data. */
  arrived(count: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.arrivals >= count) resolve();
      else this.waiter = { count, resolve };
    });
  }
}

function check(ok: boolean, side: string, op: string, why: string): void {
  if (!ok) throw new Error(`query bench: ${side} got "${op}" wrong: ${why}`);
}

/** Every observer's result and last notification show `version` of its own key. */
function checkObservers(w: World, side: string, op: string, expected: (key: number) => number, notifiedToo: boolean): void {
  for (let i = 0; i < w.watches.length; i++) {
    const key = i % KEYS;
    const want = expected(key);
    const data = w.watches[i]!.data();
    check(data !== undefined && data.key === key && data.version === want, side, op, `observer ${i} shows ${JSON.stringify(data)}, expected version ${want} of key ${key}`);
    if (notifiedToo) {
      const seen = w.seen[i];
      check(seen !== undefined && seen.key === key && seen.version === want, side, op, `observer ${i} was last notified of ${JSON.stringify(seen)}, expected version ${want}`);
    }
  }
}

// ---------------------------------------------------------------------------
// Cases. `setup` is untimed; `run` is timed (awaited when async); `verify` checks the outcome.

export interface Case {
  readonly name: string;
  readonly iterations: number;
  setup(w: World): void | Promise<void>;
  run(w: World): void | Promise<void>;
  verify(w: World, side: string): void;
}

export const CASES: readonly Case[] = [
  {
    name: "subscribe 1,000 observers to 100 cached keys",
    iterations: 30,
    setup: (w) => w.seed(1),
    run: (w) => w.observeAll(1000, Infinity),
    verify(w, side) {
      check(w.fetches === 0, side, this.name, `${w.fetches} fetches for fresh data`);
      checkObservers(w, side, this.name, () => 1, false);
    },
  },
  {
    name: "mount 1,000 observers on 100 empty keys (fetch, dedupe, notify)",
    iterations: 30,
    setup: () => {},
    async run(w) {
      // Done when every observer has been told its data arrived.
      const arrived = w.arrived(1000);
      w.observeAll(1000, 0);
      await arrived;
    },
    verify(w, side) {
      check(w.fetches === KEYS, side, this.name, `${w.fetches} fetches, expected one per key (${KEYS})`);
      checkObservers(w, side, this.name, () => 1, true);
    },
  },
  {
    name: "setData ×1,000 on keys with 10 observers each",
    iterations: 30,
    setup(w) {
      w.seed(1);
      w.observeAll(1000, Infinity);
      w.notifications = 0;
    },
    run(w) {
      for (let i = 0; i < 1000; i++) {
        const key = i % KEYS;
        w.client.setData(key, { key, version: 2 + Math.floor(i / KEYS) });
      }
    },
    verify(w, side) {
      check(w.notifications === 10_000, side, this.name, `${w.notifications} listener calls, expected 10,000`);
      checkObservers(w, side, this.name, () => 11, true);
    },
  },
  {
    name: "setData ×10,000, no observers",
    iterations: 30,
    setup: (w) => w.seed(1),
    run(w) {
      for (let i = 0; i < 10_000; i++) {
        const key = i % KEYS;
        w.client.setData(key, { key, version: 2 + Math.floor(i / KEYS) });
      }
    },
    verify(w, side) {
      for (let k = 0; k < KEYS; k++) {
        const data = w.client.getData(k);
        check(data !== undefined && data.version === 101, side, this.name, `key ${k} holds ${JSON.stringify(data)}`);
      }
    },
  },
  {
    name: "invalidate + refetch 1 key (10 observers), ×100 awaited",
    iterations: 20,
    setup(w) {
      w.seed(1);
      w.observeAll(1000, Infinity);
    },
    async run(w) {
      for (let k = 0; k < KEYS; k++) await w.client.invalidate(k);
    },
    verify(w, side) {
      check(w.fetches === KEYS, side, this.name, `${w.fetches} fetches, expected ${KEYS}`);
      checkObservers(w, side, this.name, () => 2, true);
    },
  },
  {
    name: "invalidate 100 keys at once + refetch all",
    iterations: 20,
    setup(w) {
      w.seed(1);
      w.observeAll(1000, Infinity);
    },
    run: (w) => w.client.invalidate("all"),
    verify(w, side) {
      check(w.fetches === KEYS, side, this.name, `${w.fetches} fetches, expected ${KEYS}`);
      checkObservers(w, side, this.name, () => 2, true);
    },
  },
];

export const SIDES: readonly Side[] = [typenative, tanstack];

export async function sample(side: Side, c: Case): Promise<number> {
  const w = new World(side);
  try {
    await c.setup(w);
    await nextTurn();
    w.fetches = 0;
    gc();
    const t0 = now();
    const pending = c.run(w);
    if (pending !== undefined) await pending;
    const ms = now() - t0;
    c.verify(w, side.name);
    return ms;
  } finally {
    w.client.dispose();
  }
}

export interface QueryCaseResult {
  name: string;
  bySide: Record<string, Samples>;
}

export async function runQuery(options: BenchOptions, log: (line: string) => void = () => {}): Promise<QueryCaseResult[]> {
  // Any error typenative's runtime reports during the bench is a bench failure, not noise.
  const previous = runtime.onError;
  const reported: unknown[] = [];
  runtime.onError = (error) => void reported.push(error);
  try {
    const results: QueryCaseResult[] = CASES.map((c) => ({ name: c.name, bySide: Object.fromEntries(SIDES.map((s) => [s.name, new Samples()])) }));
    for (const c of CASES) {
      const n = Math.max(2, Math.min(10, scaled(c.iterations, options.scale) >> 1));
      for (let i = 0; i < n; i++) for (const side of SIDES) await sample(side, c);
    }
    for (let round = 0; round < options.rounds; round++) {
      log(`query: round ${round + 1}/${options.rounds}`);
      for (let ci = 0; ci < CASES.length; ci++) {
        const c = CASES[ci]!;
        const result = results[ci]!;
        for (const side of SIDES) result.bySide[side.name]!.startRound();
        const n = scaled(c.iterations, options.scale);
        for (let i = 0; i < n; i++) {
          const order = i % 2 === 0 ? SIDES : [SIDES[1]!, SIDES[0]!];
          for (const side of order) result.bySide[side.name]!.add(await sample(side, c));
        }
      }
      if (reported.length > 0) throw new Error(`query bench: typenative reported ${reported.length} error(s), first: ${String(reported[0])}`);
    }
    return results;
  } finally {
    runtime.onError = previous;
  }
}

export function formatQuery(results: readonly QueryCaseResult[]): string {
  const rows: string[][] = [["operation", "typenative ms", "tanstack ms", "ratio tn/tanstack", "ratio range over rounds"]];
  const ratios: number[] = [];
  for (const r of results) {
    const tn = r.bySide.typenative!;
    const ts = r.bySide.tanstack!;
    const ratio = tn.median() / ts.median();
    ratios.push(ratio);
    const [lo, hi] = ratioSpread(tn, ts);
    rows.push([r.name, fmtMs(tn.median()), fmtMs(ts.median()), fmtRatio(ratio), `${fmtRatio(lo)}–${fmtRatio(hi)}`]);
  }
  const geomean = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  rows.push(["geometric mean", "", "", fmtRatio(geomean), ""]);
  return [
    "### Data layer: query cache, median ms per operation (lower is better)",
    "",
    table(rows),
    "",
    "ratio < 1: typenative is faster. Each operation is the whole loop named (e.g. 1,000 setData calls), timed once per sample.",
  ].join("\n");
}
