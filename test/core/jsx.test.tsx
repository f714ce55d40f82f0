import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { jsx, jsxs, Fragment } from "typenative/jsx-runtime";
import { jsxDEV } from "typenative/jsx-dev-runtime";
import { render, cleanup } from "typenative/testing";

afterEach(cleanup);

const Greeting = pn.component(function Greeting(p: { name: string }) {
  return <pn.Text>Hello {p.name}</pn.Text>;
});

describe("JSX runtime", () => {
  it("builds the same tree as the factories", () => {
    const ui = render(
      <pn.Column style={{ padding: 4 }}>
        <Greeting name="Ada" />
        <>
          <pn.Button onClick={() => {}}>Go</pn.Button>
        </>
        {[1, 2].map((n) => <pn.Text key={n}>{n}</pn.Text>)}
      </pn.Column>,
    );
    ui.getByText("Hello Ada");
    ui.getByText("Go");
    ui.getByText("1");
    assert.deepEqual((ui.toJSON() as { props: unknown }).props, { style: { padding: 4 } });
  });

  it("a context's Provider works as a tag and through h(), children and all", async () => {
    const Theme = pn.createContext("light");
    const Show = pn.component(function Show() {
      return <pn.Text>theme {pn.useContext(Theme)}</pn.Text>;
    });
    const App = pn.component(function App() {
      const [theme, setTheme] = pn.useState("dark");
      return (
        <pn.Column>
          <Theme.Provider value={theme}>
            <Show />
            <pn.Button onClick={() => setTheme("blue")}>Switch</pn.Button>
          </Theme.Provider>
          {pn.h(Theme.Provider, { value: "h" }, Show())}
          <Show />
        </pn.Column>
      );
    });
    const ui = render(<App />);
    assert.deepEqual(ui.getAllByText(/^theme/).map((n) => n.text), ["theme dark", "theme h", "theme light"]);
    ui.press(ui.getByText("Switch"));
    await ui.settle();
    assert.deepEqual(ui.getAllByText(/^theme/).map((n) => n.text), ["theme blue", "theme h", "theme light"]);
  });

  it("exports jsx, jsxs, jsxDEV and Fragment", () => {
    assert.equal(typeof jsx, "function");
    assert.equal(typeof jsxs, "function");
    assert.equal(typeof jsxDEV, "function");
    const el = jsxDEV(Fragment, { children: "x" }, "k");
    assert.equal(el.key, "k");
  });
});
