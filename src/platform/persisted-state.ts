/**
 * `usePersistedState`: `useState` whose value lives in `AsyncStorage`.
 *
 * The hook keeps one state cell holding a {@link Box}: the value plus the key
 * and *epoch* it belongs to. The epoch counts key changes, so a box from a
 * previous key is recognisably stale (the hook shows `initial` instead) and a
 * load can tell whether anything happened to its key since it started: a set
 * or a sync newer than the load always wins over it.
 */
import { useComponentScope, useEffect, useRef, useState, type SetState } from "../core/hooks.js";
import type { Scope } from "../runtime/scope.js";
import { startTask } from "../runtime/task.js";
import type { OrderedWrites } from "./ordered-writes.js";
import { AsyncStorage, setItemIn } from "./storage.js";
import { isDev } from "../core/options.js";
import { deferred } from "./deferred.js";
import type { PersistedWrites } from "./persisted-writes.js";

/** @internal The state cell: a value and where it came from. Immutable; a change is a new box. */
export interface Box<T> {
  readonly key: string;
  /** The epoch this value belongs to; shown only while it is the slot's epoch. */
  readonly epoch: number;
  readonly value: T;
  /** Set by the component, so the commit that shows it writes it. */
  readonly write: boolean;
}

/** @internal Per-hook bookkeeping that must not trigger renders. */
export interface Slot<T> {
  /** The key of the latest render; null before the first. */
  key: string | null;
  /** Incremented whenever a render sees a new key. */
  epoch: number;
  /** The latest render's `initial`, shown while nothing is stored. */
  initial: T;
  setBox: SetState<Box<T>>;
  /** The stable setter handed to the component. */
  setValue: SetState<T>;
  /** This hook's writes, in order; made by its first write. */
  writes?: OrderedWrites;
  /** Keys of saves waiting for the write side's code, oldest first. */
  waiting?: string[];
  /**
   * The box of the latest set, until a commit shows it: saved at unmount if
   * no commit ever does ("save and close" in one handler).
   */
  unsaved?: Box<T> | undefined;
}

/** Marks "no stored value": a missing key or text that is not JSON. */
const ABSENT: unique symbol = Symbol("absent");

/** @internal What persisted-writes.ts takes from the hook's first-screen side and from storage. */
export interface PersistedKit {
  readonly setItemIn: typeof setItemIn;
  readonly report: typeof report;
}

/**
 * @internal Writing what the component sets (persisted-writes.ts): imported
 * with `import()` by the first save, since a first screen only loads;
 * `typenative/testing` registers it.
 */
export const persistedWrites = /* @__PURE__ */ deferred<PersistedKit, PersistedWrites>({ setItemIn, report }, () => import("./persisted-writes.js"));

/**
 * State that survives restarts: like `useState`, but the value is loaded from
 * `AsyncStorage` under `key` and every update is written back.
 *
 * - The first render returns `initial`; the stored value loads on mount (as a
 *   task of the component: counted by `pendingTasks()`, cancelled on unmount)
 *   and re-renders the component when it lands. Nothing stored → no re-render.
 * - A value set before the load lands wins: it is shown, written, and the
 *   load's result is dropped.
 * - Writes happen after the commit that shows the new value, in order, one
 *   per commit (a burst of sets in one batch is one write). The first set of
 *   the app also imports the code that writes (the first screen needs none). Nothing is written
 *   unless the component sets a value; an `Object.is`-equal set writes nothing.
 *   A write the component started finishes even if it unmounts, and a
 *   value set by the handler that unmounts it (no commit shows it) is
 *   written at unmount.
 * - Components using the same key stay in sync: a write by one re-renders the
 *   others with the new value; `AsyncStorage.remove`/`clear` bring back `initial`.
 * - When `key` changes the hook shows `initial` until the new key's value loads
 *   (it does not keep showing the old key's value).
 * - Values are JSON (`setJson`/`getJson` format); a stored text that is not
 *   JSON reads as missing. A value JSON cannot represent, or a failed write,
 *   is reported through `pn.runtime.onError` with `source: "storage"` and the
 *   component's name.
 *
 * The setter is stable and takes a value or an updater `(previous) => next`.
 *
 * @example
 * ```ts
 * const ThemeToggle = pn.component(function ThemeToggle() {
 *   const [theme, setTheme] = pn.usePersistedState("settings.theme", "light");
 *   return pn.Button(`Theme: ${theme}`, {
 *     onClick: () => setTheme(theme === "light" ? "dark" : "light"),
 *   });
 * });
 * ```
 */
