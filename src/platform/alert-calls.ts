/**
 * The side of `pn.Alert` that runs only once an alert is asked for,
 * imported on the first call (see alert.ts): handing the request to the
 * host's presenter and checking its answer, `confirm` and `choose` (the
 * checks of their arguments with them: both reject a bad one).
 */
import type { AlertPresenter, AlertRequest } from "../runtime/services.js";
import type { AlertChecks, AlertChooseOptions, AlertConfirmOptions } from "./alert.js";
import type { PlatformKit } from "./kit.js";
import { abortable } from "./abortable.js";

/** @internal Builds the deferred part of `pn.Alert` on `kit`. */
export function implement(kit: PlatformKit) {
  const { currentRuntime, cancellationOf, NotSupportedError } = kit;
  function checkAnswer(request: AlertRequest, index: unknown): number | null {
    if (index === null) return null;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= request.buttons.length) {
      throw new Error(
        `The alert presenter answered ${String(index)} for "${request.title}", which has buttons ${JSON.stringify(request.buttons)}; ` +
          "it must answer a button index or null",
      );
    }
    return index;
  }

  /**
   * Hands `request` to the host's presenter and checks its answer. Rejects
   * with `NotSupportedError` without one (rejects, not throws: `Alert.show`
   * handles both cases, code loaded or not, as one rejection).
   */
  function present(request: AlertRequest, signal: AbortSignal | undefined): Promise<number | null> {
    const presenter: AlertPresenter | null = currentRuntime().services.alert;
    if (presenter === null || presenter === undefined) {
      return Promise.reject(
        new NotSupportedError(
          "alert",
          `Alert.${request.kind}("${request.title}"): this host has no alert presenter (currentRuntime().services.alert is null). ` +
            "Render with a host that provides one (typenative/web, typenative/testing) or install your own AlertPresenter.",
        ),
      );
    }
    return abortable(cancellationOf, (s) => presenter.present(request, s), signal).then((index) => checkAnswer(request, index));
  }

  /** `choose`'s options: a non-empty list of distinct, non-empty strings, copied. */
  function checkOptions(options: unknown): string[] {
    if (!Array.isArray(options)) {
      throw new TypeError(`Alert.choose(title, options): options must be an array of strings, got ${describe(options)}`);
    }
    if (options.length === 0) throw new TypeError("Alert.choose(title, options): options must not be empty");
    const seen = new Set<string>();
    for (const option of options) {
      if (typeof option !== "string" || option === "") {
        throw new TypeError(`Alert.choose: every option must be a non-empty string, got ${describe(option)}`);
      }
      if (seen.has(option)) throw new TypeError(`Alert.choose: the option "${option}" appears twice`);
      seen.add(option);
    }
    return options.slice() as string[];
  }

  /** `choose`'s `destructive`: labels among `choices`, copied. */
  function checkDestructive(destructive: unknown, choices: string[]): string[] {
    if (destructive === undefined) return [];
    if (!Array.isArray(destructive)) {
      throw new TypeError(`Alert.choose: destructive must be an array of option labels, got ${describe(destructive)}`);
    }
    for (const entry of destructive) {
      if (typeof entry !== "string" || !choices.includes(entry)) {
        throw new TypeError(`Alert.choose: destructive lists ${JSON.stringify(entry)}, which is not one of the options ${JSON.stringify(choices)}`);
      }
    }
    return destructive.slice() as string[];
  }

  return {
    present,

    /** `Alert.confirm`: `true` for the confirm button. */
    async confirm(checks: AlertChecks, title: string, messageOrOptions: unknown, maybeOptions: unknown): Promise<boolean> {
      const { splitArgs, label } = checks;
      const [message, options] = splitArgs<AlertConfirmOptions>("Alert.confirm", messageOrOptions, maybeOptions);
      checks.checkTitle("Alert.confirm", title, message);
      const confirmLabel = label("Alert.confirm", "confirmLabel", options.confirmLabel, "OK");
      const cancelLabel = label("Alert.confirm", "cancelLabel", options.cancelLabel, "Cancel");
      kit.checkSignal("Alert.confirm", options.signal);
      const request: AlertRequest = { kind: "confirm", title, message, buttons: [cancelLabel, confirmLabel], destructive: [], cancelIndex: 0 };
      return (await present(request, options.signal)) === 1;
    },

    /** `Alert.choose`: the chosen label, `null` for cancel or a dismiss. */
    async choose(checks: AlertChecks, title: string, options: readonly string[], chooseOptions: AlertChooseOptions): Promise<string | null> {
      const { label } = checks;
      if (typeof chooseOptions !== "object" || chooseOptions === null) {
        throw new TypeError("Alert.choose(title, options, { message, cancelLabel, destructive }): the third argument must be an object");
      }
      const message = chooseOptions.message;
      checks.checkTitle("Alert.choose", title, message);
      const choices = checkOptions(options);
      const cancelLabel = label("Alert.choose", "cancelLabel", chooseOptions.cancelLabel, "Cancel");
      if (choices.includes(cancelLabel)) {
        throw new TypeError(`Alert.choose: the option "${cancelLabel}" is also the cancel label; rename one of them`);
      }
      const destructive = checkDestructive(chooseOptions.destructive, choices);
      kit.checkSignal("Alert.choose", chooseOptions.signal);
      const request: AlertRequest = { kind: "choose", title, message, buttons: [...choices, cancelLabel], destructive, cancelIndex: choices.length };
      const index = await present(request, chooseOptions.signal);
      return index === null || index >= choices.length ? null : choices[index]!;
    },
  };
}

/**
 * Names a refused value in `choose`'s messages. A copy of alert.ts's, whose
 * own is in development messages only: handed over in the kit, it was in
 * every production first load.
 */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value);
  return typeof value;
}
