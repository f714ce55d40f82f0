/**
 * typenative styles → CSS, applied through the CSSOM (`element.style`), never
 * through a `style` attribute string, so no style value can inject markup and
 * a strict Content-Security-Policy keeps working.
 *
 * Keys are camelCase, numbers are points (1 point = 1 CSS px) except for the
 * unitless keys below; `spacing` is the flex `gap`; the React Native
 * shorthands `paddingHorizontal`, `marginVertical`, ... expand to both sides;
 * `transform` takes React Native's list form (`[{ translateX: 10 }, { scale: 2 }]`).
 *
 * Each element remembers the CSS it was given, so a frame that changes only
 * `opacity` writes only `opacity`, and an unchanged value is never rewritten.
 *
 * Properties are written by their camelCase names (`el.style.paddingLeft =
 * "4px"`), which the CSSOM accepts as they are: no conversion to
 * `padding-left` and no cache of conversions in every app's first load.
 */
import { currentRuntime } from "../../runtime/runtime.js";
import { isDev } from "../../core/options.js";

/** Keys whose numbers are not lengths (a regular expression: fewer bytes than a `Set` of the names). */
const UNITLESS = /^(?:opacity|flex(?:Grow|Shrink)?|zIndex|fontWeight|aspectRatio|order|lineClamp)$/;

/** Keys that stand for other CSS properties (camelCase, as `el.style` names them). */
const ALIASES: Record<string, readonly string[]> = {
  spacing: ["gap"],
  paddingHorizontal: ["paddingLeft", "paddingRight"],
  paddingVertical: ["paddingTop", "paddingBottom"],
  marginHorizontal: ["marginLeft", "marginRight"],
  marginVertical: ["marginTop", "marginBottom"],
  resizeMode: ["objectFit"],
};

/** `resizeMode` values (React Native) → `object-fit`. */
const RESIZE_MODES: Record<string, string> = { cover: "cover", contain: "contain", stretch: "fill", center: "none" };

/** Transform functions whose numbers are lengths; the rest are angles (`rotate`: degrees) or plain (`scale`). */
const LENGTH_TRANSFORMS = /^(?:translate[XY]?|perspective)$/;
const ANGLE_TRANSFORMS = /^(?:rotate[XYZ]?|skew[XY])$/;

// The CSS an element was last given: property → value. A WeakMap, so
// removed elements take their records with them.
const applied = new WeakMap<HTMLElement, Map<string, string>>();

/** `el.style` indexed by a property's camelCase name. */
type Css = CSSStyleDeclaration & Record<string, unknown>;

/**
 * The names found to be CSS properties (see writeKey). Checked once per
 * name, not per write: reading a property of `el.style` serializes its
 * value, which made every write measurably slower than `setProperty`.
 */
const cssProperties = new Set<string>();

/**
 * Applies a style change to `el`. `next` holds the keys to write (a full
 * style at commit, or only the animated keys on a frame); `full` is the
 * element's whole current style. A key the element had before that is in
 * neither is removed.
 */
export function applyStyle(el: HTMLElement, next: unknown, full: unknown): void {
  const nextStyle = styleOf(next);
  if (nextStyle === false) {
    // Reported and ignored: the view keeps the style it had.
    badValue("style", next, "object");
    return;
  }
  let record = applied.get(el);
  if (record === undefined) {
    // The element's first style (most rows have none): nothing to remove.
    if (nextStyle === null) return;
    record = new Map();
    applied.set(el, record);
    for (const key in nextStyle) writeKey(el.style, record, null, key, nextStyle[key]);
    return;
  }
  const fullStyle = styleOf(full) || null;
  const css = el.style;
  // Properties written now, so the removal pass knows what is still wanted.
  const wanted = new Set<string>();
  if (nextStyle !== null) {
    for (const key in nextStyle) writeKey(css, record, wanted, key, nextStyle[key]);
  }
  if (fullStyle !== null && fullStyle !== nextStyle) {
    for (const key in fullStyle) {
      if (nextStyle !== null && key in nextStyle) continue;
      for (const property of propertiesOf(key)) wanted.add(property);
    }
  }
  // Deleting the entry being visited is safe in a Map's iteration: no copy.
  for (const property of record.keys()) {
    if (wanted.has(property)) continue;
    // Assigning "" removes the property (as `removeProperty` does).
    (css as Css)[property] = "";
    record.delete(property);
  }
}

