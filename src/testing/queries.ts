import type { TestNode } from "../hosts/test/test-host.js";

/** What `getByText` and friends accept: the exact text, or a RegExp. */
export type TextMatcher = string | RegExp;

function textMatches(node: TestNode, matcher: TextMatcher): boolean {
  if (node.type !== "Text" && node.type !== "Button") return false;
  const text = node.text;
  return typeof matcher === "string" ? text === matcher : matcher.test(text);
}

/** Every view under `root` (depth first, in order), the root excluded. */
export function allNodes(root: TestNode): TestNode[] {
  const out: TestNode[] = [];
  const walk = (node: TestNode): void => {
    for (const child of node.children) {
      if (child.type === "#text") continue;
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

export function findAllByText(root: TestNode, matcher: TextMatcher): TestNode[] {
  return allNodes(root).filter((node) => textMatches(node, matcher));
}

export function findAllByTestId(root: TestNode, id: string): TestNode[] {
  return allNodes(root).filter((node) => node.props.testID === id);
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
