"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { Run } from "@/lib/client/run";
import { isTerminal } from "@/lib/polling";

type Status = "watching" | "creating" | "queued" | "running" | "succeeded" | "failed" | "error" | "notWatching";

/** The status the bar shows: the task's own, unless watching ended before the task did. */
function statusOf(run: Run): Status {
  if (isTerminal(run.task?.status)) return run.task!.status as Status;
  if (run.error) return "error";
  if (run.stopped) return "notWatching";
  return (run.task?.status as Status | undefined) ?? (run.taskId ? "watching" : "creating");
}

const TONE: Record<Status, string> = {
  watching: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200",
  creating: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200",
  queued: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  running: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  succeeded: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  error: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  notWatching: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200",
};

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** Status, progress and elapsed time of the run, announced politely to screen readers on change. */
export function TaskStatusBar({ run }: { run: Run }) {
  const t = useTranslations("playground.status");
  const format = useFormatter();
  const status = statusOf(run);
  const ended = run.finishedAt ?? (run.stopped || run.error ? Date.now() : undefined);
  const now = useNow(!ended);
  const elapsed = ((ended ?? now) - run.startedAt) / 1000;
  const progress = status === "succeeded" ? 100 : (run.task?.progress ?? 0);
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-3 text-sm">
        {/* The one live region of the run's status (polite): its text changes only when the status does, not with each poll or tick. */}
        <span role="status" aria-label={t("label")} className={`rounded-full px-2.5 py-0.5 font-medium ${TONE[status]}`}>
          {t(`words.${status}`)}
        </span>
        <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
          <span className="sr-only">{t("elapsed")} </span>
          {format.number(elapsed, {
            style: "unit",
            unit: "second",
            unitDisplay: "narrow",
            minimumFractionDigits: 1,
            maximumFractionDigits: 1,
          })}
        </span>
        <span className="tabular-nums text-zinc-600 dark:text-zinc-400">{format.number(progress / 100, { style: "percent" })}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t("progress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
        className="h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div
          className={`h-full transition-[width] duration-500 motion-reduce:transition-none ${status === "failed" || status === "error" ? "bg-red-500" : "bg-amber-500"}`}
          style={{ width: `${progress}%` }}
        />
      </div>
    </div>
  );
}
