/**
 * `npm run start:worker`: the example app with its code in a Web Worker
 * (`typenative/worker`), rendering into the page over the bridge protocol,
 * against the same local API as `npm start`. Environment as for `npm start`.
 */
import { startWorkerPreview } from "./worker/worker-preview.js";

const preview = await startWorkerPreview({ port: Number(process.env.PORT ?? 5174) });
console.log(`\n  typenative example, app code in a Web Worker  →  ${preview.url}\n`);
console.log(`  API data: ${preview.store.file}`);
console.log("  Ctrl+C stops.\n");
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void preview.close().then(() => process.exit(0)));
