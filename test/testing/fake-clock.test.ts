// typenative/testing's virtual clock (src/testing/fake-clock.ts).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { fakeClock } from "typenative/testing";

describe("fakeClock", () => {
  it("time never goes back, even when advance() calls overlap (an advance not awaited)", async () => {
    const clock = fakeClock();
    try {
      const seen: number[] = [];
      const watch = (): void => {
        seen.push(clock.now());
      };
      const loop = pn.runtime.getLoop();
      for (const at of [10, 20, 30, 80, 90]) loop.callLater(at, watch);
      const first = clock.advance(100);
      const second = clock.advance(50);
      const afterSecond: Array<{ now: number; latestTimer: number }> = [];
      void second.then(() => afterSecond.push({ now: clock.now(), latestTimer: Math.max(...seen) }));
      await Promise.all([first, second]);
      assert.deepEqual(seen, [10, 20, 30, 80, 90]);
      assert.ok(afterSecond[0]!.now >= afterSecond[0]!.latestTimer, `time went back to ${afterSecond[0]!.now} after a timer ran at ${afterSecond[0]!.latestTimer}`);
      assert.ok(clock.now() >= 100, `now is ${clock.now()}`);
      const times: number[] = [];
      loop.callLater(5, () => times.push(loop.time()));
      const before = clock.now();
      await clock.advance(5);
      assert.deepEqual(times, [before + 5]);
    } finally {
      clock.uninstall();
    }
  });
});
