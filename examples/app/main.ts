/** Browser entry of the example app (bundled by examples/start.ts). */
import { mount } from "typenative/web";
import { App, type Tab } from "./App.js";

const root = document.getElementById("root");
if (root === null) throw new Error("the page has no #root element");
// `#rows` opens the long-list tab directly.
const initialTab: Tab = location.hash === "#rows" ? "rows" : "posts";
mount(App({ userId: 1, initialTab }), root);
