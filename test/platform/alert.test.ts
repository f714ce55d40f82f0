import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { render, cleanup, settle, alerts, camera } from "typenative/testing";
import type { AlertPresenter, AlertRequest } from "../../src/runtime/services.js";
import { captureErrors } from "../helpers/errors.js";

afterEach(() => {
  cleanup();
  alerts.reset();
  camera.reset();
});

/** Installs `presenter` for the body of `fn`, then puts the test host's back. */
async function withPresenter(presenter: AlertPresenter | null, fn: () => Promise<void>): Promise<void> {
  const previous = pn.runtime.services.alert;
  pn.runtime.services.alert = presenter;
  try {
    await fn();
  } finally {
    pn.runtime.services.alert = previous;
  }
}

/** A presenter that records requests and answers each with `answer(request)`. */
function recordingPresenter(answer: (request: AlertRequest) => number | null) {
  const requests: AlertRequest[] = [];
  const presenter: AlertPresenter = {
    async present(request) {
      requests.push(request);
      return answer(request);
    },
  };
  return { presenter, requests };
}

/** Lets promise chains move, so a freshly raised alert is queued. */
const tick = () => settle();

describe("Alert.confirm", () => {
  it("resolves true for the confirm button, with buttons [cancel, confirm]", async () => {
    const answer = pn.Alert.confirm("Delete this item?");
    await tick();
    assert.deepEqual(alerts.pending(), [{ kind: "confirm", title: "Delete this item?", message: undefined, buttons: ["Cancel", "OK"] }]);
    alerts.respond("OK");
    assert.equal(await answer, true);
    assert.deepEqual(alerts.pending(), []);
  });

  it("resolves false for the cancel button and for a dismiss", async () => {
    const cancelled = pn.Alert.confirm("Leave?", "Unsaved changes will be lost.");
    await tick();
    assert.equal(alerts.pending()[0]!.message, "Unsaved changes will be lost.");
    alerts.respond("Cancel");
    assert.equal(await cancelled, false);

    const dismissed = pn.Alert.confirm("Leave?");
    await tick();
    alerts.dismiss();
    assert.equal(await dismissed, false);
  });

  it("takes custom labels, as the third argument or the second", async () => {
    const a = pn.Alert.confirm("Discard draft?", "This cannot be undone.", { confirmLabel: "Discard", cancelLabel: "Keep" });
    const b = pn.Alert.confirm("Sign out?", { confirmLabel: "Sign out" });
    await tick();
    assert.deepEqual(alerts.pending().map((p) => [p.message, p.buttons]), [
      ["This cannot be undone.", ["Keep", "Discard"]],
      [undefined, ["Cancel", "Sign out"]],
    ]);
    alerts.respond(1);
    alerts.respond("Cancel");
    assert.equal(await a, true);
    assert.equal(await b, false);
  });

  it("hands the presenter cancelIndex 0 and no destructive buttons", async () => {
    const { presenter, requests } = recordingPresenter(() => 1);
    await withPresenter(presenter, async () => {
      assert.equal(await pn.Alert.confirm("Sure?"), true);
    });
    assert.deepEqual(requests, [{ kind: "confirm", title: "Sure?", message: undefined, buttons: ["Cancel", "OK"], destructive: [], cancelIndex: 0 }]);
  });

  it("rejects bad arguments with TypeError and presents nothing", async () => {
    await assert.rejects(pn.Alert.confirm(42 as unknown as string), TypeError);
    await assert.rejects(pn.Alert.confirm("t", 7 as unknown as string), TypeError);
    await assert.rejects(pn.Alert.confirm("t", "m", { confirmLabel: "" }), TypeError);
    await assert.rejects(pn.Alert.confirm("t", "m", { signal: {} as AbortSignal }), TypeError);
    await tick();
    assert.deepEqual(alerts.pending(), []);
  });
});

