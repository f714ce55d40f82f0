import { cancellationOf } from "./errors.js";
import { checkDelay } from "./loop.js";
import { currentRuntime } from "./runtime.js";

/**
 * Resolves after `ms` milliseconds of the loop's clock (virtual time under
 * `fakeClock()`). Rejects with `CancelledError` as soon as `signal` aborts.
 * Any delay works, also past `setTimeout`'s 2^31−1 ms; `sleep(Infinity)`
 * never resolves by itself (only its signal ends it). A negative or `NaN`
 * delay rejects with `TypeError`.
 *
 * @example
 * ```ts
 * pn.useAsyncEffect(async (signal) => {
 *   await pn.sleep(3000, { signal });
 *   setVisible(false); // never reached once the component is gone
 * }, []);
 * ```
 */
export function sleep(ms: number, options: { signal?: AbortSignal } = {}): Promise<void> {
  const { signal } = options;
  try {
    checkDelay(ms, "sleep(ms)");
  } catch (error) {
    return Promise.reject(error);
  }
  if (signal?.aborted) return Promise.reject(cancellationOf(signal));
  return new Promise<void>((resolve, reject) => {
    const timer = currentRuntime().getLoop().callLater(ms, () => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    });
    function onAbort(): void {
      timer.cancel();
      reject(cancellationOf(signal!));
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
