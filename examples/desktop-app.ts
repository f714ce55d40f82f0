/**
 * The example app on the desktop: its local API on 127.0.0.1 and the app's
 * code in this Node process, rendered in a GTK 4 window (`typenative/gtk`).
 * `npm run desktop` runs it; the GTK end-to-end test reuses it headless.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { mountGtk, type GtkApp, type GtkHostOptions } from "typenative/gtk";
import { createApiHandler } from "./server/api.js";
import { Store } from "./server/store.js";
import { PROJECT_ROOT } from "./server/preview.js";
import { App } from "./app/App.js";

export interface DesktopOptions extends GtkHostOptions {
  /** Where the API keeps its JSON file. Default `$TYPENATIVE_DATA_DIR`, else `<project>/.data`. */
  dataDir?: string;
  /** Runs before each API answer. Default: `$TYPENATIVE_API_LATENCY_MS` (400) of latency. */
  delay?: (request: IncomingMessage) => Promise<void>;
}

export interface Desktop {
  app: GtkApp;
  apiUrl: string;
  store: Store;
  close(): Promise<void>;
}

/** Starts the API, then opens the example app in a window titled "typenative example". */
export async function startDesktop(options: DesktopOptions = {}): Promise<Desktop> {
  const dataDir = options.dataDir ?? process.env.TYPENATIVE_DATA_DIR ?? join(PROJECT_ROOT, ".data");
  const latencyMs = Number(process.env.TYPENATIVE_API_LATENCY_MS ?? 400);
  const delay = options.delay ?? (latencyMs > 0 ? () => new Promise<void>((resolve) => setTimeout(resolve, latencyMs)) : undefined);
  const store = await Store.open(dataDir);
  const api = createApiHandler(store, delay ? { delay } : {});
  const server: Server = createServer((request, response) => {
    if (!api(request, response)) {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  // The app fetches "/api/..." as it does in the browser: relative URLs
  // resolve against `location`, which a desktop process does not have.
  (globalThis as { location?: { href: string } }).location = { href: apiUrl };
  let app: GtkApp;
  try {
    app = await mountGtk(App({ userId: 1 }), { title: "typenative example", ...options });
  } catch (error) {
    server.close();
    throw error;
  }
  return {
    app,
    apiUrl,
    store,
    async close() {
      await app.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
