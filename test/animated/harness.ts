// Shared setup for the Animated tests: a virtual clock, a frame source that
// counts outstanding frame requests, and onError capture.
//
// Frames come every 1000/60 ms of virtual time from loop timers, like the
// default `loopFrames`, with one difference: a frame time within 1e-6 ms of a
// whole millisecond is snapped onto it. Summing 1000/60 drifts (6 frames make
// 100.00000000000001), and a frame due a hair after 100 would not fire on
// `advance(100)`, so a 100 ms timing would look one frame late.
import { afterEach, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { runtime } from "../../src/runtime/runtime.js";
import type { FrameSource } from "../../src/runtime/services.js";
import { fakeClock as installFakeClock, type FakeClock } from "typenative/testing";

export const FRAME = 1000 / 60;

export interface Harness {
  readonly clock: FakeClock;
  /** Frames requested and neither fired nor cancelled yet. */
  readonly pendingFrames: number;
  /** Frame requests made so far. */
  readonly requestedFrames: number;
  /** Errors that reached runtime.onError. */
  readonly errors: unknown[];
}

/** Call inside a `describe`: installs the clock and frame counter around every test. */
export function useHarness(): Harness {
  let clock: FakeClock | null = null;
  let pending = 0;
  let requested = 0;
  let original: FrameSource | null = null;
  let previousOnError = runtime.onError;
  const errors: unknown[] = [];

  beforeEach(() => {
    clock = installFakeClock();
    pending = 0;
    requested = 0;
    errors.length = 0;
    original = runtime.services.frames;
    const inner = snappedLoopFrames();
    runtime.services.frames = {
      requestFrame(callback) {
        pending++;
        requested++;
        let open = true;
        const handle = inner.requestFrame((time) => {
          if (!open) return;
          open = false;
          pending--;
          callback(time);
        });
        return {
          cancel() {
            if (open) {
              open = false;
              pending--;
            }
            handle.cancel();
          },
        };
      },
    };
    previousOnError = runtime.onError;
    runtime.onError = (error) => {
      errors.push(error);
    };
  });

  afterEach(() => {
    clock?.uninstall();
    if (original !== null) runtime.services.frames = original;
    runtime.onError = previousOnError;
    assert.deepEqual(errors, [], "no error may reach runtime.onError");
  });

  return {
    get clock() {
      assert.ok(clock, "harness clock is installed in beforeEach");
      return clock;
    },
    get pendingFrames() {
      return pending;
    },
    get requestedFrames() {
      return requested;
    },
    errors,
  };
}

/** 60 Hz frames from the runtime loop's timers, kept on whole milliseconds when within float noise of one. */
function snappedLoopFrames(): FrameSource {
  return {
    requestFrame(callback) {
      const loop = runtime.getLoop();
      const now = loop.time();
      let at = now + FRAME;
      const whole = Math.round(at);
      if (Math.abs(at - whole) < 1e-6) at = whole;
      return loop.callLater(at - now, () => callback(loop.time()));
    },
  };
}

/** Asserts |actual − expected| ≤ tolerance with a readable message. */
export function near(actual: number, expected: number, tolerance: number, what = "value"): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: expected ${expected} ± ${tolerance}, got ${actual}`,
  );
}
