// A view that loses every child is emptied with one `clearChildren` call
// (the web host's `textContent = ""`), when the host offers it; the rows'
// cleanups and unmounting happen exactly as with one removal per row.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { TestHost, type TestNode } from "typenative/testing";
import { useCleanRuntime } from "../helpers/lifecycle.js";

class ClearingHost extends TestHost {
  clears = 0;
  removes = 0;
  /** Each row's view, by text, at the moment its layout cleanup ran: was it still attached? */
  attachedAtCleanup = new Map<string, boolean>();

  override removeChild(parent: TestNode, child: TestNode): void {
    this.removes++;
    super.removeChild(parent, child);
  }

  clearChildren(parent: TestNode, count: number): boolean {
    if (parent.children.length !== count) return false;
    this.clears++;
    for (const child of parent.children) super.removeChild(parent, child);
    return true;
  }
}

function setup() {
  const host = new ClearingHost();
  const container = host.createContainer();
  const root = pn.createRoot(host, container, {});
  const log: string[] = [];
  const Row = pn.component(function Row({ id }: { id: string }) {
    pn.useEffect(() => () => void log.push(`effect cleanup ${id}`), []);
    pn.useLayoutEffect(() => () => void log.push(`layout cleanup ${id}`), []);
    return pn.Text(id);
  });
  const List = pn.component(({ ids }: { ids: string[] }) => pn.Column(ids.map((id) => Row({ id, key: id }))));
  const texts = () => (container.children[0]?.children ?? []).map((n) => n.text);
  return { host, root, log, List, texts };
}

describe("clearing a view's children", () => {
  useCleanRuntime();

  it("empties a list in one host call, and still runs every row's cleanups", async () => {
    const { host, root, log, List, texts } = setup();
    const ids = Array.from({ length: 100 }, (_, i) => `r${i}`);
    root.render(List({ ids }));
    assert.equal(texts().length, 100);
    root.render(List({ ids: [] }));
    assert.equal(host.clears, 1);
    assert.equal(host.removes, 0);
    assert.deepEqual(texts(), []);
    assert.equal(log.filter((l) => l.startsWith("layout cleanup")).length, 100);
    await pn.sleep(0);
    assert.equal(log.filter((l) => l.startsWith("effect cleanup")).length, 100);
    root.unmount();
  });

  it("replaces every row (new keys throughout) by clearing, then inserting in order", () => {
    const { host, root, List, texts } = setup();
    root.render(List({ ids: ["a", "b", "c"] }));
    root.render(List({ ids: ["x", "y", "z", "w"] }));
    assert.equal(host.clears, 1);
    assert.equal(host.removes, 0);
    assert.deepEqual(texts(), ["x", "y", "z", "w"]);
    root.unmount();
  });

  it("removes one by one when any row stays, or when the host cannot clear", () => {
    const { host, root, List, texts } = setup();
    root.render(List({ ids: ["a", "b", "c"] }));
    root.render(List({ ids: ["x", "b", "y"] }));
    assert.deepEqual(texts(), ["x", "b", "y"]);
    assert.equal(host.clears, 0);
    assert.equal(host.removes, 2);
    root.unmount();

    const plain = new TestHost();
    const container = plain.createContainer();
    const other = pn.createRoot(plain, container, {});
    const Rows = pn.component(({ ids }: { ids: string[] }) => pn.Column(ids.map((id) => pn.Text(id, { key: id }))));
    other.render(Rows({ ids: ["a", "b"] }));
    other.render(Rows({ ids: [] }));
    assert.equal(container.children[0]!.children.length, 0);
    other.render(Rows({ ids: ["c"] }));
    assert.deepEqual(container.children[0]!.children.map((n) => n.text), ["c"]);
    other.unmount();
  });

  it("falls back to one removal per row when the view holds other children too", () => {
    // A host may keep views of its own among the reconciler's: the count check keeps them.
    class DecoratingHost extends ClearingHost {
      override createView(type: string, props: Record<string, unknown>): TestNode {
        const view = super.createView(type, props);
        if (type === "Column") super.appendInitialChild(view, super.createText("decoration"));
        return view;
      }
    }
    const host = new DecoratingHost();
    const container = host.createContainer();
    const root = pn.createRoot(host, container, {});
    const Rows = pn.component(({ ids }: { ids: string[] }) => pn.Column(ids.map((id) => pn.Text(id, { key: id }))));
    root.render(Rows({ ids: ["a", "b", "c"] }));
    root.render(Rows({ ids: [] }));
    assert.deepEqual(container.children[0]!.children.map((n) => n.text), ["decoration"]);
    assert.equal(host.clears, 0);
    assert.equal(host.removes, 3);
    root.unmount();
  });

  it("keeps the rows when the render that cleared them fails", () => {
    const { host, root, List, texts } = setup();
    const Boom = pn.component(({ fail }: { fail: boolean }) => {
      if (fail) throw new Error("boom");
      return null;
    });
    const App = pn.component(({ ids, fail }: { ids: string[]; fail: boolean }) =>
      pn.ErrorBoundary({ fallback: (error: unknown) => pn.Text(`caught ${(error as Error).message}`) }, List({ ids }), Boom({ fail })),
    );
    root.render(App({ ids: ["a", "b"], fail: false }));
    assert.deepEqual(texts(), ["a", "b"]);
    root.render(App({ ids: [], fail: true }));
    // The boundary's fallback replaced the whole subtree; the clear of the failed render never reached the host.
    assert.equal(host.clears, 0);
    root.unmount();
  });
});
