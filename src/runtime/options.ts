/**
 * Development switches. `dev` turns on the checks and warnings meant for
 * developers (they cost a little); tests replace `warn` to assert on them.
 *
 * `dev` starts as `process.env.NODE_ENV !== "production"`: true in Node and
 * in a bundle built for development, false in a bundle built with
 * `process.env.NODE_ENV` defined as `"production"`. A page that loads
 * typenative without a bundler has no `process`, so `dev` starts false
 * there; define `globalThis.process = { env: {} }` before loading it to
 * get the dev checks.
 *
 * Every dev-only site is written
 *
 * ```ts
 * if (/* @__PURE__ *\/ isDev() && process.env.NODE_ENV !== "production") options.warn("…");
 * ```
 *
 * `isDev()` is checked first, so `process` is only read where it was
 * readable when the module loaded (or where a bundler replaced it); in a
 * production bundle the condition folds to `false` and the minifier drops the
 * check and its message. Setting `options.dev = true` in a production bundle
 * therefore turns nothing on: the checks are not there.
 *
 * Why a call marked pure rather than `options.dev`: `dev` is a getter, so a
 * minifier must keep the read, and every folded site used to leave
 * `(options.dev, "typenative #N")` behind in the bundle. A pure call whose
 * result is unused is dropped (esbuild, Rollup, webpack's Terser all honour
 * the annotation).
 */
/**
 * `process.env.NODE_ENV` is read directly, inside a `try`, rather than
 * behind `typeof process`: in a browser bundle `typeof process` is still
 * "undefined", which would hide the value the bundler put in. Where it cannot
 * be read (no bundler, no `process`) `dev` stays false. Where a bundler
 * replaced the read, both `try`s below fold away with their messages.
 */
let dev = false;
try {
  dev = process.env.NODE_ENV !== "production";
} catch {
  // No `process` (a page without a bundler): the checks stay off.
}

/** Whether the dev checks are on (`options.dev`); call it as `/* @__PURE__ *\/ isDev()` in a guard. */
export function isDev(): boolean {
  return dev;
}

export const options = {
  get dev(): boolean {
    return dev;
  },
  set dev(on: boolean) {
    if (on) {
      try {
        void process.env.NODE_ENV;
      } catch {
        throw new TypeError("options.dev = true: the dev checks read process.env.NODE_ENV; without a bundler, define globalThis.process = { env: {} } before loading typenative");
      }
    }
    dev = on === true;
  },
  warn(message: string): void {
    console.warn(`[typenative] ${message}`);
  },
};
