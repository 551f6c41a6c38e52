"use client";

import { useLocale, useTranslations } from "next-intl";
import { type ButtonHTMLAttributes, useId, useState } from "react";
import { useExportTarget } from "@/components/playground/export-target";
import { useClipboard } from "@/lib/client/use-clipboard";
import { fetchClip } from "@/lib/history/poster";
import { addRuns, ClipQuotaError, deleteRun, dropClip, getRun, keepClip, type StoredRun } from "@/lib/history/store";
import { promptStart, summarize } from "@/lib/history/summary";
import { harFileName, harFromSavedRun } from "@/lib/runs/har";
import type { SavedRun } from "@/lib/runs/saved-run";
import { MODE_IDS, type ModeId } from "@/lib/spec/contract";
import { download, formatAge, formatBytes, formatSeconds, useObjectUrl } from "./format";
import type { Say } from "./history-toolbar";
import { smallButtonClass } from "./styles";

export type HistoryActions = {
  /** The page's model: restoring, running again and curl are for its runs. */
  model: string;
  onOpen: (id: string) => void;
  onRestore: (run: SavedRun) => void;
  onRunAgain: (run: SavedRun) => void;
  /** Opens the comparison of 2–4 selected runs (components/compare/). */
  onCompare?: (ids: string[]) => void;
};

const isMode = (mode: string | undefined): mode is ModeId => (MODE_IDS as readonly string[]).includes(mode ?? "");

