export { runtime, createRuntime, currentRuntime, Runtime, logError, type ErrorHandler, type ErrorInfo, type RuntimeOptions } from "./runtime.js";
export { runAsync, Task, type Work } from "./task.js";
export { sleep } from "./sleep.js";
export { CancelledError, isCancellation, throwIfCancelled } from "./errors.js";
export { Loop } from "./loop.js";
export { Future } from "./future.js";
export { Scope } from "./scope.js";
export type { Clock, TimerHandle } from "./clock.js";
export type { Services, FrameSource, FrameHandle, AlertPresenter, AlertRequest, CameraService, HostSignal } from "./services.js";
