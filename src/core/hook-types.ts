/** Tags of hook slots, checked so a hook order change is caught with a clear error. */
export const STATE = 1;
export const EFFECT = 2;
export const MEMO = 3;
export const REF = 4;
export const CONTEXT = 5;
export const ID = 6;

/** A `useState` / `useReducer` slot. `pending` holds the eagerly computed next state. */
export interface StateHook {
  tag: typeof STATE;
  state: unknown;
  pending: unknown;
  hasPending: boolean;
  dispatch: (action: unknown) => void;
  reducer: ((state: unknown, action: unknown) => unknown) | null;
}

/** A `useEffect` / `useLayoutEffect` slot (or an object with these fields, see `scheduleOwnEffect`). */
export interface EffectHook {
  tag: typeof EFFECT;
  layout: boolean;
  /** @internal The cleanup runs at unmount only, not before each re-run (`scheduleOwnEffect`). */
  keep: boolean;
  create: () => unknown;
  /** The deps of the last effect run that was committed: what a render compares with. */
  deps: readonly unknown[] | undefined;
  /** The deps of the render that set `pending`; they become `deps` when the effect runs. */
  nextDeps: readonly unknown[] | undefined;
  cleanup: (() => void) | null;
  /** Recomputed by every render: true when the effect must run at the next commit. */
  pending: boolean;
}

export interface MemoHook {
  tag: typeof MEMO;
  value: unknown;
  deps: readonly unknown[] | undefined;
}

export interface RefHook {
  tag: typeof REF;
  ref: { current: unknown };
}

export interface IdHook {
  tag: typeof ID;
  id: string;
}

export type Hook = StateHook | EffectHook | MemoHook | RefHook | IdHook;
