import { describe, it, afterEach } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { settle, camera } from "typenative/testing";
import type { CameraService } from "../../src/runtime/services.js";

afterEach(() => camera.reset());

async function withCamera(service: CameraService | null, fn: () => Promise<void>): Promise<void> {
  const previous = pn.runtime.services.camera;
  pn.runtime.services.camera = service;
  try {
    await fn();
  } finally {
    pn.runtime.services.camera = previous;
  }
}

describe("Camera.takePhoto", () => {
  it("resolves the path the camera answers, and null when the user cancels", async () => {
    const photo = pn.Camera.takePhoto({ quality: 0.8 });
    await settle();
    assert.deepEqual(camera.pending(), [{ kind: "takePhoto", quality: 0.8 }]);
    camera.respond("/data/photos/1.jpg");
    assert.equal(await photo, "/data/photos/1.jpg");

    const cancelled = pn.Camera.takePhoto();
    await settle();
    assert.deepEqual(camera.pending(), [{ kind: "takePhoto", quality: undefined }]);
    camera.respond(null);
    assert.equal(await cancelled, null);
  });

  it("accepts quality 0 and 1 and rejects anything outside [0, 1] before opening the camera", async () => {
    const edges = [pn.Camera.takePhoto({ quality: 0 }), pn.Camera.takePhoto({ quality: 1 })];
    await settle();
    assert.deepEqual(camera.pending().map((r) => r.quality), [0, 1]);
    camera.respond("a");
    camera.respond("b");
    assert.deepEqual(await Promise.all(edges), ["a", "b"]);

    for (const quality of [-0.01, 1.5, NaN, Infinity]) {
      await assert.rejects(pn.Camera.takePhoto({ quality }), RangeError, `quality ${quality}`);
    }
    await assert.rejects(pn.Camera.takePhoto({ quality: "high" as unknown as number }), TypeError);
    await assert.rejects(pn.Camera.takePhoto(null as unknown as {}), TypeError);
    await settle();
    assert.deepEqual(camera.pending(), []);
  });

  it("rejects with CancelledError when its signal aborts, and the request goes away", async () => {
    const controller = new AbortController();
    const photo = pn.Camera.takePhoto({ signal: controller.signal });
    await settle();
    assert.equal(camera.pending().length, 1);
    controller.abort(); // a plain abort, no CancelledError reason
    await assert.rejects(photo, pn.CancelledError);
    assert.deepEqual(camera.pending(), []);
  });

  it("rejects an already aborted signal without opening the camera", async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(pn.Camera.takePhoto({ signal: controller.signal }), pn.CancelledError);
    await assert.rejects(pn.Camera.pickFromGallery({ signal: controller.signal }), pn.CancelledError);
    assert.deepEqual(camera.pending(), []);
  });

  it("is cancelled with the task that awaits it", async () => {
    const task = pn.runAsync((signal) => pn.Camera.takePhoto({ signal }));
    await settle();
    assert.equal(camera.pending().length, 1);
    task.cancel();
    await assert.rejects(Promise.resolve(task), pn.CancelledError);
    await settle();
    assert.deepEqual(camera.pending(), []);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });
});

describe("Camera.pickFromGallery", () => {
  it("resolves the picked image, or null", async () => {
    const picked = pn.Camera.pickFromGallery();
    await settle();
    assert.deepEqual(camera.pending(), [{ kind: "pickFromGallery", quality: undefined }]);
    camera.respond("content://media/42");
    assert.equal(await picked, "content://media/42");

    const none = pn.Camera.pickFromGallery({});
    await settle();
    camera.respond(null);
    assert.equal(await none, null);
  });
});

describe("Camera on a host without one", () => {
  it("rejects with a clear NotSupportedError", async () => {
    await withCamera(null, async () => {
      await assert.rejects(pn.Camera.takePhoto(), (e: unknown) => {
        assert.ok(e instanceof pn.NotSupportedError);
        assert.equal(e.name, "NotSupportedError");
        assert.equal(e.capability, "camera");
        assert.match(e.message, /Camera\.takePhoto\(\): this host has no camera/);
        return true;
      });
      await assert.rejects(pn.Camera.pickFromGallery(), /Camera\.pickFromGallery\(\): this host has no camera/);
    });
  });
});

describe("Camera and its service", () => {
  it("passes quality only when given, and a signal the service can watch", async () => {
    const calls: Array<{ quality?: number; signal?: AbortSignal }> = [];
    const service: CameraService = {
      async takePhoto(options) {
        calls.push(options);
        return "photo";
      },
      async pickFromGallery() {
        return null;
      },
    };
    const controller = new AbortController();
    await withCamera(service, async () => {
      assert.equal(await pn.Camera.takePhoto(), "photo");
      assert.equal(await pn.Camera.takePhoto({ quality: 0.5, signal: controller.signal }), "photo");
    });
    assert.equal("quality" in calls[0]!, false);
    assert.equal(calls[1]!.quality, 0.5);
    assert.equal(calls[1]!.signal, controller.signal);
  });

  it("a service that throws or answers a non-string is an error, not a photo", async () => {
    const throwing: CameraService = {
      takePhoto() {
        throw new Error("camera busy");
      },
      async pickFromGallery() {
        return 42 as unknown as string;
      },
    };
    await withCamera(throwing, async () => {
      await assert.rejects(pn.Camera.takePhoto(), /camera busy/);
      await assert.rejects(pn.Camera.pickFromGallery(), /answered number to pickFromGallery\(\)/);
    });
  });
});
