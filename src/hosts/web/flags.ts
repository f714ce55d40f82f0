/**
 * The delegated-event flags of the web host's views. Events that bubble are
 * handled by one listener per document; a view with a handler only carries
 * a bit here.
 *
 * The feature modules the DOM host loads on first use (press,
 * pull-to-refresh, modal focus) get these helpers through a
 * {@link FeatureContext} rather than importing this file: a module that both
 * the first chunk and a lazy chunk import is split by bundlers (esbuild)
 * into a chunk of its own, one more request gzipped on its own.
 */
import type { emit } from "../../core/events.js";

/** Where a view keeps the delegated events it handles: a bit set of the flags below. (No description: bytes in every first load.) */
const LISTENS = Symbol();
/** Has `onClick`. */
export const CLICK = 1;
/** A clickable non-button: Enter and Space press it. */
export const CLICK_KEY = 2;
/** A `TextInput` with `onChange`. */
export const CHANGE = 4;
/** A `TextInput` with `onSubmitEditing`. */
export const SUBMIT = 8;
/**
 * The bits from 16 up belong to the feature modules, which set and read
 * them themselves (no listener of this file reads them, so they need not be
 * there before the module is): `PRESS` 16 and `LONG_PRESS` 32 (press.ts),
 * `REFRESH` 64 (pull-to-refresh.ts), `ESCAPE` 128 (modal-focus.ts).
 */
export const FIRST_FEATURE_BIT = 16;

type Flagged = EventTarget & { [LISTENS]?: number };

/** Sets or clears `bit` on `el`. */
export function flag(el: HTMLElement, bit: number, on: boolean): void {
  const flags = (el as Flagged)[LISTENS] ?? 0;
  (el as Flagged)[LISTENS] = on ? flags | bit : flags & ~bit;
}

/** The flags of `target` (0 for anything the host did not flag). */
export function flagsOf(target: EventTarget | null): number {
  return target === null ? 0 : ((target as Flagged)[LISTENS] ?? 0);
}

/** What a lazily loaded feature module uses of the DOM host (see the top of this file). */
export interface FeatureContext {
  readonly emit: typeof emit;
  readonly flag: typeof flag;
  readonly flagsOf: typeof flagsOf;
}
