/**
 * `typenative/node`: the Node host's services, for scripts, desktop tools and
 * tests with real files.
 *
 * Importing this module with `TYPENATIVE_STORAGE_DIR` set makes
 * `pn.AsyncStorage` keep its data in `<dir>/typenative-storage.json`, unless
 * the app (or `typenative/testing`) configured a backend explicitly — an
 * explicit choice wins in either import order.
 *
 * @example
 * ```ts
 * import * as pn from "typenative";
 * import { fileStorage } from "typenative/node";
 *
 * pn.AsyncStorage.configure({ backend: fileStorage("./data/app-storage.json") });
 * ```
 */
import { join } from "node:path";
import { setDefaultBackend } from "../../platform/storage.js";
import { fileStorage } from "./file-storage.js";

export { fileStorage, type FileStorageOptions, type StorageFs } from "./file-storage.js";

/** The file name used under `TYPENATIVE_STORAGE_DIR`. */
export const DEFAULT_STORAGE_FILE = "typenative-storage.json";

const storageDir = process.env.TYPENATIVE_STORAGE_DIR;
if (storageDir !== undefined && storageDir !== "") {
  setDefaultBackend(fileStorage(join(storageDir, DEFAULT_STORAGE_FILE)));
}
