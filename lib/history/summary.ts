/**
 * What the History panel shows of a saved run, and how it filters: pure, so it is unit-tested.
 */
import type { SavedRun } from "@/lib/runs/saved-run";

/** How a run ended: the task's final status, or why watching ended without one. */
export const RUN_STATUSES = ["succeeded", "failed", "stopped", "error", "unfinished"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export function runStatus(run: SavedRun): RunStatus {
  if (run.task?.status === "succeeded" || run.task?.status === "failed") return run.task.status;
  if (run.error) return "error";
  if (run.stopped) return "stopped";
  return "unfinished";
}

export type RunSummary = {
  status: RunStatus;
  /** The prompt's start, on one line. */
  prompt: string;
  /** The request's parameters besides the prompt and media: `16:9`, `720P`, `6 s`. */
  params: { aspectRatio?: string; resolution?: string; duration?: number };
  /** The video's length in seconds (measured, else reported, else asked for), when there is a video. */
  videoSeconds?: number;
  /** From start to end of the run, in ms. */
  elapsedMs?: number;
};

export function promptStart(prompt: string | undefined, max = 90): string {
  const line = (prompt ?? "").replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

export function summarize(run: SavedRun): RunSummary {
  const input = run.request?.input;
  const output = run.task?.output;
  const hasVideo = !!output?.video_url;
  return {
    status: runStatus(run),
    prompt: promptStart(input?.prompt),
    params: {
      aspectRatio: input?.aspect_ratio ?? output?.aspect_ratio,
      resolution: input?.resolution ?? output?.resolution,
      duration: input?.duration,
    },
    videoSeconds: hasVideo ? (run.video?.duration ?? output?.duration ?? input?.duration) : undefined,
    elapsedMs: run.finishedAt !== undefined ? Math.max(0, run.finishedAt - run.startedAt) : undefined,
  };
}

export type HistoryFilter = { mode: string; status: string; query: string };
export const ALL = "all";

/** The runs a filter lets through: by mode, by status, and a search in the prompt (case-insensitive, every word). */
export function filterRuns<T extends { run: SavedRun }>(items: readonly T[], { mode, status, query }: HistoryFilter): T[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return items.filter(({ run }) => {
    if (mode !== ALL && run.mode !== mode) return false;
    if (status !== ALL && runStatus(run) !== status) return false;
    if (!words.length) return true;
    const prompt = (run.request?.input.prompt ?? "").toLocaleLowerCase();
    return words.every((w) => prompt.includes(w));
  });
}

/**
 * The unit and count `Intl.RelativeTimeFormat` says an age in: `-3, "minute"`. Never in the future: the
 * panel's `now` ticks every 30 s, so a run started since the last tick (or in a tab whose clock runs
 * ahead) is clamped to `now` (0 seconds, said "now"), not "in 18 seconds".
 */
export function ageParts(thenMs: number, nowMs: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const seconds = Math.round((Math.min(thenMs, nowMs) - nowMs) / 1000) || 0;
  const abs = Math.abs(seconds);
  if (abs < 60) return { value: seconds, unit: "second" };
  if (abs < 3600) return { value: Math.round(seconds / 60), unit: "minute" };
  if (abs < 86_400) return { value: Math.round(seconds / 3600), unit: "hour" };
  return { value: Math.round(seconds / 86_400), unit: "day" };
}

/** The id a run is saved under: its Idempotency-Key (unique per run), or for a watched task its id and start. */
export function historyIdOf(run: { idempotencyKey?: string; taskId?: string; startedAt: number }): string {
  return run.idempotencyKey ?? `watch_${run.taskId ?? "none"}_${run.startedAt}`;
}
