/** Browser entry of the example app (bundled by examples/start.ts). */
import * as pn from "typenative";
import { localStorageBackend, mount } from "typenative/web";
import { App, type Tab } from "./App.js";

const root = document.getElementById("root");
if (root === null) throw new Error("the page has no #root element");
// `#rows` opens the long-list tab directly.
const initialTab: Tab = location.hash === "#rows" ? "rows" : "posts";
// Offline-first: storage first (mount would pick localStorage too, but the
// cache and the outbox are read before it), then the persisted query cache
// — restored before the first render, so a reload shows the last posts at
// once — and the outbox, which replays posts saved while offline.
pn.AsyncStorage.configure({ backend: localStorageBackend() });
await pn.queryClient.persist({ buster: "posts-v1" });
mount(App({ userId: 1, initialTab }), root);
pn.runAsync(pn.mutationQueue.resume());