export function usePersistedState<T>(key: string, initial: T): [T, SetState<T>] {
  if (typeof key !== "string") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `usePersistedState(key, initial): key must be a string, got ${typeof key}` : /* "usePersistedState: key must be a string" */ "typenative #140");
  const scope = useComponentScope();
  const [box, setBox] = useState<Box<T>>(() => ({ key, epoch: 0, value: initial, write: false }));
  const ref = useRef<Slot<T> | null>(null);
  const slot = (ref.current ??= createSlot(setBox, initial));
  if (slot.key !== key) {
    slot.key = key;
    slot.epoch++;
  }
  slot.initial = initial;
  const epoch = slot.epoch;

  useEffect(() => watch(slot, key, epoch, scope), [key]);
  useEffect(() => {
    if (slot.unsaved === box) slot.unsaved = undefined;
    if (box.write) save(slot, box, scope);
  }, [box]);
  // A value set in the handler that also unmounts the component (a setting
  // chosen, then the screen closed) never reaches a commit: save it now.
  useEffect(() => () => void (slot.unsaved && save(slot, slot.unsaved, scope)), []);

  return [box.epoch === epoch ? box.value : initial, slot.setValue];
}

function createSlot<T>(setBox: SetState<Box<T>>, initial: T): Slot<T> {
  const slot: Slot<T> = {
    key: null,
    epoch: 0,
    initial,
    setBox,
    setValue: (action) => {
      // The core calls this updater at once, against the latest pending box,
      // so chained updaters compose. It only computes; the write happens in the
      // effect after the commit.
      setBox((previous) => {
        const current = previous.epoch === slot.epoch;
        const base = current ? previous.value : slot.initial;
        const next = typeof action === "function" ? (action as (previous: T) => T)(base) : action;
        // While the load is pending (`!current`) even an equal value must land:
        // it has to win over the load and be written.
        if (current && Object.is(next, previous.value)) return previous;
        return (slot.unsaved = { key: slot.key!, epoch: slot.epoch, value: next, write: true });
      });
    },
  };
  return slot;
}

/** Loads `key` and follows other writers' changes to it until the key changes or the component unmounts. */
function watch<T>(slot: Slot<T>, key: string, epoch: number, scope: Scope): () => void {
  const unsubscribe = AsyncStorage.subscribe(key, (text) => {
    // While our own write to the key waits for its code, is queued or is in
    // flight, this is its echo, or a foreign write ours is about to
    // overwrite: either way, ours is the news.
    if (slot.epoch !== epoch || slot.waiting?.includes(key) || slot.writes?.busyWith(key)) return;
    const stored = parse<T>(text);
    const value = stored === ABSENT ? slot.initial : stored;
    // A newer value than a set not yet shown: that set is not written (as before a commit).
    slot.setBox((previous) =>
      previous.epoch === epoch && Object.is(previous.value, value) ? previous : ((slot.unsaved = undefined), { key, epoch, value, write: false }),
    );
  });

  const load = startTask(scope, async (signal) => {
    let text: string | null;
    try {
      text = await AsyncStorage.get(key);
    } catch (error) {
      if (!signal.aborted) report(error, scope);
      return;
    }
    if (signal.aborted) return;
    const stored = parse<T>(text);
    // Nothing stored: `initial` is already on screen, so no render.
    if (stored === ABSENT) return;
    // A box of this epoch means a set or a sync happened since the key took
    // effect: it is newer than what we read, so it wins.
    slot.setBox((previous) => (previous.epoch === epoch ? previous : { key, epoch, value: stored, write: false }));
  });

  return () => {
    unsubscribe();
    load.cancel();
  };
}

/**
 * Writes `box` once the write side's code is here: at once when it is
 * loaded, else after the saves already waiting for it, in order (see
 * `deferred().use`). Meanwhile `slot.waiting` says a write of its key is
 * coming, so a change notification does not show a value ours is about to
 * overwrite. A failed import is reported like a failed write; the next save
 * tries again.
 */
function save<T>(slot: Slot<T>, box: Box<T>, scope: Scope): void {
  const waiting = (slot.waiting ??= []);
  waiting.push(box.key);
  const saved = persistedWrites.use((code) => {
    waiting.shift();
    code.save(slot, box, scope);
  });
  saved?.catch((error: unknown) => {
    // The import failed (a save that ran has left the list already).
    if (persistedWrites.loaded() === null) waiting.shift();
    report(error, scope);
  });
}

function parse<T>(text: string | null): T | typeof ABSENT {
  if (text === null) return ABSENT;
  try {
    return JSON.parse(text) as T;
  } catch {
    return ABSENT;
  }
}

function report(error: unknown, scope: Scope): void {
  // The component's runtime: this may run after an await, where the current one is the default.
  scope.runtime.reportError(error, { source: "storage", ...scope.describe() });
}
