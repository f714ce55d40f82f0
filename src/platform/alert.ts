/**
 * `pn.Alert`: native-style alerts you can await. The framework builds an
 * {@link AlertRequest}, the host's presenter (`runtime.services.alert`) shows
 * it and answers with the pressed button's index or `null` for a dismiss, and
 * this module turns that index into the caller's result.
 *
 * Alerts answer the user, never run at start-up: the presenting side,
 * `confirm` and `choose` (`alert-calls.ts`) are imported on the first call,
 * so a bundler that splits keeps them out of the page's first download
 * (`confirm` and `choose` reject bad arguments, so they may check them
 * there). The argument checks stay here, so `show` still throws a bad
 * argument at the call; `typenative/testing` registers the rest up front.
 */
import { currentRuntime } from "../runtime/runtime.js";
import type { AlertRequest } from "../runtime/services.js";
import { checkSignal, deferredCalls } from "./kit.js";
import { isDev, options } from "../core/options.js";
import { noop } from "../runtime/noop.js";

/** @internal The presenting side of {@link Alert}, imported on first use. */
export const alertCalls = /* @__PURE__ */ deferredCalls(() => import("./alert-calls.js"));

/** Options of {@link Alert.show}. */
export interface AlertShowOptions {
  /** Label of the single button. Default `"OK"`. */
  button?: string;
  /** Aborting closes the alert; `show` then resolves (it never rejects). */
  signal?: AbortSignal;
}

/** Options of {@link Alert.confirm}. */
export interface AlertConfirmOptions {
  /** Default `"OK"`. */
  confirmLabel?: string;
  /** Default `"Cancel"`. */
  cancelLabel?: string;
  /** Aborting closes the alert and rejects with `CancelledError`. */
  signal?: AbortSignal;
}

/** Options of {@link Alert.choose}. */
export interface AlertChooseOptions {
  message?: string;
  /** Default `"Cancel"`. */
  cancelLabel?: string;
  /** Option labels to draw as destructive; each must be one of the options. */
  destructive?: readonly string[];
  /** Aborting closes the alert and rejects with `CancelledError`. */
  signal?: AbortSignal;
}

/**
 * Awaitable alerts (the seed's `pn.Alert`). Each host presents them its own
 * way — modal dialogs on the web, a queue the test answers through the
 * `alerts` driver of `typenative/testing`.
 *
 * Button order (what `alerts.pending()[i].buttons` lists): `show` →
 * `[button]`, `confirm` → `[cancel, confirm]`, `choose` →
 * `[...options, cancel]`.
 *
 * @example
 * ```ts
 * if (await pn.Alert.confirm("Delete this item?")) await deleteItem();
 *
 * const source = await pn.Alert.choose("Photo source", ["Camera", "Gallery"]);
 * if (source === "Camera") setPhoto(await pn.Camera.takePhoto());
 *
 * pn.Alert.show("Saved!"); // fire and forget
 * ```
 */
