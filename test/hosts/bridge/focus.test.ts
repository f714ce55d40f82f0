import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { cleanup, settle } from "typenative/testing";
import { inProcessPair, mountBridge, serveHost, type HostCall } from "typenative/bridge";

afterEach(cleanup);

async function settleFor(rt: pn.Runtime): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!rt.getLoop().hasPendingWork()) return;
  }
}

describe("bridge: application focus", () => {
  it("the host's window focus reaches the app's focus manager, and a focused app refetches stale queries", async () => {
    let active = true;
    const waiting: Array<{ known: boolean; resolve: (v: boolean) => void }> = [];
    const setActive = (value: boolean) => {
      active = value;
      for (const w of waiting.splice(0)) if (w.known !== value) w.resolve(value);
    };
    const [runtimeEnd, hostEnd] = inProcessPair();
    serveHost(hostEnd, {
      name: "reference",
      services: {
        focus: {
          get: () => Promise.resolve(active),
          changed(args: unknown, call: HostCall) {
            const known = (args as [boolean])[0];
            if (known !== active) return Promise.resolve(active);
            return new Promise<boolean>((resolve) => {
              waiting.push({ known, resolve });
              call.onCancel(() => {});
            });
          },
        },
      },
    });
    let fetches = 0;
    const Screen = pn.component(function Screen() {
      const q = pn.useQuery(async () => ++fetches, [], { key: "focus-test" });
      return pn.Text(`fetch ${q.data ?? 0}`);
    });
    const app = await mountBridge(Screen(), runtimeEnd);
    try {
      await settleFor(app.runtime);
      assert.equal(app.runtime.services.focus!.get(), true);
      assert.equal(fetches, 1);
      setActive(false);
      await settleFor(app.runtime);
      assert.equal(app.runtime.services.focus!.get(), false);
      setActive(true);
      await settleFor(app.runtime);
      assert.equal(app.runtime.services.focus!.get(), true);
      assert.equal(fetches, 2, "the stale query refetched when the window came back");
    } finally {
      app.unmount();
      pn.queryClient.clear();
    }
  });
});

describe("bridge: appearance", () => {
  it("the host's light or dark preference is what useColorScheme reports in the bridged app, live", async () => {
    let scheme = "dark";
    const waiting: Array<(v: string) => void> = [];
    const [runtimeEnd, hostEnd] = inProcessPair();
    const endpoint = serveHost(hostEnd, {
      name: "reference",
      services: {
        appearance: {
          get: () => Promise.resolve(scheme),
          changed(args: unknown) {
            const known = (args as [string])[0];
            if (known !== scheme) return Promise.resolve(scheme);
            return new Promise<string>((resolve) => waiting.push(resolve));
          },
        },
      },
    });
    const Themed = pn.component(function Themed() {
      return pn.Text(`scheme ${pn.useColorScheme()}`);
    });
    const app = await mountBridge(Themed(), runtimeEnd);
    try {
      await settleFor(app.runtime);
      await settleFor(app.runtime);
      const text = () => JSON.stringify(endpoint.applier.toJSON());
      assert.match(text(), /scheme dark/);
      scheme = "light";
      for (const resolve of waiting.splice(0)) resolve("light");
      await settleFor(app.runtime);
      await settleFor(app.runtime);
      assert.match(text(), /scheme light/);
    } finally {
      app.unmount();
    }
  });
});