describe("Alert.choose", () => {
  it("resolves the chosen option; buttons are [...options, cancel] with cancel defaulting to \"Cancel\"", async () => {
    const answer = pn.Alert.choose("Photo source", ["Camera", "Gallery"]);
    await tick();
    assert.deepEqual(alerts.pending(), [{ kind: "choose", title: "Photo source", message: undefined, buttons: ["Camera", "Gallery", "Cancel"] }]);
    alerts.respond("Gallery");
    assert.equal(await answer, "Gallery");
  });

  it("resolves null for the cancel button and for a dismiss", async () => {
    const cancelled = pn.Alert.choose("Share", ["Mail", "Link"], { cancelLabel: "Not now", message: "Pick one" });
    await tick();
    assert.deepEqual(alerts.pending()[0]!.buttons, ["Mail", "Link", "Not now"]);
    assert.equal(alerts.pending()[0]!.message, "Pick one");
    alerts.respond("Not now");
    assert.equal(await cancelled, null);

    const dismissed = pn.Alert.choose("Share", ["Mail"]);
    await tick();
    alerts.dismiss();
    assert.equal(await dismissed, null);
  });

  it("passes destructive labels and the cancel index to the presenter", async () => {
    const { presenter, requests } = recordingPresenter((r) => r.buttons.indexOf("Delete"));
    await withPresenter(presenter, async () => {
      assert.equal(await pn.Alert.choose("Post", ["Edit", "Delete"], { destructive: ["Delete"] }), "Delete");
    });
    assert.deepEqual(requests[0], {
      kind: "choose",
      title: "Post",
      message: undefined,
      buttons: ["Edit", "Delete", "Cancel"],
      destructive: ["Delete"],
      cancelIndex: 2,
    });
  });

  it("rejects empty or invalid options with TypeError and presents nothing", async () => {
    const bad: unknown[] = [[], "Camera", null, undefined, [1], [""], ["A", "A"], ["Cancel"]];
    for (const options of bad) {
      await assert.rejects(pn.Alert.choose("Pick", options as string[]), TypeError, `options ${JSON.stringify(options)}`);
    }
    await assert.rejects(pn.Alert.choose("Pick", ["A"], { destructive: ["B"] }), /destructive lists "B"/);
    await assert.rejects(pn.Alert.choose("Pick", ["A"], { destructive: "A" as unknown as string[] }), TypeError);
    await assert.rejects(pn.Alert.choose("Pick", []), /must not be empty/);
    await tick();
    assert.deepEqual(alerts.pending(), []);
  });

  it("does not let a later change to the caller's array alter the alert", async () => {
    const options = ["One", "Two"];
    const answer = pn.Alert.choose("Pick", options);
    options.length = 0;
    await tick();
    assert.deepEqual(alerts.pending()[0]!.buttons, ["One", "Two", "Cancel"]);
    alerts.respond(1);
    assert.equal(await answer, "Two");
  });
});

describe("Alert.show", () => {
  it("resolves when its button is pressed; the default button is OK", async () => {
    let resolved = false;
    const shown = pn.Alert.show("Saved!").then(() => (resolved = true));
    await tick();
    assert.deepEqual(alerts.pending(), [{ kind: "show", title: "Saved!", message: undefined, buttons: ["OK"] }]);
    assert.equal(resolved, false);
    alerts.respond("OK");
    await shown;
    assert.equal(resolved, true);
  });

  it("resolves on a dismiss too, and takes a message and a button label", async () => {
    const shown = pn.Alert.show("Upload failed", "Check your connection.", { button: "Close" });
    const short = pn.Alert.show("Done", { button: "Nice" });
    await tick();
    assert.deepEqual(alerts.pending().map((p) => [p.message, p.buttons]), [
      ["Check your connection.", ["Close"]],
      [undefined, ["Nice"]],
    ]);
    alerts.dismiss();
    alerts.respond("Nice");
    assert.equal(await shown, undefined);
    assert.equal(await short, undefined);
  });

  it("can be ignored: a presenter failure is reported, never an unhandled rejection", async () => {
    const errors = captureErrors();
    try {
      const failing: AlertPresenter = { present: () => Promise.reject(new Error("window closed")) };
      await withPresenter(failing, async () => {
        void pn.Alert.show("Saved!"); // fire and forget, as the seed does
        await tick();
      });
      assert.equal(errors.errors.length, 1);
      assert.match((errors.errors[0]!.error as Error).message, /window closed/);
      assert.equal(errors.errors[0]!.info.source, "alert");
    } finally {
      errors.restore();
    }
  });

  it("resolves when its signal aborts, and the alert goes away", async () => {
    const controller = new AbortController();
    const shown = pn.Alert.show("Syncing…", { signal: controller.signal });
    await tick();
    assert.equal(alerts.pending().length, 1);
    controller.abort();
    assert.equal(await shown, undefined);
    assert.deepEqual(alerts.pending(), []);
  });

  it("throws TypeError at the call for bad arguments", () => {
    assert.throws(() => pn.Alert.show(undefined as unknown as string), TypeError);
    assert.throws(() => pn.Alert.show("t", "m", { button: 3 as unknown as string }), TypeError);
  });
});

