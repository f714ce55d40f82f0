/** Types of the reference applier (`applier.js`). */
import type { Json, ProtocolError } from "./protocol.js";

export { isHandlerName } from "./protocol.js";

/** A view of the applier's shadow tree. */
export interface ShadowNode<H = unknown> {
  readonly tag: number;
  readonly type: string;
  props: Record<string, Json>;
  /** Own text of a text node. */
  text: string;
  parent: ShadowNode<H> | null;
  children: ShadowNode<H>[];
  /** What the backend made for this node. */
  handle: H;
  /** User edits of a TextInput so far. */
  edit: number;
}

/** What a toolkit implements. Every method is optional. */
export interface ApplierBackend<H = unknown> {
  createView?(node: ShadowNode<H>): H;
  createText?(node: ShadowNode<H>): H;
  insert?(parent: ShadowNode<H>, child: ShadowNode<H>, index: number): void;
  move?(parent: ShadowNode<H>, child: ShadowNode<H>, index: number): void;
  remove?(parent: ShadowNode<H>, child: ShadowNode<H>): void;
  update?(node: ShadowNode<H>, changes: Record<string, Json>, removed: string[]): void;
  setText?(node: ShadowNode<H>): void;
  release?(node: ShadowNode<H>): void;
  commitEnd?(revision: number): void;
}

/** Plain data of the tree: views as `{ type, props, children }`, text nodes as strings. */
export type TreeJSON = string | { type: string; props: Record<string, Json>; children: TreeJSON[] };

export interface Applier<H = unknown> {
  readonly root: ShadowNode<H>;
  readonly revision: number;
  readonly size: number;
  get(tag: number): ShadowNode<H> | undefined;
  validate(commit: unknown): ProtocolError | null;
  apply(commit: unknown): ProtocolError | null;
  userEdited(tag: number, text: string): number;
  reset(): void;
  toJSON(): TreeJSON[];
}

export declare function createApplier<H = unknown>(backend?: ApplierBackend<H>): Applier<H>;
