// The GTK 4 host under xvfb-run: the shared conformance cases on real
// widgets, and the example app driven through AT-SPI with real key events.
// Needs gjs, gir1.2-gtk-4.0, xvfb, dbus and python3-pyatspi (.ci/run installs them).
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { IncomingMessage } from "node:http";
import { CASES } from "../../../src/hosts/bridge/conformance.js";
import { GTK_HOST_MAIN } from "typenative/gtk";
import { startDesktop, type Desktop } from "../../../examples/desktop-app.js";

const DRIVER = fileURLToPath(new URL("./atspi_driver.py", import.meta.url));
const DOCS_SCREENSHOT = fileURLToPath(new URL("../../../docs/gtk-screenshot.png", import.meta.url));
const RUN_SCREENSHOT = fileURLToPath(new URL("../../../test-results/gtk-screenshot.png", import.meta.url));
const SCREENSHOT = process.env.UPDATE_SCREENSHOT === "1" || !existsSync(DOCS_SCREENSHOT) ? DOCS_SCREENSHOT : RUN_SCREENSHOT;

function installed(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}
const missing = ["gjs", "xvfb-run", "dbus-run-session", "/usr/bin/python3"].filter((c) => !installed(c));
const skip = missing.length > 0 ? `missing ${missing.join(", ")} (run .ci/run, or apt-get install -y gjs gir1.2-gtk-4.0 xvfb dbus-x11 at-spi2-core python3-pyatspi)` : false;

