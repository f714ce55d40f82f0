import { useComponentScope, useEffect, type Deps } from "../core/hooks.js";
import { isCancellation } from "../runtime/errors.js";
import type { Scope } from "../runtime/scope.js";
import { startTask } from "../runtime/task.js";
import { isDev } from "../core/options.js";
import { noop } from "../runtime/noop.js";

/** A cleanup an async effect may resolve to. */
export type AsyncEffectCleanup = () => void;

/** An async effect: gets a signal that aborts on a deps change or unmount; may resolve to a cleanup. */
export type AsyncEffect = (signal: AbortSignal) => void | AsyncEffectCleanup | PromiseLike<unknown>;

/**
 * The async sibling of `useEffect`. After the commit, `effect(signal)` runs
 * as a task of the component; when `deps` change or the component unmounts,
 * the task is cancelled — `signal` aborts and any `await pn.sleep(ms, { signal })`
 * inside rejects with `CancelledError`, so the code after it never runs on a
 * component that is gone.
 *
 * If the effect resolves to a function, that function is the cleanup: it runs
 * before the next run and on unmount — or at once, when a run that ignored
 * its signal resolves it after being cancelled. Any other resolved value is ignored.
 * Failures (other than the cancellation itself) are reported through
 * `pn.runtime.onError` with the component's name; they are never thrown into
 * render and never become unhandled rejections. The hook never renders by itself.
 *
 * Deps as for `useEffect`: omitted → after every render, `[]` → on mount.
 *
 * @example
 * ```ts
 * const WelcomeBanner = pn.component(function WelcomeBanner() {
 *   const [visible, setVisible] = pn.useState(true);
 *   pn.useAsyncEffect(async (signal) => {
 *     await pn.sleep(3000, { signal });
 *     setVisible(false); // never reached if the banner is gone within 3 s
 *   }, []);
 *   return visible ? pn.Text("Welcome!") : pn.Spacer();
 * });
 * ```
 */
export function useAsyncEffect(effect: AsyncEffect, deps?: Deps): void {
  if (typeof effect !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "useAsyncEffect(effect, deps): effect must be a function (signal) => promise" : /* "useAsyncEffect: effect must be a function" */ "typenative #83");
  if (deps !== undefined && !Array.isArray(deps)) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "useAsyncEffect(effect, deps): deps must be an array" : /* "useAsyncEffect(effect, deps): deps must be an array" */ "typenative #84");
  const scope = useComponentScope();
  useEffect(() => runAsyncEffect(scope, effect), deps);
}

/** Starts one run of `effect`; returns the `useEffect` cleanup that ends it. */
function runAsyncEffect(scope: Scope, effect: AsyncEffect): () => void {
  let cleanup: AsyncEffectCleanup | null = null;
  let disposed = false;
  const task = startTask(scope, (signal) => {
    const result = effect(signal);
    // A run that ignores its signal goes on after the cancel and may still
    // resolve to a cleanup: what it set up outlives the run (and maybe the
    // component), so that cleanup is due at once. (Before the cancel, the
    // task's own outcome below keeps it.)
    if (result instanceof Promise) result.then((value) => disposed && typeof value === "function" && callCleanup(scope, value as AsyncEffectCleanup), noop);
    return result;
  });
  task.then(
    (value) => {
      if (typeof value !== "function") return;
      // The task may have settled just before the deps changed, with this
      // callback still queued (a cancelled task never gets here): then the
      // cleanup is due at once.
      if (disposed) callCleanup(scope, value as AsyncEffectCleanup);
      else cleanup = value as AsyncEffectCleanup;
    },
    (error: unknown) => {
      if (!isCancellation(error)) report(scope, error);
    },
  );
  return () => {
    disposed = true;
    task.cancel("the effect's deps changed or its component unmounted");
    const resolved = cleanup;
    cleanup = null;
    if (resolved !== null) callCleanup(scope, resolved);
  };
}

function callCleanup(scope: Scope, cleanup: AsyncEffectCleanup): void {
  try {
    cleanup();
  } catch (error) {
    report(scope, error);
  }
}

function report(scope: Scope, error: unknown): void {
  // The component's runtime: failures surface after an await, where the current one is the default.
  scope.runtime.reportError(error, { source: "effect", ...scope.describe() });
}
