/**
 * The few CSS rules every typenative view starts from, in the spirit of
 * React Native's layout defaults: views are flex columns that do not shrink,
 * sizes include padding and border, and text keeps its line breaks.
 *
 * Installed once per document as a constructed style sheet (allowed under a
 * strict Content-Security-Policy, unlike an inline `<style>`). Every selector
 * is wrapped in `:where()`, so it has zero specificity and any rule of the
 * app's own CSS wins.
 *
 * Written without optional whitespace, not even between rules (one string
 * of concatenated literals): the rules are in every app's first download
 * (note `:where(.tn-text .tn-text)` keeps its descendant space).
 */
const RULES =
  ":where(.tn){box-sizing:border-box;min-width:0;min-height:0;flex-shrink:0;margin:0;padding:0;border:0 solid}" +
  ":where(.tn-view,.tn-column,.tn-scroll,.tn-list){display:flex;flex-direction:column}" +
  ":where(.tn-row){display:flex;flex-direction:row}" +
  ":where(.tn-scroll,.tn-list){overflow:auto}" +
  ":where(.tn-list){list-style:none}" +
  ":where(.tn-text){white-space:pre-wrap;overflow-wrap:anywhere}" +
  ":where(.tn-text .tn-text){display:inline}" +
  ":where(.tn-spacer){flex-grow:1}" +
  ":where(.tn-spacer.tn-sized){flex-grow:0}" +
  ":where(.tn-button){cursor:pointer;font:inherit;padding:6px 12px;border-width:1px;border-radius:6px}" +
  ":where(.tn-button:disabled){cursor:default;opacity:.6}" +
  ":where(.tn-input){font:inherit;padding:6px 8px;border-width:1px;border-radius:6px}" +
  ":where(.tn-image){object-fit:cover}";

const installed = new WeakMap<Document, Set<string>>();

/** Adds the base rules to `doc` unless they are there already. */
export function installBaseStyles(doc: Document): void {
  installStyles(doc, RULES);
}

/**
 * Adds a sheet of `rules` to `doc` once (per document and rules text). Each
 * module that draws its own elements (the alert dialog, the error overlay)
 * keeps its rules beside its code and installs them on first use, so an app
 * that never shows one carries neither the code nor the CSS.
 */
export function installStyles(doc: Document, rules: string): void {
  let sheets = installed.get(doc);
  if (sheets === undefined) installed.set(doc, (sheets = new Set()));
  if (sheets.has(rules)) return;
  sheets.add(rules);
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view && "adoptedStyleSheets" in doc && typeof view.CSSStyleSheet === "function") {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(rules);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return;
  }
  const style = doc.createElement("style");
  style.textContent = rules;
  doc.head.appendChild(style);
}
