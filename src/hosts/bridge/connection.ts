/**
 * The runtime side of the bridge: the handshake, revisions and their
 * acknowledgements, incoming events (with the drop rules), and service
 * calls that an `AbortSignal` cancels on both sides.
 */
import { CancelledError } from "../../runtime/errors.js";
import { PROTOCOL_VERSION } from "./protocol.js";
import type { HostMessage, Json, Op, ProtocolError } from "./protocol.js";
import type { Transport } from "./transports.js";

/** An event as the host raised it. */
export interface BridgeEvent {
  instance: string;
  tag: number;
  name: string;
  payload?: Json;
  revision: number;
  sequence: number;
}

/** What the host said about itself in the handshake. */
export interface HostInfo {
  host: string;
  protocol: number;
  viewTypes: string[];
  services: Record<string, string[]>;
}

/** A protocol failure: a version mismatch, a rejected commit, a closed bridge. */
export class BridgeError extends Error {
  override name = "BridgeError";
  constructor(
    readonly code: string,
    message: string,
    readonly revision?: number,
  ) {
    super(message);
  }
}

/** A service call the host failed (its `{ code, message }`). */
export class BridgeCallError extends Error {
  override name = "BridgeCallError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ConnectOptions {
  /** This app instance's id; a fresh random one by default. Events of other instances are dropped. */
  instance?: string;
  /** How long to wait for the host's welcome. Default 10 s. */
  timeoutMs?: number;
  /** Rejected commits and other protocol errors. Default: throw into the runtime's `onError` via the bridge host. */
  onError?: (error: BridgeError) => void;
}

/** Counters for tests and diagnostics. */
export interface BridgeStats {
  commits: number;
  acked: number;
  rejected: number;
  /** Whole-tree commits sent to repair the far side after a rejection. */
  resyncs: number;
  eventsDelivered: number;
  eventsDropped: number;
}

interface PendingCall {
  resolve(value: Json): void;
  reject(error: unknown): void;
}

/**
 * Connects to a host over `transport`: sends `hello` with the protocol
 * version and resolves once the host welcomes this instance. A host on
 * another protocol version rejects with a {@link BridgeError} whose code is
 * `protocol-mismatch`.
 *
 * @example
 * ```ts
 * const connection = await connect(streamTransport(child.stdout, child.stdin));
 * ```
 */
export function connect(transport: Transport, options: ConnectOptions = {}): Promise<BridgeConnection> {
  const connection = new BridgeConnection(transport, options);
  return connection.ready.then(() => connection);
}

export class BridgeConnection {
  readonly instance: string;
  /** Resolves with the host's info after the handshake. */
  readonly ready: Promise<HostInfo>;
  /** The host's info (after `ready`). */
  hostInfo: HostInfo | null = null;
  readonly stats: BridgeStats = { commits: 0, acked: 0, rejected: 0, resyncs: 0, eventsDelivered: 0, eventsDropped: 0 };
  /** Receives every event that passed the connection's checks. */
  onEvent: (event: BridgeEvent) => void = () => {};
  /**
   * Called after a rejection is reported, with the rejected revision: the
   * bridge host answers with a resync (the whole tree as one commit).
   */
  onReject: ((revision: number) => void) | null = null;
  /** Receives `presented` reports (revision on screen). */
  onPresented: ((message: { revision: number; [key: string]: Json }) => void) | null = null;
  onError: (error: BridgeError) => void;

  #revision = 0;
  #lastSequence = 0;
  #settledRevision = 0;
  private waiters: { revision: number; resolve(): void }[] = [];
  #nextCallId = 1;
  #calls = new Map<number, PendingCall>();
  #closed = false;
  private closeListeners: ((error?: Error) => void)[] = [];

