/** Element type of `pn.ErrorBoundary`. */
export const BOUNDARY_TYPE = Symbol.for("typenative.errorBoundary");

/** Marks a context object made by `createContext`; its Provider elements use the context as type. */
export const CONTEXT_MARK = Symbol.for("typenative.context");

export function isContextType(type: unknown): boolean {
  return typeof type === "object" && type !== null && (type as { [CONTEXT_MARK]?: unknown })[CONTEXT_MARK] === true;
}
