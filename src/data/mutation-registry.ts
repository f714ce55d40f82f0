/**
 * The defined mutations, by name and by definition — kept apart from
 * `defineMutation` so that `Mutation` and the outbox can read them without
 * importing each other.
 *
 * Why the split: every app that calls `useMutation` carries `mutation.ts`.
 * If it imported the outbox to run durable calls, every such app would carry
 * the outbox (and through it AsyncStorage), though only a durable definition
 * from `pn.defineMutation` can ever reach it. So `define-mutation.ts` is the
 * one module that imports the outbox: it records here, next to each durable
 * definition, how its calls reach their runtime's outbox, and `Mutation`
 * looks that up. An app that never defines a mutation carries none of it.
 */
import type { Runtime } from "../runtime/runtime.js";
import type { MutationDefinition } from "./define-mutation.js";
import type { Outbox } from "./outbox.js";

/** @internal How a durable definition's calls reach the outbox of a runtime (`outboxOf`). */
export type OutboxRoute = (rt: Runtime) => Outbox;

type AnyDefinition = MutationDefinition<never[], unknown>;

/** name -> the latest definition under it; the outbox finds a stored call's mutator here. */
const byName = new Map<string, AnyDefinition>();
/** Durable definitions -> their route to the outbox. Weak: a replaced definition is not kept alive. */
const routes = new WeakMap<object, OutboxRoute>();

/**
 * @internal Registers `definition` under its name (the latest wins) and, for
 * a durable one, how its calls reach the outbox.
 */
export function registerDefinition(definition: MutationDefinition<never[], unknown>, route: OutboxRoute | null): void {
  byName.set(definition.name, definition);
  if (route !== null) routes.set(definition, route);
}

/** @internal The definition registered under `name`, if any. */
export function definitionNamed(name: string): MutationDefinition<unknown[], unknown> | undefined {
  return byName.get(name) as MutationDefinition<unknown[], unknown> | undefined;
}

/** @internal The outbox route of a durable definition made by `defineMutation`; `undefined` for any other object. */
export function outboxRouteOf(definition: object): OutboxRoute | undefined {
  return routes.get(definition);
}

/** True for what `pn.defineMutation` returned. */
export function isMutationDefinition(value: unknown): value is MutationDefinition<unknown[], unknown> {
  return typeof value === "object" && value !== null && typeof (value as MutationDefinition).name === "string" && typeof (value as MutationDefinition).mutator === "function" && Object.isFrozen(value);
}
