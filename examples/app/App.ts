/**
 * The example app: a stack with the home screen (the seed's screens, themed,
 * with tabs for the posts, a long list and settings) and a post's own screen
 * at `/post/:id` on the web.
 */
import * as pn from "typenative";
import { LongList } from "./LongList.js";
import { PostsScreen } from "./PostsScreen.js";
import { PostScreen } from "./PostScreen.js";
import { SettingsScreen } from "./SettingsScreen.js";
import { ThemeToggle } from "./ThemeToggle.js";
import { UserCard } from "./UserCard.js";
import { WelcomeBanner } from "./WelcomeBanner.js";
import { THEME_KEY, Theme, palettes, primaryButton, secondaryButton, type ThemeName } from "./theme.js";

export type Tab = "posts" | "rows" | "settings";

/** The app's screens and their params: `navigate("Post", { id })` is checked against it. */
export type AppParams = { Home: undefined; Post: { id: number } };

const Stack = pn.createStack<AppParams>();

/** What every screen needs from the app's props. */
const AppConfig = pn.createContext({ userId: 1, initialTab: "posts" as Tab }, "AppConfig");

/** URL paths of the screens (the web host keeps the address bar and back button in step). */
const LINKING: pn.LinkingOptions = { config: { screens: { Home: "", Post: "post/:id" } } };

export const App = pn.component(function App(props: { userId: number; initialTab?: Tab }) {
  const [themeName] = pn.usePersistedState<ThemeName>(THEME_KEY, "light");
  const theme = palettes[themeName] ?? palettes.light;
  const config = pn.useMemo(() => ({ userId: props.userId, initialTab: props.initialTab ?? "posts" }), [props.userId, props.initialTab]);
  return Theme.Provider(
    { value: theme },
    AppConfig.Provider(
      { value: config },
      pn.Column(
        pn.Column(
          pn.NavigationContainer(
            { linking: LINKING },
            Stack.Navigator(
              { initialRouteName: "Home" },
              Stack.Screen({ name: "Home", component: Home, options: { headerShown: false } }),
              Stack.Screen({ name: "Post", component: Post, options: { title: "Post" } }),
            ),
          ),
          { style: { width: "100%", maxWidth: 680, padding: 16, flexGrow: 1 } },
        ),
        {
          testID: "app",
          style: { flexGrow: 1, alignItems: "center", backgroundColor: theme.background, color: theme.text },
        },
      ),
    ),
  );
});

const Home = pn.component(function Home() {
  const { userId, initialTab } = pn.useContext(AppConfig);
  const theme = pn.useContext(Theme);
  const navigation = Stack.useNavigation();
  const [tab, setTab] = pn.useState<Tab>(initialTab);

  const tabButton = (id: Tab, label: string) =>
    pn.Button(label, {
      onClick: () => setTab(id),
      testID: `tab-${id}`,
      accessibilityRole: "tab",
      accessibilityState: { selected: tab === id },
      style: tab === id ? primaryButton(theme) : secondaryButton(theme),
    });

  return pn.Column(
    pn.Row(
      pn.Text("typenative", { style: { fontSize: 24, fontWeight: 800 } }),
      pn.Text("posts", { style: { fontSize: 24, color: theme.muted } }),
      pn.Spacer(),
      ThemeToggle(),
      { style: { alignItems: "baseline", spacing: 6 } },
    ),
    WelcomeBanner(),
    UserCard({ userId }),
    pn.Row(tabButton("posts", "Posts"), tabButton("rows", "10,000 rows"), tabButton("settings", "Settings"), {
      style: { spacing: 8 },
      accessibilityRole: "tablist",
    }),
    tab === "posts"
      ? PostsScreen({ userId, onOpen: (post) => void navigation.navigate("Post", { id: post.id }) })
      : tab === "rows"
        ? LongList()
        : SettingsScreen(),
    { style: { spacing: 16 } },
  );
});

const Post = pn.component(function Post() {
  return PostScreen({ userId: pn.useContext(AppConfig).userId });
});
