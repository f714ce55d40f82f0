// After a rejected commit the far side keeps its last good tree; the runtime
// then sends its whole tree as one `resync` commit, which replaces it.
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { settle } from "typenative/testing";
import {
  BridgeError,
  connect,
  createBridgeHost,
  inProcessPair,
  serveHost,
  toWire,
  type BridgeConnection,
  type BridgeHost,
  type BridgeNode,
  type HostEndpoint,
  type TreeJSON,
} from "typenative/bridge";
import { isHandlerName } from "../../../src/hosts/bridge/protocol.js";
import { findNode, textOf } from "./harness.js";

interface Setup {
  connection: BridgeConnection;
  host: BridgeHost;
  endpoint: HostEndpoint;
  root: pn.Root;
  errors: BridgeError[];
  /** Corrupts the next `n` commits on their way (each gets an op naming a view that never existed). */
  corrupt(n: number): void;
  /** Messages the runtime sent, in order. */
  sent: { type: string; revision?: number; resync?: boolean }[];
  settled(): Promise<void>;
}

let open: Setup[] = [];
afterEach(async () => {
  for (const s of open) {
    s.root.unmount();
    s.host.flush();
    s.connection.close();
  }
  open = [];
  await settle();
});

async function setup(): Promise<Setup> {
  const [runtimeEnd, hostEnd] = inProcessPair();
  const endpoint = serveHost(hostEnd, { name: "reference" });
  let corrupting = 0;
  const sent: Setup["sent"] = [];
  const send = runtimeEnd.send.bind(runtimeEnd);
  runtimeEnd.send = (message) => {
    const m = message as { type: string; revision?: number; ops?: unknown[]; resync?: boolean };
    sent.push({ type: m.type, ...(m.revision === undefined ? {} : { revision: m.revision }), ...(m.resync ? { resync: true } : {}) });
    if (m.type === "commit" && corrupting > 0) {
      corrupting--;
      send({ ...m, ops: [...m.ops!, { op: "remove", tag: 4242 }] });
    } else send(message);
  };
  const connection = await connect(runtimeEnd);
  const errors: BridgeError[] = [];
  connection.onError = (error) => void errors.push(error);
  const host = createBridgeHost(connection);
  const root = pn.createRoot(host, host.container);
  const s: Setup = {
    connection,
    host,
    endpoint,
    root,
    errors,
    sent,
    corrupt: (n) => void (corrupting = n),
    async settled() {
      for (let i = 0; i < 5; i++) {
        await settle();
        host.flush();
        await connection.settled();
      }
    },
  };
  open.push(s);
  return s;
}

/** The runtime's own view of the far side: its shadow tree as the applier would print it. */
function shadowJSON(host: BridgeHost): TreeJSON[] {
  const json = (node: BridgeNode): TreeJSON => {
    if (node.type === "#text") return node.text;
    const props: Record<string, unknown> = {};
    for (const name of Object.keys(node.props)) {
      const value = node.props[name];
      if (value === undefined || name === "children" || name === "key") continue;
      if (isHandlerName(name)) {
        if (typeof value === "function" || value === true) props[name] = true;
        continue;
      }
      const wire = toWire(value, 0);
      if (wire !== undefined) props[name] = wire;
    }
    return { type: node.type, props: props as never, children: node.children.map(json) };
  };
  return host.container.children.map(json);
}

const List = pn.component(function List() {
  const [items, setItems] = pn.useState(["a", "b"]);
  const [text, setText] = pn.useState("");
  return pn.Column(
    pn.TextInput({ value: text, onChange: setText, placeholder: "Type" }),
    pn.Button(`Add (${items.length})`, { onClick: () => setItems((list) => [...list, `item ${list.length}`]) }),
    ...items.map((item) => pn.Text(item, { key: item, testID: item })),
    { testID: "list" },
  );
});

const byType = (type: string) => (node: { type: string }) => node.type === type;

