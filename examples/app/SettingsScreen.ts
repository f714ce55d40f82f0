/** Settings: the theme as a Switch (persisted), and what the system prefers. */
import * as pn from "typenative";
import { THEME_KEY, Theme, cardStyle, type ThemeName } from "./theme.js";

export const SettingsScreen = pn.component(function SettingsScreen() {
  const [theme, setTheme] = pn.usePersistedState<ThemeName>(THEME_KEY, "light");
  const palette = pn.useContext(Theme);
  const system = pn.useColorScheme();
  const [about, setAbout] = pn.useState(false);
  return pn.Column(
    pn.Row(
      pn.Text("Dark theme", { style: { flexGrow: 1 } }),
      pn.Switch({ value: theme === "dark", onChange: (dark) => setTheme(dark ? "dark" : "light"), accessibilityLabel: "Dark theme", testID: "dark-switch" }),
      { style: { alignItems: "center" } },
    ),
    pn.Text(`Your system prefers ${system}.`, { style: { color: palette.muted } }),
    pn.Button(`Use the system's (${system})`, { onClick: () => setTheme(system), style: { alignSelf: "flex-start" } }),
    pn.Button("About", { onClick: () => setAbout(true), style: { alignSelf: "flex-start" } }),
    pn.Modal(
      pn.Column(
        pn.Text("typenative example", { style: { fontWeight: "700" } }),
        pn.Text(`Running on ${pn.Platform.OS}.`),
        pn.Button("Close", { onClick: () => setAbout(false) }),
        { style: { ...cardStyle(palette), spacing: 8 } },
      ),
      { visible: about, onRequestClose: () => setAbout(false), accessibilityLabel: "About typenative" },
    ),
    { style: { ...cardStyle(palette), spacing: 12 }, testID: "settings" },
  );
});
