/**
 * A fresh copy of a source module, evaluated anew (its module state reset):
 * what an app sees right after start-up, before code that `typenative/testing`
 * registers up front would be there. `url` is the module's path resolved
 * against the caller's `import.meta.url`; each call gets its own copy.
 */
let copies = 0;
export async function freshModule<M>(url: URL): Promise<M> {
  return (await import(`${url.href}?copy=${++copies}`)) as M;
}
