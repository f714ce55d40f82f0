import type { AlertPresenter, AlertRequest, CameraService } from "../../runtime/services.js";

/** An alert waiting for the test to answer it. */
export interface PendingAlert {
  kind: AlertRequest["kind"];
  title: string;
  message: string | undefined;
  /** Labels in display order: confirm `[cancel, confirm]`, choose `[...options, cancel]`. */
  buttons: string[];
}

/**
 * Puts `request` at the end of `queue` until the test answers it (`resolve`)
 * or `signal` aborts (`aborted`, and it leaves the queue). Answered, it stops
 * listening: a screen's long-lived signal would otherwise collect one
 * listener per request.
 */
function waitInQueue<R, T>(queue: Array<{ request: R; answer(value: T): void }>, request: R, signal: AbortSignal | undefined, resolve: (value: T) => void, aborted: () => void): void {
  const onAbort = (): void => {
    const at = queue.indexOf(entry);
    if (at !== -1) queue.splice(at, 1);
    aborted();
  };
  const entry = {
    request,
    answer: (value: T) => {
      signal?.removeEventListener("abort", onAbort);
      resolve(value);
    },
  };
  queue.push(entry);
  signal?.addEventListener("abort", onAbort, { once: true });
}

interface QueuedAlert {
  request: AlertRequest;
  answer: (index: number | null) => void;
}

/**
 * The test host's alert presenter: alerts queue up until the test answers
 * them through the `alerts` driver of `typenative/testing`.
 */
export class TestAlerts implements AlertPresenter {
  #queue: QueuedAlert[] = [];

  present(request: AlertRequest, signal?: AbortSignal): Promise<number | null> {
    return new Promise((resolve) => waitInQueue(this.#queue, request, signal, resolve, () => resolve(null)));
  }

  /** Alerts on screen, oldest first. */
  pending(): PendingAlert[] {
    return this.#queue.map(({ request }) => ({
      kind: request.kind,
      title: request.title,
      message: request.message,
      buttons: request.buttons.slice(),
    }));
  }

  /** Presses a button of the oldest alert, by label or index. */
  respond(button: string | number): void {
    const entry = this.#oldest("respond");
    const buttons = entry.request.buttons;
    const index = typeof button === "number" ? button : buttons.indexOf(button);
    if (!Number.isInteger(index) || index < 0 || index >= buttons.length) {
      throw new Error(`alerts.respond(${JSON.stringify(button)}): the alert "${entry.request.title}" has buttons ${JSON.stringify(buttons)}`);
    }
    this.#queue.shift();
    entry.answer(index);
  }

  /** Dismisses the oldest alert (back button, tap outside). */
  dismiss(): void {
    const entry = this.#oldest("dismiss");
    this.#queue.shift();
    entry.answer(null);
  }

  /** Forgets every pending alert, answering each with a dismiss. */
  reset(): void {
    const queue = this.#queue;
    this.#queue = [];
    for (const entry of queue) entry.answer(null);
  }

  #oldest(method: string): QueuedAlert {
    const entry = this.#queue[0];
    if (entry === undefined) throw new Error(`alerts.${method}(): no alert is pending`);
    return entry;
  }
}

/** A camera request waiting for the test. */
export interface PendingCameraRequest {
  kind: "takePhoto" | "pickFromGallery";
  quality: number | undefined;
}

interface QueuedCamera {
  request: PendingCameraRequest;
  answer: (path: string | null) => void;
}

/** A programmable camera: requests wait until the test answers them through the `camera` driver. */
export class TestCamera implements CameraService {
  #queue: QueuedCamera[] = [];

  takePhoto(options: { quality?: number; signal?: AbortSignal }): Promise<string | null> {
    return this.#enqueue({ kind: "takePhoto", quality: options.quality }, options.signal);
  }

  pickFromGallery(options: { signal?: AbortSignal }): Promise<string | null> {
    return this.#enqueue({ kind: "pickFromGallery", quality: undefined }, options.signal);
  }

  pending(): PendingCameraRequest[] {
    return this.#queue.map((entry) => ({ ...entry.request }));
  }

  /** Answers the oldest request with a path/URI, or `null` for a user cancel. */
  respond(pathOrNull: string | null): void {
    if (pathOrNull !== null && typeof pathOrNull !== "string") throw new TypeError("camera.respond(pathOrNull): a string or null");
    const entry = this.#queue.shift();
    if (entry === undefined) throw new Error("camera.respond(): no camera request is pending");
    entry.answer(pathOrNull);
  }

  reset(): void {
    const queue = this.#queue;
    this.#queue = [];
    for (const entry of queue) entry.answer(null);
  }

  #enqueue(request: PendingCameraRequest, signal: AbortSignal | undefined): Promise<string | null> {
    return new Promise((resolve, reject) => waitInQueue(this.#queue, request, signal, resolve, () => reject(signal!.reason)));
  }
}
