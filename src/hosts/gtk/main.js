// The GTK 4 host: a GJS program that speaks the bridge protocol on
// stdin/stdout (newline-delimited JSON) and shows the app in a window.
//
//   gjs -m src/hosts/gtk/main.js                 # serve one app on stdio
//   gjs -m src/hosts/gtk/main.js --conformance   # run the shared conformance cases on GTK widgets, print JSON
//
// Environment: TYPENATIVE_GTK_TITLE (window title), TYPENATIVE_GTK_STORAGE
// (the storage file; default <user data dir>/typenative/<prgname>/storage.json),
// TYPENATIVE_GTK_DEBUG=1 (adds the `debug` service tests use),
// TYPENATIVE_GTK_SIZE=WxH (default 760x1000), TYPENATIVE_GTK_OUT_FD (default 1).
//
// stdout carries only protocol messages; diagnostics go to stderr.
import Gtk from "gi://Gtk?version=4.0";
import Gio from "gi://Gio";
import GLib from "gi://GLib";
import System from "system";
import { createHostEndpoint } from "../bridge/endpoint.js";
import { createApplier } from "../bridge/applier.js";
import { runConformance } from "../bridge/conformance.js";
import { createGtkBackend, rootHandle } from "./widgets.js";
import { alertService, appearanceService, cameraService, clipboardService, focusService, framesService, storageService } from "./services.js";
import { debugService } from "./debug.js";

GLib.set_prgname("typenative");
Gtk.init();

const encoder = new TextEncoder();
// TYPENATIVE_GTK_OUT_FD moves the protocol off stdout: under dbus-run-session,
// the session's daemons inherit stdout and may print on it.
const outFd = Number(GLib.getenv("TYPENATIVE_GTK_OUT_FD") || 1);
const stdout = new Gio.UnixOutputStream({ fd: outFd, close_fd: false });
function writeLine(value) {
  stdout.write_all(encoder.encode(`${JSON.stringify(value)}\n`), null);
  stdout.flush(null);
}

const loop = GLib.MainLoop.new(null, false);
let exitCode = 0;
function quit(code = 0) {
  exitCode = code;
  loop.quit();
}

/** Problems where the widgets disagree with the applier's shadow tree (order, label text, input text). */
function widgetProblems(node) {
  const problems = [];
  const visit = (view) => {
    const handle = view.handle;
    if (view.type === "#text" || handle === null) return;
    if (handle.content !== null) {
      const expected = view.children.filter((child) => child.type !== "#text").map((child) => child.handle.widget);
      const actual = [];
      if (typeof handle.content.children === "function") actual.push(...handle.content.children());
      else for (let w = handle.content.get_first_child(); w !== null; w = w.get_next_sibling()) actual.push(w);
      if (expected.length !== actual.length || expected.some((w, i) => w !== actual[i])) problems.push(`children of ${view.tag} out of order`);
    }
    const text = (n) => (n.type === "#text" ? n.text : n.children.map(text).join(""));
    if (view.type === "Text" && handle.widget.get_text() !== text(view)) problems.push(`label ${view.tag} shows "${handle.widget.get_text()}"`);
    if (view.type === "Button" && handle.widget.get_label() !== text(view)) problems.push(`button ${view.tag} shows "${handle.widget.get_label()}"`);
    if (view.type === "TextInput") {
      const w = handle.widget;
      const shown = w instanceof Gtk.TextView ? w.get_buffer().text : w.get_text();
      if (shown !== (view.props.value ?? "")) problems.push(`input ${view.tag} shows "${shown}"`);
    }
    view.children.forEach(visit);
  };
  visit(node);
  return problems;
}

function conformance() {
  const appliers = [];
  const results = runConformance(() => {
    const rootBox = new Gtk.Box({ orientation: Gtk.Orientation.VERTICAL });
    let endpoint = null;
    const applier = createApplier(createGtkBackend({ endpoint: () => endpoint, rootBox }));
    // An edit step types into the real widget, as a person would; the
    // widget's change signal reports it to the applier.
    const recordEdit = applier.userEdited;
    let lastEdit = -1;
    endpoint = { raise: () => false, userEdited: (tag, text) => (lastEdit = recordEdit(tag, text)) };
    applier.userEdited = (tag, text) => {
      const node = applier.get(tag);
      if (node === undefined || node.type !== "TextInput") return -1;
      lastEdit = -1;
      const widget = node.handle.widget;
      const shown = widget instanceof Gtk.TextView ? widget.get_buffer().text : widget.get_text();
      // Typing at the end is one insertion, so one edit.
      if (text.startsWith(shown) && widget instanceof Gtk.TextView) widget.get_buffer().insert(widget.get_buffer().get_end_iter(), text.slice(shown.length), -1);
      else if (text.startsWith(shown)) widget.insert_text(text.slice(shown.length), -1, shown.length);
      else if (widget instanceof Gtk.TextView) widget.get_buffer().set_text(text, -1);
      else widget.set_text(text);
      return lastEdit;
    };
    applier.root.handle = rootHandle(rootBox);
    appliers.push(applier);
    return applier;
  });
  results.forEach((result, i) => {
    const problems = widgetProblems(appliers[i].root);
    if (problems.length > 0) {
      result.ok = false;
      result.problem = `${result.problem ?? ""} widgets: ${problems.join("; ")}`;
    }
  });
  writeLine({ type: "conformance", results });
}

