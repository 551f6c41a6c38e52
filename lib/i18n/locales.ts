/** The languages, without their messages: safe to import from client components. */
export const LOCALES = [
  { code: "en", name: "English", path: "/" },
  { code: "ru", name: "Русский", path: "/ru" },
] as const;
export type Locale = (typeof LOCALES)[number]["code"];

/** The URL of a page in `locale`: `path` is the page's path without the language prefix (`""` for the home guide). */
export function localePath(locale: Locale, path: string): string {
  const prefix = LOCALES.find((l) => l.code === locale)!.path.replace(/\/$/, "");
  return prefix + path || "/";
}
