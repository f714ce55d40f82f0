/**
 * Raised when the host the app runs on cannot do what was asked: no alert
 * presenter for `Alert.confirm` / `Alert.choose`, no camera for
 * `Camera.takePhoto`. A host plugs these services into `pn.runtime.services`;
 * this error names the missing one, so the fix is obvious.
 *
 * @example
 * ```ts
 * try {
 *   const path = await pn.Camera.takePhoto();
 * } catch (e) {
 *   if (e instanceof pn.NotSupportedError) showFilePicker();
 *   else throw e;
 * }
 * ```
 */
export class NotSupportedError extends Error {
  /** The missing capability, e.g. `"camera"` or `"alert"`. */
  readonly capability: string;

  constructor(capability: string, message: string) {
    super(message);
    this.name = "NotSupportedError";
    this.capability = capability;
  }
}