  constructor(
    private readonly transport: Transport,
    options: ConnectOptions = {},
  ) {
    this.instance = options.instance ?? randomId();
    this.onError = options.onError ?? ((error) => console.error("[typenative bridge]", error.message));
    let welcome!: (info: HostInfo) => void;
    let fail!: (error: Error) => void;
    this.ready = new Promise<HostInfo>((resolve, reject) => {
      welcome = resolve;
      fail = reject;
    });
    // The caller may never await `ready` (it learns about failures elsewhere).
    this.ready.catch(() => {});
    const timeoutMs = options.timeoutMs ?? 10_000;
    const timer = setTimeout(() => this.#refused(new BridgeError("timeout", `bridge: no welcome from the host within ${timeoutMs} ms`)), timeoutMs);
    (timer as { unref?(): void }).unref?.();
    this.handshake = { welcome, fail, timer };
    transport.onMessage((message) => this.#receive(message));
    transport.onClose((error) => this.#shutdown(error ?? new BridgeError("closed", "bridge: the host went away")));
    transport.send({ type: "hello", protocol: PROTOCOL_VERSION, instance: this.instance });
  }

  private handshake: { welcome(info: HostInfo): void; fail(error: Error): void; timer: ReturnType<typeof setTimeout> } | null;

  /** The last revision sent. */
  get lastRevision(): number {
    return this.#revision;
  }

  /** Whether the transport is closed. */
  get isClosed(): boolean {
    return this.#closed;
  }

  /**
   * Sends one commit; returns its revision. With `resync`, the ops describe
   * the whole tree and replace the far side's (see docs/bridge.md, Resync).
   */
  commit(ops: Op[], resync = false): number {
    const revision = ++this.#revision;
    this.stats.commits++;
    if (resync) {
      this.stats.resyncs++;
      this.transport.send({ type: "commit", revision, ops, resync: true });
    } else this.transport.send({ type: "commit", revision, ops });
    return revision;
  }

  /** Resolves once the host acknowledged (or rejected) every revision sent so far. */
  settled(): Promise<void> {
    const revision = this.#revision;
    if (this.#settledRevision >= revision || this.#closed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ revision, resolve }));
  }

  /**
   * Calls `service.method(...args)` on the host. Aborting `signal` rejects
   * with `CancelledError` at once and tells the host to cancel (close the
   * dialog, stop the picker); its late reply is ignored.
   */
  call(service: string, method: string, args: Json[] = [], signal?: AbortSignal): Promise<Json> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    if (this.#closed) return Promise.reject(new BridgeError("closed", "bridge: the host went away"));
    const id = this.#nextCallId++;
    return new Promise<Json>((resolve, reject) => {
      const onAbort = () => {
        if (!this.#calls.delete(id)) return;
        reject(new CancelledError());
        try {
          if (!this.#closed) this.transport.send({ type: "cancel", id });
        } catch {
          // A transport that cannot send is closing: the host cancels the call when it learns that.
        }
      };
      this.#calls.set(id, {
        resolve: (value) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(value);
        },
        reject: (error) => {
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        },
      });
      signal?.addEventListener("abort", onAbort, { once: true });
      try {
        this.transport.send({ type: "call", id, service, method, args });
      } catch (error) {
        // Never asked: no reply will come, so nothing may wait for one.
        this.#calls.get(id)?.reject(error);
        this.#calls.delete(id);
      }
    });
  }

  /** Calls in flight. */
  get pendingCalls(): number {
    return this.#calls.size;
  }

  /** Runs `callback` when the bridge closes. */
  onClose(callback: (error?: Error) => void): void {
    this.closeListeners.push(callback);
  }

  /** Says goodbye (the host drops the tree) and closes the transport. */
  close(): void {
    if (this.#closed) return;
    try {
      this.transport.send({ type: "bye" });
    } catch {
      // Already gone.
    }
    this.transport.close();
    this.#shutdown();
  }

  #shutdown(error?: Error): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.handshake !== null) {
      clearTimeout(this.handshake.timer);
      this.handshake.fail(error ?? new BridgeError("closed", "bridge: closed before the host answered"));
      this.handshake = null;
    }
    const calls = [...this.#calls.values()];
    this.#calls.clear();
    for (const call of calls) call.reject(error ?? new BridgeError("closed", "bridge: closed"));
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
    for (const listener of this.closeListeners) listener(error);
  }

  /**
   * The handshake failed (refused, or no welcome in time): `ready` rejects
   * with `error`, and the transport is closed — nothing will run on it, and
   * an open stream or port would keep the process alive after the caller
   * handled the failure. No `bye`: the host has no session of ours (and
   * closing counts as one where it might).
   */
  #refused(error: BridgeError): void {
    const handshake = this.handshake;
    if (handshake === null) return;
    this.handshake = null;
    clearTimeout(handshake.timer);
    handshake.fail(error);
    if (this.#closed) return;
    // Shut down first, so calls made before the handshake fail with its error, not "closed".
    this.#shutdown(error);
    this.transport.close();
  }

  #settle(revision: number): void {
    if (revision > this.#settledRevision) this.#settledRevision = revision;
    if (this.waiters.length === 0) return;
    const keep: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (waiter.revision <= this.#settledRevision) waiter.resolve();
      else keep.push(waiter);
    }
    this.waiters = keep;
  }

  #receive(raw: unknown): void {
    if (typeof raw !== "object" || raw === null) return;
    const message = raw as HostMessage;
    switch (message.type) {
      case "welcome": {
        const handshake = this.handshake;
        if (handshake === null) return;
        if (message.protocol !== PROTOCOL_VERSION) {
          this.#refused(new BridgeError("protocol-mismatch", `bridge: protocol mismatch: this runtime speaks version ${PROTOCOL_VERSION}, the host (${message.host}) speaks ${message.protocol}`));
          return;
        }
        if (message.instance !== this.instance) {
          this.#refused(new BridgeError("wrong-instance", `bridge: the host welcomed instance ${message.instance}, not ${this.instance}`));
          return;
        }
        this.handshake = null;
        clearTimeout(handshake.timer);
        this.hostInfo = { host: message.host, protocol: message.protocol, viewTypes: message.viewTypes, services: message.services };
        handshake.welcome(this.hostInfo);
        return;
      }
      case "fatal": {
        const error = new BridgeError(codeOf(message.error), `bridge: ${message.error?.message ?? "malformed fatal"}`);
        if (this.handshake !== null) this.#refused(error);
        else this.onError(error);
        return;
      }
      case "ack":
        this.stats.acked++;
        this.#settle(message.revision);
        return;
      case "reject": {
        this.stats.rejected++;
        this.#settle(message.revision);
        this.onError(rejection(message.revision, message.error));
        this.onReject?.(message.revision);
        return;
      }
      case "event": {
        // Drop rules: another app instance, a replay (sequence not increasing),
        // or a revision this runtime never sent.
        if (message.instance !== this.instance || typeof message.sequence !== "number" || message.sequence <= this.#lastSequence || message.revision > this.#revision) {
          this.stats.eventsDropped++;
          return;
        }
        this.#lastSequence = message.sequence;
        this.onEvent(message);
        return;
      }
      case "reply": {
        const call = this.#calls.get(message.id);
        if (call === undefined) return; // cancelled, or not ours
        this.#calls.delete(message.id);
        if ("error" in message) call.reject(new BridgeCallError(codeOf(message.error), String(message.error?.message ?? "malformed reply")));
        else call.resolve(message.result);
        return;
      }
      case "presented":
        this.onPresented?.(message);
        return;
    }
  }
}

function rejection(revision: number, error: ProtocolError | undefined): BridgeError {
  const where = error?.op === undefined ? "" : ` (op ${error.op})`;
  return new BridgeError(codeOf(error), `bridge: the host rejected revision ${revision}${where}: ${error?.message ?? "malformed reject"}`, revision);
}

/**
 * The code of a host's `{ code, message }` error. A host that sends another
 * shape gets "malformed": reading it must not throw out of the transport's
 * receiver (a stream transport's data handler: that would end the process)
 * before the call it answers is settled.
 */
function codeOf(error: ProtocolError | null | undefined): string {
  return typeof error?.code === "string" ? error.code : "malformed";
}

function randomId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?(): string } }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
