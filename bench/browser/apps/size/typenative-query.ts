// typenative's side of the React + react-query row: the same counter, one query and one mutation.
import * as pn from "../../../../src/index.js";
import { mount } from "../../../../src/hosts/web/index.js";

const Counter = pn.component(function Counter() {
  const [count, setCount] = pn.useState(0);
  const user = pn.useQuery((signal) => pn.fetch("/api/users/1", { signal }).then((r) => r.json() as Promise<{ name: string }>), [], { key: ["user", 1] });
  const [, save] = pn.useMutation((n: number) => pn.fetch("/api/count", { method: "POST", body: String(n) }));
  return pn.Column(
    pn.Text(user.data?.name ?? "Loading…"),
    pn.Text(`Count: ${count}`),
    pn.Button("Add", { onClick: () => { setCount((c) => c + 1); void save(count + 1); } }),
  );
});

mount(Counter(), document.getElementById("root")!);
