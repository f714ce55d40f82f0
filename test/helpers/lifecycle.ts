// The end-of-test contract for component tests: unmount what the test left,
// drop its virtual clock, settle, and check that nothing it started is still
// running ("nothing a component started outlives it").
import { afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { cleanup, fakeClock, settle, type FakeClock } from "typenative/testing";

/**
 * Registers the `afterEach` above for the current file or `describe`.
 * `fakeClock()` installs a virtual clock for the running test only.
 */
export function useCleanRuntime(options: { clearQueries?: boolean } = {}): { fakeClock(): FakeClock } {
  let clock: FakeClock | null = null;
  afterEach(async () => {
    cleanup();
    if (options.clearQueries === true) pn.queryClient.clear();
    clock?.uninstall();
    clock = null;
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 0, "tasks still pending after the test");
  });
  return {
    fakeClock() {
      clock?.uninstall();
      clock = fakeClock();
      return clock;
    },
  };
}
