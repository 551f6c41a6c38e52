/**
 * The comparison's table as data: one row per parameter or result, one cell per run, and whether the
 * runs differ there (the row is highlighted). A value a run did not send (duration in Video Edit, an
 * image in Text-to-Video) is `null`, which differs from any sent value. The prompts' word-level diff
 * is `promptDiff`, against the first run.
 */
import { diffWords } from "diff";
import type { SavedRun } from "@/lib/runs/saved-run";

export type RowKey =
  | "model"
  | "mode"
  | "aspect_ratio"
  | "duration"
  | "resolution"
  | "image_url"
  | "reference_image_urls"
  | "video_url"
  | "status"
  | "frame"
  | "length"
  | "task_id";

export type CompareRow = { key: RowKey; values: (string | null)[]; differs: boolean };

const PARAMS = ["aspect_ratio", "duration", "resolution", "image_url", "reference_image_urls", "video_url"] as const;

function inputValue(run: SavedRun, key: (typeof PARAMS)[number]): string | null {
  const value = run.request?.input[key];
  if (value === undefined || value === "") return null;
  return Array.isArray(value) ? value.join("\n") : String(value);
}

/** The run's outcome in one word: the task's status, or why there is none. */
export function statusOf(run: SavedRun): string {
  if (run.task) return run.task.status;
  if (run.error) return "error";
  return run.stopped ? "stopped" : "unknown";
}

function frameOf(run: SavedRun): string | null {
  const o = run.task?.output;
  return o?.width && o.height ? `${o.width}×${o.height}` : null;
}

/** The output's length in seconds, as the upstream reported it. */
function lengthOf(run: SavedRun): string | null {
  const d = run.task?.output?.duration;
  return d === undefined ? null : String(d);
}

/**
 * Rows for the runs, in a fixed order; a media row appears only when some run sent that field. The
 * prompt is not a row here (see `promptDiff`).
 */
export function compareRows(runs: readonly SavedRun[]): CompareRow[] {
  const row = (key: RowKey, values: (string | null)[]): CompareRow => ({ key, values, differs: new Set(values).size > 1 });
  const rows = [
    row(
      "model",
      runs.map((r) => r.model),
    ),
    row(
      "mode",
      runs.map((r) => r.mode ?? null),
    ),
    ...PARAMS.map((key) =>
      row(
        key,
        runs.map((r) => inputValue(r, key)),
      ),
    ).filter((r) => !["image_url", "reference_image_urls", "video_url"].includes(r.key) || r.values.some((v) => v !== null)),
    row("status", runs.map(statusOf)),
    row("frame", runs.map(frameOf)),
    row("length", runs.map(lengthOf)),
    row(
      "task_id",
      runs.map((r) => r.taskId ?? null),
    ),
  ];
  // Every task id differs by nature: not worth a highlight.
  return rows.map((r) => (r.key === "task_id" ? { ...r, differs: false } : r));
}

export type DiffPart = { text: string; kind: "same" | "added" | "removed" };

// jsdiff's own word pattern knows Latin letters only: a Russian prompt would be diffed letter by letter.
// Intl.Segmenter (its documented option for other languages) finds the words of any script.
let words: Intl.Segmenter | undefined;
function wordSegmenter(): Intl.Segmenter | undefined {
  if (!words && typeof Intl.Segmenter === "function") words = new Intl.Segmenter(undefined, { granularity: "word" });
  return words;
}

/**
 * The prompt of each run against the first run's, word by word (jsdiff's diffWords): what the run
 * added, what it lacks, and what is the same. The first run's own diff is all "same".
 */
export function promptDiff(runs: readonly SavedRun[]): DiffPart[][] {
  const base = runs[0]?.request?.input.prompt ?? "";
  return runs.map((run, i) => {
    const prompt = run.request?.input.prompt ?? "";
    if (i === 0) return [{ text: prompt, kind: "same" }];
    return diffWords(base, prompt, { intlSegmenter: wordSegmenter() }).map((c) => ({
      text: c.value,
      kind: c.added ? "added" : c.removed ? "removed" : "same",
    }));
  });
}

/** Whether any two runs' prompts differ. */
export function promptsDiffer(runs: readonly SavedRun[]): boolean {
  return new Set(runs.map((r) => r.request?.input.prompt ?? "")).size > 1;
}
