// The promise of the durable outbox, tested the hard way: a real Node
// process creates posts with a durable mutation against the real example
// API server (over HTTP, with the server's Idempotency-Key handling),
// going offline now and then, and is SIGKILLed at random points — some
// while offline, some mid-request. After each kill it starts again and
// resumes the outbox. At the end a last run drains it, and the server must
// hold every call whose `persisted` resolved exactly once, and nothing that
// was never attempted.
//
// OUTBOX_CRASH_KILLS sets the number of kills (default 100).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";
import { createApiHandler } from "../../examples/server/api.js";
import { Store } from "../../examples/server/store.js";

const KILLS = Number(process.env.OUTBOX_CRASH_KILLS ?? 100);
const CHILD = fileURLToPath(new URL("./fixtures/outbox-crash-child.ts", import.meta.url));

interface Run {
  output: string;
  signal: NodeJS.Signals | null;
  code: number | null;
}

/** When to kill a run: `ms` after its START line, once it has written `acks` ACK lines. */
interface KillPlan {
  acks: number;
  ms: number;
}

function runChild(script: string, args: string[], kill: KillPlan | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_TEST_CONTEXT: undefined } });
    let output = "";
    let stderr = "";
    let timer: NodeJS.Timeout | null = null;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
      if (kill !== null && timer === null && output.includes("START") && countAcks(output) >= kill.acks) {
        timer = setTimeout(() => child.kill("SIGKILL"), kill.ms);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // A hung child fails the test rather than the suite; generous, because a
    // loaded machine (the whole suite in parallel) slows the final drain a lot.
    const guard = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      if (timer !== null) clearTimeout(timer);
      if (stderr.trim() !== "") output += `\nSTDERR ${stderr}`;
      resolve({ output, signal, code });
    });
  });
}

function countAcks(output: string): number {
  let n = 0;
  for (let at = output.indexOf("\nACK "); at !== -1; at = output.indexOf("\nACK ", at + 1)) n++;
  return n;
}

/**
 * A random crash point: a third of the runs die early (while resuming, on
 * their first calls), the rest after a few acknowledged calls, so the run
 * makes progress on a slow machine too.
 */
function randomKill(): KillPlan {
  return Math.random() < 0.3 ? { acks: 0, ms: Math.random() * 120 } : { acks: 1 + Math.floor(Math.random() * 4), ms: Math.random() * 60 };
}

test(`durable mutations reach the server exactly once through ${KILLS} SIGKILLs, offline periods and restarts`, { timeout: 600_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), "tn-outbox-crash-"));
  const script = join(dir, "child.mjs");
  // One bundle for all runs: a process starts in tens of milliseconds, not the seconds tsx takes.
  await build({ entryPoints: [CHILD], outfile: script, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "error" });

  const store = await Store.open(join(dir, "api"));
  // A little latency, so kills land mid-request too.
  const api = createApiHandler(store, { delay: () => new Promise((resolve) => setTimeout(resolve, Math.random() * 15)) });
  const server: Server = createServer((req, res) => {
    if (!api(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const storage = join(dir, "app-storage.json");

  const tried = new Set<string>();
  const acked = new Set<string>();
  const errors: string[] = [];
  let killedOffline = 0;
  let killedMidRequest = 0;
  try {
    for (let run = 0; run < KILLS; run++) {
      const result = await runChild(script, [storage, base, String(run)], randomKill());
      assert.equal(result.signal, "SIGKILL", `run ${run} ended by itself:\n${result.output.slice(-2000)}`);
      let offline = false;
      const inFlight = new Set<string>();
      for (const line of result.output.split("\n")) {
        const [word, rest] = [line.slice(0, line.indexOf(" ") >>> 0), line.slice(line.indexOf(" ") + 1)];
        if (line === "OFFLINE") offline = true;
        else if (line === "ONLINE") offline = false;
        else if (word === "TRY") tried.add(rest);
        else if (word === "ACK") acked.add(rest);
        else if (word === "SEND") inFlight.add(rest);
        else if (word === "DONE") inFlight.delete(rest);
        else if (word === "ERROR" || word === "STDERR" || line.startsWith("STDERR")) errors.push(line);
      }
      if (offline) killedOffline++;
      if (inFlight.size > 0) killedMidRequest++;
    }
    const drained = await runChild(script, [storage, base, "drain", "drain"], null);
    assert.equal(drained.code, 0, drained.output);
    assert.match(drained.output, /DRAINED 0 0/, "the last run drains the outbox: nothing pending, nothing failed");
    await store.flush();

    const counts = new Map<string, number>();
    for (const post of store.posts()) if (/^r\d+-\d+$/.test(post.body)) counts.set(post.body, (counts.get(post.body) ?? 0) + 1);
    const lost = [...acked].filter((body) => !counts.has(body));
    const duplicated = [...counts].filter(([, n]) => n > 1).map(([body]) => body);
    const unknown = [...counts.keys()].filter((body) => !tried.has(body));
    const unackedDelivered = [...counts.keys()].filter((body) => !acked.has(body));
    console.log(
      `outbox crash test: ${KILLS} kills (${killedOffline} while offline, ${killedMidRequest} mid-request), ` +
        `${tried.size} calls made, ${acked.size} acknowledged (persisted), ${counts.size} on the server; ` +
        `lost ${lost.length}, duplicated ${duplicated.length}, never-made ${unknown.length}; ` +
        `${unackedDelivered.length} made it to disk (and later to the server) in the instant before their persisted resolved (kill between the rename and the directory fsync)`,
    );
    assert.deepEqual(errors, [], "no call failed and nothing went to stderr");
    assert.deepEqual(lost, [], "every acknowledged call is on the server");
    assert.deepEqual(duplicated, [], "no call is on the server twice");
    assert.deepEqual(unknown, [], "nothing on the server that no process made");
    assert.ok(acked.size >= KILLS / 2, `enough acknowledged calls to mean something (${acked.size})`);
    assert.ok(killedOffline > 0 && killedMidRequest > 0, "kills landed offline and mid-request");
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  }
});
