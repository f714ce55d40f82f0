// Browser side of modal-back.test.ts: a stack with URLs (Home at /, Detail
// at /detail) whose Detail screen opens a pn.Modal; its onRequestClose
// closes it, or refuses while `tn.refuse` is set.
import * as pn from "typenative";
import { mount } from "typenative/web";

type Params = { Home: undefined; Detail: undefined; Other: undefined };
const Stack = pn.createStack<Params>();
const requests: string[] = [];
const tn = { requests, refuse: false, app: null as unknown };

const Home = pn.component(function Home() {
  const navigation = Stack.useNavigation();
  return pn.Button("To detail", { onClick: () => navigation.navigate("Detail"), testID: "to-detail" });
});

const Detail = pn.component(function Detail() {
  const navigation = Stack.useNavigation();
  const [open, setOpen] = pn.useState(false);
  return pn.Column(
    pn.Text("Detail screen", { testID: "detail" }),
    pn.Button("Open modal", { onClick: () => setOpen(true), testID: "open" }),
    pn.Modal(
      pn.Text("In the modal", { testID: "modal-text" }),
      pn.Button("Close", { onClick: () => setOpen(false), testID: "close" }),
      pn.Button("Close and go on", {
        onClick: () => {
          setOpen(false);
          navigation.navigate("Other");
        },
        testID: "close-go",
      }),
      {
        visible: open,
        onRequestClose: () => {
          requests.push("close");
          if (!tn.refuse) setOpen(false);
        },
      },
    ),
  );
});

const Other = pn.component(function Other() {
  return pn.Text("Other screen", { testID: "other" });
});

/** At /?plain: a modal in an app without navigation, which never touches the history itself. */
const Plain = pn.component(function Plain() {
  const [open, setOpen] = pn.useState(false);
  return pn.Column(
    pn.Text("Plain app", { testID: "plain" }),
    pn.Button("Open modal", { onClick: () => setOpen(true), testID: "open" }),
    pn.Modal(pn.Text("In the modal", { testID: "modal-text" }), {
      visible: open,
      onRequestClose: () => {
        requests.push("close");
        setOpen(false);
      },
    }),
  );
});

const Navigation = (): pn.Element =>
  pn.NavigationContainer(
    { linking: { config: { screens: { Home: "", Detail: "detail", Other: "other" } } } },
    Stack.Navigator(
      { initialRouteName: "Home" },
      Stack.Screen({ name: "Home", component: Home }),
      Stack.Screen({ name: "Detail", component: Detail }),
      Stack.Screen({ name: "Other", component: Other }),
    ),
  );

tn.app = mount(location.search === "?plain" ? Plain() : Navigation(), document.getElementById("root")!);
(window as unknown as Record<string, unknown>).tn = tn;
(window as unknown as { ready: boolean }).ready = true;