const STATUS_CLASS: Record<string, string> = {
  succeeded: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200",
  failed: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200",
  error: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200",
  stopped: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200",
  unfinished: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

/** One run of the history: what it was (poster, mode, prompt, parameters, status, lengths, age) and what to do with it. */
export function HistoryItem({
  stored,
  now,
  shown,
  say,
  actions,
  selected,
  onSelect,
}: {
  stored: StoredRun;
  now: number;
  shown: boolean;
  say: Say;
  actions: HistoryActions;
  /** Whether the run is selected for the comparison; with `onSelect`, a checkbox selects it. */
  selected?: boolean;
  onSelect?: (on: boolean) => void;
}) {
  const t = useTranslations("history");
  const tc = useTranslations("compare");
  const locale = useLocale();
  const titleId = useId();
  const { run, poster, clipBytes } = stored;
  const summary = summarize(run);
  const posterUrl = useObjectUrl(poster);
  const target = useExportTarget();
  const { copied, copy } = useClipboard();
  const [keeping, setKeeping] = useState(false);
  const ours = run.model === actions.model;
  const videoUrl = run.task?.output?.video_url;
  const params = [
    summary.params.aspectRatio,
    summary.params.resolution,
    summary.params.duration !== undefined ? formatSeconds(summary.params.duration, locale) : undefined,
  ].filter(Boolean);
  const lengths = [
    summary.videoSeconds !== undefined ? t("item.video", { length: formatSeconds(summary.videoSeconds, locale) }) : null,
    summary.elapsedMs !== undefined ? t("item.took", { length: formatSeconds(summary.elapsedMs / 1000, locale, 0) }) : null,
  ].filter(Boolean);

  // Deleting is at once (like the other actions), with an undo: the run, its poster and its clip come back.
  const remove = async () => {
    const before = await getRun(run.id);
    await deleteRun(run.id);
    // True when the run is back (false: a run of that id is there again already).
    const undo = before
      ? async () =>
          (
            await addRuns(
              [before.run],
              before.clip ? new Map([[run.id, before.clip]]) : new Map(),
              before.poster ? new Map([[run.id, before.poster]]) : new Map(),
            )
          ).added.length > 0
      : undefined;
    say({ kind: "status", text: t("item.deleted"), undo });
  };

  const onKeep = async () => {
    if (!videoUrl) return;
    setKeeping(true);
    try {
      const fetched = await fetchClip(videoUrl);
      if (!fetched.ok) {
        const p = fetched.problem;
        say({
          kind: "alert",
          text:
            p.kind === "http"
              ? t("keep.http", { status: p.status })
              : p.kind === "blocked"
                ? t("keep.blocked")
                : t("keep.notVideo", { type: p.type }),
        });
        return;
      }
      await keepClip(run.id, fetched.blob);
      say({ kind: "status", text: t("keep.done", { size: formatBytes(fetched.blob.size, locale) }) });
    } catch (err) {
      say({ kind: "alert", text: err instanceof ClipQuotaError ? t("keep.quota", { size: formatBytes(err.bytes, locale) }) : String(err) });
    } finally {
      setKeeping(false);
    }
  };

  const onCurl = async () => {
    if (!run.request) return;
    const { toCurl } = await import("@/lib/handoff/curl");
    await copy(toCurl(run.request, target));
  };

  // The checkbox's name tells the runs apart (a list of equal "Select for comparison" boxes does not):
  // the title line, the prompt's start and the age, as the row shows them.
  const title = `${isMode(run.mode) ? t(`modes.${run.mode}`) : t("item.watched")} · ${run.model}`;
  const age = formatAge(run.startedAt, now, locale);
  const prompt = promptStart(run.request?.input.prompt, 41);
  const runName = [title, prompt, age].filter(Boolean).join(" · ");

  const elsewhere = ours ? undefined : t("item.otherModel", { model: run.model });
  // Restore, run again and curl need the run's request, in the model this page shows.
  const needsRequest = { disabled: !ours || !run.request, title: elsewhere };
  return (
    <li
      aria-labelledby={titleId}
      className={`flex gap-3 rounded-lg border p-2 ${shown ? "border-amber-400 bg-amber-50/60 dark:border-amber-700 dark:bg-amber-950/30" : "border-zinc-200 dark:border-zinc-800"}`}
    >
      {onSelect && (
        <input
          type="checkbox"
          checked={!!selected}
          onChange={(e) => onSelect(e.currentTarget.checked)}
          aria-label={tc("selectRun", { run: runName })}
          className="mt-1 shrink-0 accent-amber-600"
        />
      )}
      <div className="h-[54px] w-24 shrink-0 overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800">
        {posterUrl && (
          // biome-ignore lint/performance/noImgElement: a poster frame kept in IndexedDB (a blob: URL), nothing for next/image to optimise
          <img src={posterUrl} alt="" className="h-full w-full object-cover" />
        )}
      </div>
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <h3 id={titleId} className="font-medium">
            {title}
          </h3>
          <span className={`rounded-full px-2 py-0.5 text-xs ${STATUS_CLASS[summary.status]}`}>{t(`status.${summary.status}`)}</span>
          <time
            dateTime={run.ranAt}
            title={new Date(run.ranAt).toLocaleString(locale)}
            className="text-xs text-zinc-600 dark:text-zinc-400"
          >
            {age}
          </time>
        </div>
        {summary.prompt && <p className="truncate text-sm text-zinc-800 dark:text-zinc-200">{summary.prompt}</p>}
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {[...params, ...lengths].join(" · ")}
          {clipBytes !== undefined && <> · {t("item.clipKept", { size: formatBytes(clipBytes, locale) })}</>}
        </p>
        <div className="flex flex-wrap gap-1.5 pt-1">
          <Action describedBy={titleId} onClick={() => actions.onOpen(run.id)}>
            {t("item.open")}
          </Action>
          <Action describedBy={titleId} {...needsRequest} onClick={() => actions.onRestore(run)}>
            {t("item.restore")}
          </Action>
          <Action describedBy={titleId} {...needsRequest} onClick={() => actions.onRunAgain(run)}>
            {t("item.runAgain")}
          </Action>
          <Action describedBy={titleId} {...needsRequest} onClick={() => void onCurl()}>
            {copied ? t("item.copied") : t("item.curl")}
          </Action>
          {clipBytes !== undefined ? (
            <Action describedBy={titleId} onClick={() => void dropClip(run.id)}>
              {t("item.freeClip")}
            </Action>
          ) : (
            videoUrl && (
              <Action describedBy={titleId} disabled={keeping} onClick={() => void onKeep()}>
                {keeping ? t("item.keeping") : t("item.keepClip")}
              </Action>
            )
          )}
          <Action
            describedBy={titleId}
            onClick={() =>
              download(
                JSON.stringify(harFromSavedRun(run, { origin: window.location.origin }), null, 2),
                harFileName(run),
                "application/json",
              )
            }
          >
            {t("item.har")}
          </Action>
          <Action describedBy={titleId} onClick={() => void remove()}>
            {t("item.delete")}
          </Action>
        </div>
      </div>
    </li>
  );
}

/** One of a run's actions: a small button described by the run's title line. */
function Action({ describedBy, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { describedBy: string }) {
  return <button type="button" className={smallButtonClass} aria-describedby={describedBy} {...props} />;
}
