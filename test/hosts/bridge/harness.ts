// A runtime and a reference host joined in one process, for the bridge tests.
import * as pn from "typenative";
import {
  connect,
  createBridgeHost,
  inProcessPair,
  serveHost,
  toWire,
  type ApplierBackend,
  type BridgeConnection,
  type BridgeHost,
  type HostEndpoint,
  type HostServices,
  type TreeJSON,
  type Transport,
  type ShadowNode,
} from "typenative/bridge";
import { TestHost, type TestNode } from "../../../src/hosts/test/test-host.js";
import { isHandlerName } from "../../../src/hosts/bridge/protocol.js";

export interface Bridged {
  connection: BridgeConnection;
  host: BridgeHost;
  endpoint: HostEndpoint;
  /** The host's end of the transport: tests send forged host messages through it. */
  hostEnd: Transport;
  root: pn.Root;
  /** The far side's tree once every commit sent so far is acknowledged. */
  tree(): Promise<TreeJSON[]>;
  close(): void;
}

/** Connects a bridge host to a reference host endpoint (optionally with services and a backend). */
export async function bridged(options: { services?: HostServices; backend?: ApplierBackend; instance?: string } = {}): Promise<Bridged> {
  const [runtimeEnd, hostEnd] = inProcessPair();
  const endpoint = serveHost(hostEnd, { name: "reference", services: options.services ?? {}, backend: options.backend ?? {} });
  const connection = await connect(runtimeEnd, options.instance === undefined ? {} : { instance: options.instance });
  connection.onError = (error) => {
    throw error;
  };
  const host = createBridgeHost(connection);
  const root = pn.createRoot(host, host.container);
  return {
    connection,
    host,
    endpoint,
    hostEnd,
    root,
    async tree() {
      host.flush();
      await connection.settled();
      return endpoint.applier.toJSON();
    },
    close() {
      root.unmount();
      host.flush();
      connection.close();
    },
  };
}

/** The test host's tree in the applier's JSON form: handlers as `true`, no undefined props. */
export function testHostJSON(container: TestNode): TreeJSON[] {
  return container.children.map(nodeJSON);
}

function nodeJSON(node: TestNode): TreeJSON {
  if (node.type === "#text") return node.text;
  const props: Record<string, unknown> = {};
  for (const name of Object.keys(node.props)) {
    const value = node.props[name];
    if (value === undefined) continue;
    if (isHandlerName(name)) {
      if (typeof value === "function" || value === true) props[name] = true;
      continue;
    }
    const wire = toWire(value, 0);
    if (wire !== undefined) props[name] = wire;
  }
  return { type: node.type, props: props as never, children: node.children.map(nodeJSON) };
}

/** A direct test-host root for comparisons. */
export function direct(): { host: TestHost; container: TestNode; root: pn.Root } {
  const host = new TestHost();
  const container = host.createContainer();
  return { host, container, root: pn.createRoot(host, container) };
}

/** The first live node of the far side's tree matching `test`, depth first. */
export function findNode(endpoint: HostEndpoint, test: (node: ShadowNode) => boolean): ShadowNode {
  const stack: ShadowNode[] = [endpoint.applier.root];
  while (stack.length > 0) {
    const node = stack.shift()!;
    if (test(node)) return node;
    stack.unshift(...node.children);
  }
  throw new Error("no such node on the far side");
}

/** The text inside a far-side node. */
export function textOf(node: ShadowNode): string {
  if (node.type === "#text") return node.text;
  return node.children.map(textOf).join("");
}
