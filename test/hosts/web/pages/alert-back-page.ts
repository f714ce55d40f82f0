// Browser side of alert-back.test.ts: a stack with URLs (Home at /, Detail
// at /detail) whose Detail screen raises pn.Alert.show/confirm/choose and
// opens a pn.Modal that can raise an alert over itself; a second root
// (`mount()` again) raises alerts of its own. Each alert's answer is
// recorded in `tn.results`, each onRequestClose in `tn.requests`.
import * as pn from "typenative";
import { mount } from "typenative/web";

type Params = { Home: undefined; Detail: undefined; Other: undefined };
const Stack = pn.createStack<Params>();
const results: unknown[] = [];
const requests: string[] = [];
const tn = { results, requests };
const record = (promise: Promise<unknown>): void => void promise.then((value) => results.push(value === undefined ? "undefined" : value));

const Home = pn.component(function Home() {
  const navigation = Stack.useNavigation();
  return pn.Button("To detail", { onClick: () => navigation.navigate("Detail"), testID: "to-detail" });
});

const Detail = pn.component(function Detail() {
  const navigation = Stack.useNavigation();
  const [open, setOpen] = pn.useState(false);
  return pn.Column(
    pn.Text("Detail screen", { testID: "detail" }),
    pn.Button("Show", { onClick: () => record(pn.Alert.show("Saved!")), testID: "show" }),
    pn.Button("Confirm", { onClick: () => record(pn.Alert.confirm("Delete this item?")), testID: "confirm" }),
    pn.Button("Choose", { onClick: () => record(pn.Alert.choose("Photo source", ["Camera", "Gallery"])), testID: "choose" }),
    pn.Button("Go on", { onClick: () => navigation.navigate("Other"), testID: "go-on" }),
    pn.Button("Open modal", { onClick: () => setOpen(true), testID: "open" }),
    pn.Modal(
      pn.Text("In the modal", { testID: "modal-text" }),
      pn.Button("Confirm over the modal", { onClick: () => record(pn.Alert.confirm("Leave the modal?")), testID: "modal-confirm" }),
      {
        visible: open,
        onRequestClose: () => {
          requests.push("close");
          setOpen(false);
        },
      },
    ),
  );
});

const Other = pn.component(function Other() {
  return pn.Text("Other screen", { testID: "other" });
});

/** At /?plain: an alert in an app without navigation, which never touches the history itself. */
const Plain = pn.component(function Plain() {
  return pn.Button("Confirm", { onClick: () => record(pn.Alert.confirm("Delete this item?")), testID: "confirm" });
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

mount(location.search === "?plain" ? Plain() : Navigation(), document.getElementById("root")!);

// A second app on the page, with its own alert presenter (the second root's
// alert opens over the first's).
const second = document.createElement("div");
document.body.appendChild(second);
mount(pn.Button("Second root's alert", { onClick: () => record(pn.Alert.confirm("From the second root")), testID: "second" }), second);

(window as unknown as Record<string, unknown>).tn = tn;
(window as unknown as { ready: boolean }).ready = true;
