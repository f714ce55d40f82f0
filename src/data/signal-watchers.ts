import { currentRuntime } from "../runtime/runtime.js";
import type { SignalManager } from "./host-signal-manager.js";
import { Roster } from "./query-roster.js";

/** What a query observer hears through {@link watchSignals}. */
export interface SignalWatcher {
  /** @internal Where the watchers of its runtime keep it (see {@link Roster}); -1 while it watches nothing. */
  watchSlot: number;
  onOnline(online: boolean): void;
  onFocus(focused: boolean): void;
}

/**
 * The observers watching one runtime's online and focus managers, behind
 * one subscription to each: mounting 10,000 queries appends 10,000 entries
 * to one roster, not 20,000 listeners and their unsubscribe closures (nor
 * two sets to insert into). Notified in the order they started watching,
 * each failure reported alone.
 */
interface Watchers {
  readonly observers: Roster<"watchSlot", SignalWatcher>;
  stopOnline: (() => void) | null;
  stopFocus: (() => void) | null;
}

/** Keyed by the online manager: a runtime has one, and one focus manager with it. */
const watchersOf = new WeakMap<SignalManager, Watchers>();

/** Starts telling `observer` about `online`'s and `focus`'s changes (both managers of one runtime). */
export function watchSignals(online: SignalManager, focus: SignalManager, observer: SignalWatcher): void {
  let watchers = watchersOf.get(online);
  if (watchers === undefined) watchersOf.set(online, (watchers = { observers: new Roster("watchSlot"), stopOnline: null, stopFocus: null }));
  const observers = watchers.observers;
  observers.add(observer);
  if (watchers.stopOnline !== null) return;
  watchers.stopOnline = online.subscribe((value) => tell(observers, value, false), "QueryObserver");
  watchers.stopFocus = focus.subscribe((value) => tell(observers, value, true), "QueryObserver");
}

/** Stops {@link watchSignals}; the last observer to leave ends both subscriptions. */
export function unwatchSignals(online: SignalManager, observer: SignalWatcher): void {
  const watchers = watchersOf.get(online);
  if (watchers === undefined || !watchers.observers.delete(observer) || watchers.observers.size > 0) return;
  const { stopOnline, stopFocus } = watchers;
  watchers.stopOnline = null;
  watchers.stopFocus = null;
  stopOnline?.();
  stopFocus?.();
}

function tell(observers: Roster<"watchSlot", SignalWatcher>, value: boolean, focus: boolean): void {
  // Those watching when the change came; one that stopped watching
  // meanwhile is not told, one that started is not.
  observers.each((each) => {
    try {
      if (focus) each.onFocus(value);
      else each.onOnline(value);
    } catch (error) {
      currentRuntime().reportError(error, { source: focus ? "focus" : "online" });
    }
  });
}
