import { childSlot, elementFrom, HOST_TYPE, isElement, isPropsObject, type Child, type Element, type Key } from "../core/element.js";
import type { Props } from "../core/host.js";
import { isDev } from "../core/options.js";
import type { ButtonProps, ImageProps, ImageSource, ScrollViewProps, SpacerProps, TextInputProps, TextProps, ViewProps } from "./props.js";

export type * from "./props.js";
export type { Style } from "./style.js";

function checkProps(name: string, props: unknown): Props | undefined {
  if (props === undefined || props === null) return undefined;
  if (!isPropsObject(props)) throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${name}(…, props): props must be a plain object` : /* `${name}(…, props): not a plain object` */ `typenative #23: ${name}`);
  return props;
}

/**
 * Type-only key of a built-in factory: the props it takes as a JSX tag
 * (`<pn.Button onClick={go}>Go</pn.Button>`), where its positional content
 * arrives as `children` (or `source`). Never present at runtime.
 */
export declare const TAG_PROPS: unique symbol;

/** A built-in factory: callable, and usable as a JSX tag (`<pn.Text>…</pn.Text>`) taking `TagProps`. */
export type HostFactory<F, TagProps = unknown> = F & { readonly [HOST_TYPE]: string; readonly [TAG_PROPS]: TagProps };

/** What `<Text>` and `<Button>` accept as children: their text. */
export type TextChildren = string | number | boolean | null | undefined | readonly TextChildren[];

// Writes to the factory it was given, so each call below carries
// a pure annotation (Rollup warns on the literal marker in a comment): a bundler may then drop the built-ins an app never uses.
function mark<F, TagProps>(factory: F, type: string): HostFactory<F, TagProps> {
  (factory as Record<symbol, unknown>)[HOST_TYPE] = type;
  Object.defineProperty(factory, "name", { value: type });
  return factory as HostFactory<F, TagProps>;
}

function textContent(name: string, value: unknown): unknown {
  if (typeof value === "string" || typeof value === "number") return String(value);
  // JSX passes children through props: <Text>Hello {name}</Text>.
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return undefined;
  throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${name}(text): text must be a string or number, got ${typeof value}` : /* `${name}(text): not a string or number` */ `typenative #24: ${name}`);
}

/** A factory of text and props (`Text`, `Button`): one body for both, named by `mark`. */
function textual<P, C>(type: string): HostFactory<(text: string | number, props?: P) => Element, P & { children?: C }> {
  return mark(function (text: string | number, props?: P): Element {
    return elementFrom(type, checkProps(type, props), textContent(type, text));
  }, type);
}

/**
 * A run of text. Nested `Text` inherits its parent's text style.
 *
 * @example
 * ```ts
 * pn.Text("Hello", { style: { fontSize: 18, fontWeight: "600" } });
 * ```
 */
export const Text = /* @__PURE__ */ textual<TextProps, Child>("Text");

/**
 * A pressable button with a text label. `onClick` may return a promise: it
 * then runs as a task of the component (cancelled if it unmounts).
 *
 * @example
 * ```ts
 * pn.Button("Save", { onClick: () => pn.runAsync(save()), disabled: !draft });
 * ```
 */
export const Button = /* @__PURE__ */ textual<ButtonProps, TextChildren>("Button");

/**
 * A single- or multi-line text field. Controlled: pass `value` and update it in `onChange`.
 *
 * @example
 * ```ts
 * pn.TextInput({ value: title, onChange: setTitle, onSubmitEditing: (text) => save(text), placeholder: "Title" });
 * ```
 */
export const TextInput = /* @__PURE__ */ mark<(props?: TextInputProps) => Element, TextInputProps>(
  function TextInput(props?: TextInputProps): Element {
    return elementFrom("TextInput", checkProps("TextInput", props), undefined);
  },
  "TextInput",
);

/** Empty space; flexes to fill a row or column unless sized. */
export const Spacer = /* @__PURE__ */ mark<(props?: SpacerProps) => Element, SpacerProps>(
  function Spacer(props?: SpacerProps): Element {
    return elementFrom("Spacer", checkProps("Spacer", props), undefined);
  },
  "Spacer",
);

/**
 * An image from a URI (`"https://…"`, a file path from the camera) or `{ uri }`.
 *
 * @example
 * ```ts
 * pn.Image(photo.uri, { alt: "Your photo", style: { width: 120, height: 120, resizeMode: "cover" } });
 * ```
 */
export const Image = /* @__PURE__ */ mark<(source: ImageSource, props?: ImageProps) => Element, ImageProps & { source: ImageSource }>(
  function Image(source: ImageSource, props?: ImageProps): Element {
    if (typeof source !== "string" && !(typeof source === "object" && source !== null && typeof source.uri === "string")) {
      throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? "Image(source): source must be a URI string or { uri }" : /* "Image(source): source must be a URI string or { uri }" */ "typenative #25");
    }
    // The source joins the props here, not in elementFrom(): every app carries elementFrom().
    return elementFrom("Image", { ...checkProps("Image", props), source }, undefined);
  },
  "Image",
);

/**
 * A container factory: children, with one props object first or last.
 *
 * @example
 * ```ts
 * pn.Column(pn.Text("a"), pn.Text("b"));
 * pn.Column(pn.Text("a"), pn.Text("b"), { style: { spacing: 8 } });
 * pn.Column({ style: { spacing: 8 } }, pn.Text("a"), pn.Text("b"));
 * ```
 */
export interface ContainerFactory<P = ViewProps> {
  (...children: Child[]): Element;
  (props: P, ...children: Child[]): Element;
  (...args: [...children: Child[], props: P]): Element;
}

function container<P>(type: string): HostFactory<ContainerFactory<P>, P & { children?: Child; key?: Key }> {
  return mark(function (...args: unknown[]): Element {
    let props: Props | undefined;
    let children: unknown[] = args;
    const last = args[args.length - 1];
    const first = args[0];
    if (isPropsObject(last)) {
      props = last;
      children = args.slice(0, -1);
    } else if (isPropsObject(first)) {
      props = first;
      children = args.slice(1);
    }
    for (const child of children) {
      if (typeof child === "object" && child !== null && !Array.isArray(child) && !isElement(child)) {
        throw new TypeError(/* @__PURE__ */ isDev() && process.env.NODE_ENV !== "production" ? `${type}(...children, props?): a props object must come first or last` : /* `${type}(...children, props?): props must be first or last` */ `typenative #26: ${type}`);
      }
    }
    // Without children arguments, the props' own `children` (JSX and h() hand them over in props) are copied with the rest.
    return elementFrom(type, props, children.length === 0 ? undefined : childSlot(children));
  } as ContainerFactory<P>, type);
}

/** A plain container: children stacked in a column. */
export const View = /* @__PURE__ */ container<ViewProps>("View");
/** Children stacked top to bottom; `style.spacing` is the gap between them. */
export const Column = /* @__PURE__ */ container<ViewProps>("Column");
/** Children laid out left to right; `style.spacing` is the gap between them. */
export const Row = /* @__PURE__ */ container<ViewProps>("Row");
/** A scrollable column; `onScroll` reports `{ offset, viewportHeight, contentHeight }`. */
export const ScrollView = /* @__PURE__ */ container<ScrollViewProps>("ScrollView");

/** The props a built-in factory takes as a JSX tag. */
export type TagPropsOf<F> = F extends { readonly [TAG_PROPS]: infer T } ? T : never;
