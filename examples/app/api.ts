/**
 * The example's API client, on `pn.fetch`. Every call takes the `signal`
 * its hook hands over, so a query that is superseded or unmounted aborts
 * its request.
 */
import * as pn from "typenative";

import type { Post, User } from "../model.js";

export type { Post, User };

export const api = {
  async getUser(id: number, signal?: AbortSignal): Promise<User> {
    const response = await pn.fetch(`/api/users/${id}`, { signal });
    response.raiseForStatus();
    return response.json() as User;
  },

  async listPosts(authorId: number, signal?: AbortSignal): Promise<Post[]> {
    const response = await pn.fetch("/api/posts", { params: { authorId }, signal });
    response.raiseForStatus();
    return response.json() as Post[];
  },

  async createPost(input: { authorId: number; body: string }, options: { signal?: AbortSignal; idempotencyKey?: string } = {}): Promise<Post> {
    const headers = options.idempotencyKey === undefined ? undefined : { "Idempotency-Key": options.idempotencyKey };
    const response = await pn.fetch("/api/posts", { method: "POST", body: input, headers, signal: options.signal });
    response.raiseForStatus();
    return response.json() as Post;
  },

  async deletePost(id: number): Promise<void> {
    const response = await pn.fetch(`/api/posts/${id}`, { method: "DELETE" });
    response.raiseForStatus();
  },
};

/**
 * Creating a post, offline-first: a durable mutation. Each call is written to
 * the outbox (in localStorage) before it is sent, survives going offline and
 * reloading the page, and replays in order; the idempotency key makes the
 * server create the post once however often the request arrives. Every
 * success — also a replay after a reload — refreshes the posts lists.
 */
export const createPost = pn.defineMutation(
  "posts.create",
  (input: { authorId: number; body: string }, context: pn.DurableContext) => api.createPost(input, context),
  { durable: true, onSuccess: () => pn.queryClient.invalidate(["posts"]) },
);
