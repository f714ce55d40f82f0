// serveHost (src/hosts/bridge/index.ts): a host endpoint over a transport,
// when the runtime goes away without saying bye.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { connect, inProcessPair, serveHost } from "typenative/bridge";

describe("serveHost: the runtime disconnects mid-call", () => {
  it("the host cancels the runtime's calls (closing their dialogs) and a late answer sends nothing", async () => {
    const [runtimeEnd, hostEnd] = inProcessPair();
    let answer!: (index: number | null) => void;
    let closedDialogs = 0;
    const endpoint = serveHost(hostEnd, {
      name: "reference",
      backend: {},
      services: {
        alert: {
          present(_args: unknown, call: { onCancel(fn: () => void): void }) {
            call.onCancel(() => closedDialogs++);
            return new Promise<number | null>((resolve) => (answer = resolve));
          },
        },
      },
    });
    const connection = await connect(runtimeEnd);
    const pending = connection.call("alert", "present", [{ kind: "confirm", title: "Sure?", buttons: ["No", "Yes"], destructive: [], cancelIndex: 0 }]);
    pending.catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(endpoint.pendingCalls, 1);
    // The runtime's process dies: its end closes without a bye.
    runtimeEnd.close();
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(endpoint.pendingCalls, 0, "the gone runtime's calls are cancelled");
    assert.equal(closedDialogs, 1, "its dialog is closed");
    assert.equal(endpoint.instance, null, "its tree is dropped");
    // The user clicks anyway: nothing is sent on the closed transport (which would throw).
    answer(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await assert.rejects(pending, (e: Error) => e.name === "BridgeError");
  });
});
