/** The example app: the seed's screens on one page, themed, with a tab for a long list. */
import * as pn from "typenative";
import { LongList } from "./LongList.js";
import { PostsScreen } from "./PostsScreen.js";
import { ThemeToggle } from "./ThemeToggle.js";
import { UserCard } from "./UserCard.js";
import { WelcomeBanner } from "./WelcomeBanner.js";
import { THEME_KEY, Theme, palettes, primaryButton, secondaryButton, type ThemeName } from "./theme.js";

export type Tab = "posts" | "rows";

export const App = pn.component(function App(props: { userId: number; initialTab?: Tab }) {
  const [themeName] = pn.usePersistedState<ThemeName>(THEME_KEY, "light");
  const [tab, setTab] = pn.useState<Tab>(props.initialTab ?? "posts");
  const theme = palettes[themeName] ?? palettes.light;

  const tabButton = (id: Tab, label: string) =>
    pn.Button(label, {
      onClick: () => setTab(id),
      testID: `tab-${id}`,
      accessibilityRole: "tab",
      accessibilityState: { selected: tab === id },
      style: tab === id ? primaryButton(theme) : secondaryButton(theme),
    });

  return Theme.Provider(
    { value: theme },
    pn.Column(
      pn.Column(
        pn.Row(
          pn.Text("typenative", { style: { fontSize: 24, fontWeight: 800 } }),
          pn.Text("posts", { style: { fontSize: 24, color: theme.muted } }),
          pn.Spacer(),
          ThemeToggle(),
          { style: { alignItems: "baseline", spacing: 6 } },
        ),
        WelcomeBanner(),
        UserCard({ userId: props.userId }),
        pn.Row(tabButton("posts", "Posts"), tabButton("rows", "10,000 rows"), { style: { spacing: 8 }, accessibilityRole: "tablist" }),
        tab === "posts" ? PostsScreen({ userId: props.userId }) : LongList(),
        { style: { width: "100%", maxWidth: 680, padding: 16, spacing: 16 } },
      ),
      {
        testID: "app",
        style: { flexGrow: 1, alignItems: "center", backgroundColor: theme.background, color: theme.text },
      },
    ),
  );
});
