/**
 * `pn.Alert` on the web as a module of its own: the accessible modal dialog
 * of dialog.ts, for code that imports it directly (the worker host's page
 * side, tests). `typenative/web` exports the lazy presenter of
 * lazy-services.ts instead, which loads dialog.ts on the first alert.
 */
import { cancellationOf } from "../../runtime/errors.js";
import { installStyles } from "./base-styles.js";
import { createDialogPresenter, type DialogAlertPresenter } from "./dialog.js";

export type { DialogAlertPresenter } from "./dialog.js";

/**
 * Creates the dialog presenter for `doc`. `mount()` installs one as
 * `runtime.services.alert`.
 *
 * @example
 * ```ts
 * pn.runtime.services.alert = createAlertPresenter(document);
 * if (await pn.Alert.confirm("Delete this item?")) await deleteItem();
 * ```
 */
export function createAlertPresenter(doc: Document = document): DialogAlertPresenter {
  return createDialogPresenter(doc, { installStyles, cancellationOf });
}
