/**
 * The `Style` type of the built-in views and the table the dev checks read.
 *
 * Keys are React Native's view, text and image style keys that the hosts
 * support, plus `spacing` (the gap between children). Numbers are
 * density-independent points; any value may be an animated value (an
 * `AnimatedValue`, or an interpolation of one), which the host view follows
 * frame by frame.
 *
 * {@link STYLE_KINDS} is checked against {@link Style} by the compiler
 * (`satisfies`), so the TypeScript types and the runtime dev check
 * (`src/core/host-prop-checks.ts`) cannot drift apart.
 */

/**
 * Something a view can follow frame by frame: an `AnimatedValue` or an
 * interpolation of one (see `src/animated/`). Structural, so the types of
 * the built-ins do not depend on the animation engine; at run time the
 * reconciler follows such values once the first `AnimatedNode` has been made
 * (it installs that code), so a hand-made object should extend `AnimatedNode`.
 */
export interface AnimatedLike<T> {
  readonly value: T;
  addListener(listener: (value: T) => void): () => void;
}

/** A style value, or an animated node of the same kind (numbers follow numbers, strings follow strings). */
export type Animatable<T> = T | AnimatedLike<T extends number ? number : string>;

/** A size or offset: points, `"auto"`, or a percentage of the parent (`"50%"`). */
export type DimensionValue = number | "auto" | `${number}%`;

/** A CSS colour: `"red"`, `"#0a84ff"`, `"rgba(0, 0, 0, 0.5)"`, `"transparent"`. */
export type ColorValue = string;

/** An angle for rotations and skews: `"45deg"`, `"0.5rad"`, or a number of degrees. */
export type AngleValue = number | `${number}deg` | `${number}rad` | `${number}turn`;

/** `"normal"`, `"bold"`, or a weight from 100 to 900 (as a number or a string). */
export type FontWeight = "normal" | "bold" | 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900 | "100" | "200" | "300" | "400" | "500" | "600" | "700" | "800" | "900";

/** One step of a `transform` list; each object has exactly one key, as in React Native. */
export type TransformItem =
  | { translateX: Animatable<number | `${number}%`> }
  | { translateY: Animatable<number | `${number}%`> }
  | { scale: Animatable<number> }
  | { scaleX: Animatable<number> }
  | { scaleY: Animatable<number> }
  | { rotate: Animatable<AngleValue> }
  | { rotateX: Animatable<AngleValue> }
  | { rotateY: Animatable<AngleValue> }
  | { rotateZ: Animatable<AngleValue> }
  | { skewX: Animatable<AngleValue> }
  | { skewY: Animatable<AngleValue> }
  | { perspective: Animatable<number> };

type FlexAlign = "flex-start" | "flex-end" | "center" | "stretch" | "baseline";
type FlexJustify = "flex-start" | "flex-end" | "center" | "space-between" | "space-around" | "space-evenly";

/** The plain values of every style key; {@link Style} makes each optional and animatable. */
export interface StyleValues {
  // Layout (flexbox, as React Native's Yoga: views are columns by default).
  /** The gap between children of a `Column`, `Row`, `View` or `ScrollView` (typenative's own key). */
  spacing: number;
  gap: number;
  rowGap: number;
  columnGap: number;
  flex: number;
  flexGrow: number;
  flexShrink: number;
  flexBasis: DimensionValue;
  flexDirection: "row" | "column" | "row-reverse" | "column-reverse";
  flexWrap: "wrap" | "nowrap" | "wrap-reverse";
  alignItems: FlexAlign;
  alignSelf: "auto" | FlexAlign;
  alignContent: "flex-start" | "flex-end" | "center" | "stretch" | "space-between" | "space-around" | "space-evenly";
  justifyContent: FlexJustify;
  /** Width over height, e.g. `16 / 9`. */
  aspectRatio: number;
  display: "flex" | "none" | "contents";
  position: "relative" | "absolute" | "static";
  direction: "inherit" | "ltr" | "rtl";
  overflow: "visible" | "hidden" | "scroll";
  zIndex: number;
  width: DimensionValue;
  height: DimensionValue;
  minWidth: DimensionValue;
  minHeight: DimensionValue;
  maxWidth: DimensionValue;
  maxHeight: DimensionValue;
  top: DimensionValue;
  right: DimensionValue;
  bottom: DimensionValue;
  left: DimensionValue;
  margin: DimensionValue;
  marginTop: DimensionValue;
  marginRight: DimensionValue;
  marginBottom: DimensionValue;
  marginLeft: DimensionValue;
  marginHorizontal: DimensionValue;
  marginVertical: DimensionValue;
  padding: DimensionValue;
  paddingTop: DimensionValue;
  paddingRight: DimensionValue;
  paddingBottom: DimensionValue;
  paddingLeft: DimensionValue;
  paddingHorizontal: DimensionValue;
  paddingVertical: DimensionValue;

