/**
 * A minimal in-memory DOM that both Preact and typenative render into, so the
 * reconciler benchmark measures each framework's diff and not a browser.
 *
 * Children are a doubly linked list (`firstChild`/`nextSibling`), like a real
 * DOM, so insert, move and remove are O(1) on both sides. Every mutation is
 * counted in the document's {@link HostCounts}: that is how the benchmark
 * reports host operations per benchmark operation for both frameworks with the
 * same yardstick.
 *
 * Only what Preact 11's `render` and diff touch is implemented (found by
 * reading `preact/src/diff` and by running): `createElementNS`,
 * `createTextNode`, `insertBefore`, `appendChild`, `removeChild`, `remove`,
 * `setAttribute`/`removeAttribute`, `style`, `data`, `textContent`,
 * `firstChild`/`nextSibling`/`childNodes`/`parentNode`, `nodeType`,
 * `localName`, `namespaceURI`, `ownerDocument`. Anything else Preact reads is
 * `undefined`, as for a DOM without that feature (e.g. `moveBefore`).
 */

/** Host operations, counted at the DOM so both frameworks are measured alike. */
export interface HostCounts {
  /** Elements and text nodes created. */
  create: number;
  /** `insertBefore`/`appendChild` of a node that was not a child of that parent (includes building detached subtrees). */
  insert: number;
  /** `insertBefore`/`appendChild` of a node already in that parent: a reorder. */
  move: number;
  /** Nodes detached (`removeChild` or `remove()`). */
  remove: number;
  /** `setAttribute`/`removeAttribute` and style writes. */
  attr: number;
  /** Text node `data` writes (and `textContent` writes). */
  text: number;
}

export function zeroCounts(): HostCounts {
  return { create: 0, insert: 0, move: 0, remove: 0, attr: 0, text: 0 };
}

const XHTML = "http://www.w3.org/1999/xhtml";

export abstract class FakeNode {
  abstract readonly nodeType: number;
  parentNode: FakeElement | null = null;
  nextSibling: FakeNode | null = null;
  previousSibling: FakeNode | null = null;

  constructor(readonly ownerDocument: FakeDocument) {}

  /** `ChildNode.remove()`: Preact 11 detaches nodes this way. */
  remove(): void {
    if (this.parentNode !== null) this.parentNode.removeChild(this);
  }

  abstract get textContent(): string;
}

export class FakeText extends FakeNode {
  readonly nodeType = 3;
  private value: string;

  constructor(doc: FakeDocument, data: string) {
    super(doc);
    this.value = data;
  }

  get data(): string {
    return this.value;
  }

  set data(value: string) {
    this.ownerDocument.counts.text++;
    this.value = String(value);
  }

  get textContent(): string {
    return this.value;
  }
}

/** `el.style`: Preact writes `style[key] = value` or `setProperty`; both count as attribute writes. */
function createStyle(doc: FakeDocument): Record<string, unknown> {
  const style: Record<string, unknown> = {};
  Object.defineProperty(style, "setProperty", {
    enumerable: false,
    value(name: string, value: string) {
      doc.counts.attr++;
      style[name] = value;
    },
  });
  return style;
}

export class FakeElement extends FakeNode {
  readonly nodeType = 1;
  readonly namespaceURI = XHTML;
  firstChild: FakeNode | null = null;
  lastChild: FakeNode | null = null;
  /** Attributes by name. A Map keeps the element's shape fixed whatever is set. */
  readonly attrs = new Map<string, string>();
  private styleObject: Record<string, unknown> | null = null;

  constructor(
    doc: FakeDocument,
    readonly localName: string,
  ) {
    super(doc);
  }

  get style(): Record<string, unknown> {
    return (this.styleObject ??= createStyle(this.ownerDocument));
  }

  /** A fresh array, as `slice.call(childNodes)` would give; only read on a first render into a non-empty container. */
  get childNodes(): FakeNode[] {
    const out: FakeNode[] = [];
    for (let c = this.firstChild; c !== null; c = c.nextSibling) out.push(c);
    return out;
  }

  insertBefore<T extends FakeNode>(child: T, before: FakeNode | null): T {
    if (before !== null && before.parentNode !== this) throw new Error("insertBefore: reference node is not a child of this element");
    if (child === before) return child;
    const counts = this.ownerDocument.counts;
    if (child.parentNode === this) counts.move++;
    else counts.insert++;
    if (child.parentNode !== null) unlink(child);
    child.parentNode = this;
    if (before === null) {
      const last = this.lastChild;
      child.previousSibling = last;
      child.nextSibling = null;
      if (last === null) this.firstChild = child;
      else last.nextSibling = child;
      this.lastChild = child;
    } else {
      const prev = before.previousSibling;
      child.previousSibling = prev;
      child.nextSibling = before;
      before.previousSibling = child;
      if (prev === null) this.firstChild = child;
      else prev.nextSibling = child;
    }
    return child;
  }

  appendChild<T extends FakeNode>(child: T): T {
    return this.insertBefore(child, null);
  }

  removeChild<T extends FakeNode>(child: T): T {
    if (child.parentNode !== this) throw new Error("removeChild: node is not a child of this element");
    this.ownerDocument.counts.remove++;
    unlink(child);
    return child;
  }

  setAttribute(name: string, value: unknown): void {
    this.ownerDocument.counts.attr++;
    this.attrs.set(name, String(value));
  }

  removeAttribute(name: string): void {
    this.ownerDocument.counts.attr++;
    this.attrs.delete(name);
  }

  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }

  // No handlers are rendered by the benchmark; these exist so a stray one would not crash.
  addEventListener(): void {}
  removeEventListener(): void {}

  get textContent(): string {
    let out = "";
    for (let c = this.firstChild; c !== null; c = c.nextSibling) out += c.textContent;
    return out;
  }

  set textContent(value: string) {
    while (this.firstChild !== null) this.removeChild(this.firstChild);
    if (value !== "") this.appendChild(new FakeText(this.ownerDocument, value));
    this.ownerDocument.counts.text++;
  }
}

function unlink(child: FakeNode): void {
  const parent = child.parentNode!;
  const prev = child.previousSibling;
  const next = child.nextSibling;
  if (prev === null) parent.firstChild = next;
  else prev.nextSibling = next;
  if (next === null) parent.lastChild = prev;
  else next.previousSibling = prev;
  child.parentNode = null;
  child.previousSibling = null;
  child.nextSibling = null;
}

export class FakeDocument {
  readonly nodeType = 9;
  counts: HostCounts = zeroCounts();

  createElement(tag: string): FakeElement {
    this.counts.create++;
    return new FakeElement(this, tag);
  }

  createElementNS(_namespace: string | null, tag: string): FakeElement {
    return this.createElement(tag);
  }

  createTextNode(data: string): FakeText {
    this.counts.create++;
    return new FakeText(this, String(data));
  }

  /** Starts a new count and returns the previous one. */
  takeCounts(): HostCounts {
    const out = this.counts;
    this.counts = zeroCounts();
    return out;
  }
}
