// The transports (transports.ts) at their edges: what each end learns when
// the other goes away without saying goodbye.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Worker } from "node:worker_threads";
import { BridgeError, connect, messagePortTransport, serveHost, type HostCall } from "typenative/bridge";

/** A worker_threads Worker running `body` (CommonJS; `parentPort` in scope). */
function worker(body: string): Worker {
  return new Worker(`const { parentPort } = require("node:worker_threads");\n${body}`, { eval: true });
}

describe("messagePortTransport over a worker_threads Worker", () => {
  it("a host in a Worker that exits fails the runtime's calls instead of leaving them waiting forever", async () => {
    // The host answers the handshake, takes the call, then its thread dies.
    const host = worker(`
      parentPort.on("message", (message) => {
        if (message.type === "hello") parentPort.postMessage({ type: "welcome", protocol: message.protocol, instance: message.instance, host: "thread", viewTypes: [], services: { alert: ["present"] } });
        if (message.type === "call") process.exit(3);
      });
    `);
    const transport = messagePortTransport(host);
    let closed = 0;
    transport.onClose(() => closed++);
    const connection = await connect(transport);
    await assert.rejects(connection.call("alert", "present", [{ title: "Delete?" }]), (error: BridgeError) => error instanceof BridgeError && error.code === "closed");
    assert.equal(closed, 1);
    assert.equal(connection.isClosed, true);
    assert.equal(connection.pendingCalls, 0);
  });

  it("a runtime in a Worker that exits without a bye gets its host calls cancelled (its dialog closes)", async () => {
    const app = worker(`
      parentPort.on("message", (message) => {
        if (message.type === "welcome") parentPort.postMessage({ type: "call", id: 1, service: "alert", method: "present", args: [{ title: "Delete?" }] });
      });
      parentPort.postMessage({ type: "hello", protocol: 1, instance: "in-a-thread" });
    `);
    let started!: () => void;
    const presented = new Promise<void>((resolve) => (started = resolve));
    let dialogClosed!: () => void;
    const closedDialog = new Promise<void>((resolve) => (dialogClosed = resolve));
    const endpoint = serveHost(messagePortTransport(app), {
      name: "main",
      services: {
        alert: {
          present: (_args: unknown, call: HostCall) =>
            new Promise(() => {
              call.onCancel(dialogClosed);
              started();
            }),
        },
      },
    });
    await presented;
    assert.equal(endpoint.pendingCalls, 1);
    await app.terminate();
    await closedDialog;
    assert.equal(endpoint.pendingCalls, 0);
    assert.equal(endpoint.instance, null);
  });
});
