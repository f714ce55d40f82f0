// The minimal app of the size table: a counter, mounted as the docs teach.
import * as pn from "../../../../src/index.js";
import { mount } from "../../../../src/hosts/web/index.js";

const Counter = pn.component(function Counter() {
  const [count, setCount] = pn.useState(0);
  return pn.Column(pn.Text(`Count: ${count}`), pn.Button("Add", { onClick: () => setCount((c) => c + 1) }));
});

mount(Counter(), document.getElementById("root")!);
