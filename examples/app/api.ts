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

  async createPost(input: { authorId: number; body: string }): Promise<Post> {
    const response = await pn.fetch("/api/posts", { method: "POST", body: input });
    response.raiseForStatus();
    return response.json() as Post;
  },

  async deletePost(id: number): Promise<void> {
    const response = await pn.fetch(`/api/posts/${id}`, { method: "DELETE" });
    response.raiseForStatus();
  },
};
