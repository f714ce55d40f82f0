/**
 * `typenative/testing`: render components on the in-memory test host, drive
 * time with a virtual clock, and answer alerts and camera requests.
 *
 * Importing it installs memory storage and the test host's alert presenter
 * and camera, and registers what an app loads on first use (`Animated.spring`,
 * `decay`, the compositions; the presenting side of `pn.Alert`; `pn.Camera`;
 * the mutation outbox's queue; what a started mutation call runs; the
 * navigators' moves; a list's scroll handling; `pn.fetch`'s body reader),
 * so it runs synchronously.
 */
import { runtime } from "../runtime/runtime.js";
import { TestAlerts, TestCamera } from "../hosts/test/services.js";
import { AsyncStorage } from "../platform/storage.js";
import { memoryStorage } from "../platform/memory-storage.js";
import { overrideColorScheme } from "../platform/appearance.js";
import { onlineManager } from "../data/online-manager.js";
import { focusManager } from "../data/focus-manager.js";
import { registerAnimations } from "../animated/lazy.js";
import * as deferredAnimations from "../animated/deferred.js";
import { alertCalls } from "../platform/alert.js";
import * as alertCallsModule from "../platform/alert-calls.js";
import { cameraCalls } from "../platform/camera.js";
import * as cameraCallsModule from "../platform/camera-calls.js";
import { outboxCode } from "../data/outbox.js";
import * as outboxQueueModule from "../data/outbox-queue.js";
import { mutationCalls } from "../data/mutation.js";
import * as mutationCallsModule from "../data/mutation-calls.js";
import { navigationActions } from "../navigation/navigator.js";
import * as navigationActionsModule from "../navigation/actions.js";
import { listScroll } from "../components/flat-list.js";
import * as listScrollModule from "../components/list-scroll.js";
import { fetchBody } from "../platform/fetch.js";
import * as fetchBodyModule from "../platform/fetch-body.js";
import { persistedWrites } from "../platform/persisted-state.js";
import * as persistedWritesModule from "../platform/persisted-writes.js";
import { queryTriggers } from "../data/query-observer.js";
import * as queryTriggersModule from "../data/query-triggers.js";

import { cleanup as unmountAll } from "./render.js";
export { render, type RenderResult, type RenderOptions, type JSONNode } from "./render.js";
export { fakeClock, type FakeClock } from "./fake-clock.js";
export { settle } from "./settle.js";
export type { TextMatcher } from "./queries.js";
export { TestHost, formatOp, describeNode, type TestNode, type HostOp } from "../hosts/test/test-host.js";
export type { PendingAlert, PendingCameraRequest } from "../hosts/test/services.js";

/** Answers alerts: `pending()`, `respond(labelOrIndex)`, `dismiss()`. */
export const alerts = new TestAlerts();
/** Answers camera requests: `pending()`, `respond(pathOrNull)`. */
export const camera = new TestCamera();

// The testing entry's promise (SPEC §6): importing it sets up the default
// runtime for tests, and claims it, so a host mounted in the same process
// (a bridged app, say) runs on a runtime of its own instead of replacing these.
runtime.services.alert = alerts;
runtime.services.camera = camera;
runtime.services.os = "test";
runtime.owner = alerts;
AsyncStorage.configure({ backend: memoryStorage() });
// Spring, decay and the compositions load with import() in an app; a test
// on the virtual clock must not wait for a module, so they are here at once.
registerAnimations(deferredAnimations);
// The same for what pn.Alert and pn.Camera import on their first call: a
// test sees the alert pending in the instant it is asked for.
alertCalls.register(alertCallsModule);
cameraCalls.register(cameraCallsModule);
// And the mutation outbox's queue: a durable call is written in the instant it is made.
outboxCode.register(outboxQueueModule);
// And what a mutation call runs: `mutate(...)` calls the mutator in the instant it is made.
mutationCalls.register(mutationCallsModule);
// And the navigators' moves: `navigate()` changes the state in the instant it is called.
navigationActions.register(navigationActionsModule);
// And a list's scroll handling: a scroll report moves the window in the instant it is made.
listScroll.register(listScrollModule);
// And pn.fetch's body reader: a stubbed fetch answers in the same turn as ever.
fetchBody.register(fetchBodyModule);
// And usePersistedState's write side: a set is written, and a change followed, in the instant it is made.
persistedWrites.register(persistedWritesModule);
// And a query's triggers: focus, reconnect, polling and the stale timer act in the instant they fire.
queryTriggers.register(queryTriggersModule);

/**
 * Sets the system colour scheme `pn.useColorScheme()` reports (default
 * `"light"`); components using it re-render.
 */
export function setColorScheme(scheme: "light" | "dark"): void {
  overrideColorScheme(scheme, runtime);
}

/**
 * Ends a test's UI: unmounts every tree `render` mounted, answers any alert
 * or camera request still pending with a dismiss, and puts the system back
 * as a test found it (light scheme, online, focused). Call it after each test.
 */
export function cleanup(): void {
  unmountAll();
  alerts.reset();
  camera.reset();
  overrideColorScheme("light", runtime);
  onlineManager.setOnline(undefined);
  focusManager.setFocused(undefined);
}
