/**
 * Data hooks: async effects, queries with a shared cache, mutations — and
 * the framework-free cache and observers underneath them.
 */
export { useAsyncEffect, type AsyncEffect, type AsyncEffectCleanup } from "./use-async-effect.js";
export { useQuery } from "./use-query.js";
export { QueryClient, queryClient, type QueryClientOptions } from "./query-cache.js";
export { QueryObserver, type QueryResult, type QueryOptions, type QueryObserverOptions, type QueryStatus, type Fetcher } from "./query-observer.js";
export { Query, reduceQuery, type QueryState, type QueryAction, type FetchStatus } from "./query.js";
export { onlineManager } from "./online-manager.js";
export { focusManager } from "./focus-manager.js";
export type { NetworkMode } from "./network-mode.js";
export type { SignalListener } from "./host-signal-manager.js";
export { replaceEqualDeep } from "./structural-sharing.js";
export type { QueryKey } from "./query-key.js";
export { withRetry, defaultRetryDelay, type RetryOption, type RetryDelayOption } from "./retry.js";
export { useMutation, type Mutate } from "./use-mutation.js";
export { Mutation, type MutationState, type MutationCall, type MutationOptions, type MutationContext, type MutationAction, type MutationSource } from "./mutation.js";
export { defineMutation, isMutationDefinition, type MutationDefinition, type DefineMutationOptions, type DurableContext } from "./define-mutation.js";
export { mutationQueue, OUTBOX_KEY, type OutboxEntry, type FailedOutboxEntry } from "./outbox.js";
export type { PersistOptions, PersistStorage } from "./persist.js";
