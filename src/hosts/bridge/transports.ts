/**
 * Transports: how bridge messages travel. A transport moves whole JSON
 * messages, in order, both ways; it never interprets them.
 *
 * - {@link inProcessPair}: two ends in one process (tests, a host in the same isolate);
 * - {@link messagePortTransport}: a `MessagePort`, `Worker` or `worker_threads` port;
 * - {@link streamTransport}: a byte stream (stdio, a socket) carrying
 *   newline-delimited JSON, one message per line.
 */
import type { Readable, Writable } from "node:stream";

/** One end of a message channel. */
export interface Transport {
  /** Sends one message (JSON data). */
  send(message: unknown): void;
  /** Sets the receiver of incoming messages (one receiver; a later call replaces it). */
  onMessage(receive: (message: unknown) => void): void;
  /** Called once when the other side goes away or the transport fails. */
  onClose(callback: (error?: Error) => void): void;
  /** Closes this end. */
  close(): void;
}

/** Largest line {@link streamTransport} accepts: 16 MiB. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * Two connected ends in one process. Messages are copied through JSON (so a
 * test proves they are serializable) and delivered on a microtask, in order.
 *
 * @example
 * ```ts
 * const [runtimeEnd, hostEnd] = inProcessPair();
 * ```
 */
export function inProcessPair(): [Transport, Transport] {
  const a = new InProcessEnd();
  const b = new InProcessEnd();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

class InProcessEnd implements Transport {
  peer: InProcessEnd | null = null;
  private receive: ((message: unknown) => void) | null = null;
  private closers: ((error?: Error) => void)[] = [];
  #closed = false;

  send(message: unknown): void {
    const peer = this.peer;
    if (this.#closed || peer === null) throw new Error("transport is closed");
    const copy = JSON.parse(JSON.stringify(message)) as unknown;
    queueMicrotask(() => {
      if (!peer.#closed) peer.receive?.(copy);
    });
  }

  onMessage(receive: (message: unknown) => void): void {
    this.receive = receive;
  }

  onClose(callback: (error?: Error) => void): void {
    this.closers.push(callback);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const peer = this.peer;
    for (const callback of this.closers) callback();
    if (peer !== null && !peer.#closed) queueMicrotask(() => peer.close());
  }
}

/** What {@link messagePortTransport} needs: a DOM `MessagePort`/`Worker` or a Node `worker_threads` port. */
export type PortLike =
  | { postMessage(message: unknown): void; addEventListener(type: "message", listener: (event: { data: unknown }) => void): void; start?(): void; close?(): void; terminate?(): void }
  | { postMessage(message: unknown): void; on(type: "message", listener: (data: unknown) => void): unknown; close?(): void; terminate?(): void };

/**
 * A transport over a `MessagePort`, a `Worker` (either side) or a Node
 * `worker_threads` port. Messages go through structured clone.
 */
export function messagePortTransport(port: PortLike): Transport {
  let receive: ((message: unknown) => void) | null = null;
  const closers: ((error?: Error) => void)[] = [];
  let closed = false;
  const deliver = (data: unknown) => {
    if (!closed) receive?.(data);
  };
  if ("on" in port && typeof port.on === "function") {
    port.on("message", deliver);
    const on = port as { on(type: string, listener: () => void): unknown };
    on.on("close", () => end());
    // A worker_threads Worker never emits "close": its thread ending (a
    // crash, process.exit, terminate) is "exit", and nothing will answer.
    on.on("exit", () => end());
  } else {
    (port as { addEventListener(type: "message", listener: (event: { data: unknown }) => void): void }).addEventListener("message", (event) => deliver(event.data));
    (port as { start?(): void }).start?.();
  }
  function end(error?: Error): void {
    if (closed) return;
    closed = true;
    for (const callback of closers) callback(error);
  }
  return {
    send(message) {
      if (closed) throw new Error("transport is closed");
      port.postMessage(message);
    },
    onMessage(callback) {
      receive = callback;
    },
    onClose(callback) {
      closers.push(callback);
    },
    close() {
      if (closed) return;
      port.close?.();
      end();
    },
  };
}

/**
 * A transport over a byte stream: one JSON message per line (`\n`), UTF-8.
 * `JSON.stringify` never writes a raw newline, so a line is always one
 * message. A line that is not JSON is reported through `onError` and
 * skipped; a line over {@link MAX_LINE_BYTES} closes the transport.
 *
 * @example
 * ```ts
 * const child = spawn("gjs", ["-m", "main.js"], { stdio: ["pipe", "pipe", "inherit"] });
 * const transport = streamTransport(child.stdout, child.stdin);
 * ```
 */
export function streamTransport(input: Readable, output: Writable, options: { onError?: (error: Error) => void } = {}): Transport {
  let receive: ((message: unknown) => void) | null = null;
  const closers: ((error?: Error) => void)[] = [];
  let closed = false;
  let buffered = "";
  const onError = options.onError ?? ((error: Error) => console.error("[typenative bridge]", error.message));
  input.setEncoding("utf8");
  const onData = (chunk: string) => {
    buffered += chunk;
    let start = 0;
    for (let end = buffered.indexOf("\n"); end !== -1; end = buffered.indexOf("\n", start)) {
      const line = buffered.slice(start, end);
      start = end + 1;
      if (line.trim() === "") continue;
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        onError(new Error(`bridge: skipped a line that is not JSON: ${line.slice(0, 80)}`));
        continue;
      }
      if (closed) return;
      receive?.(message);
    }
    buffered = buffered.slice(start);
    if (buffered.length > MAX_LINE_BYTES) finish(new Error(`bridge: a line longer than ${MAX_LINE_BYTES} bytes`));
  };
  input.on("data", onData);
  input.on("end", () => finish());
  input.on("error", (error: Error) => finish(error));
  output.on("error", (error: Error) => finish(error));

  function finish(error?: Error): void {
    if (closed) return;
    closed = true;
    input.off("data", onData);
    for (const callback of closers) callback(error);
  }
  return {
    send(message) {
      if (closed) throw new Error("transport is closed");
      output.write(`${JSON.stringify(message)}\n`);
    },
    onMessage(callback) {
      receive = callback;
    },
    onClose(callback) {
      closers.push(callback);
    },
    close() {
      if (closed) return;
      finish();
      output.end();
    },
  };
}
