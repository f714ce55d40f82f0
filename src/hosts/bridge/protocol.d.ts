/** Types of the bridge protocol (`protocol.js`). docs/bridge.md is the normative description. */

export declare const PROTOCOL_VERSION: number;
export declare const ROOT_TAG: 0;
export declare const TEXT_TYPE: "#text";
export declare const VIEW_TYPES: readonly string[];
export declare const SERVICES: Readonly<Record<ServiceName, readonly string[]>>;
export declare const MAX_PROP_DEPTH: number;
export declare function isHandlerName(name: string): boolean;
export declare function isCount(value: unknown): value is number;
export declare function propValueProblem(value: unknown, depth?: number): string | null;
export declare function propsProblem(props: unknown): string | null;
export declare function protocolError(code: string, message: string, extra?: Record<string, unknown>): ProtocolError;

export type ServiceName = "alert" | "camera" | "storage" | "frames" | "clipboard";

/** JSON data: what a prop value, a payload or a service result may be. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A host's report of what went wrong: a stable `code`, a readable `message`, and for commits the failing op's index. */
export interface ProtocolError {
  code: string;
  message: string;
  op?: number;
}

export type WireProps = Record<string, Json>;

/** One operation of a commit. */
export type Op =
  | { op: "create"; tag: number; type: string; props: WireProps; edit?: number }
  | { op: "create"; tag: number; type: "#text"; text: string }
  | { op: "insert"; parent: number; child: number; index: number }
  | { op: "move"; parent: number; child: number; index: number }
  | { op: "remove"; tag: number }
  | { op: "update"; tag: number; props: WireProps; removed?: string[]; edit?: number }
  | { op: "text"; tag: number; text: string };

/** Runtime → host. */
export type RuntimeMessage =
  | { type: "hello"; protocol: number; instance: string }
  | { type: "commit"; revision: number; ops: Op[]; resync?: boolean }
  | { type: "call"; id: number; service: string; method: string; args: Json[] }
  | { type: "cancel"; id: number }
  | { type: "bye" };

/** Host → runtime. */
export type HostMessage =
  | { type: "welcome"; protocol: number; instance: string; host: string; viewTypes: string[]; services: Record<string, string[]> }
  | { type: "fatal"; error: ProtocolError }
  | { type: "ack"; revision: number }
  | { type: "reject"; revision: number; error: ProtocolError }
  | { type: "event"; instance: string; tag: number; name: string; payload?: Json; revision: number; sequence: number }
  | { type: "reply"; id: number; result: Json }
  | { type: "reply"; id: number; error: ProtocolError }
  | { type: "presented"; revision: number; [extra: string]: Json };

export type Message = RuntimeMessage | HostMessage;