describe("GTK host", { skip }, () => {
  it("its GJS applier passes the shared conformance cases, checked against the real widgets", () => {
    const result = spawnSync("xvfb-run", ["-a", "gjs", "-m", GTK_HOST_MAIN, "--conformance"], { encoding: "utf8", timeout: 60_000 });
    const line = result.stdout.split("\n").find((l) => l.startsWith('{"type":"conformance"'));
    assert.ok(line, `no conformance report; stderr:\n${result.stderr}`);
    const report = JSON.parse(line) as { results: { name: string; ok: boolean; problem: string | null }[] };
    assert.equal(report.results.length, CASES.length);
    assert.deepEqual(report.results.filter((r) => !r.ok), []);
  });

  // A bounded suite: a window that stops answering fails the run instead of hanging it.
  describe("the example app in a GTK window, through AT-SPI", { timeout: 240_000 }, () => {
    let desktop: Desktop;
    let driver: ChildProcessWithoutNullStreams;
    let dataDir: string;
    const answers: ((line: string) => void)[] = [];
    const logs: string[] = [];
    let releasePost: (() => void) | null = null;
    let posts = 0;
    let listLoads = 0;
    const presented: { keystrokeToPaintMs: number; commitToPaintMs: number }[] = [];

    async function ask(command: Record<string, unknown>): Promise<Record<string, unknown>> {
      const answer = new Promise<string>((resolve) => answers.push(resolve));
      driver.stdin.write(`${JSON.stringify(command)}\n`);
      const reply = JSON.parse(await answer) as Record<string, unknown>;
      if (reply.ok !== true) {
        const dump = JSON.parse(await new Promise<string>((resolve) => (answers.push(resolve), driver.stdin.write('{"cmd":"dump"}\n'))));
        assert.fail(`AT-SPI: ${JSON.stringify(command)} → ${reply.error}\naccessible tree:\n${(dump.nodes as string[][]).map((n) => n.join(" · ")).join("\n")}\nhost log:\n${logs.join("\n")}`);
      }
      return reply;
    }

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), "tn-gtk-"));
      const delay = async (request: IncomingMessage): Promise<void> => {
        if (request.method === "GET" && (request.url ?? "").startsWith("/api/posts")) listLoads++;
        if (request.method !== "POST") return;
        posts++;
        await new Promise<void>((resolve) => (releasePost = resolve));
      };
      desktop = await startDesktop({ headless: true, debug: true, dataDir, storagePath: join(dataDir, "storage.json"), delay, onLog: (line) => logs.push(line) });
      desktop.app.connection.onPresented = (message) => presented.push(message as never);
      const { display, dbus, xauthority } = await desktop.app.gtk.ready;
      driver = spawn("/usr/bin/python3", [DRIVER], { env: { ...process.env, DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: dbus, XAUTHORITY: xauthority }, stdio: "pipe" });
      let pending = "";
      driver.stdout.setEncoding("utf8");
      driver.stdout.on("data", (chunk: string) => {
        pending += chunk;
        let end: number;
        while ((end = pending.indexOf("\n")) !== -1) {
          const line = pending.slice(0, end);
          pending = pending.slice(end + 1);
          answers.shift()?.(line);
        }
      });
      driver.stderr.on("data", (chunk) => logs.push(String(chunk)));
    });

    after(async () => {
      // A request still held (a failed test never released it) must not keep the server from closing.
      releasePost?.();
      driver?.stdin.end();
      driver?.kill();
      await desktop?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("loads the list, posts a typed draft, deletes it through the dialog, fades in", async (t) => {
      // The window and its controls, by role and name.
      await ask({ cmd: "find", role: "frame", name: "typenative example" });
      await ask({ cmd: "find", role: "list" });
      await ask({ cmd: "find", role: "label", name: "Every task has an owner.", timeout: 15 });
      await ask({ cmd: "find", role: "push button", name: "Post" });

      // Typing: real key events into the text field named after its label.
      const draft = "hello gtk";
      await ask({ cmd: "type", role: "text", name: "Draft", text: draft });
      await ask({ cmd: "find", role: "label", name: `${draft.length} / 2000` });

      // Post: the button says "Posting…" while the API holds the request, then the post shows.
      await ask({ cmd: "press", role: "push button", name: "Post" });
      await ask({ cmd: "find", role: "push button", name: "Posting…" });
      // The post is durable: it is written to the outbox first, then sent, so
      // "Posting…" can show a moment before the request reaches the server.
      for (let i = 0; i < 200 && posts === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      assert.equal(posts, 1);
      releasePost!();
      await ask({ cmd: "find", role: "label", name: draft });
      await ask({ cmd: "find", role: "push button", name: "Post" });
      await ask({ cmd: "find", role: "label", name: "0 / 2000" });

      // The fade-in ran on the host's frame clock to opacity 1.
      const screen = (await desktop.app.connection.call("debug", "inspect", ["posts-screen"])) as { opacity: number; mapped: boolean };
      assert.equal(screen.opacity, 1);
      assert.equal(screen.mapped, true);
      if (SCREENSHOT === RUN_SCREENSHOT) mkdirSync(join(RUN_SCREENSHOT, ".."), { recursive: true });
      await desktop.app.connection.call("debug", "screenshot", [SCREENSHOT]);
      assert.ok(existsSync(SCREENSHOT));

      // Delete: the confirmation is a real dialog, answered through AT-SPI.
      const created = desktop.store.posts(1)[0]!;
      assert.equal(created.body, draft);
      await ask({ cmd: "press", role: "push button", name: `Delete post ${created.id}` });
      await ask({ cmd: "find", role: "dialog", name: "Delete this post?" });
      // GTK 4.8 names a dialog button after its label twice ("Delete Delete").
      await ask({ cmd: "press", role: "push button", name: "re:^Delete( Delete)?$", within: { role: "dialog", name: "Delete this post?" } });
      await ask({ cmd: "gone", role: "dialog" });
      await ask({ cmd: "gone", role: "label", name: draft });
      assert.equal(desktop.store.posts(1).some((p) => p.id === created.id), false);

      // Commit-to-screen latency of keystrokes: from the widget's change to the paint of the commit answering it.
      const keystrokes = presented.map((p) => p.keystrokeToPaintMs).sort((a, b) => a - b);
      assert.ok(keystrokes.length >= 3, `only ${keystrokes.length} keystroke measurements`);
      const median = keystrokes[Math.floor(keystrokes.length / 2)]!;
      const commits = presented.map((p) => p.commitToPaintMs).sort((a, b) => a - b);
      t.diagnostic(`keystroke → paint over the bridge: median ${median.toFixed(1)} ms, max ${keystrokes.at(-1)!.toFixed(1)} ms (n=${keystrokes.length})`);
      t.diagnostic(`commit received → painted: median ${commits[Math.floor(commits.length / 2)]!.toFixed(1)} ms, max ${commits.at(-1)!.toFixed(1)} ms`);
      assert.ok(median < 250, `median keystroke latency ${median} ms`);
    });

    it("opens a post on its own screen, with a header and a back button, and goes back", async () => {
      const post = desktop.store.posts(1)[0]!;
      await ask({ cmd: "press", role: "push button", name: `Open post ${post.id}` });
      await ask({ cmd: "find", role: "push button", name: "Back" });
      await ask({ cmd: "find", role: "text", name: "Reply" });
      await ask({ cmd: "press", role: "push button", name: "Back" });
      await ask({ cmd: "gone", role: "push button", name: "Back" });
      await ask({ cmd: "find", role: "push button", name: "Post" });
      await ask({ cmd: "find", role: "push button", name: `Open post ${post.id}` });
    });

    it("pulling the list down past its top refreshes it", async () => {
      const before = listLoads;
      await ask({ cmd: "wheel-up", role: "list", clicks: 12 });
      for (let i = 0; i < 100 && listLoads === before; i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(listLoads > before, "a pull at the top reloaded the posts");
    });

    it("shows a Modal as a real modal window, closed by the app", async () => {
      await ask({ cmd: "press", role: "push button", name: "Settings" });
      // useColorScheme follows the desktop's theme (Adwaita, light, under Xvfb).
      await ask({ cmd: "find", role: "label", name: "Your system prefers light." });
      // The Switch is a switch to screen readers too, and pressing it flips the theme.
      await ask({ cmd: "find", role: "push button", name: "Theme: light" });
      await ask({ cmd: "click", role: "re:^(switch|toggle button|check box)$", name: "Dark theme" });
      await ask({ cmd: "find", role: "push button", name: "Theme: dark" });
      await ask({ cmd: "click", role: "re:^(switch|toggle button|check box)$", name: "Dark theme" });
      await ask({ cmd: "find", role: "push button", name: "Theme: light" });
      await ask({ cmd: "press", role: "push button", name: "About" });
      await ask({ cmd: "find", role: "frame", name: "About typenative" });
      await ask({ cmd: "find", role: "label", name: "Running on gtk." });
      await ask({ cmd: "press", role: "push button", name: "Close", within: { role: "frame", name: "About typenative" } });
      await ask({ cmd: "gone", role: "frame", name: "About typenative" });
      await ask({ cmd: "press", role: "push button", name: "Posts" });
    });
  });
});
