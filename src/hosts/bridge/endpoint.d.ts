/** Types of the host endpoint (`endpoint.js`). */
import type { Applier, ApplierBackend } from "./applier.js";
import type { HostMessage, Json, ProtocolError, RuntimeMessage } from "./protocol.js";

/** One service call as the host sees it. */
export interface HostCall {
  readonly id: number;
  readonly cancelled: boolean;
  /** Runs `fn` when the runtime cancels the call (at once if it already has). */
  onCancel(fn: () => void): void;
}

export type HostServiceMethod = (args: Json[], call: HostCall) => unknown;
export type HostServices = Partial<Record<string, Record<string, HostServiceMethod>>>;

export interface HostEndpointOptions<H = unknown> {
  send(message: HostMessage): void;
  backend?: ApplierBackend<H>;
  services?: HostServices;
  name?: string;
  onError?(error: ProtocolError): void;
}

export interface HostEndpoint<H = unknown> {
  readonly applier: Applier<H>;
  readonly instance: string | null;
  readonly pendingCalls: number;
  receive(message: RuntimeMessage | unknown): void;
  raise(tag: number, name: string, payload?: Json): boolean;
  userEdited(tag: number, text: string): number;
  presented(revision: number, extra?: Record<string, Json>): void;
}

export declare function createHostEndpoint<H = unknown>(options: HostEndpointOptions<H>): HostEndpoint<H>;
