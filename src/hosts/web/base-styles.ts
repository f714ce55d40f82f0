/**
 * The few CSS rules every typenative view starts from, in the spirit of
 * React Native's layout defaults: views are flex columns that do not shrink,
 * sizes include padding and border, and text keeps its line breaks.
 *
 * Installed once per document as a constructed style sheet (allowed under a
 * strict Content-Security-Policy, unlike an inline `<style>`). Every selector
 * is wrapped in `:where()`, so it has zero specificity and any rule of the
 * app's own CSS wins.
 */
const RULES = `
:where(.tn) { box-sizing: border-box; min-width: 0; min-height: 0; flex-shrink: 0; margin: 0; padding: 0; border: 0 solid; }
:where(.tn-view, .tn-column, .tn-scroll, .tn-list) { display: flex; flex-direction: column; }
:where(.tn-row) { display: flex; flex-direction: row; }
:where(.tn-scroll, .tn-list) { overflow: auto; }
:where(.tn-list) { list-style: none; }
:where(.tn-text) { white-space: pre-wrap; overflow-wrap: anywhere; }
:where(.tn-text .tn-text) { display: inline; }
:where(.tn-spacer) { flex-grow: 1; }
:where(.tn-spacer.tn-sized) { flex-grow: 0; }
:where(.tn-button) { cursor: pointer; font: inherit; padding: 6px 12px; border-width: 1px; border-radius: 6px; }
:where(.tn-button:disabled) { cursor: default; opacity: 0.6; }
:where(.tn-input) { font: inherit; padding: 6px 8px; border-width: 1px; border-radius: 6px; }
:where(.tn-image) { object-fit: cover; }
:where(.tn-alert-backdrop) { position: fixed; inset: 0; z-index: 2147483000; display: flex; align-items: center; justify-content: center; padding: 16px; background: rgba(0, 0, 0, 0.4); }
:where(.tn-alert) { box-sizing: border-box; width: min(100%, 340px); padding: 20px; border-radius: 14px; background: Canvas; color: CanvasText; box-shadow: 0 10px 40px rgba(0, 0, 0, 0.3); font: 15px/1.4 system-ui, sans-serif; }
:where(.tn-alert-title) { margin: 0 0 8px; font-size: 17px; }
:where(.tn-alert-message) { margin: 0 0 16px; white-space: pre-wrap; }
:where(.tn-alert-buttons) { display: flex; flex-direction: row-reverse; flex-wrap: wrap-reverse; justify-content: flex-start; gap: 8px; }
:where(.tn-alert-stacked) { flex-direction: column; }
:where(.tn-alert-button) { font: inherit; padding: 8px 14px; border: 1px solid rgba(127, 127, 127, 0.4); border-radius: 8px; background: transparent; color: inherit; cursor: pointer; }
:where(.tn-alert-button:focus-visible) { outline: 2px solid Highlight; outline-offset: 2px; }
:where(.tn-alert-cancel) { font-weight: 600; }
:where(.tn-alert-destructive) { color: #d70015; }
:where(.tn-overlay) { position: fixed; inset: 0; z-index: 2147483600; overflow: auto; padding: 24px; background: rgba(20, 0, 0, 0.92); color: #fff; font: 14px/1.5 ui-monospace, Menlo, Consolas, monospace; }
:where(.tn-overlay-title) { margin: 0 0 4px; color: #ff6b6b; font-size: 18px; }
:where(.tn-overlay-source) { margin: 0 0 16px; opacity: 0.7; }
:where(.tn-overlay-message) { margin: 0 0 12px; white-space: pre-wrap; font-size: 16px; }
:where(.tn-overlay-stack) { margin: 0 0 20px; white-space: pre-wrap; opacity: 0.85; }
:where(.tn-overlay-dismiss) { font: inherit; padding: 6px 14px; border: 1px solid #fff; border-radius: 6px; background: transparent; color: #fff; cursor: pointer; }
`;

const installed = new WeakSet<Document>();

/** Adds the base rules to `doc` unless they are there already. */
export function installBaseStyles(doc: Document): void {
  if (installed.has(doc)) return;
  installed.add(doc);
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view && "adoptedStyleSheets" in doc && typeof view.CSSStyleSheet === "function") {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(RULES);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return;
  }
  const style = doc.createElement("style");
  style.textContent = RULES;
  doc.head.appendChild(style);
}
