// The runtime's end of the bridge (connection.ts) against a hand-driven host:
// what a call leaves behind when the transport fails under it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { BridgeConnection } from "../../../src/hosts/bridge/connection.js";
import { PROTOCOL_VERSION } from "../../../src/hosts/bridge/protocol.js";
import type { Transport } from "../../../src/hosts/bridge/transports.js";

/** A transport whose host side the test plays; `send` throws while `broken` is set; `closed` counts `close()`. */
function handDriven() {
  let receive: (message: unknown) => void = () => {};
  const sent: Array<{ type: string; [key: string]: unknown }> = [];
  const state = { broken: false, closed: 0 };
  const closers: Array<(error?: Error) => void> = [];
  const transport: Transport = {
    send(message) {
      if (state.broken) throw new Error("EPIPE: the pipe to the host is broken");
      sent.push(message as { type: string });
    },
    onMessage(fn) {
      receive = fn;
    },
    onClose(callback) {
      closers.push(callback);
    },
    close() {
      state.closed++;
      // As real transports do: closing tells the close listeners.
      for (const callback of closers) callback();
    },
  };
  return { transport, sent, state, deliver: (message: unknown) => receive(message) };
}

async function welcomed(): Promise<{ connection: BridgeConnection } & ReturnType<typeof handDriven>> {
  const side = handDriven();
  const connection = new BridgeConnection(side.transport, { timeoutMs: 60_000 });
  side.deliver({ type: "welcome", protocol: PROTOCOL_VERSION, instance: connection.instance, host: "hand", viewTypes: [], services: { dialog: ["pick"] } });
  await connection.ready;
  return { connection, ...side };
}

describe("bridge connection: a call whose send throws", () => {
  it("rejects with the transport's error and keeps no pending call or abort listener", async () => {
    const { connection, state } = await welcomed();
    const screen = new AbortController();
    state.broken = true;
    await assert.rejects(connection.call("dialog", "pick", [], screen.signal), /EPIPE/);
    assert.equal(connection.pendingCalls, 0, "nothing waits for a reply that was never asked for");
    assert.equal(getEventListeners(screen.signal, "abort").length, 0);
    state.broken = false;
    screen.abort();
  });

  it("a later call still works, and a reply to the failed call's id is ignored", async () => {
    const { connection, state, sent, deliver } = await welcomed();
    state.broken = true;
    await assert.rejects(connection.call("dialog", "pick"), /EPIPE/);
    state.broken = false;
    const next = connection.call("dialog", "pick");
    const asked = sent.filter((m) => m.type === "call");
    assert.equal(asked.length, 1);
    deliver({ type: "reply", id: 1, result: "stale" });
    deliver({ type: "reply", id: asked[0]!.id, result: "fresh" });
    assert.equal(await next, "fresh");
    assert.equal(connection.pendingCalls, 0);
  });
});

describe("bridge connection: a cancel whose send throws", () => {
  it("the aborted call still rejects with CancelledError, and the throw does not escape the abort", async () => {
    const { connection, state } = await welcomed();
    const screen = new AbortController();
    const call = connection.call("dialog", "pick", [], screen.signal);
    state.broken = true;
    const escaped: unknown[] = [];
    const onUncaught = (error: unknown): void => void escaped.push(error);
    process.prependListener("uncaughtException", onUncaught);
    try {
      screen.abort();
      await assert.rejects(call, (e: Error) => e.name === "CancelledError");
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      process.off("uncaughtException", onUncaught);
    }
    assert.deepEqual(escaped, []);
    assert.equal(connection.pendingCalls, 0);
  });
});

describe("bridge connection: host messages of the wrong shape", () => {
  it("a reply whose error is not { code, message } still settles its call, and nothing throws into the transport", async () => {
    const { connection, sent, deliver } = await welcomed();
    const errors: Error[] = [];
    connection.onError = (error) => void errors.push(error);
    const call = connection.call("dialog", "pick");
    const id = sent.find((m) => m.type === "call")!.id;
    assert.doesNotThrow(() => deliver({ type: "reply", id, error: null }));
    await assert.rejects(call, (e: Error) => e.name === "BridgeCallError");
    assert.equal(connection.pendingCalls, 0);
  });

  it("a reject or fatal without an error is reported, not thrown into the transport; the resync still happens", async () => {
    const { connection, deliver } = await welcomed();
    const errors: Error[] = [];
    const resyncs: number[] = [];
    connection.onError = (error) => void errors.push(error);
    connection.onReject = (revision) => void resyncs.push(revision);
    const revision = connection.commit([]);
    assert.doesNotThrow(() => deliver({ type: "reject", revision }));
    assert.deepEqual(resyncs, [revision]);
    assert.doesNotThrow(() => deliver({ type: "fatal" }));
    assert.equal(errors.length, 2);
    await connection.settled();
  });
});

describe("bridge connection: a handshake that fails", () => {
  const refusals: Array<[string, (instance: string) => unknown]> = [
    ["a fatal", () => ({ type: "fatal", error: { code: "protocol-mismatch", message: "protocol mismatch" } })],
    ["a welcome on another protocol version", (instance) => ({ type: "welcome", protocol: PROTOCOL_VERSION + 1, instance, host: "future", viewTypes: [], services: {} })],
    ["a welcome of another instance", () => ({ type: "welcome", protocol: PROTOCOL_VERSION, instance: "someone-else", host: "hand", viewTypes: [], services: {} })],
  ];
  for (const [what, answer] of refusals) {
    it(`closes the transport after ${what}, so nothing keeps the process alive`, async () => {
      const side = handDriven();
      const connection = new BridgeConnection(side.transport, { timeoutMs: 60_000 });
      const early = connection.call("dialog", "pick");
      side.deliver(answer(connection.instance));
      await assert.rejects(connection.ready, (e: Error) => e.name === "BridgeError");
      const refusal = await connection.ready.catch((error: Error) => error);
      await assert.rejects(early, (e: Error) => e === refusal);
      assert.equal(side.state.closed, 1);
      assert.equal(connection.isClosed, true);
      assert.equal(connection.pendingCalls, 0);
    });
  }

  it("closes the transport when no welcome comes in time", async () => {
    const side = handDriven();
    const connection = new BridgeConnection(side.transport, { timeoutMs: 5 });
    // The handshake timer is unref'd: keep the test's loop alive until it fires.
    const keepAlive = setTimeout(() => {}, 10_000);
    await assert.rejects(connection.ready, (e: Error & { code?: string }) => e.code === "timeout");
    clearTimeout(keepAlive);
    assert.equal(side.state.closed, 1);
    assert.equal(connection.isClosed, true);
    // A welcome arriving late opens nothing.
    side.deliver({ type: "welcome", protocol: PROTOCOL_VERSION, instance: connection.instance, host: "slow", viewTypes: [], services: {} });
    assert.equal(connection.hostInfo, null);
  });
});
