/**
 * The effect machinery is installed by the first effect a component
 * schedules (src/core/effect-runner.ts): before that, commits skip the
 * effect steps. Node runs each test file in a process of its own, so this
 * file starts with nothing installed.
 */
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle } from "typenative/testing";
import { effectRunner } from "../../src/core/effect-runner.js";

afterEach(cleanup);

describe("the effect runner", () => {
  it("is installed by the first scheduled effect; a tree mounted before keeps working, and later effects run in order", async () => {
    const log: string[] = [];
    const Counter = pn.component(function Counter() {
      const [count, setCount] = pn.useState(0);
      return pn.Button(`Count: ${count}`, { onClick: () => setCount((c) => c + 1) });
    });
    const Watcher = pn.component(function Watcher(p: { n: number }) {
      pn.useLayoutEffect(() => {
        log.push(`layout ${p.n}`);
        return () => log.push(`layout cleanup ${p.n}`);
      }, [p.n]);
      pn.useEffect(() => {
        log.push(`passive ${p.n}`);
        return () => log.push(`passive cleanup ${p.n}`);
      }, [p.n]);
      return pn.Text(`watching ${p.n}`);
    });
    const App = pn.component(function App(p: { watch: number | null }) {
      return pn.Column(Counter(), p.watch === null ? null : Watcher({ n: p.watch }));
    });

    // No effect anywhere: renders, updates and unmounts run without the effect steps.
    const ui = render(App({ watch: null }));
    ui.press(ui.getByText("Count: 0"));
    await settle();
    assert.ok(ui.queryByText("Count: 1"));
    assert.equal(effectRunner.current, null);

    // The first effect hook installs the runner before the commit that runs it.
    ui.rerender(App({ watch: 1 }));
    assert.notEqual(effectRunner.current, null);
    assert.deepEqual(log, ["layout 1"]);
    await settle();
    assert.deepEqual(log, ["layout 1", "passive 1"]);

    ui.rerender(App({ watch: 2 }));
    await settle();
    assert.deepEqual(log.slice(2), ["layout cleanup 1", "layout 2", "passive cleanup 1", "passive 2"]);

    // Removing the component runs its cleanups: layout ones at the commit, passive ones after.
    ui.rerender(App({ watch: null }));
    assert.deepEqual(log.slice(6), ["layout cleanup 2"]);
    await settle();
    assert.deepEqual(log.slice(6), ["layout cleanup 2", "passive cleanup 2"]);
    ui.press(ui.getByText("Count: 1"));
    await settle();
    assert.ok(ui.queryByText("Count: 2"));
  });
});
