// React + react-query: the counter plus one query, the floor of a React app that fetches.
import { createElement as h, useState } from "react";
import { createRoot } from "react-dom/client";
import { QueryClient, QueryClientProvider, useMutation, useQuery } from "@tanstack/react-query";

function Counter() {
  const [count, setCount] = useState(0);
  const user = useQuery({ queryKey: ["user", 1], queryFn: ({ signal }) => fetch("/api/users/1", { signal }).then((r) => r.json() as Promise<{ name: string }>) });
  const save = useMutation({ mutationFn: (n: number) => fetch("/api/count", { method: "POST", body: String(n) }) });
  return h(
    "div",
    null,
    h("span", null, user.data?.name ?? "Loading…"),
    h("span", null, `Count: ${count}`),
    h("button", { onClick: () => { setCount((c) => c + 1); save.mutate(count + 1); } }, "Add"),
  );
}

createRoot(document.getElementById("root")!).render(h(QueryClientProvider, { client: new QueryClient() }, h(Counter, null)));
