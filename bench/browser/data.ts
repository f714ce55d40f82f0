/**
 * The js-framework-benchmark's row data, from a seeded generator so every
 * implementation builds exactly the same rows in the same order.
 */
export interface Item {
  id: number;
  label: string;
}

const ADJECTIVES = ["pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint", "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly", "adorable", "important", "inexpensive", "cheap", "expensive", "fancy"];
const COLOURS = ["red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange"];
const NOUNS = ["table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger", "pizza", "mouse", "keyboard"];

/** A row factory: ids count up from 1, labels come from a fixed-seed generator. */
export function createStore(): { build(count: number): Item[] } {
  let nextId = 1;
  let seed = 42;
  const random = (max: number): number => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * max) | 0;
  };
  return {
    build(count: number): Item[] {
      const data = new Array<Item>(count);
      for (let i = 0; i < count; i++) {
        data[i] = { id: nextId++, label: `${ADJECTIVES[random(ADJECTIVES.length)]} ${COLOURS[random(COLOURS.length)]} ${NOUNS[random(NOUNS.length)]}` };
      }
      return data;
    },
  };
}

/** The operations every implementation offers to the runner (select and remove go through real clicks). */
export interface BenchApp {
  run(): void;
  runLots(): void;
  add(): void;
  update(): void;
  clear(): void;
  swapRows(): void;
}

/** Background of the selected row: selection is a style, as the docs teach. */
export const SELECTED_BACKGROUND = "rgb(204, 228, 255)";

declare global {
  interface Window {
    app: BenchApp;
    ready: boolean;
  }
}
