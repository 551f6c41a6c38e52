"use client";

import { useTranslations } from "next-intl";
import { useClipboard } from "@/lib/client/use-clipboard";

/**
 * A small button that copies `text`; its accessible name says what it copies, `idle` is its visible text.
 * It says "Copied" only while its current text is what it copied: not after the text changed under it
 * (the hand-off's format switched within the moment).
 */
export function CopyButton({ text, label, idle }: { text: string; label: string; idle?: string }) {
  const { copiedText, copy } = useClipboard();
  const t = useTranslations("ui");
  return (
    <button
      type="button"
      onClick={() => void copy(text)}
      aria-label={label}
      className="rounded border border-zinc-300 px-2 py-0.5 text-xs text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      {copiedText === text ? t("copied") : (idle ?? t("copy"))}
    </button>
  );
}
