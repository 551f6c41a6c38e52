"use client";

import { useEffect, useRef } from "react";
import type { Run } from "@/lib/client/run";
import { capturePoster } from "@/lib/history/poster";
import { getRun, listRuns, putRun } from "@/lib/history/store";
import { historyIdOf } from "@/lib/history/summary";
import { isTerminal } from "@/lib/polling";
import { savedRunFromRun } from "@/lib/runs/saved-run";

/** A run has ended when its task is final, or watching it stopped (by the user, the time limit or an error). */
export function hasEnded(run: Run): boolean {
  return isTerminal(run.task?.status) || !!run.stopped || !!run.error;
}

/**
 * Saves every run that ends into the history (IndexedDB, lib/history/store.ts), again when it ends again
 * after "Keep watching" (same id), then its poster frame once the video can play. A watch of a task the
 * history already has (the reload of a page whose address names the task) is not saved twice. Renders
 * nothing; loaded with the first run, not with the page.
 */
export default function HistoryRecorder({ run, model }: { run: Run | null; model: string }) {
  const saved = useRef(new Map<string, string>());
  const previous = useRef<Run | null>(null);
  useEffect(() => {
    const record = (ended: Run) => {
      const id = historyIdOf(ended);
      const state = [ended.exchanges.length, ended.task?.status, ended.error?.type, ended.stopped, ended.finishedAt].join("|");
      if (saved.current.get(id) === state) return;
      saved.current.set(id, state);
      void save(ended, id, model).catch((err) => console.warn("The history could not save this run:", err));
    };
    const before = previous.current;
    previous.current = run;
    // A run the user moved on from before it ended (Run again while it was still going) is kept too, as
    // stopped: its task exists upstream. One whose create had not been answered has nothing to keep.
    const moved = before && run && before !== run && historyIdOf(before) !== historyIdOf(run);
    if (moved && !hasEnded(before) && before.taskId) record({ ...before, stopped: "replaced" });
    if (run && hasEnded(run)) record(run);
  }, [run, model]);
  return null;
}

async function save(run: Run, id: string, model: string): Promise<void> {
  if (!run.request && run.taskId) {
    const known = (await listRuns()).some((s) => s.run.taskId === run.taskId && s.run.id !== id);
    if (known) return;
  }
  await putRun(savedRunFromRun(run, { id, model }));
  await addPoster(run, id);
}

/** Adds a saved run's poster frame and measured video once its video can play (variants use it too). */
export async function addPoster(run: Run, id: string): Promise<void> {
  const url = run.task?.output?.video_url;
  if (!url || (await getRun(id))?.poster) return;
  const poster = await capturePoster(url);
  if (!poster) return;
  const current = await getRun(id);
  if (!current) return;
  const { width, height, duration } = poster;
  await putRun({ ...current.run, video: { ...(current.run.video ?? { url }), width, height, duration } }, { poster: poster.blob });
}
