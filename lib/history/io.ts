/**
 * Export and import of the whole history (the file format: ./transfer.ts; the database: ./store.ts).
 */

import type { Say } from "@/lib/spec/validation-words";
import { addRuns, getRun, listRuns } from "./store";
import { historyFileText, type ImportProblem, parseHistoryFile } from "./transfer";

/** The whole history as a file's text, newest run first; with `withClips`, every kept clip too. */
export async function exportHistory({ withClips }: { withClips: boolean }): Promise<{ text: string; runs: number; clips: number }> {
  const stored = await listRuns();
  const posters = new Map(stored.flatMap((s) => (s.poster ? [[s.run.id, s.poster] as const] : [])));
  const clips = new Map<string, Blob>();
  if (withClips)
    for (const { run, clipBytes } of stored) {
      if (clipBytes === undefined) continue;
      const clip = (await getRun(run.id))?.clip;
      if (clip) clips.set(run.id, clip);
    }
  const text = await historyFileText(
    stored.map((s) => s.run),
    { clips, posters },
  );
  return { text, runs: stored.length, clips: clips.size };
}

/**
 * Imports a history file: checked whole first (a problem refuses it all, the history unchanged), then
 * written in one transaction; runs already in the history are skipped.
 */
export async function importHistory(
  file: Blob,
  say?: Say,
): Promise<{ ok: true; added: string[]; skipped: string[] } | { ok: false; problem: ImportProblem }> {
  const parsed = await parseHistoryFile(file, say);
  if (!parsed.ok) return parsed;
  const { added, skipped } = await addRuns(parsed.value.runs, parsed.value.clips, parsed.value.posters);
  return { ok: true, added, skipped };
}
