/**
 * A view's `onScroll`: its `scroll` events, and its size when it is first
 * laid out and whenever it changes, so a windowed list learns its viewport
 * without waiting for the user to scroll; also when rows added or removed
 * change its content's height or leave it unfilled, so a list learns it is
 * still at its end. Loaded by the DOM host the first
 * time a view has `onScroll` (see lazy.ts and features.ts), which passes `emit` in rather
 * than have this module import it (see `FeatureContext` in flags.ts). A
 * scroll before the module arrives is not lost: the first size report says
 * where the view is.
 */
import type { emit as Emit } from "../../core/events.js";

/** What a scrolling view reports: where it is, how tall its window is, how tall its content. */
export interface ScrollEvent {
  offset: number;
  viewportHeight: number;
  contentHeight: number;
}

/** The scroll listener, ResizeObserver and MutationObserver of one document's scrolling views. */
export class ScrollWatch {
  #observer: ResizeObserver | null = null;
  /**
   * Rows added or removed change how tall the content is but not the view's
   * box, which is all a ResizeObserver sees: without a report then, a list
   * whose rows do not fill it yet (so it cannot be scrolled) never learns it
   * is still at its end, and loads no next page.
   */
  #contentObserver: MutationObserver | null = null;
  /** The content height each view last reported, so a change of rows that keeps it (a windowed list's, full of rows) reports nothing. */
  readonly #contentHeights = new WeakMap<HTMLElement, number>();
  readonly #watched = new Set<HTMLElement>();
  /** One listener for every view (scroll does not bubble, so it cannot be delegated). */
  readonly #onScroll = (event: Event): void => this.#report(event.currentTarget as HTMLElement);

  constructor(
    private readonly doc: Document,
    private readonly emit: typeof Emit,
  ) {}

  /** Starts or stops following `el`'s scrolling. */
  set(el: HTMLElement, on: boolean): void {
    if (on) {
      el.addEventListener("scroll", this.#onScroll);
      this.#watch(el);
    } else {
      el.removeEventListener("scroll", this.#onScroll);
      this.#unwatch(el);
    }
  }

  #report(el: HTMLElement): void {
    const event: ScrollEvent = { offset: el.scrollTop, viewportHeight: el.clientHeight, contentHeight: el.scrollHeight };
    this.#contentHeights.set(el, event.contentHeight);
    this.emit(el, "onScroll", event);
  }

  #watch(el: HTMLElement): void {
    if (this.#watched.has(el)) return;
    const Observer = (this.doc.defaultView as (Window & typeof globalThis) | null)?.ResizeObserver;
    if (Observer === undefined) return;
    this.#observer ??= new Observer((entries) => {
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        if (target.isConnected && this.#watched.has(target)) this.#report(target);
      }
    });
    this.#watched.add(el);
    this.#observer.observe(el);
    const Mutations = (this.doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver;
    if (Mutations === undefined) return;
    this.#contentObserver ??= new Mutations((records) => {
      for (const target of new Set(records.map((record) => record.target as HTMLElement))) {
        if (!target.isConnected || !this.#watched.has(target)) continue;
        // scrollHeight is never less than the view's height: content that does not fill it reports on every change.
        const height = target.scrollHeight;
        if (height !== this.#contentHeights.get(target) || height <= target.clientHeight) this.#report(target);
      }
    });
    // A view no longer watched stays observed (there is no per-node unobserve) but is skipped above;
    // the observer holds no reference to it, so a removed view is not kept alive.
    this.#contentObserver.observe(el, { childList: true });
  }

  #unwatch(el: HTMLElement): void {
    if (!this.#watched.delete(el)) return;
    this.#observer?.unobserve(el);
  }

  /** After a removal: stops observing the removed view and the views inside it. */
  forgetWithin(removed: Node): void {
    if (this.#watched.size === 0) return;
    for (const el of Array.from(this.#watched)) if (removed === el || removed.contains(el)) this.#unwatch(el);
  }
}
