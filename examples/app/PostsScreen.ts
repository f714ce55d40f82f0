/**
 * The seed's PostsScreen, the canonical "screen with data + form +
 * persistence + animations": a query for the posts, a persisted draft, a
 * mutation to create (and one to delete, behind `Alert.confirm`), and a
 * fade-in run by `Animated.timing` inside `useAsyncEffect`.
 */
import * as pn from "typenative";
import { api, createPost, type Post } from "./api.js";
import { Theme, cardStyle, primaryButton, secondaryButton, type Palette } from "./theme.js";

export const PostsScreen = pn.component(function PostsScreen(props: { userId: number; onOpen?: (post: Post) => void }) {
  const { userId, onOpen } = props;
  const theme = pn.useContext(Theme);
  // Keyed, so the post screen reads the same cache entry.
  const posts = pn.useQuery((signal) => api.listPosts(userId, signal), [userId], { key: ["posts", userId] });
  // Pull-to-refresh shows its spinner only for a refresh the user asked for.
  const [pulled, setPulled] = pn.useState(false);
  const [draft, setDraft] = pn.usePersistedState(`draft.${userId}`, "");
  // Durable: saved in the outbox first, posted when online (see api.ts).
  const [state, create] = pn.useMutation(createPost);
  const [removal, remove] = pn.useMutation(api.deletePost);

  const opacity = pn.useAnimatedValue(0);
  pn.useAsyncEffect((signal) => pn.Animated.timing(opacity, { to: 1, duration: 300, signal }), []);

  async function submit(): Promise<void> {
    if (!draft.trim()) return;
    const call = create({ authorId: userId, body: draft });
    // Saved in the outbox: it will reach the server, so the draft can go.
    await call.persisted;
    setDraft("");
  }

  async function confirmDelete(post: Post): Promise<void> {
    const sure = await pn.Alert.confirm("Delete this post?", post.body, { confirmLabel: "Delete" });
    if (!sure) return;
    await remove(post.id);
    posts.refetch();
  }

  let list: pn.Child;
  if (posts.loading && posts.data === undefined) {
    list = pn.Row(pn.ActivityIndicator(), pn.Text("Loading…", { testID: "posts-loading", style: { color: theme.muted } }), {
      style: { alignItems: "center", spacing: 8 },
    });
  } else if (posts.error && posts.data === undefined) {
    list = pn.Column(
      pn.Text(`Could not load posts: ${message(posts.error)}`, { style: { color: theme.danger } }),
      pn.Button("Try again", { onClick: posts.refetch, style: secondaryButton(theme) }),
    );
  } else if ((posts.data ?? []).length === 0) {
    list = pn.Text("No posts yet. Write the first one!", { testID: "posts-empty", style: { color: theme.muted } });
  } else {
    list = pn.FlatList(posts.data ?? [], {
      renderItem: (post) => PostItem({ post, onDelete: confirmDelete, ...(onOpen === undefined ? {} : { onOpen }) }),
      keyExtractor: (post) => post.id,
      testID: "posts",
      style: { spacing: 8 },
      refreshControl: pn.RefreshControl({
        refreshing: pulled && posts.loading,
        onRefresh: async () => {
          setPulled(true);
          await posts.refetch();
          setPulled(false);
        },
      }),
    });
  }

  return pn.Animated.View(
    pn.View(
      pn.TextInput({
        value: draft,
        onChange: setDraft,
        placeholder: "What's on your mind?",
        label: "Draft",
        multiline: true,
        testID: "draft",
        style: { minHeight: 72, backgroundColor: theme.background, color: theme.text, borderColor: theme.border },
      }),
      pn.Row(
        pn.Text(`${draft.length} / 2000`, { style: { color: theme.muted, fontSize: 13 } }),
        pn.Spacer(),
        pn.Button(state.loading && !state.queued ? "Posting…" : "Post", {
          onClick: () => pn.runAsync(submit()),
          disabled: state.loading && !state.queued,
          testID: "post-button",
          style: primaryButton(theme),
        }),
        { style: { alignItems: "center", spacing: 8 } },
      ),
      state.queued ? pn.Text("Saved offline — will post when online", { testID: "saved-offline", style: { color: theme.muted } }) : null,
      state.error ? pn.Text(`Could not post: ${message(state.error)}`, { style: { color: theme.danger } }) : null,
      removal.error ? pn.Text(`Could not delete: ${message(removal.error)}`, { style: { color: theme.danger } }) : null,
      { style: cardStyle(theme) },
    ),
    list,
    { style: { opacity, spacing: 12 }, testID: "posts-screen" },
  );
});

const PostItem = pn.component(function PostItem(props: { post: Post; onDelete: (post: Post) => Promise<void>; onOpen?: (post: Post) => void }) {
  const { post, onDelete, onOpen } = props;
  const theme = pn.useContext(Theme);
  return pn.Row(
    pn.Column(
      pn.Text(post.body, { testID: `post-body-${post.id}` }),
      pn.Text(new Date(post.createdAt).toLocaleString(), { style: { color: theme.muted, fontSize: 12 } }),
      { style: { flex: 1, spacing: 4 } },
    ),
    onOpen === undefined
      ? null
      : pn.Button("Open", { onClick: () => onOpen(post), accessibilityLabel: `Open post ${post.id}`, testID: `open-${post.id}`, style: secondaryButton(theme) }),
    pn.Button("Delete", {
      onClick: () => pn.runAsync(onDelete(post)),
      accessibilityLabel: `Delete post ${post.id}`,
      testID: `delete-${post.id}`,
      style: deleteStyle(theme),
    }),
    { testID: `post-${post.id}`, style: { ...cardStyle(theme), alignItems: "center", spacing: 12 } },
  );
});

function deleteStyle(theme: Palette): pn.Style {
  return { ...secondaryButton(theme), color: theme.danger };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
