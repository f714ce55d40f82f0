/**
 * Development switches. `dev` turns on the warnings meant for developers
 * (they cost a little); tests replace `warn` to assert on them.
 */
export const options = {
  dev: true,
  warn(message: string): void {
    console.warn(`[typenative] ${message}`);
  },
};
