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
  /**
   * The answer given to each `Idempotency-Key` (oldest first), written in
   * the same atomic write as the change it answers: a repeated key gets the
   * first answer, never a second write — also after a server restart.
   */
  replies?: Record<string, Reply>;
}

/** A recorded answer: status and JSON payload. */
export interface Reply {
  status: number;
  payload: unknown;
}

/** How many idempotency keys are remembered (the oldest are forgotten first). */
export const MAX_REPLIES = 10_000;

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
  return (
    Array.isArray(data.users) && Array.isArray(data.posts) && Number.isInteger(data.nextPostId) &&
    (data.replies === undefined || (typeof data.replies === "object" && data.replies !== null && !Array.isArray(data.replies)))
  );
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

  /** The answer recorded for an idempotency key, if any. */
  reply(key: string): Reply | undefined {
    const replies = this.data.replies;
    return replies !== undefined && Object.hasOwn(replies, key) ? replies[key] : undefined;
  }

  /**
   * Adds a post; resolves once it is on disk, rejects (adding nothing) when
   * the write fails. With an idempotency key already answered, adds nothing
   * and resolves with the post of the first answer (`replayed: true`).
   */
  async createPost(authorId: number, body: string, idempotencyKey?: string): Promise<Post> {
    return (await this.createPostOnce(authorId, body, idempotencyKey)).post;
  }

  /** {@link createPost}, telling whether the answer is a replay of an earlier one. */
  createPostOnce(authorId: number, body: string, idempotencyKey?: string): Promise<{ post: Post; replayed: boolean }> {
    return this.change((draft) => {
      if (idempotencyKey !== undefined && draft.replies !== undefined && Object.hasOwn(draft.replies, idempotencyKey)) {
        // Checked inside the queued change: two requests racing with one key still write once.
        return new NoChangeWith({ post: draft.replies[idempotencyKey]!.payload as Post, replayed: true });
      }
      const post: Post = { id: draft.nextPostId++, authorId, body, createdAt: new Date().toISOString() };
      draft.posts.push(post);
      if (idempotencyKey !== undefined) remember(draft, idempotencyKey, { status: 201, payload: post });
      return { post, replayed: false };
    }).then((result) => (result instanceof NoChangeWith ? (result.value as { post: Post; replayed: boolean }) : (result as { post: Post; replayed: boolean })));
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
      const draft: Data = { users: this.data.users, posts: this.data.posts.slice(), nextPostId: this.data.nextPostId, replies: this.data.replies };
      const result = edit(draft);
      if (result !== NO_CHANGE && !(result instanceof NoChangeWith)) {
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

/** What an edit returns when it changes nothing but has an answer (a replayed idempotency key). */
class NoChangeWith {
  constructor(readonly value: unknown) {}
}

/** Records `reply` under `key` in `draft` (copy on write), forgetting the oldest keys past {@link MAX_REPLIES}. */
function remember(draft: Data, key: string, reply: Reply): void {
  const replies: Record<string, Reply> = { ...draft.replies };
  replies[key] = reply;
  const keys = Object.keys(replies);
  for (let i = 0; i < keys.length - MAX_REPLIES; i++) delete replies[keys[i]!];
  draft.replies = replies;
}

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
