import type { HostSignal } from "../runtime/services.js";
import type { Runtime } from "../runtime/runtime.js";
import { isDev } from "../core/options.js";

/** Hears the new value after each change. */
export type SignalListener = (value: boolean) => void;

/**
 * A yes/no fact of one runtime — online, focused — that follows the host's
 * {@link HostSignal} (the runtime's `services.online` / `services.focus`)
 * unless the app or a test sets it. The shared machinery of the online and
 * focus managers, after TanStack's: listeners hear only real changes, in
 * subscription order, iterating over a copy so one may unsubscribe
 * meanwhile; the host is subscribed only while someone listens, so nothing
 * listens to the platform at import time.
 */
export class SignalManager {
  /** Set by the app or a test; `undefined` follows the host. */
  #override: boolean | undefined = undefined;
  readonly #listeners = new Set<{ listener: SignalListener }>();
  /** The host signal we are subscribed to, and how to stop. */
  #bound: HostSignal | null = null;
  #unbind: (() => void) | null = null;
  /** The value listeners last heard about. */
  #last: boolean;
  /**
   * The host's value as read last, until the current synchronous run ends
   * (a microtask) or the host announces a change: 10,000 queries rendering
   * at once ask for it 10,000 times, and on the web each read is a DOM
   * call (`navigator.onLine`). A host's value only changes between runs,
   * when its announcement comes, so no read within a run can differ.
   */
  #hostValue: boolean | undefined = undefined;
  /** The host signal `hostValue` was read from (a host mounted meanwhile is read afresh). */
  #hostRead: HostSignal | null = null;
  readonly #forgetHostValue = (): void => {
    this.#hostValue = undefined;
    this.#hostRead = null;
  };

  readonly #runtime: Runtime;
  readonly #service: "online" | "focus";

  constructor(runtime: Runtime, service: "online" | "focus") {
    this.#runtime = runtime;
    this.#service = service;
    this.#last = this.get();
  }

  /** The value now: the set one, else the host's, else true (a host that cannot tell). */
  get(): boolean {
    if (this.#override !== undefined) return this.#override;
    const host = this.#runtime.services[this.#service];
    if (host === null || host === undefined) return true;
    if (this.#hostValue !== undefined && this.#hostRead === host) return this.#hostValue;
    const value = host.get() !== false;
    if (this.#hostValue === undefined) queueMicrotask(this.#forgetHostValue);
    this.#hostValue = value;
    this.#hostRead = host;
    return value;
  }

  /** Sets the value (`undefined`: follow the host again) and tells the listeners if it changed. */
  set(value: boolean | undefined, where: string): void {
    if (value !== undefined && typeof value !== "boolean") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: expected true, false or undefined, got ${String(value)}` : /* `${where}: expected a boolean` */ `typenative #63: ${where}`);
    this.#override = value;
    this.#changed();
  }

  /** Calls `listener(value)` after each change; returns the unsubscribe function. */
  subscribe(listener: SignalListener, where: string): () => void {
    if (typeof listener !== "function") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: listener must be a function` : /* `${where}: listener must be a function` */ `typenative #64: ${where}`);
    const slot = { listener };
    if (this.#listeners.size === 0) this.#last = this.get();
    this.#listeners.add(slot);
    this.#bind();
    return () => {
      if (!this.#listeners.delete(slot) || this.#listeners.size > 0) return;
      this.#unbind?.();
      this.#unbind = null;
      this.#bound = null;
    };
  }

  /** Follows the runtime's current host signal (a host may have been mounted since we subscribed). */
  #bind(): void {
    const host = this.#runtime.services[this.#service] ?? null;
    if (host === this.#bound) return;
    this.#unbind?.();
    this.#unbind = null;
    this.#bound = host;
    if (host !== null) this.#unbind = host.subscribe(this.#onHost);
  }

  readonly #onHost = (): void => {
    this.#hostValue = undefined;
    this.#changed();
  };

  #changed(): void {
    if (this.#listeners.size > 0) this.#bind();
    const value = this.get();
    if (value === this.#last) return;
    this.#last = value;
    for (const slot of Array.from(this.#listeners)) {
      try {
        slot.listener(value);
      } catch (error) {
        this.#runtime.reportError(error, { source: this.#service });
      }
    }
  }
}

/** The managers of each runtime, made on first use. */
const managers = new WeakMap<Runtime, { online?: SignalManager; focus?: SignalManager }>();

/** @internal The `service` manager of `rt`. */
export function signalManagerOf(rt: Runtime, service: "online" | "focus"): SignalManager {
  let pair = managers.get(rt);
  if (pair === undefined) managers.set(rt, (pair = {}));
  return (pair[service] ??= new SignalManager(rt, service));
}