function serve() {
  const [width, height] = (GLib.getenv("TYPENATIVE_GTK_SIZE") || "760x1000").split("x").map(Number);
  const window = new Gtk.Window({ title: GLib.getenv("TYPENATIVE_GTK_TITLE") || "typenative", default_width: width, default_height: height });
  const rootBox = new Gtk.Box({ orientation: Gtk.Orientation.VERTICAL });
  window.set_child(new Gtk.ScrolledWindow({ hscrollbar_policy: Gtk.PolicyType.NEVER, child: rootBox }));
  window.connect("close-request", () => {
    quit(0);
    return false;
  });

  // Keystroke-to-screen latency: when the user edits an input, remember when;
  // when the commit answering that edit is painted, report the time it took.
  const editTimes = new Map();
  let measuring = null;
  const afterPaint = () => {
    if (measuring === null) return;
    const now = GLib.get_monotonic_time();
    const { revision, editTime, received } = measuring;
    measuring = null;
    endpoint.presented(revision, { keystrokeToPaintMs: (now - editTime) / 1000, commitToPaintMs: (now - received) / 1000 });
  };

  const storagePath = GLib.getenv("TYPENATIVE_GTK_STORAGE") || GLib.build_filenamev([GLib.get_user_data_dir(), "typenative", GLib.get_prgname(), "storage.json"]);
  const services = {
    alert: alertService(window),
    camera: cameraService(window),
    storage: storageService(storagePath),
    frames: framesService(window),
    clipboard: clipboardService(),
    focus: focusService(window),
    appearance: appearanceService(),
  };
  if (GLib.getenv("TYPENATIVE_GTK_DEBUG") === "1") services.debug = debugService(window);

  let endpoint = null;
  endpoint = createHostEndpoint({
    name: "gtk",
    send: writeLine,
    services,
    backend: createGtkBackend({ endpoint: () => endpoint, rootBox }),
    onError: (error) => printerr(`typenative-gtk: ${error.code}: ${error.message}`),
  });
  endpoint.applier.root.handle = rootHandle(rootBox);
  const userEdited = endpoint.userEdited;
  endpoint.userEdited = (tag, text) => {
    const edit = userEdited(tag, text);
    if (edit > 0) editTimes.set(`${tag}:${edit}`, GLib.get_monotonic_time());
    return edit;
  };

  function receive(message) {
    const received = GLib.get_monotonic_time();
    if (message !== null && message.type === "commit" && Array.isArray(message.ops)) {
      for (const op of message.ops) {
        const key = op && op.op === "update" && typeof op.edit === "number" ? `${op.tag}:${op.edit}` : null;
        if (key !== null && editTimes.has(key)) {
          measuring = { revision: message.revision, editTime: editTimes.get(key), received };
          editTimes.delete(key);
        }
      }
    }
    endpoint.receive(message);
    if (measuring !== null && measuring.revision === (message && message.revision)) window.queue_draw();
  }

  const stdin = new Gio.DataInputStream({ base_stream: new Gio.UnixInputStream({ fd: 0, close_fd: false }) });
  const readLine = () => {
    stdin.read_line_async(GLib.PRIORITY_DEFAULT, null, (stream, result) => {
      let line;
      try {
        [line] = stream.read_line_finish_utf8(result);
      } catch (error) {
        printerr(`typenative-gtk: stdin: ${error.message}`);
        quit(1);
        return;
      }
      if (line === null) {
        quit(0); // the runtime went away
        return;
      }
      if (line.trim() !== "") {
        let message = null;
        try {
          message = JSON.parse(line);
        } catch {
          printerr(`typenative-gtk: skipped a line that is not JSON: ${line.slice(0, 80)}`);
        }
        if (message !== null) {
          try {
            receive(message);
          } catch (error) {
            printerr(`typenative-gtk: ${error.stack || error}`);
          }
        }
      }
      readLine();
    });
  };

  window.connect("map", () => {
    window.get_frame_clock().connect("after-paint", afterPaint);
    printerr(`typenative-gtk: ready DISPLAY=${GLib.getenv("DISPLAY") || ""} DBUS_SESSION_BUS_ADDRESS=${GLib.getenv("DBUS_SESSION_BUS_ADDRESS") || ""} XAUTHORITY=${GLib.getenv("XAUTHORITY") || ""}`);
  });
  window.present();
  readLine();
}

if (System.programArgs.includes("--conformance")) conformance();
else {
  serve();
  loop.run();
}
System.exit(exitCode);
