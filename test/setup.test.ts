import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";

test("every test run fails on an unhandled promise rejection", () => {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--import", "./test/setup.ts", "--test", "test/fixtures/unhandled-rejection.fixture.ts"],
    // Without this the child reports to us as a sub-runner instead of running on its own.
    { encoding: "utf8", env: { ...process.env, NODE_TEST_CONTEXT: undefined } },
  );
  assert.notEqual(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout + run.stderr, /nobody handles me/);
});
