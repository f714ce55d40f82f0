/**
 * `npm start`: serves the example app with typenative's dev server (fast
 * refresh, error overlays) and its API on 127.0.0.1, and prints the URL.
 *
 * Environment: `PORT` (default 5173; the next free port is taken when busy),
 * `TYPENATIVE_DATA_DIR` (where the API keeps its JSON file; default `.data/`),
 * `TYPENATIVE_API_LATENCY_MS` (artificial latency; default 400).
 */
import { startPreview, type Preview } from "./server/preview.js";

const wanted = Number(process.env.PORT ?? 5173);
if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(1);
}

let preview: Preview | null = null;
for (let port = wanted; preview === null; port++) {
  try {
    preview = await startPreview({ port });
  } catch (error) {
    const busy = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
    if (!busy || port - wanted >= 20 || wanted === 0) throw error;
  }
}

const running = preview;
console.log(`\n  typenative example  →  ${running.url}\n`);
console.log(`  API data: ${running.store.file}`);
console.log("  Edit a component in examples/app/ and save: it updates in place. Ctrl+C stops.\n");

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    void running.close().then(() => process.exit(0));
  });
}
