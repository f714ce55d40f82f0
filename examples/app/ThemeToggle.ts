/** The seed's ThemeToggle: a persisted setting, loaded on mount and written on change. */
import * as pn from "typenative";
import { THEME_KEY, Theme, secondaryButton, type ThemeName } from "./theme.js";

export const ThemeToggle = pn.component(function ThemeToggle() {
  const [theme, setTheme] = pn.usePersistedState<ThemeName>(THEME_KEY, "light");
  const palette = pn.useContext(Theme);
  return pn.Button(`Theme: ${theme}`, {
    onClick: () => setTheme(theme === "light" ? "dark" : "light"),
    testID: "theme-toggle",
    style: secondaryButton(palette),
  });
});
