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

/**
 * The script that runs in <head> before the body is painted. With `forced`, that choice wins and nothing
 * is read from or written to storage (the embed: the host page decides); otherwise the stored choice,
 * falling back to the system setting, which is followed live while the choice is `system`.
 */
export function themeScript(forced?: ThemeChoice): string {
  return `(function(){var d=document.documentElement,k=${JSON.stringify(THEME_STORAGE_KEY)},f=${JSON.stringify(forced ?? null)},m=window.matchMedia("(prefers-color-scheme: dark)");
function choice(){if(f)return f;try{var v=localStorage.getItem(k);if(v==="light"||v==="dark"||v==="system")return v}catch(e){}return "system"}
function apply(c){c=c||choice();var t=c==="system"?(m.matches?"dark":"light"):c;d.dataset.theme=t;d.dataset.themeChoice=c;d.style.colorScheme=t}
window.__nb2Theme={apply:apply,forced:f};apply();m.addEventListener("change",function(){if(d.dataset.themeChoice==="system")apply("system")})})();`;
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
