// typenative styles → GTK: widget properties where GTK has them (opacity,
// spacing, size requests, expand and alignment), CSS for the rest (padding,
// margins, colours, fonts, borders, radius) through one generated provider.
// Each styled widget gets the class `tn<tag>`; the provider is rebuilt at
// most once per commit, and only when some widget's CSS text changed.
import Gtk from "gi://Gtk?version=4.0";
import Gdk from "gi://Gdk?version=4.0";

const SIDES = ["Top", "Right", "Bottom", "Left"];

function px(value) {
  return typeof value === "number" && Number.isFinite(value) ? `${value}px` : null;
}

/** A colour GTK's CSS parser accepts, or null: hex, rgb()/rgba(), names. Anything else is refused. */
function colour(value) {
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (/^#[0-9a-f]{3,8}$/i.test(text) || /^rgba?\([0-9.,%\s]+\)$/i.test(text) || /^[a-z]+$/i.test(text)) return text;
  return null;
}

/** The four sides of a box property (padding, margin) from the typenative keys. */
function sides(style, name) {
  const all = style[name];
  const horizontal = style[`${name}Horizontal`];
  const vertical = style[`${name}Vertical`];
  const out = [];
  for (const side of SIDES) {
    let value = style[`${name}${side}`];
    if (value === undefined) value = side === "Top" || side === "Bottom" ? vertical : horizontal;
    if (value === undefined) value = all;
    out.push(px(value) || "0");
  }
  return out.some((v) => v !== "0") ? out.join(" ") : null;
}

/** The CSS declarations of `style` for a widget of `type`. */
export function cssFor(type, style) {
  const rules = [];
  const padding = sides(style, "padding");
  if (padding !== null) rules.push(`padding: ${padding};`);
  const margin = sides(style, "margin");
  if (margin !== null) rules.push(`margin: ${margin};`);
  const background = colour(style.backgroundColor);
  if (background !== null) rules.push(`background-color: ${background};`, "background-image: none;");
  const color = colour(style.color);
  if (color !== null) rules.push(`color: ${color};`);
  const fontSize = px(style.fontSize);
  if (fontSize !== null) rules.push(`font-size: ${fontSize};`);
  if (typeof style.fontWeight === "number" || /^(normal|bold|[1-9]00)$/.test(String(style.fontWeight))) rules.push(`font-weight: ${style.fontWeight};`);
  if (style.fontStyle === "italic" || style.fontStyle === "normal") rules.push(`font-style: ${style.fontStyle};`);
  const radius = px(style.borderRadius);
  if (radius !== null) rules.push(`border-radius: ${radius};`);
  const borderWidth = px(style.borderWidth);
  const borderColor = colour(style.borderColor);
  if (borderWidth !== null) rules.push(`border-width: ${borderWidth};`, "border-style: solid;");
  else if (px(style.borderBottomWidth) !== null) rules.push(`border-width: 0 0 ${px(style.borderBottomWidth)} 0;`, "border-style: solid;");
  if (borderColor !== null) rules.push(`border-color: ${borderColor};`);
  const minHeight = px(style.minHeight);
  if (minHeight !== null) rules.push(`min-height: ${minHeight};`);
  const minWidth = px(style.minWidth);
  if (minWidth !== null) rules.push(`min-width: ${minWidth};`);
  return rules.join(" ");
}

/** What every app gets before its own styles: inputs look like inputs. */
const BASE = ".tn-input { border: 1px solid alpha(currentColor, 0.25); border-radius: 8px; }\n";

/** The generated stylesheet: one rule per styled widget. */
export class StyleSheet {
  constructor() {
    this.provider = new Gtk.CssProvider();
    this.rules = new Map();
    this.dirty = true; // the base rules
    Gtk.StyleContext.add_provider_for_display(Gdk.Display.get_default(), this.provider, Gtk.STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  /** Sets the CSS of widget class `tn<tag>`; `inner` also styles a text view's text area. */
  set(tag, css, inner) {
    const rule = css === "" ? "" : inner ? `.tn${tag}, .tn${tag} > text { ${css} }` : `.tn${tag} { ${css} }`;
    if ((this.rules.get(tag) || "") === rule) return;
    if (rule === "") this.rules.delete(tag);
    else this.rules.set(tag, rule);
    this.dirty = true;
  }

  forget(tag) {
    if (this.rules.delete(tag)) this.dirty = true;
  }

  /** Reloads the provider when a rule changed since the last flush. */
  flush() {
    if (!this.dirty) return;
    this.dirty = false;
    const text = BASE + Array.from(this.rules.values()).join("\n");
    // An empty string would reach GTK as NULL.
    this.provider.load_from_data(text === "" ? "/* no styles */" : text);
  }
}

/** `alignItems` → the cross-axis alignment of children. */
export function crossAlign(value) {
  switch (value) {
    case "center":
      return Gtk.Align.CENTER;
    case "flex-start":
    case "start":
      return Gtk.Align.START;
    case "flex-end":
    case "end":
      return Gtk.Align.END;
    case "baseline":
      return Gtk.Align.BASELINE;
    default:
      return Gtk.Align.FILL;
  }
}
