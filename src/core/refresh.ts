/**
 * Fast refresh: the reconciler side of `typenative dev`.
 *
 * Nothing in the core imports this file; the dev server's client does, and
 * installs it before the app's modules run. From then on each component a
 * module defines belongs to a *family*, named by the module and the
 * component's name (`src/Counter.ts#Counter`). When the module runs again
 * with new code, the family keeps its element type and swaps the render
 * function behind it:
 *
 * - same hook signature (the hooks the render function calls, in order):
 *   every mounted instance re-renders with the new function and keeps its
 *   state, effects and children;
 * - another signature: every mounted instance remounts (fresh state).
 *
 * How: a family's element type is a stable *wrapper* component without
 * hooks, which renders an *inner* component that calls the latest render
 * function. Keeping state re-renders the inner fibers; remounting gives the
 * family a new inner function, so the wrappers' next render has a child of
 * another type and the reconciler replaces it — also at the root, whose
 * element (`mount(App(), …)`) never changes. Fibers are found by recording
 * `current.fiber` when the wrapper and the inner render; the reconciler is
 * untouched.
 */
import { COMPONENT_OF, createElement, type Child } from "./element.js";
import { componentHooks, type ComponentHook } from "./component.js";
import { current } from "./current.js";
import { BOUNDARY, NO_ERROR, UNMOUNTED, type Fiber } from "./fiber.js";
import { scheduleUpdate } from "./dirty.js";

type Render = (props: any) => Child;

/** One refreshable component: every version of it, under one element type. */
export interface Family {
  /** `module#Name` (with `#2`, `#3` for a repeated name in one module). */
  readonly id: string;
  readonly name: string;
  /** The render function of the latest version. */
  current: Render;
  /** The hooks `current` calls, in order (see {@link hookSignature}). */
  signature: string;
  /** The element type: stable for the family's lifetime. */
  readonly wrapper: Render;
  /** What the wrapper renders; a new function makes every instance remount. */
  inner: Render;
  /** Fibers that rendered the wrapper / the inner component (unmounted ones are pruned lazily). */
  readonly wrappers: Set<Fiber>;
  readonly inners: Set<Fiber>;
  /** A render of this version has not happened yet in these inner fibers: a hook mismatch there remounts instead of failing. */
  readonly refreshing: Set<Fiber>;
}

/** What an update did, for the dev client's log and tests. */
export interface RefreshResult {
  /** Families whose instances kept their state. */
  updated: string[];
  /** Families whose instances remounted (their hooks changed). */
  remounted: string[];
}

const families = new Map<string, Family>();
/**
 * The error boundaries above mounted refreshable components. An update
 * retries those showing their fallback, as React's fast refresh does: an
 * edit that breaks a render is caught by a boundary, which unmounts the
 * broken component, so the fix has no instance left to re-render and the
 * fallback would stay until a reload.
 */
const boundaries = new Set<Fiber>();
const wrapperSet = new WeakSet<Function>();
/** The module whose body is running, and the names its components took so far. */
let module: string | null = null;
let namesSeen = new Map<string, number>();
/** Families (re)defined by the running module, with their new render function. */
let touched: Array<{ family: Family; render: Render; isNew: boolean }> = [];

/**
 * The hooks a render function calls, in source order: the `useXxx` names in
 * its code (digits a bundler appends to rename an import are dropped). Two
 * versions with the same signature keep their instances' state.
 */
export function hookSignature(render: Function): string {
  const names = Function.prototype.toString.call(render).match(/\buse[A-Z][A-Za-z]*/g);
  return names === null ? "" : names.join(",");
}

/** Installs the component hook. Idempotent; returns `uninstall`. */
export function installRefresh(): () => void {
  componentHooks.refresh = defineComponent;
  return () => {
    if (componentHooks.refresh === defineComponent) componentHooks.refresh = null;
  };
}

/** A module's body starts: components it defines join families named after `id`. */
export function beginModule(id: string): void {
  module = id;
  namesSeen = new Map();
  touched = [];
}

/**
 * The module's body ended. Returns the families it (re)defined; nothing is
 * applied yet — {@link applyModule} does that once the dev client decided the
 * module is a component module.
 */
export function endModule(): Array<{ family: Family; render: Render; isNew: boolean }> {
  const defined = touched;
  module = null;
  touched = [];
  return defined;
}

/**
 * True when every export of a module namespace is a refreshable component
 * (a factory whose type is a family's wrapper) and there is at least one:
 * only such a module can be swapped in place. Anything else — constants,
 * helpers, a store — may be captured by other modules, so the page reloads.
 */
export function isComponentModule(namespace: object): boolean {
  const keys = Object.keys(namespace);
  if (keys.length === 0) return false;
  for (const key of keys) {
    const value = (namespace as Record<string, unknown>)[key];
    if (typeof value !== "function") return false;
    const type = (value as { [COMPONENT_OF]?: unknown })[COMPONENT_OF];
    if (typeof type !== "function" || !wrapperSet.has(type)) return false;
  }
  return true;
}

/**
 * Applies a new version of a module's components: same hook signature →
 * re-render each mounted instance with the new code, keeping state;
 * otherwise → remount each instance.
 */
