/** The example's data model, shared by the API server and the app's client. */

export interface User {
  id: number;
  name: string;
  email: string;
  bio: string;
}

export interface Post {
  id: number;
  authorId: number;
  body: string;
  /** ISO 8601. */
  createdAt: string;
}
