import { createElement as h, useState } from "react";
import { createRoot } from "react-dom/client";

function Counter() {
  const [count, setCount] = useState(0);
  return h("div", null, h("span", null, `Count: ${count}`), h("button", { onClick: () => setCount((c) => c + 1) }, "Add"));
}

createRoot(document.getElementById("root")!).render(h(Counter, null));
