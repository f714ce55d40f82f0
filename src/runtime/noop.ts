/**
 * Does nothing: what a `.catch(noop)` uses to mark a rejection as handled,
 * and the placeholder of a callback not set yet. One shared function, so a
 * bundle carries it once instead of once per module.
 */
export function noop(): void {}
