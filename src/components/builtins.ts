import { createElement, HOST_TYPE, isElement, isPropsObject, type Child, type Element } from "../core/element.js";
import type { Props } from "../core/host.js";

/** Style keys are camelCase; numbers are density-independent points; any value may be an AnimatedValue. */
export type Style = Record<string, unknown>;

/** Props every built-in view understands. */
export interface ViewProps {
  style?: Style;
  testID?: string;
  key?: string | number;
  [name: string]: unknown;
}

export interface TextProps extends ViewProps {}

export interface ButtonProps extends ViewProps {
  onClick?: () => unknown;
  disabled?: boolean;
}

export interface TextInputProps extends ViewProps {
  value?: string;
  onChange?: (text: string) => unknown;
  placeholder?: string;
  multiline?: boolean;
  /** Accessible name; hosts fall back to the placeholder. */
  label?: string;
}

export interface ImageProps extends ViewProps {
  alt?: string;
}

function build(type: string, props: Props | undefined, children: unknown, extra?: Props): Element {
  let key: string | null = null;
  const out: Props = {};
  if (props !== undefined) {
    for (const name in props) {
      if (name === "key") {
        const k = props.key;
        if (k !== undefined && k !== null) key = String(k);
      } else out[name] = props[name];
    }
  }
  if (extra !== undefined) for (const name in extra) out[name] = extra[name];
  if (children !== undefined) out.children = children;
  return createElement(type, out, key);
}

function checkProps(name: string, props: unknown): Props | undefined {
  if (props === undefined || props === null) return undefined;
  if (!isPropsObject(props)) throw new TypeError(`${name}(…, props): props must be a plain object`);
  return props;
}

/** A built-in factory: callable, and usable as a JSX tag (`<pn.Text>…</pn.Text>`). */
export type HostFactory<F> = F & { readonly [HOST_TYPE]: string };

function mark<F>(factory: F, type: string): HostFactory<F> {
  (factory as Record<symbol, unknown>)[HOST_TYPE] = type;
  Object.defineProperty(factory, "name", { value: type });
  return factory as HostFactory<F>;
}

function textContent(name: string, value: unknown): unknown {
  if (typeof value === "string" || typeof value === "number") return String(value);
  // JSX passes children through props: <Text>Hello {name}</Text>.
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return undefined;
  throw new TypeError(`${name}(text): text must be a string or number, got ${typeof value}`);
}

/**
 * A run of text. `pn.Text("Hello", { style: { fontSize: 18 } })`.
 */
export const Text = mark(function Text(text: string | number, props?: TextProps): Element {
  return build("Text", checkProps("Text", props), textContent("Text", text));
}, "Text");

/**
 * A pressable button with a text label. `onClick` may return a promise: it
 * then runs as a task of the component (cancelled if it unmounts).
 *
 * @example
 * ```ts
 * pn.Button("Save", { onClick: () => pn.runAsync(save()), disabled: !draft });
 * ```
 */
export const Button = mark(function Button(label: string | number, props?: ButtonProps): Element {
  return build("Button", checkProps("Button", props), textContent("Button", label));
}, "Button");

/**
 * A single- or multi-line text field. Controlled: pass `value` and update it in `onChange`.
 *
 * @example
 * ```ts
 * pn.TextInput({ value: title, onChange: setTitle, placeholder: "Title" });
 * ```
 */
export const TextInput = mark(function TextInput(props?: TextInputProps): Element {
  return build("TextInput", checkProps("TextInput", props), undefined);
}, "TextInput");

/** Empty space; flexes to fill a row or column unless sized. */
export const Spacer = mark(function Spacer(props?: ViewProps): Element {
  return build("Spacer", checkProps("Spacer", props), undefined);
}, "Spacer");

/**
 * An image from a URI (`"https://…"`, a file path from the camera) or `{ uri }`.
 */
export const Image = mark(function Image(source: string | { uri: string }, props?: ImageProps): Element {
  if (typeof source !== "string" && !(typeof source === "object" && source !== null && typeof source.uri === "string")) {
    throw new TypeError("Image(source): source must be a URI string or { uri }");
  }
  return build("Image", checkProps("Image", props), undefined, { source });
}, "Image");

/** A container factory: children, with a props object first or last. */
export type ContainerFactory = (...args: Array<Child | ViewProps>) => Element;

function container(type: string): HostFactory<ContainerFactory> {
  return mark(function (...args: Array<Child | ViewProps>): Element {
    let props: Props | undefined;
    let children: unknown[] = args;
    const last = args[args.length - 1];
    const first = args[0];
    if (args.length > 0 && isPropsObject(last)) {
      props = last;
      children = args.slice(0, -1);
    } else if (args.length > 0 && isPropsObject(first)) {
      props = first;
      children = args.slice(1);
    }
    // JSX and h() hand children over in props.
    if (props !== undefined && "children" in props && children.length === 0) {
      const { children: inner, ...rest } = props;
      return build(type, rest, inner);
    }
    for (const child of children) {
      if (typeof child === "object" && child !== null && !Array.isArray(child) && !isElement(child)) {
        throw new TypeError(`${type}(...children, props?): a props object must come first or last`);
      }
    }
    return build(type, props, children.length === 0 ? undefined : children.length === 1 ? children[0] : children);
  }, type);
}

/** A plain container: children stacked in a column. */
export const View = container("View");
/** Children stacked top to bottom; `style.spacing` is the gap between them. */
export const Column = container("Column");
/** Children laid out left to right; `style.spacing` is the gap between them. */
export const Row = container("Row");
/** A scrollable column. */
export const ScrollView = container("ScrollView");
