import type { Fiber } from "./fiber.js";
import { FORCED, HAS_EFFECTS, LAYOUT_EFFECTS, UNMOUNTED, WARNED_UNMOUNTED } from "./fiber.js";
import { current } from "./current.js";
import { EFFECT, ID, MEMO, REF, STATE, type EffectHook, type Hook, type IdHook, type MemoHook, type RefHook, type StateHook } from "./hook-types.js";
import { scheduleStateUpdate } from "./dirty.js";
import { nameOf } from "./component.js";
import { isDev, options } from "./options.js";
import { getComponentScope } from "./scope.js";
import { installEffects } from "./install-effects.js";
import type { Scope } from "../runtime/scope.js";
import { noop } from "../runtime/noop.js";

/** Dependency list of effects and memos. */
export type Deps = readonly unknown[] | undefined;

export type SetState<S> = (value: S | ((previous: S) => S)) => void;
export type Dispatch<A> = (action: A) => void;

/** @internal The component rendering now; throws outside a render. */
export function currentFiber(hookName: string): Fiber {
  const fiber = current.fiber;
  if (fiber === null) throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${hookName} can only be called while a component renders (inside the function passed to pn.component)` : /* `${hookName} called outside a component's render` */ `typenative #44: ${hookName}`);
  return fiber;
}

/** @internal Claims the next hook slot, creating it with `create` on the first render. */
export function nextHook<H extends Hook>(hookName: string, tag: H["tag"], create: (fiber: Fiber) => H): H {
  const fiber = currentFiber(hookName);
  const hook = claimHook<H>(fiber, hookName, tag);
  return hook !== undefined ? hook : addHook(fiber, create(fiber));
}

/**
 * @internal Claims the next hook slot of `fiber`: its hook, or `undefined`
 * on the first render, when the caller makes one and {@link addHook}s it.
 * The built-in hooks use this pair rather than {@link nextHook}, which
 * would cost a `create` closure on every call of every render.
 */
export function claimHook<H extends Hook>(fiber: Fiber, hookName: string, tag: H["tag"]): H | undefined {
  const hooks = fiber.hooks;
  const index = current.index++;
  const hook = hooks === null ? undefined : hooks[index];
  if (hook === undefined) {
    if (!current.mounting) {
      throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `Rendered more hooks than during the previous render in ${nameOf(fiber.type)}: hooks must not be called conditionally` : /* `More hooks than the last render in ${nameOf(fiber.type)}` */ `typenative #45: ${nameOf(fiber.type)}`);
    }
    return undefined;
  }
  if (hook.tag !== tag) hookOrderChanged(fiber, hookName);
  return hook as H;
}

/** @internal Throws the error of a hook that found another hook's slot. */
export function hookOrderChanged(fiber: Fiber, hookName: string): never {
  throw new Error(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `Hook order changed between renders in ${nameOf(fiber.type)} (${hookName} found another hook's slot)` : /* `Hook order changed in ${nameOf(fiber.type)}` */ `typenative #46: ${nameOf(fiber.type)}`);
}

/** @internal Appends the hook made for the slot {@link claimHook} found empty. */
export function addHook<H extends Hook>(fiber: Fiber, hook: H): H {
  if (fiber.hooks === null) fiber.hooks = newHookList(hook);
  else fiber.hooks.push(hook);
  return hook;
}

/**
 * A component's hook list, made with its first hook and room for four: the
 * first push onto an empty array reserves sixteen slots, and the list lives
 * as long as the component (10,000 `useQuery` components: about 0.5 MB less
 * to allocate, and for the garbage collector to move, in the heap profile).
 * Cutting the length leaves the capacity.
 */
function newHookList(first: Hook): Hook[] {
  const hooks = [first, first, first, first];
  hooks.length = 1;
  return hooks;
}

/**
 * State that survives re-renders. The setter is stable, takes a value or an
 * updater, renders nothing for an `Object.is`-equal value, and is a no-op
 * (with one dev warning) after unmount.
 *
 * @example
 * ```ts
 * const [count, setCount] = pn.useState(0);
 * pn.Button(`Clicked ${count}`, { onClick: () => setCount((c) => c + 1) });
 * ```
 */
export function useState<S>(initial: S | (() => S)): [S, SetState<S>] {
  const fiber = currentFiber("useState");
  let hook = claimHook<StateHook>(fiber, "useState", STATE);
  if (hook === undefined) hook = addHook(fiber, createStateHook(fiber, typeof initial === "function" ? (initial as () => S)() : initial, null));
  return [takeState(hook) as S, hook.dispatch as SetState<S>];
}

