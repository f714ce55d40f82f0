import { h, render } from "preact";
import { useState } from "preact/hooks";

function Counter() {
  const [count, setCount] = useState(0);
  return h("div", null, h("span", null, `Count: ${count}`), h("button", { onClick: () => setCount((c) => c + 1) }, "Add"));
}

render(h(Counter, null), document.getElementById("root")!);