describe("bridge: resync after a rejected commit", () => {
  it("re-sends the whole tree as one commit, and the far side matches the runtime again", async () => {
    const s = await setup();
    s.root.render(List());
    await s.settled();
    assert.deepEqual(s.endpoint.applier.toJSON(), shadowJSON(s.host));

    s.corrupt(1);
    s.endpoint.raise(findNode(s.endpoint, byType("Button")).tag, "onClick");
    await s.settled();
    assert.equal(s.connection.stats.rejected, 1);
    assert.equal(s.connection.stats.resyncs, 1);
    assert.equal(s.errors.length, 1, "the rejection is still reported");
    assert.equal(s.errors[0]!.code, "dead-tag");
    const resyncs = s.sent.filter((m) => m.resync);
    assert.equal(resyncs.length, 1);
    assert.equal(resyncs[0]!.revision, s.errors[0]!.revision! + 1, "sent right after the rejection");
    assert.deepEqual(s.endpoint.applier.toJSON(), shadowJSON(s.host));
    assert.equal(textOf(findNode(s.endpoint, byType("Button"))), "Add (3)");

    // Events keep working (the tags are the runtime's own), and so do ordinary commits.
    s.endpoint.raise(findNode(s.endpoint, byType("Button")).tag, "onClick");
    await s.settled();
    assert.equal(textOf(findNode(s.endpoint, byType("Button"))), "Add (4)");
    assert.deepEqual(s.endpoint.applier.toJSON(), shadowJSON(s.host));
    assert.equal(s.connection.stats.rejected, 1);
    assert.equal(s.connection.stats.acked, s.connection.stats.commits - 1);
  });

  it("keeps the user's edits: the input's edit count survives, later typing is delivered", async () => {
    const s = await setup();
    s.root.render(List());
    await s.settled();
    const input = findNode(s.endpoint, byType("TextInput"));
    assert.equal(s.endpoint.userEdited(input.tag, "h"), 1);
    assert.equal(s.endpoint.userEdited(input.tag, "hi"), 2);
    await s.settled();

    s.corrupt(1);
    s.endpoint.raise(findNode(s.endpoint, byType("Button")).tag, "onClick");
    await s.settled();
    assert.equal(s.connection.stats.resyncs, 1);
    const again = findNode(s.endpoint, byType("TextInput"));
    assert.notEqual(again, input, "re-created");
    assert.equal(again.props.value, "hi");
    assert.equal(again.edit, 2);

    // Edit 3 is newer than anything the runtime has seen: delivered, not dropped.
    const dropped = s.connection.stats.eventsDropped;
    assert.equal(s.endpoint.userEdited(again.tag, "hi!"), 3);
    await s.settled();
    assert.equal(s.connection.stats.eventsDropped, dropped);
    assert.equal(textOf(findNode(s.endpoint, byType("Button"))), "Add (3)");
    assert.deepEqual(s.endpoint.applier.toJSON(), shadowJSON(s.host));
    assert.equal(findNode(s.endpoint, byType("TextInput")).props.value, "hi!");
  });

  it("one resync answers every rejection of the commits sent before it", async () => {
    const s = await setup();
    s.root.render(List());
    await s.settled();
    s.corrupt(2);
    // Two commits leave before the first rejection comes back.
    s.root.render(pn.Column(pn.Text("one")));
    s.root.render(pn.Column(pn.Text("two"), pn.Text("three")));
    await s.settled();
    assert.equal(s.connection.stats.rejected, 2);
    assert.equal(s.connection.stats.resyncs, 1);
    assert.deepEqual(s.endpoint.applier.toJSON(), [{ type: "Column", props: {}, children: [{ type: "Text", props: {}, children: ["two"] }, { type: "Text", props: {}, children: ["three"] }] }]);
  });

  it("a rejected resync is reported, not retried", async () => {
    const s = await setup();
    s.root.render(List());
    await s.settled();
    s.corrupt(2); // the commit and the resync that answers it
    s.root.render(pn.Text("gone"));
    await s.settled();
    assert.equal(s.connection.stats.rejected, 2);
    assert.equal(s.connection.stats.resyncs, 1);
    assert.equal(s.errors.length, 2);
    // The next rejection of an ordinary commit resyncs again.
    s.corrupt(1);
    s.root.render(pn.Text("back"));
    await s.settled();
    assert.equal(s.connection.stats.resyncs, 2);
    assert.deepEqual(s.endpoint.applier.toJSON(), [{ type: "Text", props: {}, children: ["back"] }]);
  });
});
