import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";

test("every test run fails on an unhandled promise rejection", () => {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--import", "./test/setup.ts", "--test", "test/fixtures/unhandled-rejection.fixture.ts"],
    { encoding: "utf8" },
  );
  assert.notEqual(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout + run.stderr, /nobody handles me/);
});
