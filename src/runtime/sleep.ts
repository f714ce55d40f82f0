import { cancellationOf } from "./errors.js";
import { runtime } from "./runtime.js";

/**
 * Resolves after `ms` milliseconds of the loop's clock (virtual time under
 * `fakeClock()`). Rejects with `CancelledError` as soon as `signal` aborts.
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
  if (typeof ms !== "number" || Number.isNaN(ms)) {
    return Promise.reject(new TypeError(`sleep(ms): ms must be a number, got ${String(ms)}`));
  }
  if (signal?.aborted) return Promise.reject(cancellationOf(signal));
  return new Promise<void>((resolve, reject) => {
    const timer = runtime.getLoop().callLater(ms, () => {
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
