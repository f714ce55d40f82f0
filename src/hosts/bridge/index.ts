/**
 * `typenative/bridge`: render across a message bridge to a host in another
 * thread, process or language.
 *
 * The runtime side turns each commit into one message `{ revision, ops }`,
 * receives events `{ tag, name, payload, revision, sequence }`, and makes
 * platform calls `{ id, service, method, args }` that a signal cancels. The
 * host side (`createHostEndpoint`, plain JavaScript shared with the GTK host)
 * validates a whole commit before applying it. docs/bridge.md is the
 * normative protocol.
 *
 * @example
 * ```ts
 * import { mountBridge, streamTransport } from "typenative/bridge";
 * const child = spawn("gjs", ["-m", "src/hosts/gtk/main.js"], { stdio: ["pipe", "pipe", "inherit"] });
 * const app = await mountBridge(App(), streamTransport(child.stdout!, child.stdin!));
 * // later: app.unmount();
 * ```
 */
import { createRoot, type Root } from "../../core/root.js";
import type { Child } from "../../core/element.js";
import { claimRuntime, type Runtime } from "../../runtime/runtime.js";
import { BridgeConnection, BridgeError, type ConnectOptions } from "./connection.js";
import { createBridgeHost, type BridgeHost } from "./bridge-host.js";
import { bridgeServices, installBridgeServices, type BridgeServices } from "./services.js";
import type { Transport } from "./transports.js";
import { createHostEndpoint, type HostEndpoint, type HostEndpointOptions } from "./endpoint.js";

export { PROTOCOL_VERSION, ROOT_TAG, TEXT_TYPE, VIEW_TYPES, SERVICES } from "./protocol.js";
export type { Json, Op, ProtocolError, RuntimeMessage, HostMessage, Message, WireProps } from "./protocol.js";
export { createApplier } from "./applier.js";
export type { Applier, ApplierBackend, ShadowNode, TreeJSON } from "./applier.js";
export { createHostEndpoint } from "./endpoint.js";
export type { HostEndpoint, HostEndpointOptions, HostCall, HostServices } from "./endpoint.js";
export { connect, BridgeConnection, BridgeError, BridgeCallError } from "./connection.js";
export type { BridgeEvent, ConnectOptions, HostInfo, BridgeStats } from "./connection.js";
export { createBridgeHost, BridgeNode, toWire, type BridgeHost } from "./bridge-host.js";
export {
  bridgeAlert,
  bridgeCamera,
  bridgeFrames,
  bridgeStorage,
  bridgeClipboard,
  bridgeServices,
  installBridgeServices,
  type BridgeServices,
  type Clipboard,
} from "./services.js";
export { inProcessPair, messagePortTransport, streamTransport, MAX_LINE_BYTES, type Transport, type PortLike } from "./transports.js";

/** Options of {@link mountBridge}. */
export interface MountBridgeOptions extends ConnectOptions {
  /** Plug the host's services (alert, camera, frames, storage) into the runtime. Default true. */
  services?: boolean;
  /**
   * The runtime the app runs on. Default: `pn.runtime` when no other app
   * (or the testing entry) has claimed it, else a new one.
   */
  runtime?: Runtime;
}

/** An app rendering across a bridge. */
export interface BridgeApp {
  /** The runtime the app runs on; its services are the bridged ones. */
  readonly runtime: Runtime;
  readonly connection: BridgeConnection;
  readonly host: BridgeHost;
  readonly services: BridgeServices;
  render(element: Child): void;
  /** Unmounts, puts back the services it replaced, says goodbye and closes the transport. */
  unmount(): void;
}

/**
 * Connects over `transport`, then renders `element` on the far side. A
 * rejected commit is reported through `runtime.onError` (source `"bridge"`).
 */
export async function mountBridge(element: Child, transport: Transport, options: MountBridgeOptions = {}): Promise<BridgeApp> {
  const runtime = claimRuntime(options.runtime, "mountBridge()");
  const connection = new BridgeConnection(transport, {
    ...options,
    onError: options.onError ?? ((error: BridgeError) => runtime.reportError(error, { source: "bridge" })),
  });
  await connection.ready;
  const host = createBridgeHost(connection, runtime);
  const services = bridgeServices(connection, runtime);
  const owner = {};
  const installed = options.services === false ? () => {} : installBridgeServices(services, runtime);
  if (options.services !== false) {
    runtime.owner ??= owner;
    // `pn.Platform.OS` is the far side's name: "gtk" for the desktop host.
    if (connection.hostInfo !== null) runtime.services.os = connection.hostInfo.host;
  }
  const restore = (): void => {
    installed();
    if (runtime.owner === owner) runtime.owner = null;
  };
  let root: Root;
  try {
    root = createRoot(host, host.container, { runtime });
    root.render(element);
  } catch (error) {
    restore();
    connection.close();
    throw error;
  }
  let done = false;
  return {
    runtime,
    connection,
    host,
    services,
    render(next) {
      if (done) throw new Error("render(): this app was unmounted");
      root.render(next);
    },
    unmount() {
      if (done) return;
      done = true;
      try {
        root.unmount();
        host.flush();
      } finally {
        restore();
        connection.close();
      }
    },
  };
}

/**
 * Serves a host endpoint on `transport`: every message goes to the endpoint,
 * every reply goes back; the transport closing counts as a `bye`. For hosts
 * written in TypeScript (a Worker's page, the tests' reference host); the GTK
 * host does the same in GJS (it quits when the runtime goes away).
 */
export function serveHost<H = unknown>(transport: Transport, options: Omit<HostEndpointOptions<H>, "send">): HostEndpoint<H> {
  const endpoint = createHostEndpoint<H>({ ...options, send: (message) => transport.send(message) });
  transport.onMessage((message) => endpoint.receive(message));
  // A runtime that went away without a bye (its process died, its worker
  // was terminated) is gone all the same: its calls are cancelled (dialogs
  // close) and its tree dropped, and a late answer is not sent on the
  // closed transport (where send throws).
  transport.onClose(() => endpoint.receive({ type: "bye" }));
  return endpoint;
}
