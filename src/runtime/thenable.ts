/** A `then` method read off a thenable, called with the thenable as `this`. Untyped in T, so Task stays covariant. */
export type ThenMethod = (this: unknown, onFulfilled: (value: unknown) => void, onRejected: (error: unknown) => void) => unknown;

/**
 * @internal The `then` method of a thenable, read once (a getter may answer
 * differently), else undefined. Apart from `task.ts`, so code that only asks
 * "is this a promise?" (a host's event dispatch) carries no `Task`.
 */
export function thenOf(value: unknown): ThenMethod | undefined {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return undefined;
  const then = (value as { then?: unknown }).then;
  return typeof then === "function" ? (then as ThenMethod) : undefined;
}
