/**
 * Two languages, served as `/` (English) and `/ru` (Russian, the customer's own language).
 *
 * The catalogue: one file per language, messages/en.json and messages/ru.json, each an object of
 * namespaces (top-level keys, kept in alphabetical order so that branches adding namespaces merge
 * cleanly). The contract's texts are English in lib/spec/contract.ts and merged here as the `spec`
 * namespace (translated under `spec` in the other languages' files), and so are the validation messages'
 * words (lib/spec/validation-words.ts, the `validation` namespace: the API answers with the English) and
 * the retry policy's (RETRY_EN in lib/spec/contract.ts, the `retry` namespace); each model's texts are in its spec,
 * in every language. This module is the one place the files are loaded (server side only).
 *
 * Client components translate with next-intl: `useTranslations("<namespace>")` (and `useFormatter()` for
 * numbers, sizes, durations, dates). The pages wrap their client trees in `IntlProvider`
 * (components/i18n/intl-provider.tsx) with `clientMessages(locale)`: every namespace except those
 * listed in SERVER_ONLY_NAMESPACES. To add a namespace: add it to both files (same keys; the type below
 * makes the compiler check ru.json against en.json) and use it; nothing else changes.
 *
 * What next-intl gets is precompiled (icu-minify, next-intl's own compiler, run once per process here),
 * and next.config.ts points `use-intl/format-message` at its format-only runtime: the ICU parser stays
 * out of the browser's bundle. Messages are ICU: `{name}`, `{count, plural, …}`, `<b>…</b>`; a literal
 * `{` or `<` is quoted `'{'`. Except `spec`: the contract's texts are plain text (the guide shows them as
 * written, `<key>` and all), so they are passed as they are, which the format-only runtime returns verbatim.
 */
import compile from "icu-minify/compile";
import { type AbstractIntlMessages, createTranslator } from "next-intl";
import { RETRY_EN, type RetryKey } from "@/lib/spec/contract";
import { type Say, VALIDATION_EN, type ValidationTexts } from "@/lib/spec/validation-words";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import { type ContractTexts, englishContractTexts } from "./spec-texts";

export type Messages = typeof en;
type Translation = Messages & { retry: Record<RetryKey, string>; spec: ContractTexts; validation: ValidationTexts };
/** A whole catalogue: the file's namespaces and the contract's texts (`spec`). */
export type Catalogue = Translation;

import { LOCALES, type Locale, localePath } from "./locales";

export { LOCALES, type Locale, localePath };
export const DEFAULT_LOCALE: Locale = "en";

// The type annotation makes the compiler check that ru.json has every message en.json has.
const translations: Record<Exclude<Locale, "en">, Translation> = { ru: ru as Translation };

export function isLocale(value: string): value is Locale {
  return LOCALES.some((l) => l.code === value);
}

export function messagesFor(locale: Locale): Messages {
  return locale === "en" ? en : translations[locale];
}

/** Namespaces only server components read (the guide's prose and tables; the simulator's scenarios, translated by the Playground server component); the browser is not sent them. */
export const SERVER_ONLY_NAMESPACES = [
  "catalog",
  "errors",
  "examples",
  "footer",
  "guide",
  "markdown",
  "meta",
  "params",
  "simulate",
] as const;

/** Every message of `locale` as written, the contract's texts (`spec`) included. */
export function catalogueFor(locale: Locale): Catalogue {
  return locale === "en" ? { ...en, retry: RETRY_EN, spec: englishContractTexts(), validation: VALIDATION_EN } : translations[locale];
}

const compiled = new Map<Locale, AbstractIntlMessages>();

/** The catalogue of `locale` precompiled for next-intl (what lib/i18n/request.ts configures it with). */
export function intlMessages(locale: Locale): AbstractIntlMessages {
  let messages = compiled.get(locale);
  if (!messages) {
    // `markdown` is plain text with `{name}` placeholders (lib/guide/markdown.ts formats it with
    // format(); it quotes JSON with literal braces), read only through messagesFor: not ICU, not compiled.
    const { spec, markdown, ...icu } = catalogueFor(locale);
    messages = { ...(precompile(icu, "") as AbstractIntlMessages), spec, markdown: markdown as unknown as AbstractIntlMessages };
    compiled.set(locale, messages);
  }
  return messages;
}

/** The messages client components get (IntlProvider): the precompiled catalogue without SERVER_ONLY_NAMESPACES. */
export function clientMessages(locale: Locale): AbstractIntlMessages {
  const serverOnly: readonly string[] = SERVER_ONLY_NAMESPACES;
  return Object.fromEntries(Object.entries(intlMessages(locale)).filter(([ns]) => !serverOnly.includes(ns)));
}

function precompile(value: unknown, id: string): unknown {
  if (typeof value === "string") {
    try {
      // icu-minify returns plural and select options as null-prototype objects, which React refuses to
      // pass from a server component to a client one: the JSON round trip makes them plain.
      return JSON.parse(JSON.stringify(compile(value)));
    } catch (err) {
      throw new Error(`The message ${id} is not valid ICU: ${(err as Error).message}`);
    }
  }
  return Object.fromEntries(Object.entries(value as object).map(([key, v]) => [key, precompile(v, id ? `${id}.${key}` : key)]));
}

/** The contract's user-facing texts (mode descriptions, the error table) in `locale`. */
export function contractTextsFor(locale: Locale): ContractTexts {
  return locale === "en" ? englishContractTexts() : translations[locale].spec;
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

const says = new Map<Locale, Say>();

/** Validation messages in `locale` (server side; one function per language, so the schemas built with it are kept once). */
export function validationSay(locale: Locale): Say {
  let say = says.get(locale);
  if (!say) {
    const t = createTranslator({ locale, messages: intlMessages(locale) as unknown as Catalogue, namespace: "validation" });
    say = (key, values) => t(key, values);
    says.set(locale, say);
  }
  return say;
}
