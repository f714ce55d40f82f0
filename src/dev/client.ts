/**
 * The dev server's page client, bundled in front of the app by
 * `typenative dev` (never part of a production build).
 *
 * It installs fast refresh before any app module runs, keeps the registry
 * of module namespaces that patch bundles import from, and follows the
 * server's events: `update` runs a patch and swaps its components in,
 * `reload` reloads, `build-error` shows the errors over the app until `ok`
 * or the next update. Runtime errors go to typenative/web's overlay, whose
 * stacks it maps to the sources through the server.
 */
import { applyModule, beginModule, endModule, installRefresh, isComponentModule, type Family } from "../core/refresh.js";
import type { Child } from "../core/element.js";
import { OVERLAY_RULES, overlayHooks } from "../hosts/web/overlay.js";
import { installStyles } from "../hosts/web/base-styles.js";

type Defined = Array<{ family: Family; render: (props: any) => Child; isNew: boolean }>;

interface BuildError {
  text: string;
  file: string | null;
  line: number | null;
  column: number | null;
  lineText: string | null;
}

type ServerMessage =
  | { type: "hello"; session: string }
  | { type: "update"; modules: string[]; url: string }
  | { type: "reload"; reason?: string }
  | { type: "build-error"; errors: BuildError[] }
  | { type: "ok" };

const modules = new Map<string, object>();
const packages = new Map<string, object>();
/** Modules that ran since the last update started, with the families they (re)defined. */
let ran: Array<{ id: string; namespace: object; defined: Defined }> = [];

installRefresh();

/** A CommonJS-shaped view of a live namespace: esbuild's interop reads each import through its getters. */
function shim(namespace: object): object {
  const out: Record<string, unknown> = {};
  Object.defineProperty(out, "__esModule", { value: true });
  for (const key of Object.keys(namespace)) {
    Object.defineProperty(out, key, { get: () => (namespace as Record<string, unknown>)[key], enumerable: true });
  }
  return out;
}

(globalThis as Record<string, unknown>).__TYPENATIVE_REFRESH__ = {
  begin(id: string): void {
    beginModule(id);
  },
  end(id: string, namespace: object, deps: Record<string, object>): void {
    const defined = endModule();
    modules.set(id, namespace);
    for (const spec of Object.keys(deps)) if (!packages.has(spec)) packages.set(spec, deps[spec]!);
    ran.push({ id, namespace, defined });
  },
  live(id: string): object {
    const namespace = modules.get(id);
    if (namespace === undefined) throw new Error(`[typenative] fast refresh: module ${id} is not loaded`);
    return shim(namespace);
  },
  package(spec: string): object {
    const namespace = packages.get(spec);
    if (namespace === undefined) throw new Error(`[typenative] fast refresh: package ${spec} is not loaded`);
    return shim(namespace);
  },
};

overlayHooks.mapStack = async (stack) => {
  const response = await fetch("/__typenative/stack", { method: "POST", body: stack });
  return response.ok ? response.text() : stack;
};

let session: string | null = null;
let updating: Promise<void> = Promise.resolve();

function reload(reason: string): void {
  console.info(`[typenative] ${reason}: reloading`);
  location.reload();
}

async function update(message: { modules: string[]; url: string }): Promise<void> {
  for (const id of message.modules) {
    const namespace = modules.get(id);
    if (namespace === undefined || !isComponentModule(namespace)) return reload(`${id} changed and is not a component module`);
  }
  ran = [];
  try {
    await import(/* @vite-ignore */ message.url);
  } catch (error) {
    console.error(error);
    return reload("the update failed to run");
  }
  const batch = ran;
  ran = [];
  for (const entry of batch) {
    if (!isComponentModule(entry.namespace)) return reload(`${entry.id} no longer exports only components`);
  }
  const kept: string[] = [];
  const remounted: string[] = [];
  for (const entry of batch) {
    const result = applyModule(entry.defined);
    kept.push(...result.updated);
    remounted.push(...result.remounted);
  }
  hideBuildErrors();
  const log = [kept.length ? `kept state: ${kept.join(", ")}` : "", remounted.length ? `remounted: ${remounted.join(", ")}` : ""].filter(Boolean).join("; ");
  console.info(`[typenative] fast refresh (${message.modules.join(", ")})${log ? ` — ${log}` : ""}`);
}

function onMessage(message: ServerMessage): void {
  switch (message.type) {
    case "hello":
      // A restarted server has other bundles: this page's modules are not its.
      if (session !== null && session !== message.session) reload("the dev server restarted");
      session = message.session;
      break;
    // Updates, build errors and "ok" take effect in the order the builds
    // came: an update still loading its patch must not, when it lands, hide
    // the errors of a build made after it.
    case "update":
      updating = updating.then(() => update(message));
      break;
    case "reload":
      reload(message.reason ?? "a module that is not a component changed");
      break;
    case "build-error":
      updating = updating.then(() => showBuildErrors(message.errors));
      break;
    case "ok":
      updating = updating.then(hideBuildErrors);
      break;
  }
}

const events = new EventSource("/__typenative/events");
events.onmessage = (event: MessageEvent<string>) => onMessage(JSON.parse(event.data) as ServerMessage);

let panel: HTMLElement | null = null;

function showBuildErrors(errors: BuildError[]): void {
  installStyles(document, OVERLAY_RULES);
  hideBuildErrors();
  panel = document.createElement("div");
  panel.className = "tn-overlay";
  panel.setAttribute("role", "alert");
  panel.setAttribute("data-testid", "typenative-build-error");
  const heading = document.createElement("h2");
  heading.className = "tn-overlay-title";
  heading.textContent = errors.length === 1 ? "Build failed" : `Build failed (${errors.length} errors)`;
  panel.appendChild(heading);
  for (const error of errors) {
    const section = document.createElement("section");
    const where = document.createElement("p");
    where.className = "tn-overlay-source";
    where.textContent = error.file === null ? "build" : `${error.file}:${error.line}:${error.column}`;
    const message = document.createElement("pre");
    message.className = "tn-overlay-message";
    message.textContent = error.text;
    section.append(where, message);
    if (error.lineText !== null) {
      const code = document.createElement("pre");
      code.className = "tn-overlay-stack";
      const pointer = error.column === null ? "" : `\n${" ".repeat(String(error.line).length + 3 + error.column - 1)}^`;
      code.textContent = `${error.line} | ${error.lineText}${pointer}`;
      section.appendChild(code);
    }
    panel.appendChild(section);
  }
  const note = document.createElement("p");
  note.className = "tn-overlay-source";
  note.textContent = "Fix the file and save: this goes away on the next good build.";
  panel.appendChild(note);
  document.body.appendChild(panel);
}

function hideBuildErrors(): void {
  panel?.remove();
  panel = null;
}
