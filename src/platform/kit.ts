/**
 * What the platform calls loaded on first use (`pn.Camera`, the presenting
 * side of `pn.Alert`) take from the rest of the framework, handed to them
 * when they load (see deferred.ts for why not imports), and the check of a
 * `signal` argument that the calls and `Alert.show` make.
 */
import { currentRuntime } from "../runtime/runtime.js";
import { cancellationOf } from "../runtime/errors.js";
import { deferred, type Deferred, type DeferredModule } from "./deferred.js";
import { NotSupportedError } from "./errors.js";
import { isDev } from "../runtime/options.js";

/** @internal The framework parts the deferred platform calls use. */
export interface PlatformKit {
  readonly currentRuntime: typeof currentRuntime;
  readonly cancellationOf: typeof cancellationOf;
  readonly checkSignal: typeof checkSignal;
  readonly NotSupportedError: typeof NotSupportedError;
}

const KIT: PlatformKit = { currentRuntime, cancellationOf, checkSignal, NotSupportedError };

/** @internal Platform calls that `load` imports on first use, built on the {@link PlatformKit}. */
export function deferredCalls<M>(load: () => Promise<DeferredModule<PlatformKit, M>>): Deferred<PlatformKit, M> {
  return deferred(KIT, load);
}

/**
 * Throws a `TypeError` unless `signal` is undefined or an `AbortSignal`.
 * Here, not in abortable.ts: `Alert.show` checks at the call, so this is in
 * the first load, and abortable.ts must not be.
 *
 * @internal
 */
export function checkSignal(where: string, signal: unknown): asserts signal is AbortSignal | undefined {
  // Not `instanceof`: an AbortSignal of another window (an iframe's) is none of this one's.
  if (signal !== undefined && typeof (signal as AbortSignal | null)?.aborted !== "boolean") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: signal must be an AbortSignal` : /* `${where}: signal must be an AbortSignal` */ `typenative #135: ${where}`);
  }
}
