/**
 * A recording replayed: the states the output panel went through while the recorded run happened, one
 * per moment something arrived. At each moment the run holds the exchanges answered by then (their JSON
 * appears when its answer came), the retry policy's waits begun by then and the latest task any answer
 * carried; the last state is the run as it ended, its video at the file beside the recording. Pure, so it
 * is unit-tested without a browser; components/recording/recording-replay.tsx plays the frames.
 */
import type { Run } from "@/lib/client/run";
import { runFromSavedRun, type SavedRun } from "@/lib/runs/saved-run";
import type { Task } from "@/lib/spec/schema";

/** `at`: ms since the recorded run started. */
export type ReplayFrame = { at: number; run: Run };

/** A video file named by a recording: beside its JSON, nothing else. */
const VIDEO_FILE_RE = /^[A-Za-z0-9_-][A-Za-z0-9._-]*\.(?:mp4|webm)$/;

function asTask(body: unknown): Task | undefined {
  const b = body as { task_id?: unknown; status?: unknown } | null;
  return b && typeof b === "object" && typeof b.task_id === "string" && typeof b.status === "string" ? (body as Task) : undefined;
}

/** The URL of a recording's video: its `video.file` resolved against the JSON's URL, or null when it names none (or names something not beside it). */
export function recordingVideoUrl(saved: SavedRun, jsonUrl: string): string | null {
  const file = saved.video?.file;
  return file && VIDEO_FILE_RE.test(file) ? new URL(file, jsonUrl).href : null;
}

/** The frames of `saved`, oldest first; the last one is the run as it ended, playing `videoUrl` when given. */
export function replayFrames(saved: SavedRun, videoUrl: string | null): ReplayFrame[] {
  const t0 = saved.startedAt;
  const end = runFromSavedRun(saved);
  const base: Run = {
    ...end,
    exchanges: [],
    waits: [],
    notes: [],
    task: undefined,
    taskId: undefined,
    error: undefined,
    finishedAt: undefined,
    stopped: undefined,
  };
  const answered = (i: number) => Math.max(0, saved.exchanges[i].startedAt + saved.exchanges[i].latencyMs - t0);
  const moments = [...saved.exchanges.map((_, i) => answered(i)), ...saved.waits.map((w) => Math.max(0, w.startedAt - t0))].sort(
    (a, b) => a - b,
  );
  const frames: ReplayFrame[] = [{ at: 0, run: base }];
  for (const at of [...new Set(moments)]) {
    const exchanges = saved.exchanges.filter((_, i) => answered(i) <= at);
    const waits = saved.waits.filter((w) => w.startedAt - t0 <= at);
    let task: Task | undefined;
    for (const ex of exchanges) task = asTask(ex.responseBody) ?? task;
    frames.push({ at, run: { ...base, exchanges, waits, task, taskId: task?.task_id } });
  }
  const last = Math.max(moments.at(-1) ?? 0, (saved.finishedAt ?? t0) - t0);
  const output = end.task?.output;
  const task = output && videoUrl ? { ...end.task!, output: { ...output, video_url: videoUrl } } : end.task;
  frames.push({ at: last, run: { ...end, task } });
  return frames;
}
