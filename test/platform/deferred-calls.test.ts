// pn.Alert's presenting side and pn.Camera load their code with import() on
// the first call (src/platform/kit.ts). typenative/testing registers it up
// front, so these tests load fresh copies of alert.ts and camera.ts, one per
// test, in which nothing is loaded yet: what an app sees on its first alert.
import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { alerts, camera, cleanup, settle } from "typenative/testing";
import { captureErrors } from "../helpers/errors.js";
import { freshModule } from "../helpers/fresh-module.js";
import { enterRuntime, leaveRuntime } from "../../src/runtime/runtime.js";

type AlertModule = typeof import("../../src/platform/alert.js");
type CameraModule = typeof import("../../src/platform/camera.js");

const unloadedAlert = () => freshModule<AlertModule>(new URL("../../src/platform/alert.ts", import.meta.url));
const unloadedCamera = () => freshModule<CameraModule>(new URL("../../src/platform/camera.ts", import.meta.url));

afterEach(() => {
  cleanup();
  alerts.reset();
  camera.reset();
});

describe("pn.Alert and pn.Camera before their code is loaded", () => {
  it("are registered by typenative/testing: an alert is pending in the instant it is asked for", async () => {
    const answer = pn.Alert.confirm("Now?");
    assert.equal(alerts.pending().length, 1);
    alerts.dismiss();
    assert.equal(await answer, false);
  });

  it("Alert.confirm presents once the code arrives and resolves from the answer", async () => {
    const { Alert, alertCalls } = await unloadedAlert();
    assert.equal(alertCalls.loaded(), null);
    const answer = Alert.confirm("Delete?", { confirmLabel: "Delete" });
    assert.deepEqual(alerts.pending(), [], "nothing to present before the code is here");
    await alertCalls.load();
    await settle();
    assert.deepEqual(alerts.pending()[0]!.buttons, ["Cancel", "Delete"]);
    alerts.respond("Delete");
    assert.equal(await answer, true);
  });

  it("Alert.choose checks its options once the code arrives: a rejection, as before", async () => {
    const { Alert } = await unloadedAlert();
    await assert.rejects(Alert.choose("Pick", ["A", "A"]), /the option "A" appears twice/);
    await assert.rejects(Alert.choose("Pick", ["A"], { destructive: ["B"] }), /not one of the options/);
    const choice = Alert.choose("Pick", ["A", "B"]);
    await settle();
    assert.deepEqual(alerts.pending()[0]!.buttons, ["A", "B", "Cancel"]);
    alerts.respond("B");
    assert.equal(await choice, "B");
  });

  it("Alert.confirm checks its arguments with the deferred code: a bad one rejects, never throws at the call", async () => {
    const { Alert, alertCalls } = await unloadedAlert();
    let answer: Promise<boolean> | undefined;
    assert.doesNotThrow(() => (answer = Alert.confirm("Delete?", { confirmLabel: "" })));
    assert.equal(alertCalls.loaded(), null);
    await assert.rejects(answer!, /confirmLabel must be a non-empty string/);
    await assert.rejects(Alert.confirm(42 as never), /title must be a string/);
    assert.deepEqual(alerts.pending(), []);
  });

  it("an alert cancelled before the code arrives rejects with CancelledError and is never presented", async () => {
    const { Alert, alertCalls } = await unloadedAlert();
    const controller = new AbortController();
    const answer = Alert.confirm("Delete?", { signal: controller.signal });
    controller.abort();
    await assert.rejects(answer, pn.CancelledError);
    await alertCalls.load();
    await settle();
    assert.deepEqual(alerts.pending(), []);
  });

  it("Alert.show still throws a bad argument at the call, and reports a missing presenter after the load", async () => {
    const { Alert, alertCalls } = await unloadedAlert();
    assert.throws(() => Alert.show(42 as never), /title must be a string/);
    const errors = captureErrors();
    const previous = pn.runtime.services.alert;
    pn.runtime.services.alert = null;
    try {
      await Alert.show("Saved");
      assert.ok(alertCalls.loaded() !== null);
      assert.equal(errors.errors.length, 1);
      assert.ok(errors.errors[0]!.error instanceof pn.NotSupportedError);
    } finally {
      pn.runtime.services.alert = previous;
      errors.restore();
    }
  });

  it("an alert asked for the moment the code arrives is presented after the ones waiting for it", async () => {
    const { Alert, alertCalls } = await unloadedAlert();
    const code = await import("../../src/platform/alert-calls.js");
    const first = Alert.confirm("First?");
    assert.equal(alertCalls.loaded(), null);
    // The code becomes available (as when its import arrives; here before
    // the import the call started can), and in that same instant another
    // alert finds it loaded.
    alertCalls.register(code);
    const second = Alert.confirm("Second?");
    await settle();
    assert.deepEqual(
      alerts.pending().map((a) => a.title),
      ["First?", "Second?"],
    );
    alerts.respond("OK");
    alerts.dismiss();
    assert.equal(await first, true);
    assert.equal(await second, false);
  });

  it("Camera.takePhoto asks the camera once the code arrives; a bad quality rejects", async () => {
    const { Camera, cameraCalls } = await unloadedCamera();
    await assert.rejects(Camera.takePhoto({ quality: 2 }), RangeError);
    const photo = Camera.takePhoto({ quality: 0.5 });
    await cameraCalls.load();
    await settle();
    assert.equal(camera.pending().length, 1);
    camera.respond("file:///photo.jpg");
    assert.equal(await photo, "file:///photo.jpg");
  });

  it("a photo asked for the moment the code arrives is taken after the ones waiting for it", async () => {
    const { Camera, cameraCalls } = await unloadedCamera();
    const code = await import("../../src/platform/camera-calls.js");
    const first = Camera.takePhoto();
    const gallery = Camera.pickFromGallery();
    cameraCalls.register(code);
    const second = Camera.takePhoto();
    await settle();
    assert.deepEqual(
      camera.pending().map((p) => p.kind),
      ["takePhoto", "pickFromGallery", "takePhoto"],
    );
    camera.respond("file:///1.jpg");
    camera.respond("file:///2.jpg");
    camera.respond("file:///3.jpg");
    assert.deepEqual(await Promise.all([first, gallery, second]), ["file:///1.jpg", "file:///2.jpg", "file:///3.jpg"]);
  });
});

