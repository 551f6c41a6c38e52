/**
 * Light and dark themes: the user's choice (`light`, `dark`) or the system setting (`system`), applied as
 * `data-theme` on <html> by an inline script before the first paint, so the wrong theme never flashes.
 * Tailwind's `dark:` variant is driven by that attribute (see app/globals.css).
 */
export const THEMES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEMES)[number];
export const THEME_STORAGE_KEY = "nb2-theme";

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value);
}

/** Where the choice comes from: the user's stored choice (the guide) or the page's `?theme=` (the embed). */
export type ThemeSource = "storage" | "query";

/**
 * The script that runs in <head> before the body is painted. It applies the stored choice (or, for the
 * embed, the `theme` query parameter the host page set), falling back to the system setting, which is
 * followed live while the choice is `system`.
 */
export function themeScript(source: ThemeSource): string {
  return `(function(){var d=document.documentElement,k=${JSON.stringify(THEME_STORAGE_KEY)},q=${JSON.stringify(source === "query")},m=window.matchMedia("(prefers-color-scheme: dark)");
function ok(v){return v==="light"||v==="dark"||v==="system"}
function choice(){var v=null;try{v=q?new URLSearchParams(location.search).get("theme"):localStorage.getItem(k)}catch(e){}return ok(v)?v:"system"}
function apply(c){c=c||choice();var t=c==="system"?(m.matches?"dark":"light"):c;d.dataset.theme=t;d.dataset.themeChoice=c;d.style.colorScheme=t}
window.__nb2Theme={apply:apply};apply();m.addEventListener("change",function(){if(d.dataset.themeChoice==="system")apply("system")})})();`;
}

/** Applies and (unless the page forces a theme) persists a choice; for the theme switch. */
export function setTheme(choice: ThemeChoice, persist = true): void {
  if (persist) {
    try {
      localStorage.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // Storage can be unavailable (private modes, third-party frames): the choice still applies now.
    }
  }
  const api = (window as unknown as { __nb2Theme?: { apply: (c: ThemeChoice) => void } }).__nb2Theme;
  api?.apply(choice);
}