/** The style object; null for none (`undefined`, `null`, `false`); false for a value that is no style. */
function styleOf(style: unknown): Record<string, unknown> | null | false {
  if (style === undefined || style === null || style === false) return null;
  return typeof style === "object" && !Array.isArray(style) ? (style as Record<string, unknown>) : false;
}

function writeKey(css: CSSStyleDeclaration, record: Map<string, string>, wanted: Set<string> | null, key: string, raw: unknown): void {
  const value = cssValue(key, raw);
  if (value === null) return; // removed by applyStyle unless another key wants it
  for (const property of propertiesOf(key)) {
    wanted?.add(property);
    if (record.get(property) === value) continue;
    // Only CSS properties, which read as strings: a key that is not one
    // (`length`, `setProperty`, `cssText`, a typo) is left alone, as
    // `setProperty` would ignore it, rather than assigned to the declaration.
    if (!cssProperties.has(property)) {
      if (typeof (css as Css)[property] !== "string" || property === "cssText") continue;
      cssProperties.add(property);
    }
    (css as Css)[property] = value;
    record.set(property, value);
  }
}

/** The CSS properties a style key writes, by their camelCase names. */
function propertiesOf(key: string): readonly string[] {
  // Own keys only: `constructor` or `toString` must not find Object.prototype's.
  return Object.hasOwn(ALIASES, key) ? ALIASES[key]! : [key];
}

/**
 * The CSS text for one style value, or null for "unset". Animated values are
 * read at call time. Anything that is not a string, number or transform list
 * is reported (it would otherwise vanish silently) and skipped.
 */
function cssValue(key: string, raw: unknown): string | null {
  const value = current(raw);
  if (value === undefined || value === null || value === false) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return badValue(key, value, "finite");
    return UNITLESS.test(key) ? String(value) : `${value}px`;
  }
  if (typeof value === "string") {
    if (key === "resizeMode") return Object.hasOwn(RESIZE_MODES, value) ? RESIZE_MODES[value]! : badValue(key, value, "resizeMode");
    return value;
  }
  if (key === "transform" && Array.isArray(value)) return transformText(value);
  return badValue(key, value, "value");
}

function current(value: unknown): unknown {
  // An AnimatedValue (or an interpolation) at commit time: its current number.
  if (typeof value === "object" && value !== null && "value" in value && typeof (value as { addListener?: unknown }).addListener === "function") {
    return (value as { value: unknown }).value;
  }
  return value;
}

function transformText(list: unknown[]): string | null {
  const parts: string[] = [];
  for (const item of list) {
    if (typeof item !== "object" || item === null) return badValue("transform", item, "transform");
    for (const name in item as Record<string, unknown>) {
      const v = current((item as Record<string, unknown>)[name]);
      if (typeof v === "string") parts.push(`${name}(${v})`);
      else if (typeof v === "number" && Number.isFinite(v)) {
        parts.push(`${name}(${LENGTH_TRANSFORMS.test(name) ? `${v}px` : ANGLE_TRANSFORMS.test(name) ? `${v}deg` : v})`);
      } else return badValue(`transform.${name}`, v, "value");
    }
  }
  return parts.length === 0 ? null : parts.join(" ");
}

/** Why a style value is refused, said in development only (with the value received). */
const WHY = {
  object: "a style must be an object of camelCase keys",
  finite: "numbers must be finite",
  resizeMode: "use cover, contain, stretch or center",
  value: "expected a string or a number",
  transform: "each transform is an object like { translateX: 10 }",
};

/**
 * Reports a refused style value. Production names the key; development
 * also shows the value and why it is refused (a production bundle drops the
 * table and the formatting of the value).
 */
function badValue(key: string, value: unknown, why: keyof typeof WHY): null {
  currentRuntime().reportError(
    new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `style.${key}: ${shown(value)} is not a valid value (${WHY[why]})` : /* `style.${key}: not a valid value` */ `typenative #92: ${key}`),
    { source: "host" },
  );
  return null;
}

function shown(value: unknown): string {
  return typeof value === "object" && value !== null ? Object.prototype.toString.call(value) : typeof value === "string" ? JSON.stringify(value) : String(value);
}
