/**
 * "Save as recording": the run in the saved shape (lib/runs/saved-run.ts) and its video, downloaded
 * side by side as `<name>.json` and `<name>.mp4`, with `video.file` naming the MP4. Put both in a folder
 * the deployment serves (RECORDINGS_DIR) or on the docs site, and an embed plays them (docs/embedding.md).
 * Browser only; loaded on the click.
 */
import type { Run } from "@/lib/client/run";
import { SAVED_RUN_FORMAT, savedRunFromRun } from "@/lib/runs/saved-run";

function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file name of a run's recording: model, mode and when it started (UTC), e.g. `nano-banana-2-r2v-20261203-031500`. */
export function recordingName(run: Run, model: string): string {
  const mode = run.request?.mode ?? run.task?.mode ?? "task";
  const stamp = new Date(run.startedAt).toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return `${model}-${mode}-${stamp}`;
}

export type SaveResult = { name: string; video: "saved" | "none" | { failed: string } };

/**
 * Downloads the recording of an ended run. When the video cannot be fetched from here (an upstream's
 * media host without CORS, or one the page's policy keeps out of `connect-src`), the JSON is still saved,
 * naming `<name>.mp4` as its file: the "Download MP4" link gets the video to put beside it.
 */
export async function saveRecording(run: Run, model: string): Promise<SaveResult> {
  const name = recordingName(run, model);
  const saved = savedRunFromRun(run, { id: `${SAVED_RUN_FORMAT}:${run.taskId ?? name}`, model });
  const url = run.task?.output?.video_url;
  let video: SaveResult["video"] = "none";
  if (url) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const blob = await res.blob();
      saved.video = { url, contentType: blob.type || "video/mp4", bytes: blob.size, file: `${name}.mp4` };
      download(blob, `${name}.mp4`);
      video = "saved";
    } catch (err) {
      saved.video = { url, file: `${name}.mp4` };
      video = { failed: err instanceof Error ? err.message : String(err) };
    }
  }
  download(new Blob([`${JSON.stringify(saved, null, 2)}\n`], { type: "application/json" }), `${name}.json`);
  return { name, video };
}
