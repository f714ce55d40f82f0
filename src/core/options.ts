/**
 * The development switches live in `runtime/options.ts`, the lowest layer,
 * so the runtime's own errors can keep their long explanations dev-only too.
 * Core, hosts and the rest import them from here as before.
 */
export { isDev, options } from "../runtime/options.js";
