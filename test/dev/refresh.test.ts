// Fast refresh on the test host: a module's components re-defined the way a
// patch bundle re-runs the module (beginModule → component() → endModule).
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, settle, cleanup } from "typenative/testing";
import { applyModule, beginModule, endModule, hookSignature, installRefresh, isComponentModule, resetRefresh } from "../../src/core/refresh.js";

/** Runs a "module body" under `id`, returning its exports and the families it defined. */
function runModule<T extends object>(id: string, body: () => T) {
  beginModule(id);
  const exports = body();
  return { exports, defined: endModule() };
}

function counterModule(label: string, extraHook: boolean) {
  return runModule("src/Counter.ts", () => ({
    Counter: pn.component(function Counter() {
      const [count, setCount] = pn.useState(0);
      if (extraHook) pn.useRef(null);
      return pn.Column(pn.Text(`${label}: ${count}`), pn.Button("Add", { onClick: () => setCount((c) => c + 1) }));
    }),
  }));
}

describe("fast refresh (src/core/refresh.ts)", () => {
  let uninstall = (): void => {};
  afterEach(() => {
    cleanup();
    uninstall();
    resetRefresh();
  });

  it("keeps state when the hooks are unchanged, remounts when they changed", async () => {
    uninstall = installRefresh();
    const v1 = counterModule("Count", false);
    assert.ok(isComponentModule(v1.exports));
    const ui = render(pn.Column(v1.exports.Counter()));
    ui.press(ui.getByText("Add"));
    await settle();
    ui.getByText("Count: 1");

    const v2 = counterModule("Clicks", false);
    // The new factory makes elements of the same type as the old one.
    assert.equal((v2.exports.Counter() as pn.Element).type, (v1.exports.Counter() as pn.Element).type);
    assert.deepEqual(applyModule(v2.defined), { updated: ["src/Counter.ts#Counter"], remounted: [] });
    await settle();
    ui.getByText("Clicks: 1");

    // Another hook in the source: a new signature.
    const v3 = runModule("src/Counter.ts", () => ({
      Counter: pn.component(function Counter() {
        const [count, setCount] = pn.useState(0);
        const memo = pn.useMemo(() => 0, []);
        void memo;
        return pn.Column(pn.Text(`Total: ${count}`), pn.Button("Add", { onClick: () => setCount((c) => c + 1) }));
      }),
    }));
    assert.deepEqual(applyModule(v3.defined), { updated: [], remounted: ["src/Counter.ts#Counter"] });
    await settle();
    ui.getByText("Total: 0");
    ui.press(ui.getByText("Add"));
    await settle();
    ui.getByText("Total: 1");
  });

  it("remounts instead of failing when a kept-state render calls other hooks", async () => {
    uninstall = installRefresh();
    const v1 = counterModule("Count", false);
    const ui = render(v1.exports.Counter());
    ui.press(ui.getByText("Add"));
    await settle();
    const v2 = counterModule("Count", true); // same source text, one more hook at run time
    applyModule(v2.defined);
    await settle();
    ui.getByText("Count: 0");
  });

  it("an update retries the error boundaries that caught an error, so fixing the code brings the screen back", async () => {
    uninstall = installRefresh();
    const profileModule = (broken: boolean) =>
      runModule("src/Profile.ts", () => ({
        Profile: pn.component(function Profile() {
          const [name] = pn.useState("Ada");
          if (broken) throw new Error("name.toUpperCase is not a function");
          return pn.Text(`Profile of ${name}`);
        }),
      }));
    const errors: unknown[] = [];
    const v1 = profileModule(false);
    const App = () =>
      pn.ErrorBoundary({ fallback: (error) => pn.Text(`Failed: ${(error as Error).message}`), onError: (error) => void errors.push(error) }, v1.exports.Profile());
    const ui = render(pn.Column(App(), pn.ErrorBoundary({ fallback: pn.Text("other failed") }, pn.Text("untouched"))));
    applyModule(profileModule(true).defined); // the edit that breaks it
    await settle();
    ui.getByText("Failed: name.toUpperCase is not a function");
    applyModule(profileModule(false).defined); // the fix
    await settle();
    ui.getByText("Profile of Ada");
    ui.getByText("untouched");
    assert.equal(errors.length, 1);
  });

  it("signatures list the hooks in order; modules with other exports are not component modules", () => {
    assert.equal(hookSignature(function A() { pn.useState(0); pn.useEffect(() => {}); }), "useState,useEffect");
    uninstall = installRefresh();
    const mixed = runModule("src/mixed.ts", () => ({ Card: pn.component(function Card() { return null; }), LIMIT: 3 }));
    assert.equal(isComponentModule(mixed.exports), false);
    assert.equal(isComponentModule({}), false);
  });

  it("leaves component() alone when refresh is not installed or no module is running", () => {
    const Plain = pn.component(function Plain() { return null; });
    const render0 = (Plain() as pn.Element).type as { name: string };
    assert.equal(render0.name, "Plain");
    uninstall = installRefresh();
    const Later = pn.component(function Later() { return null; });
    assert.equal(isComponentModule({ Later }), false);
  });
});