  // Borders.
  borderWidth: number;
  borderTopWidth: number;
  borderRightWidth: number;
  borderBottomWidth: number;
  borderLeftWidth: number;
  borderColor: ColorValue;
  borderTopColor: ColorValue;
  borderRightColor: ColorValue;
  borderBottomColor: ColorValue;
  borderLeftColor: ColorValue;
  borderRadius: number;
  borderTopLeftRadius: number;
  borderTopRightRadius: number;
  borderBottomLeftRadius: number;
  borderBottomRightRadius: number;
  borderStyle: "solid" | "dotted" | "dashed";

  // Appearance.
  backgroundColor: ColorValue;
  opacity: number;
  /** A CSS box shadow, as React Native 0.76+: `"0 2px 8px rgba(0, 0, 0, 0.2)"`. */
  boxShadow: string;
  transform: readonly TransformItem[];
  /** `"center"`, `"top left"`, `"50% 0"`. */
  transformOrigin: string;
  backfaceVisibility: "visible" | "hidden";
  pointerEvents: "auto" | "none";
  cursor: "auto" | "pointer";

  // Text (inherited by nested views and text on the web host, as in CSS).
  color: ColorValue;
  fontFamily: string;
  fontSize: number;
  fontStyle: "normal" | "italic";
  fontWeight: FontWeight;
  lineHeight: number;
  letterSpacing: number;
  textAlign: "auto" | "left" | "right" | "center" | "justify";
  textDecorationLine: "none" | "underline" | "line-through" | "underline line-through";
  textDecorationStyle: "solid" | "double" | "dotted" | "dashed";
  textDecorationColor: ColorValue;
  textTransform: "none" | "capitalize" | "uppercase" | "lowercase";
  userSelect: "auto" | "none" | "text" | "contain" | "all";

  // Images.
  /** How an `Image` fills its box (React Native's names). */
  resizeMode: "cover" | "contain" | "stretch" | "center";
  objectFit: "cover" | "contain" | "fill" | "scale-down" | "none";
}

/**
 * A style: camelCase keys, numbers in points, any value animatable.
 *
 * @example
 * ```ts
 * const opacity = pn.useAnimatedValue(0);
 * pn.Column(pn.Text("Hi", { style: { fontSize: 18, fontWeight: "600" } }), {
 *   style: { padding: 16, spacing: 8, backgroundColor: "#fff", opacity, transform: [{ translateY: 4 }] },
 * });
 * ```
 */
export type Style = { [K in keyof StyleValues]?: K extends "transform" ? StyleValues[K] : Animatable<StyleValues[K]> };

/**
 * What the dev check accepts for a style key at runtime:
 * - `"number"`: a finite number;
 * - `"dimension"`: points, `"auto"` or a percentage;
 * - `"string"`: any string (colours, font families, shadows);
 * - `"fontWeight"`: see {@link FontWeight};
 * - `"transform"`: a list of one-key objects;
 * - a list: one of these strings.
 */
export type StyleKind = "number" | "dimension" | "string" | "fontWeight" | "transform" | readonly string[];

const FLEX_ALIGN = ["flex-start", "flex-end", "center", "stretch", "baseline"] as const;
const FLEX_JUSTIFY = ["flex-start", "flex-end", "center", "space-between", "space-around", "space-evenly"] as const;

