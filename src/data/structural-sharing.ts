/**
 * Returns `previous` when `next` is structurally equal to it, else `next`
 * with every subtree that equals its counterpart in `previous` replaced by
 * that counterpart (TanStack's `replaceEqualDeep`). Plain objects and arrays
 * are compared by content, everything else with `Object.is`. So a `select`
 * that builds a new array on each call still hands a component the same
 * object while the selected values stay the same.
 *
 * @example
 * ```ts
 * const a = [{ id: 1 }];
 * replaceEqualDeep(a, [{ id: 1 }]) === a; // true
 * ```
 */
export function replaceEqualDeep<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return previous as T;
  const array = Array.isArray(previous) && Array.isArray(next);
  if (!array && !(isPlainObject(previous) && isPlainObject(next))) return next;
  const prev = previous as Record<string, unknown>;
  const nextRecord = next as Record<string, unknown>;
  const prevKeys = array ? null : Object.keys(prev);
  const nextKeys = array ? null : Object.keys(nextRecord);
  const prevSize = array ? (previous as unknown[]).length : prevKeys!.length;
  const size = array ? (next as unknown[]).length : nextKeys!.length;
  const copy: Record<string, unknown> | unknown[] = array ? new Array(size) : {};
  let equalItems = 0;
  for (let i = 0; i < size; i++) {
    const key = array ? i : nextKeys![i]!;
    const value = replaceEqualDeep(prev[key as string], nextRecord[key as string]);
    (copy as Record<string | number, unknown>)[key] = value;
    if (value === prev[key as string] && (array || Object.prototype.hasOwnProperty.call(prev, key))) equalItems++;
  }
  return (prevSize === size && equalItems === prevSize ? previous : copy) as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
