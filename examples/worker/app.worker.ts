/** The example app in the Worker host, Worker side: components, hooks and the runtime run here. */
import { mountWorker } from "typenative/worker";
import { App, type Tab } from "../app/App.js";

const initialTab: Tab = location.hash === "#rows" ? "rows" : "posts";
await mountWorker(App({ userId: 1, initialTab }));
