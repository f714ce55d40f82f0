/**
 * Type tests of `pn.lazy`, compiled by `tsc --noEmit` in `npm test` (never
 * run): the lazy component has the props of what `load` resolves with.
 */
import * as pn from "typenative";

const Card = pn.component(function Card(p: { id: number }) {
  return pn.Text(String(p.id));
});

// A factory: its props.
const LazyCard = pn.lazy(() => Promise.resolve(Card));
LazyCard({ id: 1 });
// @ts-expect-error id is required
LazyCard();
// @ts-expect-error id is a number
LazyCard({ id: "1" });

// A module with a default export.
const FromModule = pn.lazy(() => Promise.resolve({ default: Card }));
FromModule({ id: 2, key: "k" });

// A plain render function.
const FromFunction = pn.lazy(() => Promise.resolve((p: { name: string }) => pn.Text(p.name)));
FromFunction({ name: "x" });
// @ts-expect-error name is the prop
FromFunction({ id: 1 });

// A component without props may be called bare; it is a component factory (a navigation screen's `component`).
const Bare = pn.component(function Bare() {
  return null;
});
const LazyBare = pn.lazy(() => Promise.resolve(Bare), { fallback: pn.ActivityIndicator() });
LazyBare();
const screen: pn.ComponentFactory<any> = LazyBare;
const preloading: Promise<void> = LazyBare.preload();
void screen;
void preloading;

// @ts-expect-error fallback is a child, not a function
pn.lazy(() => Promise.resolve(Bare), { fallback: () => null });