describe("pn.Alert and pn.Camera called in a runtime other than the default, before their code is loaded", () => {
  /** A runtime whose alert presenter and camera record what they are asked. */
  function recordingRuntime() {
    const asked: string[] = [];
    const rt = pn.createRuntime({
      services: {
        alert: { present: async (request) => (asked.push(`alert ${request.title}`), 1) },
        camera: {
          takePhoto: async () => (asked.push("takePhoto"), "file:///own.jpg"),
          pickFromGallery: async () => (asked.push("pickFromGallery"), null),
        },
      },
    });
    return { rt, asked };
  }

  it("an alert is presented by the host of the runtime it was asked in, though the code arrives after an await", async () => {
    const { Alert, alertCalls } = await unloadedAlert();
    const { rt, asked } = recordingRuntime();
    const previous = enterRuntime(rt);
    let answer: Promise<boolean>;
    try {
      answer = Alert.confirm("Mine?");
    } finally {
      leaveRuntime(previous);
    }
    await alertCalls.load();
    await settle();
    assert.deepEqual(alerts.pending(), [], "not the default runtime's presenter");
    assert.deepEqual(asked, ["alert Mine?"]);
    assert.equal(await answer, true);
  });

  it("a photo is taken by the camera of the runtime it was asked in", async () => {
    const { Camera, cameraCalls } = await unloadedCamera();
    const { rt, asked } = recordingRuntime();
    const previous = enterRuntime(rt);
    let photo: Promise<string | null>;
    try {
      photo = Camera.takePhoto();
    } finally {
      leaveRuntime(previous);
    }
    await cameraCalls.load();
    await settle();
    assert.deepEqual(camera.pending(), [], "not the default runtime's camera");
    assert.equal(await photo, "file:///own.jpg");
    assert.deepEqual(asked, ["takePhoto"]);
  });

  it("a failed Alert.show (no presenter) is reported to the runtime it was asked in", async () => {
    const rt = pn.createRuntime();
    const errors: unknown[] = [];
    rt.onError = (error) => errors.push(error);
    const captured = captureErrors();
    try {
      const previous = enterRuntime(rt);
      let shown: Promise<void>;
      try {
        shown = pn.Alert.show("Saved");
      } finally {
        leaveRuntime(previous);
      }
      await shown;
      assert.deepEqual(captured.errors, [], "not the default runtime's onError");
      assert.match(String(errors[0]), /no alert presenter/);
    } finally {
      captured.restore();
    }
  });
});
