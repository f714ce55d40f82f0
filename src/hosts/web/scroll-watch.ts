/**
 * A view's `onScroll`: its `scroll` events, and its size when it is first
 * laid out and whenever it changes, so a windowed list learns its viewport
 * without waiting for the user to scroll. Loaded by the DOM host the first
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

/** The scroll listener and ResizeObserver of one document's scrolling views. */
export class ScrollWatch {
  #observer: ResizeObserver | null = null;
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
