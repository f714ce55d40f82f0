/** Colours of the two themes, handed down through a context. */
import * as pn from "typenative";

export type ThemeName = "light" | "dark";

export interface Palette {
  name: ThemeName;
  background: string;
  card: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  accentText: string;
  danger: string;
}

export const palettes: Record<ThemeName, Palette> = {
  light: {
    name: "light",
    background: "#f4f5f7",
    card: "#ffffff",
    text: "#1d2433",
    muted: "#5c6577",
    border: "#dde1e8",
    accent: "#3457d5",
    accentText: "#ffffff",
    danger: "#c62828",
  },
  dark: {
    name: "dark",
    background: "#12151c",
    card: "#1c212b",
    text: "#e8ebf1",
    muted: "#9aa3b5",
    border: "#2e3543",
    accent: "#7b96ff",
    accentText: "#0b1020",
    danger: "#ff6b6b",
  },
};

/** The storage key both `App` and `ThemeToggle` persist the theme under (they stay in sync). */
export const THEME_KEY = "settings.theme";

export const Theme = pn.createContext<Palette>(palettes.light);

/** The card look shared by the screens. */
export function cardStyle(p: Palette): pn.Style {
  return { backgroundColor: p.card, borderColor: p.border, borderWidth: 1, borderRadius: 12, padding: 16, spacing: 8 };
}

/** A filled button. */
export function primaryButton(p: Palette): pn.Style {
  return { backgroundColor: p.accent, color: p.accentText, borderColor: p.accent, fontWeight: 600 };
}

/** An outlined button. */
export function secondaryButton(p: Palette): pn.Style {
  return { backgroundColor: "transparent", color: p.text, borderColor: p.border };
}
