// The GTK backend (src/hosts/gtk/widgets.js) on real widgets under GJS and
// xvfb, driven through the reference applier with a recording endpoint:
// what a toolkit signal raises across the bridge.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const src = (path: string) => pathToFileURL(new URL(`../../../src/hosts/${path}`, import.meta.url).pathname).href;
const installed = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
const missing = ["gjs", "xvfb-run"].filter((c) => !installed(c));
const skip = missing.length > 0 ? `missing ${missing.join(", ")} (apt-get install -y gjs gir1.2-gtk-4.0 xvfb)` : false;

/** Runs `body` in GJS with `applier` (over the GTK backend) and `raised` (the events sent); prints what `body` returns. */
function probe(body: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), "typenative-gtk-widgets-"));
  try {
    const script = join(dir, "probe.js");
    writeFileSync(
      script,
      `import Gtk from "gi://Gtk?version=4.0";
import { createApplier } from ${JSON.stringify(src("bridge/applier.js"))};
import { createGtkBackend, rootHandle } from ${JSON.stringify(src("gtk/widgets.js"))};
Gtk.init();
const raised = [];
const rootBox = new Gtk.Box();
let applier = null;
const endpoint = { raise: (tag, name, payload) => (raised.push(payload === undefined ? { tag, name } : { tag, name, payload }), true), userEdited: (tag, text) => applier.userEdited(tag, text) };
applier = createApplier(createGtkBackend({ endpoint: () => endpoint, rootBox }));
applier.root.handle = rootHandle(rootBox);
const result = (() => { ${body} })();
print("REPORT " + JSON.stringify(result));
`,
    );
    const result = spawnSync("xvfb-run", ["-a", "gjs", "-m", script], { encoding: "utf8", timeout: 60_000 });
    const line = result.stdout.split("\n").find((l) => l.startsWith("REPORT "));
    assert.ok(line, `no report; stderr:\n${result.stderr}`);
    return JSON.parse(line.slice("REPORT ".length));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("GTK backend", { skip }, () => {
  it("Enter in a TextInput raises onSubmitEditing with the text itself, the handler's documented argument", () => {
    const report = probe(`
      const error = applier.apply({ revision: 1, ops: [
        { op: "create", tag: 1, type: "TextInput", props: { value: "hello", onSubmitEditing: true } },
        { op: "insert", parent: 0, child: 1, index: 0 },
      ] });
      applier.get(1).handle.widget.emit("activate");
      return { error, raised };
    `);
    // onSubmitEditing(text: string), as under typenative/web and the Worker host.
    assert.deepEqual(report, { error: null, raised: [{ tag: 1, name: "onSubmitEditing", payload: "hello" }] });
  });
});

describe("GTK backend: a modal view among its siblings", { skip }, () => {
  it("views inserted or moved after an open modal view still show in the container, in order", () => {
    const report = probe(`
      const errors = [];
      errors.push(applier.apply({ revision: 1, ops: [
        { op: "create", tag: 1, type: "Column", props: {} },
        { op: "create", tag: 2, type: "View", props: { accessibilityViewIsModal: true, accessibilityLabel: "Edit" } },
        { op: "create", tag: 3, type: "Button", props: {} },
        { op: "insert", parent: 1, child: 2, index: 0 },
        { op: "insert", parent: 1, child: 3, index: 1 },
        { op: "insert", parent: 0, child: 1, index: 0 },
      ] }));
      // Content arriving below the open modal (a list that loaded), then a reorder.
      errors.push(applier.apply({ revision: 2, ops: [
        { op: "create", tag: 4, type: "Button", props: {} },
        { op: "insert", parent: 1, child: 4, index: 1 },
      ] }));
      const shown = () => {
        const names = [];
        for (let w = applier.get(1).handle.widget.get_first_child(); w !== null; w = w.get_next_sibling()) {
          names.push(w === applier.get(3).handle.widget ? 3 : w === applier.get(4).handle.widget ? 4 : "?");
        }
        return names;
      };
      const afterInsert = shown();
      errors.push(applier.apply({ revision: 3, ops: [{ op: "move", parent: 1, child: 3, index: 1 }] }));
      return { errors, afterInsert, afterMove: shown() };
    `);
    assert.deepEqual(report, { errors: [null, null, null], afterInsert: [4, 3], afterMove: [3, 4] });
  });
});

describe("GTK backend: a modal view inside a removed subtree", { skip }, () => {
  it("closes its window when an ancestor of the modal view is removed", () => {
    const report = probe(`
      const errors = [];
      errors.push(applier.apply({ revision: 1, ops: [
        { op: "create", tag: 1, type: "Column", props: {} },
        { op: "create", tag: 2, type: "View", props: {} },
        { op: "create", tag: 3, type: "View", props: { accessibilityViewIsModal: true, accessibilityLabel: "Edit" } },
        { op: "insert", parent: 2, child: 3, index: 0 },
        { op: "insert", parent: 1, child: 2, index: 0 },
        { op: "insert", parent: 0, child: 1, index: 0 },
      ] }));
      const modal = applier.get(3).handle.modalWindow;
      const openBefore = modal.get_visible();
      // The screen holding the modal goes (navigation), not the modal view itself.
      errors.push(applier.apply({ revision: 2, ops: [{ op: "remove", tag: 1 }] }));
      const open = Gtk.Window.list_toplevels().filter((w) => w === modal && w.get_visible()).length;
      return { errors, openBefore, openAfter: open };
    `);
    assert.deepEqual(report, { errors: [null, null], openBefore: true, openAfter: 0 });
  });
});
