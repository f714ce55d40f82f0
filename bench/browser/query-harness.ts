/** Runs inside the query benchmark pages: mounts N components and times until every one shows its data. */
import { installBaseStyles } from "../../src/hosts/web/base-styles.js";

export type QueryMode = "plain" | "one" | "distinct";

const channel = new MessageChannel();
let taskDone: (() => void) | null = null;
channel.port1.onmessage = () => {
  const done = taskDone;
  taskDone = null;
  done?.();
};
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    taskDone = resolve;
    channel.port2.postMessage(0);
  });
}

export function installQueryBench(mountAll: (mode: QueryMode, ids: number[], main: HTMLElement) => void): void {
  installBaseStyles(document);
  const main = document.getElementById("main")!;
  async function measure(mode: QueryMode, count: number): Promise<{ ms: number; text: string }> {
    const ids = Array.from({ length: count }, (_, i) => i + 1);
    const last = `${count}:x`;
    const done = (): boolean => {
      const list = main.firstElementChild;
      return list !== null && list.childElementCount === count && list.lastElementChild!.textContent === last && list.firstElementChild!.textContent === "1:x";
    };
    (globalThis as { gc?: () => void }).gc?.();
    await nextTask();
    // Done is noticed by a MutationObserver (a microtask after the DOM
    // changes), not by polling: a polling loop of posted messages would
    // starve react-query's setTimeout-batched notifications.
    let finished!: () => void;
    const finishedPromise = new Promise<void>((resolve) => (finished = resolve));
    const observer = new MutationObserver(() => {
      if (done()) finished();
    });
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    const start = performance.now();
    mountAll(mode, ids, main);
    if (done()) finished();
    await finishedPromise;
    observer.disconnect();
    void main.offsetHeight;
    const ms = performance.now() - start;
    return { ms, text: main.textContent!.slice(0, 40) };
  }
  (window as unknown as { bench: unknown }).bench = { measure };
  (window as unknown as { ready: boolean }).ready = true;
}