/**
 * State driven by a reducer. `dispatch` is stable and always uses the latest reducer.
 *
 * @example
 * ```ts
 * const [todos, dispatch] = pn.useReducer(todosReducer, []);
 * dispatch({ type: "add", text: "milk" });
 * ```
 */
export function useReducer<S, A>(reducer: (state: S, action: A) => S, initialArg: S): [S, Dispatch<A>];
export function useReducer<S, A, I>(reducer: (state: S, action: A) => S, initialArg: I, init: (arg: I) => S): [S, Dispatch<A>];
export function useReducer<S, A>(reducer: (state: S, action: A) => S, initialArg: unknown, init?: (arg: unknown) => S): [S, Dispatch<A>] {
  const fiber = currentFiber("useReducer");
  let hook = claimHook<StateHook>(fiber, "useReducer", STATE);
  if (hook === undefined) hook = addHook(fiber, createStateHook(fiber, init === undefined ? initialArg : init(initialArg), reducer as StateHook["reducer"]));
  hook.reducer = reducer as StateHook["reducer"];
  return [takeState(hook) as S, hook.dispatch as Dispatch<A>];
}

/**
 * @internal Asks for a render of `fiber` for a hook that keeps no state of
 * its own to compare (`useQuery`, whose binding holds the fiber): like a
 * state setter — never inline, coalesced per flush, counted toward the
 * render-storm guard when called in a render or an effect, dropped after
 * unmount — but never netted out, and without a state slot and its
 * dispatch closure per component.
 */
export function requestRender(fiber: Fiber): void {
  if (fiber.flags & UNMOUNTED) return;
  fiber.flags |= FORCED;
  scheduleStateUpdate(fiber);
}

function takeState(hook: StateHook): unknown {
  if (hook.hasPending) {
    hook.state = hook.pending;
    hook.pending = undefined;
    hook.hasPending = false;
  }
  return hook.state;
}

function createStateHook(fiber: Fiber, state: unknown, reducer: StateHook["reducer"]): StateHook {
  const hook: StateHook = { tag: STATE, state, pending: undefined, hasPending: false, reducer, dispatch: noop };
  hook.dispatch = (action: unknown): void => {
    if (fiber.flags & UNMOUNTED) {
      if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production") warnUnmounted(fiber);
      return;
    }
    // The next state is computed now, against the latest pending one, so an
    // equal value can skip the render and updaters compose in call order.
    const base = hook.hasPending ? hook.pending : hook.state;
    const next = hook.reducer !== null ? hook.reducer(base, action) : typeof action === "function" ? (action as (s: unknown) => unknown)(base) : action;
    if (!hook.hasPending && Object.is(next, hook.state)) return;
    hook.pending = next;
    hook.hasPending = true;
    // The flush skips the render if the batch nets out to the current state.
    scheduleStateUpdate(fiber);
  };
  return hook;
}

function warnUnmounted(fiber: Fiber): void {
  if (fiber.flags & WARNED_UNMOUNTED) return;
  fiber.flags |= WARNED_UNMOUNTED;
  options.warn(`A state setter of ${nameOf(fiber.type)} was called after it unmounted; the update was dropped. Cancel async work on unmount (useAsyncEffect's signal does this for you).`);
}

/**
 * A mutable box that lives as long as the component.
 *
 * @example
 * ```ts
 * const renders = pn.useRef(0);
 * renders.current++;
 * ```
 */
export function useRef<T>(initial: T): { current: T } {
  const fiber = currentFiber("useRef");
  const hook = claimHook<RefHook>(fiber, "useRef", REF) ?? addHook<RefHook>(fiber, { tag: REF, ref: { current: initial } });
  return hook.ref as { current: T };
}

/**
 * Recomputes `compute()` only when `deps` change.
 *
 * @example
 * ```ts
 * const sorted = pn.useMemo(() => items.slice().sort(byDate), [items]);
 * ```
 */
export function useMemo<T>(compute: () => T, deps: Deps): T {
  const fiber = currentFiber("useMemo");
  const mounting = current.mounting;
  const hook = claimHook<MemoHook>(fiber, "useMemo", MEMO) ?? addHook<MemoHook>(fiber, { tag: MEMO, value: undefined, deps: undefined });
  if (mounting || depsChanged(fiber, hook.deps, deps)) {
    hook.value = compute();
    hook.deps = deps;
  }
  return hook.value as T;
}

