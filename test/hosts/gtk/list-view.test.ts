// A FlatList in the GTK host is a virtualized Gtk.ListView: every row the
// runtime sends is in its model, only the rows near the viewport are bound
// to widgets on screen. Needs gjs, gir1.2-gtk-4.0 and xvfb.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pn from "typenative";
import { mountGtk } from "typenative/gtk";

const missing = ["gjs", "xvfb-run", "dbus-run-session"].filter((c) => spawnSync("sh", ["-c", `command -v ${c}`]).status !== 0);

describe("GTK host: FlatList as Gtk.ListView", { skip: missing.length > 0 ? `missing ${missing.join(", ")}` : false }, () => {
  it("holds every row in the model and binds only those near the viewport", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tn-gtk-list-"));
    const rows = (n: number, first = 0) => Array.from({ length: n }, (_, i) => first + i);
    const list = (data: number[]) =>
      pn.FlatList(data, { renderItem: (i) => pn.Text(`Row ${i}`), keyExtractor: (i) => i, testID: "rows", style: { height: 300, spacing: 2 } });
    const app = await mountGtk(list(rows(3000)), { headless: true, debug: true, storagePath: join(dir, "storage.json"), width: 400, height: 400, onLog: () => {} });
    try {
      await app.gtk.ready;
      const inspect = () => app.connection.call("debug", "list", ["rows"]) as Promise<{ rows: number; bound: number } | null>;
      let state = await inspect();
      for (let i = 0; i < 100 && (state === null || state.bound === 0); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        state = await inspect();
      }
      assert.ok(state !== null, "the FlatList is a Gtk.ListView");
      assert.equal(state.rows, 3000);
      // GTK 4.8's ListView keeps about 200 list items around its viewport, whatever the model's size.
      assert.ok(state.bound > 0 && state.bound <= 250, `${state.bound} of 3000 rows bound`);

      // Keyed changes reach the model: 200 rows dropped at the front, 10 added at the end.
      app.render(list(rows(2810, 200)));
      await app.connection.settled();
      state = await inspect();
      assert.equal(state?.rows, 2810);
      assert.ok(state!.bound > 0 && state!.bound <= 250);
      console.log(`# GTK ListView: ${state!.bound} of ${state!.rows} rows bound (a 300 pt list)`);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
