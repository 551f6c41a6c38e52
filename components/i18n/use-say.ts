"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Say } from "@/lib/spec/validation-words";

const says = new Map<string, Say>();

/** Validation messages in the page's language (the `validation` namespace): one function per language, so schemas built with it are kept. */
export function useSay(): Say {
  const t = useTranslations("validation");
  const locale = useLocale();
  let say = says.get(locale);
  if (!say) {
    say = (key, values) => t(key, values);
    says.set(locale, say);
  }
  return say;
}
