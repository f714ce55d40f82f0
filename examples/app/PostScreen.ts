/**
 * One post, opened from the list (a stack screen at `/post/:id`). It has a
 * small composer to quote the post in a new one; leaving with an unsent
 * reply asks "Discard draft?" first (a `beforeRemove` guard).
 */
import * as pn from "typenative";
import { api } from "./api.js";
import { Theme, cardStyle, primaryButton } from "./theme.js";
import type { AppParams } from "./App.js";

export const PostScreen = pn.component(function PostScreen(props: { userId: number }) {
  const route = pn.useRoute<AppParams, "Post">();
  const navigation = pn.useNavigation<AppParams>();
  const theme = pn.useContext(Theme);
  const posts = pn.useQuery((signal) => api.listPosts(props.userId, signal), [props.userId], { key: ["posts", props.userId] });
  const [reply, setReply] = pn.useState("");
  const [sending, send] = pn.useMutation(api.createPost);
  const post = posts.data?.find((p) => p.id === route.params.id);

  pn.useEffect(
    () =>
      navigation.addListener("beforeRemove", (event) => {
        if (reply.trim() === "") return;
        event.preventDefault();
        void pn.Alert.confirm("Discard draft?", "Your reply has not been posted.", { confirmLabel: "Discard" }).then((discard) => {
          if (discard) void navigation.dispatch(event.data.action);
        });
      }),
    [navigation, reply],
  );

  async function quote(): Promise<void> {
    if (post === undefined || !reply.trim()) return;
    await send({ authorId: props.userId, body: `“${post.body}” — ${reply.trim()}` });
    setReply("");
    pn.queryClient.invalidate(["posts", props.userId]);
    await navigation.goBack();
  }

  if (post === undefined) {
    return posts.loading
      ? pn.Column(pn.ActivityIndicator(), pn.Text("Loading…"), { style: { padding: 16, spacing: 8, alignItems: "center" } })
      : pn.Text(`Post ${route.params.id} is gone.`, { style: { padding: 16, color: theme.muted } });
  }
  return pn.ScrollView(
    pn.Column(
      pn.Text(post.body, { testID: "post-detail-body", style: { fontSize: 18 } }),
      pn.Text(new Date(post.createdAt).toLocaleString(), { style: { color: theme.muted, fontSize: 12 } }),
      { style: { ...cardStyle(theme), spacing: 6 } },
    ),
    pn.TextInput({ value: reply, onChange: setReply, placeholder: "Quote it in a new post", label: "Reply", testID: "reply" }),
    pn.Button(sending.loading ? "Posting…" : "Post quote", { onClick: () => pn.runAsync(quote()), disabled: sending.loading, style: primaryButton(theme) }),
    { style: { padding: 16, spacing: 12 }, testID: "post-screen" },
  );
});
