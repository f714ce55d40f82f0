/**
 * Reports a scrolling view's size when it is first laid out and whenever it
 * changes, as an `onScroll` event, so a windowed list learns its viewport
 * without waiting for the user to scroll. Loaded by the DOM host the first
 * time a view has `onScroll` (see lazy.ts), which passes `report` in
 * rather than have this module import it (see `FeatureContext` in flags.ts).
 */

/** The ResizeObserver of one document's scrolling views. */
export class ScrollWatch {
  private observer: ResizeObserver | null = null;
  private readonly watched = new Set<HTMLElement>();

  constructor(
    private readonly doc: Document,
    private readonly report: (el: HTMLElement) => void,
  ) {}

  /** Starts or stops watching `el`. */
  set(el: HTMLElement, on: boolean): void {
    if (on) this.watch(el);
    else this.unwatch(el);
  }

  private watch(el: HTMLElement): void {
    if (this.watched.has(el)) return;
    const Observer = (this.doc.defaultView as (Window & typeof globalThis) | null)?.ResizeObserver;
    if (Observer === undefined) return;
    this.observer ??= new Observer((entries) => {
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        if (target.isConnected && this.watched.has(target)) this.report(target);
      }
    });
    this.watched.add(el);
    this.observer.observe(el);
  }

  private unwatch(el: HTMLElement): void {
    if (!this.watched.delete(el)) return;
    this.observer?.unobserve(el);
  }

  /** After a removal: stops observing the removed view and the views inside it. */
  forgetWithin(removed: Node): void {
    if (this.watched.size === 0) return;
    for (const el of Array.from(this.watched)) if (removed === el || removed.contains(el)) this.unwatch(el);
  }
}
