import { registerDefinition } from "./mutation-registry.js";
import { outboxOf } from "./outbox.js";
import { validateRetry, type RetryDelayOption, type RetryOption } from "./retry.js";
import { isDev } from "../core/options.js";

export { isMutationDefinition } from "./mutation-registry.js";

/** The last argument a defined mutation's mutator receives. */
export interface DurableContext {
  /** Aborts when the call is cancelled (or the outbox is cleared): pass it to `pn.fetch`. */
  readonly signal: AbortSignal;
  /**
   * Unique per call and the same on every attempt of it — also on a replay
   * after a restart. Send it as the `Idempotency-Key` header so the server
   * applies the call once however often it arrives.
   */
  readonly idempotencyKey: string;
}

/** Options of {@link defineMutation}. */
export interface DefineMutationOptions {
  /**
   * Keep each call in the mutation outbox (`pn.AsyncStorage`) until the
   * server has it: it survives going offline, crashes and restarts, and
   * replays in order. Arguments must be JSON. Default `false`.
   */
  durable?: boolean;
  /**
   * Retries of a failure that is not a network failure (a 5xx, say) before
   * the call fails: `true` (3), a count, or a predicate. Default: none. For a
   * durable call, network failures (`NetworkError`, `TimeoutError`) are never
   * a failure: the call stays queued and is tried again.
   */
  retry?: RetryOption;
  /** Backoff before a retry; default 1 s, 2 s, 4 s, … capped at 30 s, on the loop clock. */
  retryDelay?: RetryDelayOption;
  /**
   * Called after every successful call of this mutation — also a durable
   * call replayed after a restart, which no component is waiting for. The
   * place to refresh what it changed: `pn.queryClient.invalidate(["posts"])`.
   */
  onSuccess?: (data: unknown, args: unknown[]) => unknown;
}

/** What {@link defineMutation} returns and `useMutation(definition)` accepts. */
export interface MutationDefinition<A extends unknown[] = unknown[], R = unknown> {
  readonly name: string;
  readonly mutator: (...args: [...A, DurableContext]) => R | PromiseLike<R>;
  readonly durable: boolean;
  readonly retry: RetryOption | undefined;
  readonly retryDelay: RetryDelayOption | undefined;
  readonly onSuccess: ((data: unknown, args: unknown[]) => unknown) | undefined;
}

/**
 * Registers a mutation under a name — names, not functions, are what a
 * durable outbox can persist (TanStack #3618: mutation functions cannot be
 * persisted) — and returns its definition for `useMutation(definition)`.
 * The mutator gets the arguments of `mutate(...)` and, always last, a
 * {@link DurableContext} `{ signal, idempotencyKey }`.
 *
 * Define mutations at module level, before `pn.mutationQueue.resume()`, so
 * every stored call finds its mutator after a restart. Defining a name again
 * replaces the mutator (the latest wins).
 *
 * @example
 * ```ts
 * export const createPost = pn.defineMutation(
 *   "createPost",
 *   (input: { authorId: number; body: string }, { signal, idempotencyKey }: pn.DurableContext) =>
 *     pn.fetch("/api/posts", { method: "POST", body: input, headers: { "Idempotency-Key": idempotencyKey }, signal })
 *       .then((r) => r.raiseForStatus().json() as Post),
 *   { durable: true },
 * );
 * // in a component
 * const [state, create] = pn.useMutation(createPost);
 * await create({ authorId: 1, body: "hi" }).persisted; // safe on disk: tell the user it is saved
 * ```
 */
export function defineMutation<A extends unknown[], R>(
  name: string,
  mutator: (...args: [...A, DurableContext]) => R | PromiseLike<R>,
  options: DefineMutationOptions = {},
): MutationDefinition<A, R> {
  if (typeof name !== "string" || name === "") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "defineMutation(name, mutator): name must be a non-empty string" : /* "defineMutation: name must be a non-empty string" */ "typenative #57");
  if (typeof mutator !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `defineMutation("${name}", mutator): mutator must be a function` : /* `defineMutation("${name}", mutator): mutator must be a function` */ `typenative #58: ${name}`);
  if (options === null || typeof options !== "object") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `defineMutation("${name}", mutator, options): options must be an object` : /* `defineMutation("${name}"): options must be an object` */ `typenative #59: ${name}`);
  if (options.durable !== undefined && typeof options.durable !== "boolean") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `defineMutation("${name}"): durable must be a boolean` : /* `defineMutation("${name}"): durable must be a boolean` */ `typenative #60: ${name}`);
  validateRetry(options as never, `defineMutation("${name}")`);
  if (options.onSuccess !== undefined && typeof options.onSuccess !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `defineMutation("${name}"): onSuccess must be a function` : /* `defineMutation("${name}"): onSuccess must be a function` */ `typenative #61: ${name}`);
  const definition: MutationDefinition<A, R> = Object.freeze({
    name,
    mutator,
    durable: options.durable === true,
    retry: options.retry,
    retryDelay: options.retryDelay,
    onSuccess: options.onSuccess,
  });
  // This module, not mutation.ts, imports the outbox: an app that never
  // defines a mutation does not carry it (see mutation-registry.ts).
  registerDefinition(definition as unknown as MutationDefinition<never[], unknown>, definition.durable ? outboxOf : null);
  return definition;
}
