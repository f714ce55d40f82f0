import { noop } from "./noop.js";

/**
 * A one-shot result slot, the counterpart of asyncio's `Future`: created by
 * `loop.createFuture()`, settled by `runtime.resolveFuture` /
 * `runtime.rejectFuture` from a host callback, a worker or a timer.
 */
export class Future<T> implements PromiseLike<T> {
  /** Set by the first resolve/reject call; later calls are no-ops. */
  claimed = false;
  readonly #promise: Promise<T>;
  /** @internal */ declare settle: (ok: boolean, value: unknown) => void;

  constructor() {
    this.#promise = new Promise<T>((resolve, reject) => {
      this.settle = (ok, value) => (ok ? resolve(value as T) : reject(value));
    });
    // A rejected future nobody listens to is not an unhandled rejection:
    // whoever awaits it gets its own derived promise.
    this.#promise.catch(noop);
  }

  /** True once a result has been delivered (or is queued for delivery). */
  get done(): boolean {
    return this.claimed;
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#promise.then(onFulfilled, onRejected);
  }
}
