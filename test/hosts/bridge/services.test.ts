// The runtime side's bridged services (src/hosts/bridge/services.ts).
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { cleanup } from "typenative/testing";
import { inProcessPair, mountBridge, serveHost } from "typenative/bridge";

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
