// Queries and mutations together, through the public hooks: a refetch raced
// by a mutation's invalidation, and a durable mutation queued offline next
// to a paused query. (Coverage: these passed when written; no test combined
// them before.)
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, settle } from "typenative/testing";
import { deferred, useDataTest, unmountAndCheck, type Deferred } from "../helpers/data.js";

describe("queries and mutations together", () => {
  const t = useDataTest();
  it("a fetch superseded by a mutation's invalidation never publishes, even if it ignores its signal", async () => {
    const replies: Deferred<string>[] = [];
    const seen: Array<string | undefined> = [];
    let refetchResult: unknown = "pending";
    const Todos = pn.component(function Todos() {
      const q = pn.useQuery(() => {
        const d = deferred<string>();
        replies.push(d);
        return d.promise;
      }, [], { key: ["todos"] });
      seen.push(q.data);
      const [, add] = pn.useMutation(async (x: string) => x, { onSuccess: () => pn.queryClient.invalidate(["todos"]) });
      return pn.Column(pn.Text(q.data ?? "none"), pn.Button("add", { onClick: () => void add("n") }), pn.Button("refetch", { onClick: () => void q.refetch().then((r) => (refetchResult = r.data)) }));
    });
    const ui = render(Todos());
    await ui.settle();
    replies[0]!.resolve("v1");
    await ui.settle();
    ui.getByText("v1");
    ui.press(ui.getByText("refetch"));
    await ui.settle();
    assert.equal(replies.length, 2);
    ui.press(ui.getByText("add"));
    await ui.settle();
    assert.equal(replies.length, 3, "invalidation aborted the refetch and started a new fetch");
    replies[1]!.resolve("stale v2 (from before the mutation)");
    await ui.settle();
    ui.getByText("v1");
    assert.equal(refetchResult, "pending");
    replies[2]!.resolve("v3");
    await ui.settle();
    ui.getByText("v3");
    assert.equal(refetchResult, "v3");
    assert.ok(!seen.includes("stale v2 (from before the mutation)"));
    await unmountAndCheck(ui);
  });

  it("offline: a queued durable mutation and a paused query both go on when back online, once each", async () => {
    const sent: string[] = [];
    const def = pn.defineMutation("test.query-mutation-races.post", async (body: string, _ctx: pn.DurableContext) => void sent.push(body), { durable: true, onSuccess: () => pn.queryClient.invalidate(["posts"]) });
    let fetches = 0;
    const Posts = pn.component(function Posts() {
      const q = pn.useQuery(async () => { fetches++; return sent.slice(); }, [], { key: ["posts"] });
      const [state, post] = pn.useMutation(def);
      return pn.Column(pn.Text(`${q.fetchStatus} ${JSON.stringify(q.data ?? null)}`), pn.Text(state.queued ? "queued" : "not queued"), pn.Button("post", { onClick: () => void post("hello") }));
    });
    pn.onlineManager.setOnline(false);
    const ui = render(Posts());
    await ui.settle();
    ui.getByText("paused null");
    ui.press(ui.getByText("post"));
    await ui.settle();
    ui.getByText("queued");
    assert.deepEqual(sent, []);
    pn.onlineManager.setOnline(true);
    await ui.settle();
    assert.deepEqual(sent, ["hello"]);
    ui.getByText("not queued");
    ui.getByText('idle ["hello"]');
    assert.ok(fetches <= 2, `fetches ${fetches}`);
    await unmountAndCheck(ui);
    await pn.mutationQueue.clear();
  });
});
