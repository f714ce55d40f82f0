/**
 * `npm run desktop`: the example app in a GTK 4 window titled "typenative
 * example" (needs `gjs` and `gir1.2-gtk-4.0`). Closing the window, or
 * Ctrl+C, stops it. Environment as for `npm start`: `TYPENATIVE_DATA_DIR`,
 * `TYPENATIVE_API_LATENCY_MS`.
 */
import { startDesktop } from "./desktop-app.js";

const desktop = await startDesktop();
console.log(`\n  typenative example  →  a GTK 4 window (API on ${desktop.apiUrl})\n`);
console.log("  Close the window or press Ctrl+C to stop.\n");

let closing = false;
async function stop(code: number): Promise<void> {
  if (closing) process.exit(1);
  closing = true;
  await desktop.close();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
void desktop.app.closed.then(() => stop(0));
