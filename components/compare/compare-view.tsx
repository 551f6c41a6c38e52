"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Fragment } from "react";
import { compareRows, type DiffPart, promptDiff, promptsDiffer } from "@/lib/compare/rows";
import { runTimings } from "@/lib/compare/timings";
import { promptStart } from "@/lib/history/summary";
import type { SavedRun } from "@/lib/runs/saved-run";
import { MODE_IDS, type ModeId, modeLabel } from "@/lib/spec/contract";
import { ResultActions } from "./result-actions";
import { SyncedPlayers } from "./synced-players";

export type CompareEntry = {
  /** The run, once it has ended; a variant still under way has none yet. */
  run?: SavedRun;
  id: string;
  /** What the video element plays: a kept clip's object URL, else the result's URL. */
  src?: string;
  /** The run's poster frame (an object URL), shown until the video plays. */
  poster?: string;
  /** A variant still under way: its status in words. */
  pending?: string;
};

const cell = "border-b border-zinc-200 px-2 py-1.5 align-top dark:border-zinc-800";

const modeName = (mode: string | undefined) => (mode && (MODE_IDS as readonly string[]).includes(mode) ? modeLabel(mode as ModeId) : mode);

/** A short name for a run: its number, model, mode and the values a person tells runs apart by. */
export function entryLabel(run: SavedRun | undefined, index: number, seconds: (n: number) => string): string {
  if (!run) return `#${index + 1}`;
  const input = run.request?.input;
  const parts = [run.model, modeName(run.mode), input?.aspect_ratio, input?.duration !== undefined ? seconds(input.duration) : undefined];
  return `#${index + 1} ${parts.filter(Boolean).join(" · ")}`;
}

/** Each entry's label; runs whose labels would be the same (they differ only in their prompts) get the start of the prompt, so the columns can be told apart. */
export function entryLabels(runs: readonly (SavedRun | undefined)[], seconds: (n: number) => string): string[] {
  const plain = runs.map((run, i) => entryLabel(run, i, seconds).replace(/^#\d+ /, ""));
  return runs.map((run, i) => {
    const base = entryLabel(run, i, seconds);
    const prompt = promptStart(run?.request?.input.prompt, 28);
    if (!prompt || plain.filter((p) => p === plain[i]).length < 2) return base;
    return `${base} · ${prompt}`;
  });
}

const STATUSES = ["queued", "running", "succeeded", "failed", "error", "stopped", "unknown"] as const;

/** One part of a prompt's word diff: added words marked `ins`, missing ones `del` (screen readers name both). */
function DiffText({ part }: { part: DiffPart }) {
  if (part.kind === "added")
    return (
      <ins className="rounded bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-900/60 dark:text-emerald-100">{part.text}</ins>
    );
  if (part.kind === "removed")
    return <del className="rounded bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100">{part.text}</del>;
  return <span>{part.text}</span>;
}

/**
 * 2–4 runs side by side: their videos under one set of controls, their parameters in a table with the
 * rows that differ highlighted, the prompts' word-level differences against the first, and their
 * timings and statuses. Entries still under way (variants) show where they are.
 */
export function CompareView({ entries, onClose }: { entries: CompareEntry[]; onClose: () => void }) {
  const t = useTranslations("compare");
  const format = useFormatter();
  const ended = entries.filter((e): e is CompareEntry & { run: SavedRun } => !!e.run);
  const runs = ended.map((e) => e.run);
  const rows = compareRows(runs);
  const diffs = promptDiff(runs);
  const differ = promptsDiffer(runs);
  const secs = (n: number) => format.number(n, { style: "unit", unit: "second", unitDisplay: "narrow" });
  const labels = entryLabels(
    entries.map((e) => e.run),
    secs,
  );
  const cellText = (key: string, v: string) =>
    key === "mode"
      ? modeName(v)
      : key === "status" && (STATUSES as readonly string[]).includes(v)
        ? t(`status.${v as (typeof STATUSES)[number]}`)
        : key === "length"
          ? secs(Number(v))
          : v;
  const seconds = (ms: number | undefined) =>
    ms === undefined
      ? "—"
      : format.number(ms / 1000, {
          style: "unit",
          unit: "second",
          unitDisplay: "narrow",
          maximumFractionDigits: 1,
          minimumFractionDigits: 1,
        });

  return (
    <section aria-labelledby="compare-heading" className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-2">
        <h2 id="compare-heading" className="text-lg font-semibold">
          {t("title", { count: entries.length })}
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {t("close")}
        </button>
      </div>
      <SyncedPlayers
        sources={entries.map((e, i) => ({
          id: e.id,
          src: e.src,
          poster: e.poster,
          label: e.pending ? `${labels[i]} · ${e.pending}` : labels[i],
        }))}
        below={(i, video) => {
          const run = entries[i].run;
          const url = run?.task?.status === "succeeded" ? run.video?.url : undefined;
          return url ? <ResultActions videoUrl={url} video={video} /> : null;
        }}
      />
      {runs.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className={`${cell} w-32 font-medium text-zinc-600 dark:text-zinc-400`}>
                  {t("parameter")}
                </th>
                {ended.map((e) => (
                  <th key={e.id} scope="col" className={`${cell} font-medium`}>
                    {labels[entries.indexOf(e)]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className={differ ? "bg-amber-50 dark:bg-amber-950/40" : undefined} data-differs={differ || undefined}>
                <th scope="row" className={`${cell} font-medium`}>
                  {t("rows.prompt")}
                  {differ && <span className="sr-only"> ({t("differs")})</span>}
                </th>
                {diffs.map((parts, i) => (
                  <td key={ended[i].id} className={`${cell} whitespace-pre-wrap`}>
                    {parts.map((p, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never reorder
                      <Fragment key={j}>
                        {/* A replaced word: a space between the old and the new, so they do not read as one word (not for punctuation). */}
                        {parts[j - 1]?.kind === "removed" &&
                          p.kind === "added" &&
                          /[\p{L}\p{N}]$/u.test(parts[j - 1].text) &&
                          /^[\p{L}\p{N}]/u.test(p.text) &&
                          " "}
                        <DiffText part={p} />
                      </Fragment>
                    ))}
                  </td>
                ))}
              </tr>
              {rows.map((row) => (
                <tr
                  key={row.key}
                  className={row.differs ? "bg-amber-50 dark:bg-amber-950/40" : undefined}
                  data-differs={row.differs || undefined}
                >
                  <th scope="row" className={`${cell} font-medium`}>
                    {t(`rows.${row.key}`)}
                    {row.differs && <span className="sr-only"> ({t("differs")})</span>}
                  </th>
                  {row.values.map((v, i) => (
                    <td key={ended[i].id} className={`${cell} break-all ${row.key === "task_id" ? "font-mono text-xs" : ""}`}>
                      {v === null ? <span className="text-zinc-600 dark:text-zinc-400">{t("notSent")}</span> : cellText(row.key, v)}
                    </td>
                  ))}
                </tr>
              ))}
              {(["queuedMs", "runningMs", "totalMs"] as const).map((k) => (
                <tr key={k}>
                  <th scope="row" className={`${cell} font-medium`}>
                    {t(`rows.${k}`)}
                  </th>
                  {runs.map((run, i) => (
                    <td key={ended[i].id} className={`${cell} tabular-nums`}>
                      {seconds(runTimings(run)[k])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{t("timingsNote")}</p>
        </div>
      )}
    </section>
  );
}
