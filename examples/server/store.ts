/**
 * The example API's data: users and posts kept in one JSON file under a data
 * directory. Reads come from memory; every change is written atomically
 * (temporary file, fsync, rename), one write at a time, so a crash never
 * leaves half a file behind. Memory changes only once the write succeeded:
 * a change whose write failed is not served, and not written later either.
 */
import { mkdir, open, readFile, rename } from "node:fs/promises";
import { join } from "node:path";

import type { Post, User } from "../model.js";

export type { Post, User };

interface Data {
  users: User[];
  posts: Post[];
  nextPostId: number;
}

/** The longest post body the API accepts, in characters. */
export const MAX_BODY_LENGTH = 2000;

/** Name of the data file inside the data directory. */
export const DATA_FILE = "example-api.json";

function seedData(): Data {
  const users: User[] = [
    { id: 1, name: "Ada Lovelace", email: "ada@example.com", bio: "Writes the first programs." },
    { id: 2, name: "Alan Turing", email: "alan@example.com", bio: "Thinks about machines that think." },
  ];
  const posts: Post[] = [
    { id: 1, authorId: 1, body: "Hello from typenative!", createdAt: "2025-01-01T09:00:00.000Z" },
    { id: 2, authorId: 1, body: "Every task has an owner.", createdAt: "2025-01-01T10:00:00.000Z" },
    { id: 3, authorId: 2, body: "Can machines think? Let's fetch and see.", createdAt: "2025-01-01T11:00:00.000Z" },
  ];
  return { users, posts, nextPostId: 4 };
}

function isData(value: unknown): value is Data {
  if (typeof value !== "object" || value === null) return false;
  const data = value as Partial<Data>;
  return Array.isArray(data.users) && Array.isArray(data.posts) && Number.isInteger(data.nextPostId);
}

/** Users and posts persisted in `<dataDir>/example-api.json`. Create with {@link openStore}. */
export class Store {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private data: Data,
  ) {}

  /**
   * Loads the data file, seeding it on first use. A file that is not valid
   * data is set aside as `<file>.corrupt-<time>` (never silently emptied) and
   * a fresh seed takes its place.
   */
  static async open(dataDir: string): Promise<Store> {
    await mkdir(dataDir, { recursive: true });
    const file = join(dataDir, DATA_FILE);
    let text: string | null = null;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    let data: Data | null = null;
    if (text !== null) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (isData(parsed)) data = parsed;
      } catch {
        // Handled below: the file is set aside.
      }
      if (data === null) {
        const aside = `${file}.corrupt-${Date.now()}`;
        await rename(file, aside);
        console.warn(`[example api] ${file} was not valid data; moved it to ${aside} and started fresh`);
      }
    }
    const store = new Store(file, data ?? seedData());
    if (data === null) await store.save();
    return store;
  }

  users(): User[] {
    return this.data.users.slice();
  }

  user(id: number): User | undefined {
    return this.data.users.find((u) => u.id === id);
  }

  /** Posts, newest first; only `authorId`'s when given. */
  posts(authorId?: number): Post[] {
    const all = authorId === undefined ? this.data.posts : this.data.posts.filter((p) => p.authorId === authorId);
    return all.slice().sort((a, b) => b.id - a.id);
  }

  /** Adds a post; resolves once it is on disk, rejects (adding nothing) when the write fails. */
  createPost(authorId: number, body: string): Promise<Post> {
    return this.change((draft) => {
      const post: Post = { id: draft.nextPostId++, authorId, body, createdAt: new Date().toISOString() };
      draft.posts.push(post);
      return post;
    });
  }

  /**
   * Removes a post; false when there was none with that id. Resolves once
   * on disk, rejects (removing nothing) when the write fails.
   */
  deletePost(id: number): Promise<boolean> {
    return this.change((draft) => {
      const index = draft.posts.findIndex((p) => p.id === id);
      if (index < 0) return NO_CHANGE;
      draft.posts.splice(index, 1);
      return true;
    }).then((result) => result !== NO_CHANGE);
  }

  /** Resolves once every accepted change is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  /**
   * Runs `edit` on a copy of the data when the previous write is done,
   * writes the copy, and only then makes it the data. Changes are queued,
   * so each edits the state every earlier successful change left. An edit
   * returning {@link NO_CHANGE} writes nothing.
   */
  private change<R>(edit: (draft: Data) => R): Promise<R> {
    const next = this.writing.then(async () => {
      // Posts are never mutated in place, so copying the list is enough.
      const draft: Data = { users: this.data.users, posts: this.data.posts.slice(), nextPostId: this.data.nextPostId };
      const result = edit(draft);
      if (result !== NO_CHANGE) {
        await writeAtomically(this.file, JSON.stringify(draft, null, 2));
        this.data = draft;
      }
      return result;
    });
    this.writing = next.then(noop, noop);
    return next;
  }

  private save(): Promise<void> {
    return this.change(() => undefined);
  }
}

/** What an edit returns when it found nothing to change. */
const NO_CHANGE: unique symbol = Symbol("no change");

function noop(): void {}

async function writeAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await open(tmp, "w");
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}
