// The test host's alert presenter and camera (src/hosts/test/services.ts).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import * as pn from "typenative";
import { alerts, camera } from "typenative/testing";
import { TestAlerts, TestCamera } from "../../../src/hosts/test/services.js";

const abortListeners = (signal: AbortSignal): number => getEventListeners(signal, "abort").length;

describe("test host services: a long-lived signal", () => {
  it("an answered alert leaves no abort listener on its signal", async () => {
    const presenter = new TestAlerts();
    const screen = new AbortController();
    const request = { kind: "confirm" as const, title: "Delete?", message: undefined, buttons: ["Cancel", "Delete"], destructive: [], cancelIndex: 0 };
    for (let i = 0; i < 3; i++) {
      const answer = presenter.present(request, screen.signal);
      if (i === 0) presenter.respond("Delete");
      else if (i === 1) presenter.dismiss();
      else presenter.reset();
      await answer;
    }
    assert.equal(abortListeners(screen.signal), 0);
  });

  it("an answered camera request leaves no abort listener on its signal", async () => {
    const service = new TestCamera();
    const screen = new AbortController();
    const photo = service.takePhoto({ signal: screen.signal });
    service.respond("file:///a.jpg");
    assert.equal(await photo, "file:///a.jpg");
    const pick = service.pickFromGallery({ signal: screen.signal });
    service.reset();
    assert.equal(await pick, null);
    assert.equal(abortListeners(screen.signal), 0);
  });

  it("through pn.Alert and pn.Camera, answering many times adds nothing to the signal", async () => {
    const screen = new AbortController();
    for (let i = 0; i < 5; i++) {
      const ok = pn.Alert.confirm("Sure?", { signal: screen.signal });
      await new Promise((r) => setTimeout(r, 0));
      alerts.respond(1);
      assert.equal(await ok, true);
      const photo = pn.Camera.takePhoto({ signal: screen.signal });
      await new Promise((r) => setTimeout(r, 0));
      camera.respond(`file:///${i}.jpg`);
      assert.equal(await photo, `file:///${i}.jpg`);
    }
    assert.equal(abortListeners(screen.signal), 0);
  });

  it("an abort still withdraws a request and settles it", async () => {
    const presenter = new TestAlerts();
    const service = new TestCamera();
    const screen = new AbortController();
    const answer = presenter.present({ kind: "show", title: "Hi", message: undefined, buttons: ["OK"], destructive: [], cancelIndex: -1 }, screen.signal);
    const photo = service.takePhoto({ signal: screen.signal });
    screen.abort(new pn.CancelledError("left"));
    assert.equal(await answer, null);
    await assert.rejects(photo, pn.CancelledError);
    assert.deepEqual(presenter.pending(), []);
    assert.deepEqual(service.pending(), []);
  });
});
