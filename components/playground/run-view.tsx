"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { Dispatch } from "react";
import { WithTimeZone } from "@/components/i18n/intl-provider";
import { useRetryWords } from "@/components/i18n/use-retry-words";
import { SaveRecordingButton } from "@/components/recording/save-recording-button";
import { isWatching, type Run, type RunAction } from "@/lib/client/run";
import { isTerminal } from "@/lib/polling";
import { MODE_IDS, type ModeId, modeLabel, POLLING, RETRY_WORDS } from "@/lib/spec/contract";
import { ErrorCard } from "./error-card";
import { ExchangeList } from "./exchange-list";
import { RunRequestExport } from "./run-request-export";
import { TaskStatusBar } from "./task-status-bar";
import { VideoResult } from "./video-result";

const buttonClass = "rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** A run opened from the history: when it ran, its model, its kept clip (an object URL) and how to go back to the live run. */
export type SavedRunShown = { model: string; ranAt: string; clipUrl?: string; onClose: () => void };

/**
 * One run as it moves: its request, status, notes, errors, video and the timeline of exchanges and waits.
 * A saved run (`saved`) is shown as it was when it ended, marked as such, with nothing to stop or resume;
 * a recording being replayed (`live` false) shows the same, without the controls of a live run.
 */
export function RunView({
  run,
  dispatch,
  saved,
  live: liveProp = true,
}: {
  run: Run;
  dispatch: Dispatch<RunAction>;
  saved?: SavedRunShown;
  live?: boolean;
}) {
  const live = liveProp && !saved;
  const t = useTranslations("playground.runView");
  const sayRetry = useRetryWords();
  const ended = isTerminal(run.task?.status) || (!!run.finishedAt && !isWatching(run));
  const reported = run.task?.mode;
  const mode = run.request?.mode ?? ((MODE_IDS as readonly string[]).includes(reported ?? "") ? (reported as ModeId) : undefined);
  const label = mode ? modeLabel(mode) : t("watching");
  return (
    <WithTimeZone>
      <div className="space-y-4">
        {saved && <SavedBanner saved={saved} />}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {label}
          {run.taskId && (
            <>
              {" · "}
              {/* An output (the result of Run) can carry a name; a plain span's aria-label is ignored. */}
              <output className="font-mono" aria-label={t("taskId")}>
                {run.taskId}
              </output>
            </>
          )}
        </p>
        {run.request && <RunRequestExport request={run.request} />}
        <TaskStatusBar run={run} />
        {live && isWatching(run) && (
          <button type="button" onClick={() => dispatch({ type: "stop", reason: "user" })} className={buttonClass}>
            {t("stop")}
          </button>
        )}
        {live && run.stopped && (
          <div
            role="status"
            aria-label={t("stopped")}
            className="rounded-lg border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900"
          >
            {sayRetry(run.stopped === "time-limit" ? RETRY_WORDS.timeLimit(Math.round(POLLING.timeLimitMs / 60_000)) : RETRY_WORDS.stopped)}{" "}
            <button
              type="button"
              onClick={() => dispatch({ type: "resume", now: Date.now() })}
              className="font-medium text-amber-700 underline dark:text-amber-400"
            >
              {t("keep")}
            </button>
          </div>
        )}
        {run.notes.map((note) => (
          <p
            key={JSON.stringify(note)}
            role="status"
            aria-label={t("notes")}
            className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm dark:border-emerald-900 dark:bg-emerald-950/40"
          >
            {sayRetry(note)}
          </p>
        ))}
        {run.error && (
          <>
            <ErrorCard error={run.error} />
            {live && run.taskId && (
              <button type="button" onClick={() => dispatch({ type: "resume", now: Date.now() })} className={buttonClass}>
                {t("keep")}
              </button>
            )}
          </>
        )}
        {run.task?.status === "failed" && run.task.error && (
          <ErrorCard error={{ status: 200, type: run.task.error.type, message: run.task.error.message }} taskFailed />
        )}
        {run.task?.status === "succeeded" && run.task.output && <VideoResult output={run.task.output} keptSrc={saved?.clipUrl} />}
        {live && ended && <SaveRecordingButton run={run} />}
        <ExchangeList exchanges={run.exchanges} waits={run.waits} />
      </div>
    </WithTimeZone>
  );
}

function SavedBanner({ saved }: { saved: SavedRunShown }) {
  const t = useTranslations("history.saved");
  const format = useFormatter();
  return (
    <div
      role="note"
      aria-label={t("label")}
      className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-sky-300 bg-sky-50 p-3 text-sm dark:border-sky-800 dark:bg-sky-950/40"
    >
      <p>
        <span className="font-medium">{t("title")}</span>{" "}
        {t("when", { model: saved.model, date: format.dateTime(new Date(saved.ranAt), { dateStyle: "medium", timeStyle: "short" }) })}{" "}
        {saved.clipUrl ? t("clip") : t("url")}
      </p>
      <button type="button" onClick={saved.onClose} className={buttonClass}>
        {t("back")}
      </button>
    </div>
  );
}