export const Alert = {
  /**
   * A one-button notice. Safe to ignore: the promise resolves when the user
   * presses the button or dismisses the alert, and never rejects. On a host
   * without an alert presenter (or when the presenter fails) the problem is
   * reported through `pn.runtime.onError` and the promise resolves.
   * Invalid arguments throw a `TypeError` synchronously, at the call.
   *
   * @example
   * ```ts
   * pn.Alert.show("Saved!");
   * await pn.Alert.show("Upload failed", "Check your connection.", { button: "Close" });
   * ```
   */
  show(title: string, messageOrOptions?: string | AlertShowOptions, maybeOptions?: AlertShowOptions): Promise<void> {
    const [message, options] = splitArgs<AlertShowOptions>("Alert.show", messageOrOptions, maybeOptions);
    checkTitle("Alert.show", title, message);
    const button = label("Alert.show", "button", options.button, "OK");
    checkSignal("Alert.show", options.signal);
    const request: AlertRequest = { kind: "show", title, message, buttons: [button], destructive: [], cancelIndex: -1 };
    // Reported where it was asked: the failure arrives after an await,
    // where the current runtime is the default one.
    const rt = currentRuntime();
    // `present` rejects (never throws), whether its code is here or loading.
    return withCalls((calls) => calls.present(request, options.signal)).then(noop, (error: unknown) => {
      // A cancelled notice is simply gone; anything else deserves a report,
      // since nobody awaits a fire-and-forget `show`.
      if (!options.signal?.aborted) rt.reportError(error, { source: "alert" });
    });
  },

  /**
   * Asks a yes/no question. Resolves `true` for the confirm button, `false`
   * for cancel or a dismiss. Rejects with `NotSupportedError` on a host
   * without an alert presenter, `CancelledError` when `signal` aborts.
   *
   * @example
   * ```ts
   * const ok = await pn.Alert.confirm("Discard draft?", "This cannot be undone.", {
   *   confirmLabel: "Discard",
   *   cancelLabel: "Keep",
   * });
   * ```
   */
  confirm(title: string, messageOrOptions?: string | AlertConfirmOptions, maybeOptions?: AlertConfirmOptions): Promise<boolean> {
    return withCalls((calls) => calls.confirm(CHECKS, title, messageOrOptions, maybeOptions));
  },

  /**
   * Lets the user pick one of `options`. Resolves the chosen label, or `null`
   * for the cancel button or a dismiss. `options` must be a non-empty list of
   * distinct, non-empty strings (else `TypeError`). Rejects with
   * `NotSupportedError` on a host without an alert presenter,
   * `CancelledError` when `signal` aborts.
   *
   * @example
   * ```ts
   * const action = await pn.Alert.choose("Post", ["Edit", "Delete"], { destructive: ["Delete"] });
   * if (action === "Delete") await deletePost(id);
   * ```
   */
  choose(title: string, options: readonly string[], chooseOptions: AlertChooseOptions = {}): Promise<string | null> {
    return withCalls((calls) => calls.choose(CHECKS, title, options, chooseOptions));
  },
};

/**
 * Runs `call` with the deferred calls: in this instant when they are
 * loaded (a test sees the alert pending at once), else once imported, in
 * call order (two alerts asked for around the moment the code arrives are
 * presented in the order they were asked for).
 */
function withCalls<T>(call: (calls: AlertCalls) => Promise<T>): Promise<T> {
  return alertCalls.use(call) as Promise<T>;
}

type AlertCalls = NonNullable<ReturnType<typeof alertCalls.loaded>>;

/** `(title, message?, options?)` or `(title, options?)`. */
function splitArgs<O extends object>(where: string, messageOrOptions: unknown, maybeOptions: unknown): [string | undefined, O] {
  if (typeof messageOrOptions === "object" && messageOrOptions !== null && maybeOptions === undefined) {
    return [undefined, messageOrOptions as O];
  }
  if (messageOrOptions !== undefined && typeof messageOrOptions !== "string") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}(title, message?, options?): message must be a string, got ${describe(messageOrOptions)}` : /* `${where}: message must be a string` */ `typenative #108: ${where}`);
  }
  if (maybeOptions !== undefined && (typeof maybeOptions !== "object" || maybeOptions === null)) {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}(title, message?, options?): options must be an object, got ${describe(maybeOptions)}` : /* `${where}: options must be an object` */ `typenative #109: ${where}`);
  }
  return [messageOrOptions, (maybeOptions ?? {}) as O];
}

function checkTitle(where: string, title: unknown, message: unknown): asserts title is string {
  if (typeof title !== "string") throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: title must be a string, got ${describe(title)}` : /* `${where}: title must be a string` */ `typenative #110: ${where}`);
  if (message !== undefined && typeof message !== "string") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: message must be a string, got ${describe(message)}` : /* `${where}: message must be a string` */ `typenative #111: ${where}`);
  }
}

function label(where: string, name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || value === "") {
    throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${where}: ${name} must be a non-empty string, got ${describe(value)}` : /* `${where}: ${name} must be a non-empty string` */ `typenative #112: ${where}, ${name}`);
  }
  return value;
}

/** Names a refused value in the development messages (alert-calls.ts has its own, for `choose`'s checks). */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value);
  return typeof value;
}

/** @internal The argument checks every alert makes, handed to the deferred calls (which import nothing). */
export interface AlertChecks {
  splitArgs: typeof splitArgs;
  checkTitle: typeof checkTitle;
  label: typeof label;
}

const CHECKS: AlertChecks = { splitArgs, checkTitle, label };
