/**
 * Who hears a query observer's results, and how they hear them: the
 * subscribers of a `QueryObserver` (its base class) and the delivery of
 * each new result to them in the notify batch. What the observer does when
 * its first subscriber comes and its last leaves is its own (fetching,
 * watching its entry and the app's signals): see `query-observer.ts`.
 */
import { currentRuntime } from "../runtime/runtime.js";
import { scheduleNotify, type Notifiable } from "./notify.js";
import type { QueryResult } from "./query-result.js";
import { isDev } from "../core/options.js";

/** @internal A subscriber: `listener` is called as a method of the slot. */
export interface QuerySlot<S, E> {
  listener(result: QueryResult<S, E>): void;
}

type Listener<S, E> = (result: QueryResult<S, E>) => void;

/**
 * The subscribers of an observer: the one (a component's binding, nearly
 * always) in `only`, without a set to insert into or iterate; a set, in
 * subscription order, from the second on.
 */
export abstract class QuerySubscribers<S, E> implements Notifiable {
  #only: QuerySlot<S, E> | null = null;
  #listeners: Set<QuerySlot<S, E>> | null = null;
  /** @internal */
  listenerCount = 0;
  #notifyScheduled = false;
  /** @internal The current result: what the subscribers are handed. */
  abstract result: QueryResult<S, E>;

  /** @internal The first subscriber came (`listenerCount` is 1): start observing. */
  protected abstract subscribed(): void;
  /** @internal The last subscriber left (`listenerCount` is 0): stop observing. */
  protected abstract unsubscribed(): void;
  /** @internal Re-derives the result and schedules its delivery when it changed. */
  abstract updateResult(): void;

  /**
   * Calls `listener` with each new result. The first subscriber starts a
   * fetch if the data is stale, and the observer starts listening for
   * reconnects, focus and its polling interval. Returns the unsubscribe
   * function; the last one to leave aborts the fetch in flight unless other
   * observers want it.
   */
  subscribe(listener: Listener<S, E>): () => void {
    if (typeof listener !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "observer.subscribe(listener): listener must be a function" : /* "subscribe: listener must be a function" */ "typenative #73");
    const slot = { listener };
    this.addSlot(slot);
    return () => this.removeSlot(slot);
  }

  /**
   * @internal {@link subscribe} with a slot object the caller keeps (a
   * `useQuery` binding), so subscribing makes no closure; each slot
   * subscribes once.
   */
  addSlot(slot: QuerySlot<S, E>): void {
    if (this.listenerCount > 0) {
      // A second (third, …) subscriber: the set, in subscription order.
      if (slot === this.#only) return;
      let listeners = this.#listeners;
      if (listeners === null) {
        listeners = this.#listeners = new Set();
        listeners.add(this.#only!);
        this.#only = null;
      }
      listeners.add(slot);
      this.listenerCount = listeners.size;
      return;
    }
    this.#only = slot;
    this.listenerCount = 1;
    this.subscribed();
  }

  /** @internal Undoes {@link addSlot}; a slot not subscribed is ignored. */
  removeSlot(slot: QuerySlot<S, E>): void {
    const listeners = this.#listeners;
    if (listeners !== null) {
      if (!listeners.delete(slot)) return;
      this.listenerCount = listeners.size;
      // Down to one: back to the set-free form.
      if (listeners.size === 1) {
        for (const left of listeners) this.#only = left;
        this.#listeners = null;
      }
      return;
    }
    if (slot !== this.#only) return;
    this.#only = null;
    this.listenerCount = 0;
    this.unsubscribed();
    this.updateResult();
  }

  /** Unsubscribes every listener. */
  destroy(): void {
    if (this.listenerCount === 0) return;
    this.#listeners = null;
    this.#only = null;
    this.listenerCount = 0;
    this.unsubscribed();
  }

  /** @internal Has the current result delivered when the notify batch ends, unless that is pending already or nobody listens. */
  protected scheduleDelivery(): void {
    if (this.listenerCount > 0 && !this.#notifyScheduled) {
      this.#notifyScheduled = true;
      scheduleNotify(this);
    }
  }

  /** @internal Delivers the current result to the listeners (scheduled by `updateResult`, run by the notify batch). */
  deliverNotify(): void {
    this.#notifyScheduled = false;
    const result = this.result;
    // The usual single listener (a component) is called directly: no
    // iterator, no copy.
    const only = this.#only;
    if (only !== null) {
      try {
        only.listener(result);
      } catch (error) {
        currentRuntime().reportError(error, { source: "query" });
      }
      return;
    }
    if (this.#listeners === null) return;
    // Over a copy, so a listener may unsubscribe (or subscribe) meanwhile.
    for (const slot of Array.from(this.#listeners)) {
      try {
        slot.listener(result);
      } catch (error) {
        currentRuntime().reportError(error, { source: "query" });
      }
    }
  }
}
