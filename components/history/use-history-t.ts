"use client";

import en from "@/messages/en.json";
import ru from "@/messages/ru.json";

type Values = Record<string, string | number>;
type Tree = { [key: string]: string | Tree };

/** The page's language, as the server set it on <html lang>. */
export function pageLocale(): "en" | "ru" {
  return typeof document !== "undefined" && document.documentElement.lang.startsWith("ru") ? "ru" : "en";
}

/**
 * The History panel's messages (the `history` namespace of messages/*.json) in the page's language,
 * with `{name}` placeholders; the same call shape as next-intl's `useTranslations("history")`, which
 * replaces it once the playground's client components read their messages through next-intl. Loaded
 * with the panel's chunk only.
 */
export function useHistoryT(): (key: string, values?: Values) => string {
  const tree = (pageLocale() === "ru" ? ru.history : en.history) as Tree;
  return (key, values = {}) => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
    const text = typeof node === "string" ? node : key;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}