describe("Alert without a presenter", () => {
  it("confirm and choose reject with NotSupportedError", async () => {
    await withPresenter(null, async () => {
      await assert.rejects(pn.Alert.confirm("Delete?"), (e: unknown) => {
        assert.ok(e instanceof pn.NotSupportedError);
        assert.equal(e.capability, "alert");
        assert.match(e.message, /no alert presenter/);
        return true;
      });
      await assert.rejects(pn.Alert.choose("Pick", ["A"]), pn.NotSupportedError);
    });
  });

  it("show reports one clear NotSupportedError per call and resolves", async () => {
    const errors = captureErrors();
    try {
      await withPresenter(null, async () => {
        assert.equal(await pn.Alert.show("Saved!"), undefined);
      });
      assert.equal(errors.errors.length, 1);
      assert.ok(errors.errors[0]!.error instanceof pn.NotSupportedError);
      assert.match((errors.errors[0]!.error as Error).message, /Alert\.show\("Saved!"\).*no alert presenter/);
      assert.equal(errors.errors[0]!.info.source, "alert");
    } finally {
      errors.restore();
    }
  });

  it("show with a signal already aborted resolves quietly: a cancelled notice is gone, presenter or not", async () => {
    const errors = captureErrors();
    try {
      await withPresenter(null, async () => {
        assert.equal(await pn.Alert.show("Saved!", { signal: AbortSignal.abort() }), undefined);
      });
      assert.deepEqual(errors.errors, []);
    } finally {
      errors.restore();
    }
  });
});

describe("Alert cancellation and presenter answers", () => {
  it("an aborted confirm rejects with CancelledError and leaves the screen", async () => {
    const controller = new AbortController();
    const answer = pn.Alert.confirm("Delete?", { signal: controller.signal });
    await tick();
    assert.equal(alerts.pending().length, 1);
    controller.abort();
    await assert.rejects(answer, pn.CancelledError);
    assert.deepEqual(alerts.pending(), []);
  });

  it("an already aborted signal rejects without presenting", async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(pn.Alert.choose("Pick", ["A"], { signal: controller.signal }), pn.CancelledError);
    await tick();
    assert.deepEqual(alerts.pending(), []);
  });

  it("a presenter answering something other than a button index or null is an error", async () => {
    const { presenter } = recordingPresenter(() => 5);
    await withPresenter(presenter, async () => {
      await assert.rejects(pn.Alert.confirm("Sure?"), /answered 5 .* must answer a button index or null/);
    });
  });
});

describe("the seed's alert examples on the test host", () => {
  it("if (await pn.Alert.confirm(\"Delete this item?\")) await deleteItem()", async () => {
    const deleted: string[] = [];
    async function deleteItem(): Promise<void> {
      await pn.sleep(0);
      deleted.push("item");
    }
    const Item = pn.component(function Item() {
      const [status, setStatus] = pn.useState("kept");
      return pn.Column(
        pn.Text(status),
        pn.Button("Delete", {
          onClick: async () => {
            if (await pn.Alert.confirm("Delete this item?")) {
              await deleteItem();
              setStatus("deleted");
            }
          },
        }),
      );
    });
    const ui = render(Item());

    ui.press(ui.getByText("Delete"));
    await settle();
    assert.equal(pn.runtime.pendingTasks(), 1, "the handler runs as a component task while the alert is up");
    assert.deepEqual(alerts.pending().map((a) => [a.kind, a.title, a.buttons]), [["confirm", "Delete this item?", ["Cancel", "OK"]]]);
    alerts.respond("Cancel");
    await settle();
    ui.getByText("kept");
    assert.deepEqual(deleted, []);

    ui.press(ui.getByText("Delete"));
    await settle();
    alerts.respond("OK");
    await ui.findByText("deleted");
    assert.deepEqual(deleted, ["item"]);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });

  it("photo source: Alert.choose → Camera.takePhoto, driven by alerts and camera", async () => {
    const PhotoButton = pn.component(function PhotoButton() {
      const [photo, setPhoto] = pn.useState<string | null>(null);
      async function pick(): Promise<void> {
        const photoSource = await pn.Alert.choose("Photo source", ["Camera", "Gallery"], { cancelLabel: "Cancel" });
        if (photoSource === "Camera") {
          const path = await pn.Camera.takePhoto();
          if (path !== null) setPhoto(path);
        }
      }
      return pn.Column(pn.Text(photo ?? "no photo"), pn.Button("Change photo", { onClick: pick }));
    });
    const ui = render(PhotoButton());

    ui.press(ui.getByText("Change photo"));
    await settle();
    assert.deepEqual(alerts.pending()[0]!.buttons, ["Camera", "Gallery", "Cancel"]);
    alerts.respond("Camera");
    await settle();
    assert.deepEqual(camera.pending(), [{ kind: "takePhoto", quality: undefined }]);
    camera.respond("file:///photos/1.jpg");
    await ui.findByText("file:///photos/1.jpg");

    // Cancelling the source sheet never opens the camera.
    ui.press(ui.getByText("Change photo"));
    await settle();
    alerts.respond("Cancel");
    await settle();
    assert.deepEqual(camera.pending(), []);

    // Backing out of the camera keeps the old photo.
    ui.press(ui.getByText("Change photo"));
    await settle();
    alerts.respond("Camera");
    await settle();
    camera.respond(null);
    await settle();
    ui.getByText("file:///photos/1.jpg");
    assert.equal(pn.runtime.pendingTasks(), 0);
  });
});
