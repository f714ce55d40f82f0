/**
 * `typenative/gtk`: run an app's code in Node and show it in a GTK 4 window.
 *
 * The window is a GJS program (`main.js` next to this file) that speaks the
 * bridge protocol on its stdin/stdout; this module spawns it and mounts the
 * app across that stream. With `headless: true` the window opens in a
 * private X server (`xvfb-run`) and D-Bus session (`dbus-run-session`), so
 * tests can drive it through AT-SPI.
 *
 * @example
 * ```ts
 * import { mountGtk } from "typenative/gtk";
 * const app = await mountGtk(App(), { title: "typenative example" });
 * await app.closed; // the user closed the window
 * ```
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Readable } from "node:stream";
import type { Child } from "../../core/element.js";
import { mountBridge, streamTransport, type BridgeApp, type MountBridgeOptions, type Transport } from "../bridge/index.js";

/** The GJS entry of the GTK host. */
export const GTK_HOST_MAIN = fileURLToPath(new URL("./main.js", import.meta.url));

export interface GtkHostOptions {
  /** Window title. Default "typenative". */
  title?: string;
  /** Window size. Default 760×1000. */
  width?: number;
  height?: number;
  /** Where the host keeps `AsyncStorage` (a JSON file). Default: `<user data dir>/typenative/typenative/storage.json`. */
  storagePath?: string;
  /** Open the window in a private X server and D-Bus session (xvfb-run + dbus-run-session). Default false. */
  headless?: boolean;
  /** Adds the host's `debug` service (widget inspection, screenshots). Default false. */
  debug?: boolean;
  /** The gjs binary. Default `gjs`. */
  gjs?: string;
  /** Called with each line the host writes to stderr. Default: forwarded to this process's stderr. */
  onLog?: (line: string) => void;
}

/** A running GTK host process. */
export interface GtkHost {
  readonly process: ChildProcess;
  readonly transport: Transport;
  /** Resolves once the window is mapped, with the X display and D-Bus session it runs in (for AT-SPI clients). */
  readonly ready: Promise<{ display: string; dbus: string; xauthority: string }>;
  /** Resolves with the exit code when the host exits (the window was closed, or `kill()`). */
  readonly exited: Promise<number>;
  kill(): void;
}

/** Spawns the GTK host. Most apps want {@link mountGtk}. */
export function spawnGtkHost(options: GtkHostOptions = {}): GtkHost {
  const gjs = [options.gjs ?? "gjs", "-m", GTK_HOST_MAIN];
  const command = options.headless
    ? ["xvfb-run", "-a", "-s", `-screen 0 ${(options.width ?? 760) + 40}x${(options.height ?? 1000) + 40}x24`, "dbus-run-session", "--", ...gjs]
    : gjs;
  const env: NodeJS.ProcessEnv = { ...process.env, TYPENATIVE_GTK_TITLE: options.title ?? "typenative", TYPENATIVE_GTK_SIZE: `${options.width ?? 760}x${options.height ?? 1000}` };
  if (options.storagePath !== undefined) env.TYPENATIVE_GTK_STORAGE = options.storagePath;
  if (options.debug) env.TYPENATIVE_GTK_DEBUG = "1";
  if (options.headless) {
    env.GDK_BACKEND = "x11";
    // The session's daemons inherit stdout and print on it: the protocol goes out on fd 3.
    env.TYPENATIVE_GTK_OUT_FD = "3";
  }
  const child = spawn(command[0]!, command.slice(1), { stdio: ["pipe", "pipe", "pipe", "pipe"], env, detached: options.headless === true });
  const output = (options.headless ? child.stdio[3] : child.stdout) as Readable;
  const log = options.onLog ?? ((line: string) => process.stderr.write(`${line}\n`));
  let markReady!: (value: { display: string; dbus: string; xauthority: string }) => void;
  let failReady!: (error: Error) => void;
  const ready = new Promise<{ display: string; dbus: string; xauthority: string }>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  ready.catch(() => {});
  let pending = "";
  const onLog = (chunk: string) => {
    pending += chunk;
    let end: number;
    while ((end = pending.indexOf("\n")) !== -1) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      const match = /^typenative-gtk: ready DISPLAY=(\S*) DBUS_SESSION_BUS_ADDRESS=(\S*) XAUTHORITY=(\S*)/.exec(line);
      if (match) markReady({ display: match[1]!, dbus: match[2]!, xauthority: match[3]! });
      else if (!/fd limit|Activating service|Successfully activated|SpiRegistry daemon/.test(line)) log(line);
    }
  };
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", onLog);
  if (options.headless) {
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", onLog);
  }
  const exited = new Promise<number>((resolve) => {
    child.on("exit", (code, signal) => {
      failReady(new Error(`the GTK host exited (${signal ?? code}) before its window was shown`));
      resolve(code ?? 1);
    });
    child.on("error", (error) => {
      failReady(new Error(`could not start the GTK host (${command[0]}): ${error.message}. Install it with: apt-get install -y gjs gir1.2-gtk-4.0${options.headless ? " xvfb dbus-x11 at-spi2-core" : ""}`));
      resolve(127);
    });
  });
  return {
    process: child,
    transport: streamTransport(output, child.stdin!),
    ready,
    exited,
    kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // A headless host is a process group (xvfb-run, Xvfb, dbus, gjs): end all of it.
      if (options.headless && child.pid !== undefined) {
        try {
          process.kill(-child.pid, "SIGTERM");
          return;
        } catch {
          // fall through
        }
      }
      child.kill("SIGTERM");
    },
  };
}

/** An app shown in a GTK window. */
export interface GtkApp extends BridgeApp {
  readonly gtk: GtkHost;
  /** Resolves when the window is closed (or the host exits). */
  readonly closed: Promise<number>;
  /** Unmounts the app and closes the window. */
  close(): Promise<void>;
}

/**
 * Spawns the GTK host and renders `element` in its window, with the host's
 * alert dialogs, file chooser, storage file and frame clock serving
 * `pn.Alert`, `pn.Camera`, `AsyncStorage` and `Animated`.
 */
export async function mountGtk(element: Child, options: GtkHostOptions & MountBridgeOptions = {}): Promise<GtkApp> {
  const gtk = spawnGtkHost(options);
  let app: BridgeApp;
  try {
    app = await mountBridge(element, gtk.transport, options);
  } catch (error) {
    gtk.kill();
    throw error;
  }
  return {
    ...app,
    render: app.render,
    unmount: app.unmount,
    gtk,
    closed: gtk.exited,
    async close() {
      app.unmount();
      const timer = setTimeout(() => gtk.kill(), 2000);
      await gtk.exited;
      clearTimeout(timer);
    },
  };
}