/** Every style key and the kind of value it takes (the runtime twin of {@link StyleValues}). */
export const STYLE_KINDS = {
  spacing: "number",
  gap: "number",
  rowGap: "number",
  columnGap: "number",
  flex: "number",
  flexGrow: "number",
  flexShrink: "number",
  flexBasis: "dimension",
  flexDirection: ["row", "column", "row-reverse", "column-reverse"],
  flexWrap: ["wrap", "nowrap", "wrap-reverse"],
  alignItems: FLEX_ALIGN,
  alignSelf: ["auto", ...FLEX_ALIGN],
  alignContent: ["flex-start", "flex-end", "center", "stretch", "space-between", "space-around", "space-evenly"],
  justifyContent: FLEX_JUSTIFY,
  aspectRatio: "number",
  display: ["flex", "none", "contents"],
  position: ["relative", "absolute", "static"],
  direction: ["inherit", "ltr", "rtl"],
  overflow: ["visible", "hidden", "scroll"],
  zIndex: "number",
  width: "dimension",
  height: "dimension",
  minWidth: "dimension",
  minHeight: "dimension",
  maxWidth: "dimension",
  maxHeight: "dimension",
  top: "dimension",
  right: "dimension",
  bottom: "dimension",
  left: "dimension",
  margin: "dimension",
  marginTop: "dimension",
  marginRight: "dimension",
  marginBottom: "dimension",
  marginLeft: "dimension",
  marginHorizontal: "dimension",
  marginVertical: "dimension",
  padding: "dimension",
  paddingTop: "dimension",
  paddingRight: "dimension",
  paddingBottom: "dimension",
  paddingLeft: "dimension",
  paddingHorizontal: "dimension",
  paddingVertical: "dimension",
  borderWidth: "number",
  borderTopWidth: "number",
  borderRightWidth: "number",
  borderBottomWidth: "number",
  borderLeftWidth: "number",
  borderColor: "string",
  borderTopColor: "string",
  borderRightColor: "string",
  borderBottomColor: "string",
  borderLeftColor: "string",
  borderRadius: "number",
  borderTopLeftRadius: "number",
  borderTopRightRadius: "number",
  borderBottomLeftRadius: "number",
  borderBottomRightRadius: "number",
  borderStyle: ["solid", "dotted", "dashed"],
  backgroundColor: "string",
  opacity: "number",
  boxShadow: "string",
  transform: "transform",
  transformOrigin: "string",
  backfaceVisibility: ["visible", "hidden"],
  pointerEvents: ["auto", "none"],
  cursor: ["auto", "pointer"],
  color: "string",
  fontFamily: "string",
  fontSize: "number",
  fontStyle: ["normal", "italic"],
  fontWeight: "fontWeight",
  lineHeight: "number",
  letterSpacing: "number",
  textAlign: ["auto", "left", "right", "center", "justify"],
  textDecorationLine: ["none", "underline", "line-through", "underline line-through"],
  textDecorationStyle: ["solid", "double", "dotted", "dashed"],
  textDecorationColor: "string",
  textTransform: ["none", "capitalize", "uppercase", "lowercase"],
  userSelect: ["auto", "none", "text", "contain", "all"],
  resizeMode: ["cover", "contain", "stretch", "center"],
  objectFit: ["cover", "contain", "fill", "scale-down", "none"],
} as const satisfies { readonly [K in keyof StyleValues]-?: KindOf<StyleValues[K]> };

/**
 * The kind a value type must be described by: keeps {@link STYLE_KINDS}
 * honest (a `number` key cannot be listed as `"string"`, an enum key must
 * list exactly its values).
 */
type KindOf<T> = [T] extends [number]
  ? "number"
  : [T] extends [FontWeight]
    ? [FontWeight] extends [T] ? "fontWeight" : never
    : [T] extends [DimensionValue]
      ? [DimensionValue] extends [T] ? "dimension" : never
      : [T] extends [readonly TransformItem[]]
        ? "transform"
        : string extends T
          ? "string"
          : readonly T[];

/** Transform functions the dev check knows, with the kind of value each takes. */
export const TRANSFORM_KINDS: Readonly<Record<string, "number" | "length" | "angle">> = {
  translateX: "length",
  translateY: "length",
  scale: "number",
  scaleX: "number",
  scaleY: "number",
  rotate: "angle",
  rotateX: "angle",
  rotateY: "angle",
  rotateZ: "angle",
  skewX: "angle",
  skewY: "angle",
  perspective: "number",
};
