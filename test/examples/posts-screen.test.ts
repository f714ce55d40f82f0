// The seed's "How everything fits together" screen, written as the seed
// writes it, on the test host with virtual time: query, persisted draft,
// mutation, refetch and the fade-in, together.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pn from "typenative";
import { useCleanRuntime } from "../helpers/lifecycle.js";
import { render, settle } from "typenative/testing";

type Post = { id: number; authorId: number; body: string };

function makeApi() {
  const posts: Post[] = [{ id: 1, authorId: 1, body: "first post" }];
  const calls = { list: 0, create: 0 };
  return {
    calls,
    posts,
    async listPosts(userId: number, signal: AbortSignal): Promise<Post[]> {
      calls.list++;
      await pn.sleep(50, { signal });
      return posts.filter((p) => p.authorId === userId);
    },
    async createPost(post: Omit<Post, "id">): Promise<Post> {
      calls.create++;
      await pn.sleep(100);
      const created = { ...post, id: posts.length + 1 };
      posts.unshift(created);
      return created;
    },
  };
}

let api = makeApi();

const PostsScreen = pn.component(function PostsScreen({ userId }: { userId: number }) {
  const posts = pn.useQuery((signal) => api.listPosts(userId, signal), [userId]);
  const [draft, setDraft] = pn.usePersistedState(`draft.${userId}`, "");
  const [state, create] = pn.useMutation((post: Omit<Post, "id">) => api.createPost(post));

  const opacity = pn.useAnimatedValue(0);
  pn.useAsyncEffect((signal) => pn.Animated.timing(opacity, { to: 1, duration: 300, signal }), []);

  const submit = async () => {
    if (!draft.trim()) return;
    await create({ authorId: userId, body: draft });
    setDraft("");
    void posts.refetch();
  };

  return pn.Animated.View(
    pn.TextInput({ value: draft, onChange: setDraft, testID: "draft" }),
    pn.Button(state.loading ? "Posting…" : "Post", { onClick: () => pn.runAsync(submit()) }),
    pn.FlatList(posts.data ?? [], { renderItem: (p) => pn.Text(p.body), keyExtractor: (p) => p.id }),
    { style: { opacity, padding: 16, spacing: 8 }, testID: "screen" },
  );
});

const runtime = useCleanRuntime({ clearQueries: true });

describe("the seed's PostsScreen on the test host", () => {
  it("fades in to opacity 1 over 300 ms without re-rendering per frame", async () => {
    api = makeApi();
    const clock = runtime.fakeClock();
    const ui = render(PostsScreen({ userId: 1 }));
    const screen = ui.getByTestId("screen");
    assert.equal((screen.props.style as { opacity: number }).opacity, 0);
    await clock.advance(150);
    const mid = (screen.props.style as { opacity: number }).opacity;
    assert.ok(mid > 0 && mid < 1, `half way: ${mid}`);
    await clock.advance(150);
    assert.equal((screen.props.style as { opacity: number }).opacity, 1);
    assert.deepEqual(screen.props.style, { opacity: 1, padding: 16, spacing: 8 });
  });

  it("loads posts, posts a draft (Posting…), clears it and refetches", async () => {
    api = makeApi();
    const clock = runtime.fakeClock();
    const ui = render(PostsScreen({ userId: 1 }));
    assert.equal(ui.queryByText("first post"), null);
    await clock.advance(50);
    ui.getByText("first post");

    ui.changeText(ui.getByTestId("draft"), "hello world");
    await settle();
    assert.equal(await pn.AsyncStorage.getJson("draft.1"), "hello world");
    ui.press(ui.getByText("Post"));
    await settle();
    ui.getByText("Posting…");
    await clock.advance(100);
    ui.getByText("Post");
    assert.equal(ui.getByTestId("draft").props.value, "");
    await clock.advance(50);
    assert.deepEqual(ui.getByTestId("screen").children[2]!.children.map((row) => row.text), ["hello world", "first post"]);
    assert.equal(api.calls.create, 1);
    assert.equal(api.calls.list, 2);
    assert.equal(await pn.AsyncStorage.getJson("draft.1"), "");
  });

  it("an empty draft posts nothing; unmounting mid-fetch leaves nothing running", async () => {
    api = makeApi();
    const clock = runtime.fakeClock();
    const ui = render(PostsScreen({ userId: 1 }));
    ui.press(ui.getByText("Post"));
    await settle();
    assert.equal(api.calls.create, 0);
    await clock.advance(20);
    ui.unmount();
    await clock.advance(1000);
    assert.equal(pn.runtime.pendingTasks(), 0);
  });
});