/** `useMemo(() => fn, deps)`: a callback whose identity changes only with `deps`. */
export function useCallback<F extends (...args: never[]) => unknown>(fn: F, deps: Deps): F {
  return useMemo(() => fn, deps);
}

/**
 * Runs `effect` after the commit, once the host shows the new tree; its
 * cleanup runs right before it re-runs and on unmount. Tasks started in it
 * belong to the component.
 *
 * @example
 * ```ts
 * pn.useEffect(() => {
 *   const id = store.subscribe(setValue);
 *   return () => store.unsubscribe(id);
 * }, [store]);
 * ```
 */
export function useEffect(effect: () => void | (() => void), deps?: Deps): void {
  effectHook("useEffect", effect, deps, false);
}

/** Like `useEffect`, but runs right after the host commit, before any passive effect. */
export function useLayoutEffect(effect: () => void | (() => void), deps?: Deps): void {
  effectHook("useLayoutEffect", effect, deps, true);
}

/**
 * @internal Whether `hook`, an effect hook its caller made and keeps in the
 * slot (an object of its own with the {@link EffectHook} fields: `useQuery`'s
 * binding), runs at this commit: the caller decides, instead of comparing
 * deps. A kept hook (`keep: true`) holds the cleanup of its first run until
 * unmount; later runs return none. One object is so the component's state,
 * its effect and its subscription: no effect slot, closure or deps array of
 * its own per component.
 */
export function scheduleOwnEffect(fiber: Fiber, hook: EffectHook, run: boolean): void {
  hook.pending = run;
  if (run) {
    fiber.flags |= hook.layout ? HAS_EFFECTS | LAYOUT_EFFECTS : HAS_EFFECTS;
    // As in effectHook: the commit reaches effects.ts only once some effect was scheduled.
    installEffects();
  }
}

function effectHook(name: string, create: () => unknown, deps: Deps, layout: boolean): void {
  const fiber = currentFiber(name);
  const mounting = current.mounting;
  const hook =
    claimHook<EffectHook>(fiber, name, EFFECT) ?? addHook<EffectHook>(fiber, { tag: EFFECT, layout, keep: false, create, deps: undefined, nextDeps: undefined, cleanup: null, pending: false });
  // A kept hook is another hook's own object (`scheduleOwnEffect`), not this effect's slot.
  if (hook.keep) hookOrderChanged(fiber, name);
  // Compared with the deps of the last *committed* run: a render pass that a
  // render-phase update threw away must not leave its deps (or its closure) behind.
  hook.pending = mounting || depsChanged(fiber, hook.deps, deps);
  if (hook.pending) {
    hook.create = create;
    hook.nextDeps = deps;
    fiber.flags |= layout ? HAS_EFFECTS | LAYOUT_EFFECTS : HAS_EFFECTS;
    // The commit reaches effects.ts only once some effect was scheduled (effect-runner.ts).
    installEffects();
  }
}

/**
 * Deps rules: `undefined` → changed every render; otherwise pairwise
 * `Object.is`. A change of length counts as a change and warns once.
 */
function depsChanged(fiber: Fiber, prev: Deps, next: Deps): boolean {
  if (prev === undefined || next === undefined) return true;
  if (prev.length !== next.length) {
    if (/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" && !warnedDeps.has(fiber)) {
      warnedDeps.add(fiber);
      options.warn(`The dependency list of a hook in ${nameOf(fiber.type)} changed length (${prev.length} → ${next.length}); keep it constant.`);
    }
    return true;
  }
  for (let i = 0; i < next.length; i++) if (!Object.is(prev[i], next[i])) return true;
  return false;
}

const warnedDeps = new WeakSet<Fiber>();

let nextId = 0;

/**
 * An id string, stable for the component's lifetime and unique among the
 * components of this runtime: for pairing a label with its field
 * (`accessibilityLabelledBy`) or naming things in a host.
 *
 * @example
 * ```ts
 * const id = pn.useId();
 * pn.TextInput({ nativeID: id, placeholder: "Name" });
 * ```
 */
export function useId(): string {
  return nextHook<IdHook>("useId", ID, () => ({ tag: ID, id: `:tn${(nextId++).toString(36)}:` })).id;
}

/**
 * The scope that owns the rendering component's tasks: for hooks that start
 * async work of their own (`useAsyncEffect`, `useQuery`). Closed on unmount.
 */
export function useComponentScope(): Scope {
  return getComponentScope(currentFiber("useComponentScope"));
}

/** The name of the rendering component, for error reports made by hooks. */
export function useComponentName(): string {
  return nameOf(currentFiber("useComponentName").type);
}
