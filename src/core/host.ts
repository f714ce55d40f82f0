/**
 * The contract between the reconciler and a host (test, web, ...).
 *
 * A host owns real views; the reconciler decides what changes. The required
 * core is small, and each method has a phase rule:
 *
 * - **Render phase** (may be thrown away if a render fails):
 *   `createView`, `createText` and `appendInitialChild`. They only ever touch
 *   nodes that are not attached to the committed tree yet. A host must not
 *   show anything or run user code from them.
 * - **Commit phase** (applied as one batch, between `commitStart` and
 *   `commitEnd`): `insertBefore` (also moves an attached child), `removeChild`,
 *   `updateProps`, `setText`. Payloads were computed while rendering, so a
 *   commit only applies them — across a bridge a commit is one message.
 * - **Between commits**: `updateProps` may also be called by animation drivers
 *   on each frame, for style keys only. Hosts must accept that.
 *
 * Hosts never call user handlers directly: they call `emit(node, "onClick", ...)`
 * from `typenative`'s core, which runs the latest handler in its component's
 * scope, batches the setters it calls and turns a returned promise into a task.
 */
export interface HostConfig<N extends object = object> {
  /** Render phase. A detached view of built-in `type` with its initial props (no `children`, no `key`). */
  createView(type: string, props: Props): N;
  /** Render phase. A detached text node. */
  createText(text: string): N;
  /** Render phase. Appends `child` to a `parent` created in this same render (never to a committed node). */
  appendInitialChild(parent: N, child: N): void;
  /** Commit phase. Inserts `child` before `before` (or at the end); moves it when already a child of `parent`. */
  insertBefore(parent: N, child: N, before: N | null): void;
  /** Commit phase. Detaches `child`; the host may recycle or drop it. */
  removeChild(parent: N, child: N): void;
  /**
   * Commit phase (or a frame, for animated styles). `changes` holds only the
   * keys that changed, with `undefined` for removed ones; `props` is the full
   * new props object.
   */
  updateProps(node: N, type: string, changes: Props, props: Props): void;
  /** Commit phase. New text for a text node. */
  setText(node: N, text: string): void;
  /**
   * Optional. Commit phase. Detaches every child of `parent` at once (the
   * DOM's `textContent = ""` instead of one `removeChild` per row), in place
   * of the `count` `removeChild` calls that would follow. The host must
   * check that `parent` has exactly `count` children (the reconciler knows
   * which views go, not whether the host keeps others there) and return
   * false, changing nothing, when it has not.
   */
  clearChildren?(parent: N, count: number): boolean;
  /** Optional. Called before the first commit operation of a batch. */
  commitStart?(): void;
  /** Optional. Called after the last commit operation of a batch (before layout effects). */
  commitEnd?(): void;
}

/** Props of an element as the reconciler and hosts see them. */
export type Props = Record<string, unknown>;
