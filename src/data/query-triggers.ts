/**
 * What a query observer does when time passes or the app's focus or
 * connection changes, imported on first use (see query-observer.ts):
 * refetching on focus and on reconnect, arming and firing the polling
 * interval (`refetchInterval`), and the stale timer that turns a fresh
 * result stale (`staleTime`). None of it runs before a first screen: a
 * signal arrives later, and an observer that polls or keeps data fresh
 * arms its timer once it has subscribed (polling) or once data is there
 * (staleness). The observer keeps the checks that tell whether any of it
 * is wanted, so an observer that never polls, never holds fresh data and
 * hears no signal never loads it.
 *
 * Every entry point works out what to do from the observer's state when
 * it runs, not from the call that asked for it: a call that waited for
 * this code acts on the state of the moment it arrives (an observer that
 * unsubscribed meanwhile arms nothing and refetches nothing).
 *
 * Built on a kit of framework parts handed to it (see
 * src/platform/deferred.ts), so its chunk imports nothing.
 */
import type { TimerHandle } from "../runtime/clock.js";
import type { currentRuntime } from "../runtime/runtime.js";
import type { SignalManager } from "./host-signal-manager.js";
import type { FetchOptions, isStale, QueryState } from "./query.js";

/** @internal The framework parts the triggers use. */
export interface TriggerKit {
  readonly currentRuntime: typeof currentRuntime;
  readonly isStale: typeof isStale;
}

/** @internal The polling and stale timers of an observer, made the first time one is armed. */
export interface Timers {
  interval: TimerHandle | null;
  /** The interval `interval` was armed with; 0 for none. */
  armedInterval: number;
  stale: TimerHandle | null;
  /**
   * When the stale timer fires (loop time), to re-arm it only on a change;
   * `-Infinity` for none: a double like the times it holds, so storing the
   * first one does not change the field's representation.
   */
  staleAt: number;
}

/** @internal The options the triggers read (an observer's normalized options). */
export interface TriggerOptions<T, E> extends FetchOptions<T, E> {
  readonly enabled: boolean;
  readonly staleTime: number;
  readonly refetchOnReconnect: boolean | "always";
  readonly refetchOnWindowFocus: boolean | "always";
  readonly refetchInterval: number | false;
  readonly refetchIntervalInBackground: boolean;
}

/** @internal What the triggers read and change of a `QueryObserver`. */
export interface TriggeredObserver<T = unknown, E = unknown> {
  readonly options: TriggerOptions<T, E>;
  readonly entry: { readonly state: QueryState<T, E>; start(options: FetchOptions<T, E>, cancelRefetch: boolean): void };
  readonly listenerCount: number;
  readonly online: SignalManager;
  readonly focus: SignalManager;
  readonly result: { readonly isStale: boolean };
  timers: Timers | null;
  updateResult(): void;
}

/** @internal The triggers, built on a kit. */
export interface Triggers {
  /** The app went online or offline: refetch stale data (on a reconnect), re-arm or pause polling. */
  onOnline<T, E>(observer: TriggeredObserver<T, E>, online: boolean): void;
  /** The app gained or lost focus: refetch stale data (on focus), re-arm or pause polling. */
  onFocus<T, E>(observer: TriggeredObserver<T, E>, focused: boolean): void;
  /** Arms, keeps or drops the polling timer for the current options, focus and connection. */
  updateInterval<T, E>(observer: TriggeredObserver<T, E>): void;
  /** While watched, re-derives the result when fresh data turns stale, so `isStale` is true without a fetch. */
  updateStaleTimer<T, E>(observer: TriggeredObserver<T, E>): void;
  /** Drops both timers (the observer stopped watching). */
  stop<T, E>(observer: TriggeredObserver<T, E>): void;
}

/** @internal Builds the triggers on `kit`. */
export function implement({ currentRuntime, isStale }: TriggerKit): Triggers {
  const loop = () => currentRuntime().getLoop();

  /** A reconnect or focus trigger: refetch stale data (`"always"`: any data) unless a fetch is under way. */
  function refetchOn<T, E>(observer: TriggeredObserver<T, E>, setting: boolean | "always"): void {
    const { entry, options } = observer;
    if (setting === false || !options.enabled || entry.state.fetching) return;
    if (setting === "always" || isStale(entry.state, options.staleTime)) entry.start(options, false);
  }

  function updateInterval<T, E>(observer: TriggeredObserver<T, E>): void {
    const { refetchInterval, refetchIntervalInBackground, enabled } = observer.options;
    const wanted =
      observer.listenerCount > 0 && enabled && refetchInterval !== false && refetchInterval > 0 &&
      (refetchIntervalInBackground || (observer.focus.get() && observer.online.get()))
        ? refetchInterval
        : 0;
    const timers = observer.timers;
    // The interval the timer was armed with: a re-render with the same one keeps it running.
    if (timers === null ? wanted === 0 : wanted === timers.armedInterval && (wanted === 0 || timers.interval !== null)) return;
    clearInterval(observer);
    if (wanted === 0) return;
    const armed = (observer.timers ??= newTimers());
    armed.armedInterval = wanted;
    armed.interval = loop().callLater(wanted, () => onInterval(observer));
  }

  function onInterval<T, E>(observer: TriggeredObserver<T, E>): void {
    const timers = observer.timers!;
    timers.interval = null;
    timers.armedInterval = 0;
    if (observer.listenerCount === 0) return;
    // Like any trigger, a poll joins a fetch under way rather than aborting it.
    const { entry, options } = observer;
    if (options.enabled && !entry.state.fetching) entry.start(options, false);
    updateInterval(observer);
  }

  function clearInterval<T, E>(observer: TriggeredObserver<T, E>): void {
    const timers = observer.timers;
    if (timers === null) return;
    timers.interval?.cancel();
    timers.interval = null;
    timers.armedInterval = 0;
  }

  function updateStaleTimer<T, E>(observer: TriggeredObserver<T, E>): void {
    const state = observer.entry.state;
    const staleTime = observer.options.staleTime;
    if (observer.listenerCount === 0 || !state.hasData || observer.result.isStale || !Number.isFinite(staleTime)) {
      clearStaleTimer(observer);
      return;
    }
    const at = state.dataUpdatedAt + staleTime;
    const timers = (observer.timers ??= newTimers());
    if (at === timers.staleAt) return;
    clearStaleTimer(observer);
    if (at < 0) return;
    timers.staleAt = at;
    const clock = loop();
    timers.stale = clock.callLater(Math.max(0, at - clock.time()), () => {
      timers.stale = null;
      timers.staleAt = -Infinity;
      observer.updateResult();
    }, { keepAlive: false });
  }

  function clearStaleTimer<T, E>(observer: TriggeredObserver<T, E>): void {
    const timers = observer.timers;
    if (timers === null) return;
    timers.stale?.cancel();
    timers.stale = null;
    timers.staleAt = -Infinity;
  }

  return {
    onOnline(observer, online) {
      if (observer.listenerCount === 0) return;
      // A paused fetch continues by itself; this refetches settled stale data.
      if (online) refetchOn(observer, observer.options.refetchOnReconnect);
      updateInterval(observer);
    },
    onFocus(observer, focused) {
      if (observer.listenerCount === 0) return;
      if (focused) refetchOn(observer, observer.options.refetchOnWindowFocus);
      updateInterval(observer);
    },
    updateInterval,
    updateStaleTimer,
    stop(observer) {
      clearInterval(observer);
      clearStaleTimer(observer);
    },
  };
}

function newTimers(): Timers {
  return { interval: null, armedInterval: 0, stale: null, staleAt: -Infinity };
}
