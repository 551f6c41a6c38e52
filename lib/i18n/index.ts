/**
 * Two languages, served as `/` (English) and `/ru` (Russian, the customer's own language). Messages live
 * in messages/*.json; the contract's texts are English in lib/spec/contract.ts and translated under `spec`
 * in the other languages' files; each model's texts are in its spec, in every language. Everything here runs in server components, so no message reaches the browser's
 * bundle.
 */
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import { type ContractTexts, englishContractTexts } from "./spec-texts";

export type Messages = typeof en;
type Translation = Messages & { spec: ContractTexts };

export const LOCALES = [
  { code: "en", name: "English", path: "/" },
  { code: "ru", name: "Русский", path: "/ru" },
] as const;
export type Locale = (typeof LOCALES)[number]["code"];
export const DEFAULT_LOCALE: Locale = "en";

// The type annotation makes the compiler check that ru.json has every message en.json has.
const translations: Record<Exclude<Locale, "en">, Translation> = { ru: ru as Translation };

export function isLocale(value: string): value is Locale {
  return LOCALES.some((l) => l.code === value);
}

export function messagesFor(locale: Locale): Messages {
  return locale === "en" ? en : translations[locale];
}

/** The contract's user-facing texts (mode descriptions, the error table) in `locale`. */
export function contractTextsFor(locale: Locale): ContractTexts {
  return locale === "en" ? englishContractTexts() : translations[locale].spec;
}

/** The URL of a page in `locale`: `path` is the page's path without the language prefix (`""` for the home guide). */
export function localePath(locale: Locale, path: string): string {
  const prefix = LOCALES.find((l) => l.code === locale)!.path.replace(/\/$/, "");
  return prefix + path || "/";
}

/** Replaces `{name}` placeholders. */
export function format(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}

/** Joins values the way the language does: `6 or 10`, `6 или 10`. */
export function joinOr(values: readonly (string | number)[], or: string): string {
  const items = values.map(String);
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${or} ${items[items.length - 1]}`;
}
