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

  it("exports jsx, jsxs, jsxDEV and Fragment", () => {
    assert.equal(typeof jsx, "function");
    assert.equal(typeof jsxs, "function");
    assert.equal(typeof jsxDEV, "function");
    const el = jsxDEV(Fragment, { children: "x" }, "k");
    assert.equal(el.key, "k");
  });
});
