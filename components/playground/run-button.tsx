"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

/** The performance mark `npm run bench:web` reads: set once, when the run button is hydrated (its handlers attached). */
export const USABLE_MARK = "run-button-usable";

/** The run button; when the form cannot run yet, it is disabled and says why right below itself. */
export function RunButton({ blocker, busy }: { blocker: string | null; busy: boolean }) {
  const t = useTranslations("playground.run");
  const disabled = !!blocker || busy;
  useEffect(() => {
    if (!performance.getEntriesByName(USABLE_MARK).length) performance.mark(USABLE_MARK);
  }, []);
  return (
    <div className="space-y-1.5 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <button
        type="submit"
        disabled={disabled}
        aria-describedby={blocker ? "nb2-run-blocker" : undefined}
        className="w-full rounded-lg bg-amber-500 px-4 py-2.5 text-sm font-semibold text-zinc-950 shadow-sm transition hover:bg-amber-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 disabled:cursor-not-allowed disabled:bg-zinc-200 disabled:text-zinc-500 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-400"
      >
        {busy ? t("creating") : t("button")}
      </button>
      {blocker && (
        <p id="nb2-run-blocker" className="text-sm text-zinc-600 dark:text-zinc-400">
          <span className="font-medium">{t("blocked")}</span> {blocker}
        </p>
      )}
    </div>
  );
}
