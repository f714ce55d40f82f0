// The same 10,000 components in React, with @tanstack/react-query.
import { createElement as h } from "react";
import { createRoot } from "react-dom/client";
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { installQueryBench, type QueryMode } from "../query-harness.js";

const fetchValue = (): Promise<string> => Promise.resolve("x");
const cls = { className: "tn tn-text" };

function Plain({ id }: { id: number }) {
  return h("span", cls, `${id}:x`);
}

function OneKey({ id }: { id: number }) {
  const q = useQuery({ queryKey: ["item"], queryFn: fetchValue });
  return h("span", cls, q.data === undefined ? "…" : `${id}:${q.data}`);
}

function DistinctKeys({ id }: { id: number }) {
  const q = useQuery({ queryKey: ["item", id], queryFn: fetchValue });
  return h("span", cls, q.data === undefined ? "…" : `${id}:${q.data}`);
}

installQueryBench((mode: QueryMode, ids: number[], main: HTMLElement) => {
  const Item = mode === "plain" ? Plain : mode === "one" ? OneKey : DistinctKeys;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  createRoot(main).render(
    h(QueryClientProvider, { client }, h("div", { className: "tn tn-column" }, ids.map((id) => h(Item, { key: id, id })))),
  );
});