export function applyModule(defined: Array<{ family: Family; render: Render; isNew: boolean }>): RefreshResult {
  const result: RefreshResult = { updated: [], remounted: [] };
  for (const { family, render, isNew } of defined) {
    if (isNew) continue;
    const signature = hookSignature(render);
    family.current = render;
    if (signature === family.signature) {
      for (const fiber of mountedOf(family.inners)) {
        family.refreshing.add(fiber);
        scheduleUpdate(fiber);
      }
      result.updated.push(family.id);
    } else {
      family.signature = signature;
      remount(family);
      result.remounted.push(family.id);
    }
  }
  if (result.updated.length + result.remounted.length > 0) retryBoundaries();
  return result;
}

/** Resets every known boundary showing a fallback (its `reset()`): its children mount afresh with the latest code. */
function retryBoundaries(): void {
  for (const boundary of boundaries) {
    if (boundary.flags & UNMOUNTED) boundaries.delete(boundary);
    else if (boundary.error !== NO_ERROR) {
      boundary.error = NO_ERROR;
      scheduleUpdate(boundary);
    }
  }
}

/** The family an element type belongs to (tests and the dev client's log). */
export function familyOf(type: unknown): Family | undefined {
  if (typeof type !== "function" || !wrapperSet.has(type)) return undefined;
  for (const family of families.values()) if (family.wrapper === type) return family;
  return undefined;
}

/** Forgets every family (tests). */
export function resetRefresh(): void {
  families.clear();
  boundaries.clear();
  module = null;
  touched = [];
}

/** The component hook: called by `component()` while the dev client is installed. */
const defineComponent: ComponentHook = (render, name) => {
  if (module === null) return null;
  const seen = (namesSeen.get(name) ?? 0) + 1;
  namesSeen.set(name, seen);
  const id = seen === 1 ? `${module}#${name}` : `${module}#${name}#${seen}`;
  let family = families.get(id);
  const isNew = family === undefined;
  if (family === undefined) {
    family = createFamily(id, name, render as Render);
    families.set(id, family);
  }
  // Markers a render function carries (pn.memo's comparison) go on the element type.
  for (const symbol of Object.getOwnPropertySymbols(render)) {
    (family.wrapper as unknown as Record<symbol, unknown>)[symbol] = (render as unknown as Record<symbol, unknown>)[symbol];
  }
  touched.push({ family, render: render as Render, isNew });
  return family.wrapper;
};

function createFamily(id: string, name: string, render: Render): Family {
  const family: Family = {
    id,
    name,
    current: render,
    signature: hookSignature(render),
    wrapper: null as unknown as Render,
    inner: null as unknown as Render,
    wrappers: new Set(),
    inners: new Set(),
    refreshing: new Set(),
  };
  // `{ [name]: … }[name]` names the functions for stacks and error reports.
  const wrapper = {
    [name]: (props: Record<string, unknown>): Child => {
      const fiber = current.fiber;
      if (track(family.wrappers, fiber)) noteBoundaries(fiber!);
      return createElement(family.inner, props, null);
    },
  }[name]!;
  (wrapper as { displayName?: string }).displayName = name;
  (family as { wrapper: Render }).wrapper = wrapper;
  wrapperSet.add(wrapper);
  family.inner = makeInner(family);
  return family;
}

/** The inner component of one generation of a family: calls the latest render function. */
function makeInner(family: Family): Render {
  const name = family.name;
  const inner = {
    [name]: (props: unknown): Child => {
      const fiber = current.fiber;
      track(family.inners, fiber);
      if (fiber === null || !family.refreshing.delete(fiber)) return family.current(props);
      // The first render after an update: a hook list that does not fit the
      // kept state (a custom hook changed inside) remounts instead of failing.
      let output: Child;
      try {
        output = family.current(props);
      } catch (error) {
        if (!isHookOrderError(error)) throw error;
        remount(family);
        return null;
      }
      if (fiber.hooks !== null && current.index < fiber.hooks.length) {
        remount(family);
        // Claim the slots the reconciler expects; this render's output is discarded by the remount.
        current.index = fiber.hooks.length;
        return null;
      }
      return output;
    },
  }[name]!;
  (inner as { displayName?: string }).displayName = name;
  return inner;
}

function remount(family: Family): void {
  family.inner = makeInner(family);
  for (const fiber of mountedOf(family.wrappers)) scheduleUpdate(fiber);
}

function isHookOrderError(error: unknown): boolean {
  return error instanceof Error && /Rendered more hooks|Hook order changed/.test(error.message);
}

/** Records a rendering fiber (true when it is new); drops unmounted ones when the set has grown. */
function track(set: Set<Fiber>, fiber: Fiber | null): boolean {
  if (fiber === null || set.has(fiber)) return false;
  set.add(fiber);
  if (set.size % 256 === 0) for (const f of set) if (f.flags & UNMOUNTED) set.delete(f);
  return true;
}

/** Records the error boundaries above a new instance of a refreshable component (see {@link boundaries}). */
function noteBoundaries(fiber: Fiber): void {
  for (let f = fiber.parent; f !== null; f = f.parent) if (f.kind === BOUNDARY) boundaries.add(f);
}

/** The fibers of `set` still mounted; forgets the others. */
function mountedOf(set: Set<Fiber>): Fiber[] {
  const out: Fiber[] = [];
  for (const fiber of set) {
    // Unmounted, or created by a render that failed and was rolled back.
    if (fiber.flags & UNMOUNTED) set.delete(fiber);
    else out.push(fiber);
  }
  return out;
}
