/** The languages, without their messages: safe to import from client components. */
export const LOCALES = [
  { code: "en", name: "English", path: "/" },
  { code: "ru", name: "Русский", path: "/ru" },
] as const;
export type Locale = (typeof LOCALES)[number]["code"];
