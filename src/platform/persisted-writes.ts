/**
 * What `usePersistedState` runs only once the component sets a value:
 * turning it into JSON and writing it in order. A first screen only loads
 * stored values, so persisted-state.ts imports this with `import()` at the
 * first save and hands saves over in order (see `save` there);
 * `typenative/testing` registers it up front.
 *
 * Built on a kit of framework parts handed to it (see
 * src/platform/deferred.ts), so its chunk imports nothing of the first load.
 */
import type { Scope } from "../runtime/scope.js";
import type { Box, PersistedKit, Slot } from "./persisted-state.js";
import { OrderedWrites } from "./ordered-writes.js";

/** @internal What {@link implement} builds. */
export type PersistedWrites = ReturnType<typeof implement>;

/** @internal Builds the write side of `usePersistedState` on `kit`. */
export function implement({ setItemIn, report }: PersistedKit) {
  return {
    /** Queues the write of `box`, which the component set and a commit now shows. */
    save<T>(slot: Slot<T>, box: Box<T>, scope: Scope): void {
      let text: string | undefined;
      let problem: unknown = undefined;
      try {
        text = JSON.stringify(box.value);
      } catch (error) {
        problem = error;
      }
      if (text === undefined) {
        const detail = problem instanceof Error ? problem.message : `got ${typeof box.value}`;
        report(new TypeError(`usePersistedState("${box.key}"): the value cannot be stored as JSON: ${detail}`, { cause: problem }), scope);
        return;
      }
      // In the component's runtime: queued writes run after an await, where
      // the current runtime is the default one.
      (slot.writes ??= new OrderedWrites((key, value) => setItemIn(scope.runtime, key, value), (error) => report(error, scope))).write(box.key, text);
    },
  };
}
