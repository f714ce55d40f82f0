import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { MessageChannel } from "node:worker_threads";
import * as pn from "typenative";
import { settle } from "typenative/testing";
import {
  BridgeCallError,
  BridgeError,
  bridgeAlert,
  bridgeFrames,
  bridgeServices,
  bridgeStorage,
  connect,
  createHostEndpoint,
  inProcessPair,
  installBridgeServices,
  messagePortTransport,
  mountBridge,
  serveHost,
  streamTransport,
  type HostCall,
  type Transport,
} from "typenative/bridge";
import { bridged, findNode, textOf, type Bridged } from "./harness.js";

let open: Bridged[] = [];
afterEach(async () => {
  for (const b of open) b.close();
  open = [];
  await settle();
});

async function start(options?: Parameters<typeof bridged>[0]): Promise<Bridged> {
  const b = await bridged(options);
  open.push(b);
  return b;
}

const Counter = pn.component(function Counter() {
  const [count, setCount] = pn.useState(0);
  return pn.Button(`Clicked ${count}`, { onClick: () => setCount((c) => c + 1) });
});

const byType = (type: string) => (node: { type: string }) => node.type === type;

describe("bridge: events", () => {
  it("delivers a host event to the view's current handler", async () => {
    const b = await start();
    b.root.render(Counter());
    await b.tree();
    const button = findNode(b.endpoint, byType("Button"));
    assert.deepEqual(button.props, { onClick: true });
    assert.equal(b.endpoint.raise(button.tag, "onClick"), true);
    await settle();
    await b.tree();
    assert.equal(textOf(button), "Clicked 1");
    assert.equal(b.connection.stats.eventsDelivered, 1);
  });

  it("a handler-only change sends nothing", async () => {
    const b = await start();
    const view = (n: number) => pn.Button("Go", { onClick: () => n });
    b.root.render(view(1));
    await b.tree();
    const commits = b.connection.stats.commits;
    b.root.render(view(2));
    b.root.render(view(3));
    await b.tree();
    assert.equal(b.connection.stats.commits, commits);
    // Stopping to listen is a change: the prop is removed on the far side.
    b.root.render(pn.Button("Go", {}));
    await b.tree();
    assert.deepEqual(findNode(b.endpoint, byType("Button")).props, {});
    assert.equal(b.endpoint.raise(findNode(b.endpoint, byType("Button")).tag, "onClick"), false);
  });

  it("drops events against removed views, older app instances and replays", async () => {
    const b = await start({ instance: "app-2" });
    let clicks = 0;
    const app = (show: boolean) => pn.Column(show ? pn.Button("Old", { key: "old", onClick: () => clicks++ }) : null, pn.Button("Live", { key: "live", onClick: () => clicks++ }));
    b.root.render(app(true));
    await b.tree();
    const old = findNode(b.endpoint, (n) => n.type === "Button" && textOf(n) === "Old").tag;
    const live = findNode(b.endpoint, (n) => n.type === "Button" && textOf(n) === "Live").tag;
    b.root.render(app(false));
    await b.tree();
    const event = (tag: number, sequence: number, instance = "app-2") => ({ type: "event", instance, tag, name: "onClick", revision: 1, sequence });

    b.hostEnd.send(event(old, 1)); // raised before the host applied the removal
    b.hostEnd.send(event(live, 2, "app-1")); // from an older instance of the app
    b.hostEnd.send(event(live, 3)); // delivered
    b.hostEnd.send(event(live, 3)); // replayed
    b.hostEnd.send(event(live, 2)); // older
    b.hostEnd.send({ ...event(live, 4), revision: 99 }); // a revision never sent
    await settle();
    assert.equal(clicks, 1);
    assert.equal(b.connection.stats.eventsDelivered, 1);
    assert.equal(b.connection.stats.eventsDropped, 5);
  });

  it("the host itself raises nothing for a view that is gone or does not listen", async () => {
    const b = await start();
    b.root.render(pn.Text("static"));
    await b.tree();
    const text = findNode(b.endpoint, byType("Text"));
    assert.equal(b.endpoint.raise(text.tag, "onClick"), false);
    assert.equal(b.endpoint.raise(12345, "onClick"), false);
  });
});

