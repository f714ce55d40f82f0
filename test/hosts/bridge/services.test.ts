// The runtime side's bridged services (src/hosts/bridge/services.ts).
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { cleanup } from "typenative/testing";
import { inProcessPair, mountBridge, serveHost } from "typenative/bridge";
import { enterRuntime, leaveRuntime } from "../../../src/runtime/runtime.js";

afterEach(cleanup);

const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe("bridged frames", () => {
  it("an animation of a bridged app on its own runtime asks its host for every frame, never the default runtime", async () => {
    const [runtimeEnd, hostEnd] = inProcessPair();
    // The host answers a frame request when the test says so.
    const waiting: Array<(value: null) => void> = [];
    serveHost(hostEnd, {
      name: "reference",
      services: { frames: { next: () => new Promise<null>((resolve) => waiting.push(resolve)) } },
    });
    const original = pn.runtime.services.frames;
    let defaultFrames = 0;
    pn.runtime.services.frames = {
      requestFrame(callback) {
        defaultFrames++;
        return original.requestFrame(callback);
      },
    };
    const Fader = pn.component(function Fader() {
      const opacity = pn.useAnimatedValue(0);
      pn.useEffect(() => {
        void pn.Animated.timing(opacity, { to: 1, duration: 60_000, easing: "linear" }).start();
      }, [opacity]);
      return pn.View({ style: { opacity } });
    });
    const app = await mountBridge(Fader(), runtimeEnd);
    try {
      assert.notEqual(app.runtime, pn.runtime);
      for (let frame = 1; frame <= 3; frame++) {
        for (let i = 0; i < 5 && waiting.length === 0; i++) await turn();
        assert.equal(waiting.length, 1, `frame ${frame} was asked of the host`);
        waiting.shift()!(null);
        await turn();
      }
      assert.equal(defaultFrames, 0, "no frame was asked of the default runtime's source");
    } finally {
      pn.runtime.services.frames = original;
      app.unmount();
    }
  });
});

describe("bridged frames after the host disconnects", () => {
  /** A bridged app whose host never answers a frame (so an animation is mid-run), with its runtime's errors kept. */
  async function mountWaiting(element: pn.Child) {
    const [runtimeEnd, hostEnd] = inProcessPair();
    let asked = 0;
    serveHost(hostEnd, {
      name: "reference",
      services: { frames: { next: () => (asked++, new Promise<null>(() => {})) } },
    });
    const app = await mountBridge(element, runtimeEnd);
    const errors: unknown[] = [];
    app.runtime.onError = (error) => void errors.push(error);
    return { app, hostEnd, errors, asked: () => asked };
  }

  it("a running animation ends { finished: false } instead of waiting forever for its frame", async () => {
    let animation: pn.Animation | null = null;
    const Fader = pn.component(function Fader() {
      const opacity = pn.useAnimatedValue(0);
      pn.useEffect(() => {
        animation = pn.Animated.timing(opacity, { to: 1, duration: 1000 }).start();
      }, [opacity]);
      return pn.View({ style: { opacity } });
    });
    const { app, hostEnd, asked, errors } = await mountWaiting(Fader());
    try {
      for (let i = 0; i < 5 && asked() === 0; i++) await turn();
      assert.equal(asked(), 1, "the first frame was asked of the host");
      assert.equal(animation!.running, true);
      hostEnd.close();
      const result = await Promise.race([animation!.then((r) => r), new Promise((resolve) => setTimeout(() => resolve("hung"), 200))]);
      assert.deepEqual(result, { finished: false });
      assert.equal(animation!.running, false);
      assert.equal(errors.length, 1, "the failed frame request is reported once");
      assert.match(String(errors[0]), /went away|closed/);
    } finally {
      app.unmount();
    }
  });

  it("an animation started after the disconnect ends { finished: false } at once, unmoved", async () => {
    const { app, hostEnd } = await mountWaiting(pn.View());
    try {
      hostEnd.close();
      for (let i = 0; i < 3 && !app.connection.isClosed; i++) await turn();
      assert.equal(app.connection.isClosed, true);
      const value = new pn.AnimatedValue(0);
      const previous = enterRuntime(app.runtime);
      let animation: pn.Animation;
      try {
        animation = pn.Animated.timing(value, { to: 1, duration: 1000 }).start();
      } finally {
        leaveRuntime(previous);
      }
      const result = await Promise.race([animation.then((r) => r), new Promise((resolve) => setTimeout(() => resolve("hung"), 200))]);
      assert.deepEqual(result, { finished: false });
      assert.equal(value.value, 0);
    } finally {
      app.unmount();
    }
  });
});
