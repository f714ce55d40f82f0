/**
 * Animation frames from `requestAnimationFrame`, delivered on the runtime
 * loop with the loop clock's time, so an `Animated` frame runs where every
 * other framework job runs and lands before the browser paints.
 *
 * Browsers stop animation frames in hidden tabs; there frames fall back to
 * loop timers at 60 Hz, so an awaited animation still finishes.
 */
import { runtime as defaultRuntime, type Runtime } from "../../runtime/runtime.js";
import { FRAME_MS, type FrameHandle, type FrameSource } from "../../runtime/services.js";

/**
 * The frame source `mount()` installs as `runtime.services.frames`.
 *
 * @example
 * ```ts
 * pn.runtime.services.frames = animationFrames(window);
 * ```
 */
export function animationFrames(view: Window & typeof globalThis = window, runtime: Runtime = defaultRuntime): FrameSource {
  return {
    requestFrame(callback): FrameHandle {
      const loop = runtime.getLoop();
      if (view.document.visibilityState === "hidden") {
        return loop.callLater(FRAME_MS, () => callback(loop.time()));
      }
      let cancelled = false;
      const id = view.requestAnimationFrame(() => {
        loop.callSoon(() => {
          if (!cancelled) callback(loop.time());
        });
      });
      return {
        cancel() {
          cancelled = true;
          view.cancelAnimationFrame(id);
        },
      };
    },
  };
}