describe("bridge: controlled text input", () => {
  const Field = pn.component(function Field(props: { filter?: (text: string) => string | null }) {
    const [value, setValue] = pn.useState("");
    return pn.Column(
      pn.TextInput({
        value,
        onChange: (text: string) => {
          const next = props.filter ? props.filter(text) : text;
          if (next !== null) setValue(next);
        },
      }),
      pn.Text(`echo:${value}`),
    );
  });

  it("a value the runtime computed for an older edit never overwrites newer typing", async () => {
    const b = await start();
    b.root.render(Field({}));
    await b.tree();
    const input = findNode(b.endpoint, byType("TextInput"));
    // The user types "h"; while the runtime's answer to it is on the wire, types "i".
    const send = b.connection.commit.bind(b.connection);
    let typedAgain = false;
    b.connection.commit = (ops) => {
      const revision = send(ops);
      if (!typedAgain) {
        typedAgain = true;
        assert.deepEqual(ops.find((op) => op.op === "update"), { op: "update", tag: input.tag, props: { value: "h" }, edit: 1 });
        b.endpoint.userEdited(input.tag, "hi");
      }
      return revision;
    };
    assert.equal(b.endpoint.userEdited(input.tag, "h"), 1);
    await settle();
    await b.tree();
    // The stale "h" (edit 1) arrived after edit 2 and was ignored; then "hi" (edit 2) came back.
    assert.equal(input.props.value, "hi");
    assert.equal(input.edit, 2);
    assert.equal(textOf(findNode(b.endpoint, byType("Text"))), "echo:hi");
  });

  it("the app's own value wins when it answers the newest edit (filters, resets)", async () => {
    const b = await start();
    b.root.render(Field({ filter: (text) => (text.length > 3 ? null : text.toUpperCase()) }));
    await b.tree();
    const input = findNode(b.endpoint, byType("TextInput"));
    b.endpoint.userEdited(input.tag, "abc");
    await settle();
    await b.tree();
    assert.equal(input.props.value, "ABC");
    // Rejected by the filter: the state does not change, so no render — the host still gets the app's value back.
    b.endpoint.userEdited(input.tag, "ABCD");
    await settle();
    await b.tree();
    assert.equal(input.props.value, "ABC");
  });
});

describe("bridge: commits", () => {
  it("a malformed commit is rejected whole and reported with its revision", async () => {
    const b = await start();
    b.root.render(pn.Column(pn.Text("a"), pn.Text("b")));
    const before = await b.tree();
    const errors: BridgeError[] = [];
    b.connection.onError = (error) => errors.push(error);
    const text = findNode(b.endpoint, (n) => n.type === "#text" && n.text === "a");
    const revision = b.connection.commit([{ op: "text", tag: text.tag, text: "changed" }, { op: "remove", tag: 4242 }]);
    await b.connection.settled();
    assert.deepEqual(b.endpoint.applier.toJSON(), before);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.revision, revision);
    assert.equal(errors[0]!.code, "dead-tag");
    assert.match(errors[0]!.message, new RegExp(`rejected revision ${revision} \\(op 1\\)`));
  });

  it("a render thrown away by an error boundary sends nothing", async () => {
    const b = await start();
    const Boom = pn.component(function Boom(): pn.Child {
      throw new Error("boom");
    });
    b.root.render(pn.ErrorBoundary({ fallback: pn.Text("fallback"), onError: () => {} }, pn.Column(pn.Text("lost"), Boom())));
    const tree = await b.tree();
    assert.deepEqual(tree, [{ type: "Text", props: {}, children: ["fallback"] }]);
    assert.equal(b.connection.stats.rejected, 0);
    assert.equal(b.endpoint.applier.size, 2);
  });
});

describe("bridge: handshake", () => {
  it("a host on another protocol version is a clear error", async () => {
    const [runtimeEnd, hostEnd] = inProcessPair();
    hostEnd.onMessage(() => hostEnd.send({ type: "welcome", protocol: 2, instance: "x", host: "future", viewTypes: [], services: {} }));
    await assert.rejects(connect(runtimeEnd), (error: BridgeError) => error.code === "protocol-mismatch" && /protocol mismatch: this runtime speaks version 1, the host \(future\) speaks 2/.test(error.message));
  });

  it("a runtime on another protocol version is refused by the host", async () => {
    const sent: unknown[] = [];
    const endpoint = createHostEndpoint({ send: (m) => sent.push(m), name: "gtk" });
    endpoint.receive({ type: "hello", protocol: 7, instance: "a" });
    assert.deepEqual(sent, [{ type: "fatal", error: { code: "protocol-mismatch", message: "protocol mismatch: the runtime speaks version 7, this host (gtk) speaks 1" } }]);
    endpoint.receive({ type: "commit", revision: 1, ops: [] });
    assert.equal((sent[1] as { error: { code: string } }).error.code, "no-session");
  });

  it("a new app instance replaces the old one's tree and calls", async () => {
    const sent: unknown[] = [];
    let cancelled = 0;
    const endpoint = createHostEndpoint({ send: (m) => sent.push(m), services: { alert: { present: (_a: unknown, call: HostCall) => (call.onCancel(() => cancelled++), new Promise(() => {})) } } });
    endpoint.receive({ type: "hello", protocol: 1, instance: "one" });
    endpoint.receive({ type: "commit", revision: 1, ops: [{ op: "create", tag: 1, type: "View", props: {} }, { op: "insert", parent: 0, child: 1, index: 0 }] });
    endpoint.receive({ type: "call", id: 1, service: "alert", method: "present", args: [] });
    endpoint.receive({ type: "hello", protocol: 1, instance: "two" });
    assert.equal(endpoint.applier.size, 0);
    assert.equal(cancelled, 1);
    assert.equal(endpoint.instance, "two");
    endpoint.receive({ type: "commit", revision: 1, ops: [] });
    assert.deepEqual(sent.at(-1), { type: "ack", revision: 1 });
  });
});

