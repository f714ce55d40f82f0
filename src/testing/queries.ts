import type { TestNode } from "../hosts/test/test-host.js";

/** What `getByText` and friends accept: the exact text, or a RegExp. */
export type TextMatcher = string | RegExp;

function matches(value: unknown, matcher: TextMatcher): boolean {
  if (typeof value !== "string") return false;
  return typeof matcher === "string" ? value === matcher : matcher.test(value);
}

/**
 * True for a view a user cannot see or reach: `display: "none"` (a covered
 * screen, a closed modal) or `accessibilityElementsHidden`. Queries skip it
 * and everything inside, as a screen reader does.
 */
function isHidden(node: TestNode): boolean {
  const style = node.props.style as { display?: unknown } | undefined;
  return (typeof style === "object" && style !== null && style.display === "none") || node.props.accessibilityElementsHidden === true;
}

/** Every visible view under `root` (depth first, in order), the root excluded. */
export function allNodes(root: TestNode): TestNode[] {
  const out: TestNode[] = [];
  const walk = (node: TestNode): void => {
    for (const child of node.children) {
      if (child.type === "#text" || isHidden(child)) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

export function findAllByText(root: TestNode, matcher: TextMatcher): TestNode[] {
  return allNodes(root).filter((node) => (node.type === "Text" || node.type === "Button") && matches(node.text, matcher));
}

export function findAllByTestId(root: TestNode, id: string): TestNode[] {
  return allNodes(root).filter((node) => node.props.testID === id);
}

/** The role a view has for assistive technology: `accessibilityRole`, else its type's. */
export function roleOf(node: TestNode): string | undefined {
  const explicit = node.props.accessibilityRole;
  if (typeof explicit === "string") return explicit;
  switch (node.type) {
    case "Button":
    case "Pressable":
      return "button";
    case "Switch":
      return "switch";
    case "TextInput":
      return "textbox";
    case "Text":
      return "text";
    case "Image":
      return "image";
    case "FlatList":
      return "list";
    case "ActivityIndicator":
      return "progressbar";
    case "Modal":
      return "dialog";
  }
  return node.props.onClick === true ? "button" : undefined;
}

/** The accessible name: `accessibilityLabel`, else a field's label or placeholder, else the text. */
export function accessibleName(node: TestNode): string {
  const label = node.props.accessibilityLabel;
  if (typeof label === "string") return label;
  if (node.type === "TextInput") {
    if (typeof node.props.label === "string") return node.props.label;
    if (typeof node.props.placeholder === "string") return node.props.placeholder;
  }
  return node.text;
}

export function findAllByRole(root: TestNode, role: string, name?: TextMatcher): TestNode[] {
  return allNodes(root).filter((node) => roleOf(node) === role && (name === undefined || matches(accessibleName(node), name)));
}

export function findAllByLabelText(root: TestNode, matcher: TextMatcher): TestNode[] {
  return allNodes(root).filter(
    (node) => matches(node.props.accessibilityLabel, matcher) || (node.type === "TextInput" && matches(node.props.label, matcher)),
  );
}

export function findAllByPlaceholderText(root: TestNode, matcher: TextMatcher): TestNode[] {
  return allNodes(root).filter((node) => node.type === "TextInput" && matches(node.props.placeholder, matcher));
}

/** The tree as indented lines, for error messages. */
export function printTree(root: TestNode): string {
  const lines: string[] = [];
  const walk = (node: TestNode, depth: number): void => {
    const pad = "  ".repeat(depth);
    if (node.type === "#text") {
      lines.push(`${pad}${JSON.stringify(node.text)}`);
      return;
    }
    const attrs = Object.entries(node.props)
      .filter(([, v]) => typeof v !== "function" && v !== undefined)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(" ");
    lines.push(`${pad}<${node.type}${attrs ? " " + attrs : ""}>`);
    for (const child of node.children) walk(child, depth + 1);
  };
  for (const child of root.children) walk(child, 0);
  return lines.length ? lines.join("\n") : "(nothing rendered)";
}

export function describeMatcher(matcher: TextMatcher): string {
  return typeof matcher === "string" ? JSON.stringify(matcher) : String(matcher);
}
