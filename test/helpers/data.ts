// Shared setup for the data-hook tests (test/data): a fake clock per test,
// cleanup of trees and of the query cache after each, and a controllable
// promise for fetchers and mutators.
import { afterEach, beforeEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { cleanup, fakeClock, settle, type FakeClock, type RenderResult } from "typenative/testing";

/** A promise the test settles by hand. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Call inside a `describe`: a fresh fake clock per test; cleanup and `queryClient.clear()` after it. */
export function useDataTest(): { readonly clock: FakeClock } {
  let clock: FakeClock | null = null;
  beforeEach(() => {
    clock = fakeClock();
  });
  afterEach(() => {
    cleanup();
    pn.queryClient.clear();
    pn.onlineManager.setOnline(undefined);
    pn.focusManager.setFocused(undefined);
    clock?.uninstall();
    clock = null;
  });
  return {
    get clock(): FakeClock {
      if (clock === null) throw new Error("useDataTest(): no test is running");
      return clock;
    },
  };
}

/** Unmounts `ui`, settles, and checks that nothing the tree started is still running. */
export async function unmountAndCheck(ui: RenderResult): Promise<void> {
  ui.unmount();
  await settle();
  assert.equal(pn.runtime.pendingTasks(), 0, "tasks still pending after unmount + settle");
}

/** The texts of every Text and Button on screen, in tree order. */
export function texts(ui: RenderResult): string[] {
  return ui.queryAllByText(/.*/).map((node) => node.text);
}

/** A thenable (not a promise) that counts the reads of its `then` and is resolved by hand: for code that must read `then` once. */
export function countingThenable<T>(): { thenable: PromiseLike<T>; reads(): number; resolve(value: T): void } {
  let reads = 0;
  let resolve: (value: T) => void = () => {};
  const thenable = {
    get then() {
      reads++;
      return (onFulfilled: (value: T) => void) => {
        resolve = onFulfilled;
      };
    },
  } as unknown as PromiseLike<T>;
  return { thenable, reads: () => reads, resolve: (value) => resolve(value) };
}
