// Browser side of realm.test.ts: an app mounted into a same-origin iframe's
// document, whose elements belong to the iframe's window, not this one's.
import * as pn from "typenative";
import { mount } from "typenative/web";

const frame = document.createElement("iframe");
document.body.appendChild(frame);
const doc = frame.contentDocument!;
doc.body.innerHTML = `<p id="page-text">the page</p><div id="root"></div>`;

const App = pn.component(() =>
  pn.Column(
    pn.TextInput({ label: "Password", secureTextEntry: true, testID: "password" }),
    pn.FlatList(["a", "b"], { renderItem: (item) => pn.Text(item), testID: "list" }),
    pn.Button("Ask", { onClick: () => void pn.Alert.confirm("Sure?"), testID: "ask" }),
  ),
);
const app = mount(App(), doc.getElementById("root")!);

(window as unknown as Record<string, unknown>).tn = {
  doc,
  app,
  inputType: () => doc.querySelector<HTMLInputElement>("[data-testid=password]")!.type,
  rowRoles: () => Array.from(doc.querySelector("[data-testid=list]")!.children).map((row) => row.getAttribute("role")),
  ask: () => doc.querySelector<HTMLButtonElement>("[data-testid=ask]")!.click(),
  pageInert: () => doc.getElementById("page-text")!.inert,
  dialogShown: () => doc.querySelector("[role=dialog]") !== null,
  /** Focuses a button added outside the dialog (so not made inert); says whether the focus ended up in the dialog. */
  focusOutside: () => {
    const late = doc.createElement("button");
    doc.body.appendChild(late);
    late.focus();
    return doc.querySelector("[role=dialog]")!.contains(doc.activeElement);
  },
};
(window as unknown as { ready: boolean }).ready = true;
