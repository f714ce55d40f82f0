/** The seed's UserCard: one query, a loading state, an error state and a refresh. */
import * as pn from "typenative";
import { api } from "./api.js";
import { PhotoPicker } from "./PhotoPicker.js";
import { Theme, cardStyle, secondaryButton } from "./theme.js";

export const UserCard = pn.component(function UserCard(props: { userId: number }) {
  const { userId } = props;
  const q = pn.useQuery((signal) => api.getUser(userId, signal), [userId]);
  const theme = pn.useContext(Theme);
  const [photo, setPhoto] = pn.useState<string | null>(null);

  let body: pn.Child;
  if (q.loading && q.data === undefined) {
    body = pn.Text("Loading…", { testID: "user-loading", style: { color: theme.muted } });
  } else if (q.error && q.data === undefined) {
    body = pn.Text(`Error: ${describe(q.error)}`, { style: { color: theme.danger } });
  } else {
    const user = q.data!;
    const avatar = photo
      ? pn.Image(photo, { alt: `${user.name}'s photo`, testID: "avatar", style: avatarStyle(theme.accent) })
      : pn.Text(initials(user.name), { testID: "avatar", style: { ...avatarStyle(theme.accent), color: theme.accentText, fontSize: 20, fontWeight: 700, textAlign: "center", lineHeight: 56 } });
    body = pn.Row(
      avatar,
      pn.Column(
        pn.Text(user.name, { testID: "user-name", style: { fontSize: 18, fontWeight: 700 } }),
        pn.Text(user.email, { style: { color: theme.muted } }),
        pn.Text(user.bio),
        { style: { flex: 1, spacing: 2 } },
      ),
      pn.Column(
        pn.Button(q.loading ? "Refreshing…" : "Refresh", { onClick: q.refetch, testID: "refresh-user", style: secondaryButton(theme) }),
        PhotoPicker({ onPicked: setPhoto }),
        { style: { spacing: 6 } },
      ),
      { style: { spacing: 12, alignItems: "center" } },
    );
  }
  return pn.View(body, { testID: "user-card", style: cardStyle(theme) });
});

function avatarStyle(background: string): pn.Style {
  return { width: 56, height: 56, borderRadius: 28, backgroundColor: background, objectFit: "cover" };
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