describe("bridge: service calls", () => {
  it("an Alert.confirm aborted on the runtime side closes the dialog on the host", async () => {
    const presented: { call: HostCall; closed: boolean }[] = [];
    const b = await start({
      services: {
        alert: {
          present(_args, call) {
            const entry = { call, closed: false };
            presented.push(entry);
            call.onCancel(() => (entry.closed = true));
            return new Promise(() => {}); // the user never answers
          },
        },
      },
    });
    const restore = installBridgeServices(bridgeServices(b.connection), pn.runtime);
    try {
      const controller = new AbortController();
      const answer = pn.Alert.confirm("Delete?", "For good", { signal: controller.signal });
      await settle();
      assert.equal(presented.length, 1);
      assert.equal(b.endpoint.pendingCalls, 1);
      controller.abort();
      await assert.rejects(answer, pn.CancelledError);
      await settle();
      assert.equal(presented[0]!.closed, true);
      assert.equal(b.endpoint.pendingCalls, 0);
      assert.equal(b.connection.pendingCalls, 0);
    } finally {
      restore();
    }
  });

  it("answers, failures and missing services come back by id", async () => {
    const b = await start({
      services: {
        alert: { present: (args) => ((args[0] as { buttons: string[] }).buttons.length - 1) },
        camera: {
          takePhoto: () => {
            throw Object.assign(new Error("no camera attached"), { code: "no-camera" });
          },
        },
      },
    });
    const alert = bridgeAlert(b.connection);
    assert.equal(await alert.present({ kind: "confirm", title: "t", message: undefined, buttons: ["Cancel", "OK"], destructive: [], cancelIndex: 0 }), 1);
    await assert.rejects(bridgeServices(b.connection).camera!.takePhoto({}), (e: BridgeCallError) => e.code === "no-camera" && e.message === "no camera attached");
    await assert.rejects(b.connection.call("clipboard", "getText"), (e: BridgeCallError) => e.code === "unsupported");
    assert.equal(bridgeServices(b.connection).clipboard, null, "the host announced no clipboard");
  });

  it("storage and frames are service calls too; a cancelled frame is cancelled on the host", async () => {
    const data = new Map<string, string>();
    let framesCancelled = 0;
    const pendingFrames: (() => void)[] = [];
    const b = await start({
      services: {
        storage: {
          get: ([key]) => data.get(key as string) ?? null,
          set: ([key, value]) => void data.set(key as string, value as string),
          remove: ([key]) => void data.delete(key as string),
          keys: () => [...data.keys()],
          clear: () => data.clear(),
          flush: () => null,
        },
        frames: {
          next: (_args, call) =>
            new Promise<null>((resolve) => {
              call.onCancel(() => framesCancelled++);
              pendingFrames.push(() => resolve(null));
            }),
        },
      },
    });
    const storage = bridgeStorage(b.connection);
    await storage.set("a", "1");
    assert.equal(await storage.get("a"), "1");
    assert.deepEqual(await storage.keys(), ["a"]);
    await storage.remove("a");
    assert.equal(await storage.get("a"), null);

    const frames = bridgeFrames(b.connection);
    const times: number[] = [];
    frames.requestFrame((time) => times.push(time));
    const cancelled = frames.requestFrame((time) => times.push(-time));
    await settle();
    cancelled.cancel();
    await settle();
    for (const fire of pendingFrames) fire();
    await settle();
    assert.equal(times.length, 1);
    assert.ok(times[0]! >= 0);
    assert.equal(framesCancelled, 1);
  });
});

describe("bridge: transports", () => {
  async function roundTrip(runtimeEnd: Transport, hostEnd: Transport): Promise<void> {
    const endpoint = serveHost(hostEnd, { name: "t" });
    const app = await mountBridge(pn.Column(pn.Text("over the wire")), runtimeEnd, { services: false });
    await app.connection.settled();
    assert.deepEqual(endpoint.applier.toJSON(), [{ type: "Column", props: {}, children: [{ type: "Text", props: {}, children: ["over the wire"] }] }]);
    app.unmount();
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(endpoint.applier.size, 0);
  }

  it("newline-delimited JSON over a byte stream", async () => {
    const toHost = new PassThrough();
    const toRuntime = new PassThrough();
    await roundTrip(streamTransport(toRuntime, toHost), streamTransport(toHost, toRuntime));
  });

  it("a MessagePort", async () => {
    const channel = new MessageChannel();
    try {
      await roundTrip(messagePortTransport(channel.port1), messagePortTransport(channel.port2));
    } finally {
      channel.port1.close();
      channel.port2.close();
    }
  });

  it("the stream transport skips a line that is not JSON and reads messages split across chunks", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const errors: Error[] = [];
    const transport = streamTransport(input, output, { onError: (e) => errors.push(e) });
    const got: unknown[] = [];
    transport.onMessage((m) => got.push(m));
    input.write('{"type":"ack",');
    input.write('"revision":1}\nnot json\n{"type":"ack","revision":2}\n');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(got, [{ type: "ack", revision: 1 }, { type: "ack", revision: 2 }]);
    assert.equal(errors.length, 1);
    transport.close();
  });
});
