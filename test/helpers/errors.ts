import * as pn from "typenative";
import type { ErrorInfo } from "typenative";

/** Captures what reaches `runtime.onError` until `restore()`. */
export function captureErrors(): { errors: Array<{ error: unknown; info: ErrorInfo }>; restore(): void } {
  const previous = pn.runtime.onError;
  const errors: Array<{ error: unknown; info: ErrorInfo }> = [];
  pn.runtime.onError = (error, info) => errors.push({ error, info });
  return {
    errors,
    restore() {
      pn.runtime.onError = previous;
    },
  };
}

/** Captures dev warnings until `restore()`. */
export function captureWarnings(): { warnings: string[]; restore(): void } {
  const previous = pn.options.warn;
  const warnings: string[] = [];
  pn.options.warn = (message) => warnings.push(message);
  return {
    warnings,
    restore() {
      pn.options.warn = previous;
    },
  };
}
