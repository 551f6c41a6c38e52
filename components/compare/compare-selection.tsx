"use client";

import { useTranslations } from "next-intl";
import { MAX_COMPARE } from "./use-compare-ids";

/** The History panel's "compare the selected runs" bar: 2 to MAX_COMPARE runs open the comparison. */
export function CompareSelection({
  selected,
  onCompare,
  onClear,
}: {
  selected: string[];
  onCompare: (ids: string[]) => void;
  onClear: () => void;
}) {
  const t = useTranslations("compare");
  const ok = selected.length >= 2 && selected.length <= MAX_COMPARE;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">{t("selection", { count: selected.length, max: MAX_COMPARE })}</span>
      <button
        type="button"
        disabled={!ok}
        onClick={() => {
          onCompare(selected);
          onClear();
        }}
        className="rounded-md border border-zinc-300 px-2.5 py-1 font-medium hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {t("open")}
      </button>
    </div>
  );
}
