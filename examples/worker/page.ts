/**
 * The example app in the Worker host, page side: the app's code runs in a
 * Web Worker (`app.worker.ts`); this page only shows its views and answers
 * its service calls (bundled by `worker-preview.ts`).
 */
import { serveWorker } from "typenative/worker";

const root = document.getElementById("root");
if (root === null) throw new Error("the page has no #root element");
// The hash (`#rows` opens the long list) travels to the Worker in its URL.
const worker = new Worker(`/app.worker.js${location.hash}`, { type: "module", name: "typenative app" });
const page = serveWorker(worker, root);
// For tests and the curious: the page's endpoint and keystroke latencies.
(globalThis as { typenativeWorkerPage?: unknown }).typenativeWorkerPage = page;
