"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback } from "react";
import type { RetryWords } from "@/lib/spec/contract";

/** The values of the retry policy's words that are seconds (written "1.5" by the policy, in any language). */
const SECONDS = new Set(["seconds", "retryAfter"]);

/**
 * Says the retry policy's words (lib/spec/contract.ts) in the page's language, with its seconds written
 * the way the language writes numbers ("1,5 с" in Russian, "1.5 s" in English).
 */
export function useRetryWords(): (words: RetryWords) => string {
  const tr = useTranslations("retry");
  const format = useFormatter();
  return useCallback(
    ({ key, values }: RetryWords) => {
      const said =
        values &&
        Object.fromEntries(
          Object.entries(values).map(([name, value]) =>
            SECONDS.has(name) && value !== "" && Number.isFinite(Number(value))
              ? [name, format.number(Number(value), { minimumFractionDigits: 1, maximumFractionDigits: 1 })]
              : [name, value],
          ),
        );
      return tr(key, said);
    },
    [tr, format],
  );
}
