/**
 * `useQuery` schedules its binding as its own effect (`scheduleOwnEffect`),
 * not through `useEffect`; that path must install the effect machinery too
 * (src/core/effect-runner.ts), or an app whose only effects are queries
 * would never fetch. Node runs each test file in a process of its own, so
 * this file starts with nothing installed.
 */
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup } from "typenative/testing";
import { effectRunner } from "../../src/core/effect-runner.js";

afterEach(cleanup);

describe("useQuery as an app's only effect", () => {
  it("installs the effect runner, fetches after the commit and renders the data", async () => {
    assert.equal(effectRunner.current, null, "nothing installed yet: this checks the query's own path");
    const requests: string[] = [];
    const Name = pn.component(function Name() {
      const q = pn.useQuery(async () => {
        requests.push("user");
        return "Alice";
      }, [], { key: ["user", 1] });
      return pn.Text(q.data ?? "Loading…");
    });
    const ui = render(Name());
    ui.getByText("Loading…");
    assert.notEqual(effectRunner.current, null);
    await ui.findByText("Alice");
    assert.deepEqual(requests, ["user"]);
  });
});
