import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";

test("a cache entry waiting for eviction does not keep a Node process alive", () => {
  // The timeout only guards the test run; a process held by the 5-minute
  // eviction timer would be killed by it and fail the status check.
  const run = spawnSync(process.execPath, ["--import", "tsx", "test/data/fixtures/query-then-exit.ts"], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NODE_TEST_CONTEXT: undefined },
  });
  assert.equal(run.signal, null, "the process had to be killed");
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, "got Ada\n");
});
