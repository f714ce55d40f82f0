/**
 * Where `AsyncStorage` keeps its strings. Every method is async; a resolved
 * `set` must be durable for backends that persist (a crash right after it
 * loses nothing). `flush` (optional) resolves once every accepted write has
 * reached the medium.
 */
export interface StorageBackend {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
  keys(): Promise<string[]>;
  clear(): Promise<void>;
  flush?(): Promise<void>;
}
