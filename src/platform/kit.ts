/**
 * What the platform calls loaded on first use (`pn.Camera`, the presenting
 * side of `pn.Alert`) take from the rest of the framework, handed to them
 * when they load (see deferred.ts for why not imports).
 */
import { currentRuntime } from "../runtime/runtime.js";
import { abortable, checkSignal } from "./abortable.js";
import { deferred, type Deferred, type DeferredModule } from "./deferred.js";
import { NotSupportedError } from "./errors.js";

/** @internal The framework parts the deferred platform calls use. */
export interface PlatformKit {
  readonly currentRuntime: typeof currentRuntime;
  readonly abortable: typeof abortable;
  readonly checkSignal: typeof checkSignal;
  readonly NotSupportedError: typeof NotSupportedError;
}

const KIT: PlatformKit = { currentRuntime, abortable, checkSignal, NotSupportedError };

/** @internal Platform calls that `load` imports on first use, built on the {@link PlatformKit}. */
export function deferredCalls<M>(load: () => Promise<DeferredModule<PlatformKit, M>>): Deferred<PlatformKit, M> {
  return deferred(KIT, load);
}
