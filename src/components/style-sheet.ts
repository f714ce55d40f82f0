import type { Style } from "./style.js";

/** Styles as React Native's `StyleSheet` handles them: an object, or a list of them (falsy entries skipped). */
export type StyleProp = Style | null | undefined | false | readonly StyleProp[];

const ABSOLUTE_FILL: Style = Object.freeze({ position: "absolute", top: 0, left: 0, right: 0, bottom: 0 }) as Style;

/**
 * React Native's `StyleSheet`: named styles checked by the compiler, and
 * helpers to combine them. typenative's `style` props take one object, so
 * `compose` and `flatten` merge (later keys win).
 *
 * @example
 * ```ts
 * const styles = pn.StyleSheet.create({
 *   title: { fontSize: 20, fontWeight: "700" },
 *   muted: { color: "#666" },
 * });
 * pn.Text("Hi", { style: pn.StyleSheet.compose(styles.title, done && styles.muted) });
 * ```
 */
export const StyleSheet = {
  /** Returns `styles` as given (frozen): a typed home for a component's styles. */
  create<T extends Record<string, Style>>(styles: T): Readonly<T> {
    if (typeof styles !== "object" || styles === null) throw new TypeError("StyleSheet.create(styles): styles must be an object of styles");
    for (const name in styles) {
      const style = styles[name];
      if (typeof style !== "object" || style === null) throw new TypeError(`StyleSheet.create: "${name}" must be a style object`);
      Object.freeze(style);
    }
    return Object.freeze(styles);
  },
  /** `a` then `b` as one style; either may be missing. Returns the other itself when one is missing. */
  compose(a: StyleProp, b: StyleProp): Style | undefined {
    if (!b) return StyleSheet.flatten(a);
    if (!a) return StyleSheet.flatten(b);
    return StyleSheet.flatten([a, b]);
  },
  /** Merges a style or a (nested) list of styles into one object; falsy entries are skipped. */
  flatten(style: StyleProp): Style | undefined {
    if (!style) return undefined;
    if (!Array.isArray(style)) return style as Style;
    let out: Record<string, unknown> | undefined;
    for (const entry of style as readonly StyleProp[]) {
      const flat = StyleSheet.flatten(entry);
      if (flat !== undefined) out = Object.assign(out ?? {}, flat);
    }
    return out as Style | undefined;
  },
  /** Fills the parent: `position: "absolute"` with all four edges at 0. */
  absoluteFill: ABSOLUTE_FILL,
  /** Same as `absoluteFill`. */
  absoluteFillObject: ABSOLUTE_FILL,
  /** The thinnest visible line. */
  hairlineWidth: 1,
};
