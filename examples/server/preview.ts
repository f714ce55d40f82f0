/**
 * The preview server behind `npm start`: typenative's own dev server
 * (`typenative dev`, src/dev/server.ts, its builds in src/dev/rebuilder.ts:
 * an incremental esbuild build, fast refresh, the build-error and
 * runtime-error overlays) serving the example app on 127.0.0.1, with its
 * JSON API under `/api/` on the same origin. It answers only requests
 * addressed to this machine (loopback names or the printed origin; 403
 * otherwise), and a request it cannot parse never takes the process down
 * (see request-guard.ts).
 */
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { startDevServer } from "../../src/dev/server.js";
import { createApiHandler, type ApiOptions } from "./api.js";
import { Store } from "./store.js";

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (examples/server/ → ../..). */
export const PROJECT_ROOT = join(here, "..", "..");
const APP_DIR = join(PROJECT_ROOT, "examples", "app");

export interface PreviewOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Where the API keeps its JSON file. Default `$TYPENATIVE_DATA_DIR`, else `<project>/.data`. */
  dataDir?: string;
  /** Artificial latency per API answer, so loading states are visible. Default `$TYPENATIVE_API_LATENCY_MS`, else 400. */
  latencyMs?: number;
  /** Replaces the latency: runs before each API answer (tests hold requests with it). */
  delay?: ApiOptions["delay"];
  /** Where the dev server's progress lines go. Default: console.log. */
  log?: (line: string) => void;
}

export interface Preview {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/** Starts the preview server; resolves once it listens and the first build is done. */
export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const dataDir = options.dataDir ?? process.env.TYPENATIVE_DATA_DIR ?? join(PROJECT_ROOT, ".data");
  const latencyMs = options.latencyMs ?? Number(process.env.TYPENATIVE_API_LATENCY_MS ?? 400);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new TypeError(`startPreview: latencyMs must be a number ≥ 0, got ${latencyMs}`);
  const delay = options.delay ?? (latencyMs > 0 ? () => new Promise<void>((resolve) => setTimeout(resolve, latencyMs)) : undefined);

  const store = await Store.open(dataDir);
  // The printed origin's host:port, filled in by the dev server once it listens.
  const origins = new Set<string>();
  const api = createApiHandler(store, delay ? { delay, allowedHosts: origins } : { allowedHosts: origins });
  let dev;
  try {
    dev = await startDevServer({
      root: PROJECT_ROOT,
      entry: "examples/app/main.ts",
      host: options.host ?? "127.0.0.1",
      port: options.port ?? 0,
      title: "typenative example",
      placeholder: '<p class="boot">Loading the app…</p>',
      stylesheets: { "/app.css": join(APP_DIR, "app.css") },
      handle: api,
      origins,
      ...(options.log ? { log: options.log } : {}),
    });
  } catch (error) {
    await store.flush();
    throw error;
  }
  const server = dev;
  return {
    url: server.url,
    store,
    async close() {
      await server.close();
      await store.flush();
    },
  };
}
