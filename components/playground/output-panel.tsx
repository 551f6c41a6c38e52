"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { Dispatch } from "react";
import type { Run, RunAction } from "@/lib/client/run";
import { unavailable } from "./chunk-unavailable";
import { WatchTaskForm } from "./watch-task-form";

// Everything a run shows (status, exchanges with the JSON view, the video, the request export) loads with
// the first run, not with the page.
// If that chunk cannot be fetched the task still runs; its id is in the address bar, so a reload watches it.
const RunView = dynamic(() => import("./run-view").then((m) => m.RunView, unavailable({ part: "runView" })), {
  loading: () => <RunLoading />,
});

/** A run from the history, shown as it was when it ended (not live); `clipUrl` plays its kept clip. */
export type ShownRun = { id: string; run: Run; model: string; ranAt: string; clipUrl?: string };

function RunLoading() {
  return <p className="text-sm text-zinc-600 dark:text-zinc-400">{useTranslations("playground.output")("loading")}</p>;
}

/** The output panel: the task's status as it moves, the rendered video and its timeline of exchanges and waits. */
export function OutputPanel({
  run,
  dispatch,
  onWatch,
  shown = null,
  onCloseShown,
}: {
  run: Run | null;
  dispatch: Dispatch<RunAction>;
  onWatch: (taskId: string) => void;
  shown?: ShownRun | null;
  onCloseShown?: () => void;
}) {
  const t = useTranslations("playground.output");
  return (
    <section aria-labelledby="output-heading" className="min-w-0 space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="output-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <WatchTaskForm onWatch={onWatch} />
      {shown ? (
        <RunView key={shown.id} run={shown.run} dispatch={dispatch} saved={{ ...shown, onClose: onCloseShown ?? (() => {}) }} />
      ) : !run ? (
        <p className="rounded-lg bg-zinc-50 p-6 text-sm text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">{t("empty")}</p>
      ) : (
        <RunView run={run} dispatch={dispatch} />
      )}
    </section>
  );
}
