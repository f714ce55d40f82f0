/**
 * Runs inside every benchmark page, next to one implementation's app: the
 * nine js-framework-benchmark operations, their warm-ups, the timing, a
 * canonical form of the table's DOM and a count of `addEventListener` calls.
 */

import type { BenchApp } from "./data.js";

export type OpName = "create" | "replace" | "update" | "select" | "swap" | "remove" | "createMany" | "append" | "clear";

export interface Timing {
  /** From the trigger to the end of a forced layout, after the framework's own scheduling drained. */
  script: number;
  /** From the trigger to the first task after the next animation frame: the next paint. */
  paint: number;
  /** `addEventListener` calls during the operation. */
  listeners: number;
}

let listenerCalls = 0;
let channel: MessageChannel;
let taskDone: (() => void) | null = null;
/** The next task: every microtask (where all three frameworks render) has run by then. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    taskDone = resolve;
    channel.port2.postMessage(0);
  });
}

function rows(): NodeListOf<HTMLElement> {
  return document.querySelectorAll<HTMLElement>("#main .tn-row");
}

/** Clicks column `column` (1: the label, 2: the remove button) of row `index`: a real DOM click event. */
function click(index: number, column: number): void {
  const row = rows()[index];
  if (row === undefined) throw new Error(`no row ${index}`);
  (row.children[column] as HTMLElement).click();
}

const WARMUP = 5;

async function step(fn: () => void): Promise<void> {
  fn();
  await nextTask();
}

/**
 * The app's operations run inside a real click event, as the benchmark's
 * buttons would run them: React gives updates made in a discrete event its
 * synchronous lane (flushed on a microtask) rather than a scheduler task.
 */
let trigger: HTMLButtonElement;
let pending: (() => void) | null = null;
const app = (): BenchApp => {
  const target = window.app;
  return {
    run: () => inEvent(() => target.run()),
    runLots: () => inEvent(() => target.runLots()),
    add: () => inEvent(() => target.add()),
    update: () => inEvent(() => target.update()),
    clear: () => inEvent(() => target.clear()),
    swapRows: () => inEvent(() => target.swapRows()),
  };
};

function inEvent(fn: () => void): void {
  pending = fn;
  trigger.click();
}

const OPS: Record<OpName, { prepare(): Promise<void>; run(): void }> = {
  create: {
    async prepare() {
      for (let i = 0; i < WARMUP; i++) {
        await step(() => app().run());
        await step(() => app().clear());
      }
    },
    run: () => app().run(),
  },
  replace: {
    async prepare() {
      for (let i = 0; i < WARMUP; i++) await step(() => app().run());
    },
    run: () => app().run(),
  },
  update: {
    async prepare() {
      await step(() => app().run());
      for (let i = 0; i < WARMUP; i++) await step(() => app().update());
    },
    run: () => app().update(),
  },
  select: {
    async prepare() {
      await step(() => app().run());
      for (let i = 0; i < WARMUP; i++) await step(() => click(i + 5, 1));
    },
    run: () => click(1, 1),
  },
  swap: {
    async prepare() {
      await step(() => app().run());
      for (let i = 0; i < WARMUP; i++) await step(() => app().swapRows());
    },
    run: () => app().swapRows(),
  },
  remove: {
    async prepare() {
      await step(() => app().run());
      for (let i = 0; i < WARMUP; i++) await step(() => click(WARMUP - i + 4, 2));
    },
    run: () => click(3, 2),
  },
  createMany: {
    async prepare() {
      for (let i = 0; i < WARMUP; i++) {
        await step(() => app().run());
        await step(() => app().clear());
      }
    },
    run: () => app().runLots(),
  },
  append: {
    async prepare() {
      for (let i = 0; i < WARMUP; i++) {
        await step(() => app().run());
        await step(() => app().clear());
      }
      await step(() => app().run());
    },
    run: () => app().add(),
  },
  clear: {
    async prepare() {
      for (let i = 0; i < WARMUP; i++) {
        await step(() => app().run());
        await step(() => app().clear());
      }
      await step(() => app().run());
    },
    run: () => app().clear(),
  },
};

function forceLayout(): void {
  void document.getElementById("main")!.offsetHeight;
}

async function measure(name: OpName): Promise<Timing> {
  await OPS[name].prepare();
  return timed(name);
}

/** Times one operation on a prepared page (the profiler starts between the two). */
async function timed(name: OpName): Promise<Timing> {
  const op = OPS[name];
  forceLayout();
  await nextTask();
  (globalThis as { gc?: () => void }).gc?.();
  await nextTask();
  const calls = listenerCalls;
  const start = performance.now();
  op.run();
  await nextTask();
  forceLayout();
  const script = performance.now() - start;
  const listeners = listenerCalls - calls;
  await new Promise<void>((resolve) => requestAnimationFrame(() => void nextTask().then(resolve)));
  const paint = performance.now() - start;
  return { script, paint, listeners };
}

/** Runs one operation untimed (after `prepare` when asked), for the DOM-equality checks. */
async function perform(name: OpName | "run" | "runLots" | "add" | "updateEvery10th" | "clearAll" | "swapRows" | `select:${number}` | `remove:${number}`): Promise<number> {
  const calls = listenerCalls;
  if (name.startsWith("select:")) await step(() => click(Number(name.slice(7)), 1));
  else if (name.startsWith("remove:")) await step(() => click(Number(name.slice(7)), 2));
  else if (name === "updateEvery10th") await step(() => app().update());
  else if (name === "clearAll") await step(() => app().clear());
  else await step(() => (app() as unknown as Record<string, () => void>)[name]!());
  return listenerCalls - calls;
}

/** The table's DOM in a canonical text form: tags, sorted attributes, text, in order. */
function canonicalDom(): string {
  const out: string[] = [];
  const walk = (node: Node, depth: number): void => {
    const pad = " ".repeat(depth);
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(`${pad}"${(node as Text).data}"`);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const attrs = Array.from(el.attributes)
      .map((a) => `${a.name}=${JSON.stringify(a.value)}`)
      .sort();
    out.push(`${pad}<${el.localName}${attrs.length > 0 ? " " + attrs.join(" ") : ""}>`);
    for (const child of Array.from(el.childNodes)) walk(child, depth + 1);
  };
  for (const child of Array.from(document.getElementById("main")!.childNodes)) walk(child, 0);
  return out.join("\n");
}

/** Counts `addEventListener` calls and exposes `window.bench`; called before the app starts. */
export function installHarness(): void {
  const addEventListener = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget["addEventListener"]>) {
    listenerCalls++;
    return addEventListener.apply(this, args);
  } as EventTarget["addEventListener"];
  trigger = document.createElement("button");
  trigger.id = "trigger";
  trigger.addEventListener("click", () => {
    const fn = pending;
    pending = null;
    fn!();
  });
  document.body.appendChild(trigger);
  channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const done = taskDone;
    taskDone = null;
    done?.();
  };
  (window as unknown as { bench: unknown }).bench = { measure, timed, prepare: (name: OpName) => OPS[name].prepare(), perform, canonicalDom };
}
