/**
 * The history as one JSON file, and back. A versioned envelope:
 *
 *   { format: "video-playground.history", version: 1, exportedAt, runs: SavedRun[],
 *     posters?: [{ runId, mime, base64 }], clips?: [{ runId, mime, base64 }] }
 *
 * An import is read and checked whole before anything is written: the file's size (IMPORT_LIMIT_BYTES),
 * JSON that parses (a truncated file does not), the format and version, every run through
 * `parseSavedRun` (its request against its model's spec) and every clip. Any problem refuses the whole
 * file with a message naming it; the history is then unchanged. What passes is written in one
 * transaction (./store.ts `addRuns`), skipping runs already there. Posters (each run's first frame, a few
 * KB) always travel with the runs; one that does not check out (not an image of a run of the file) is left
 * out and its run imports without it: a poster is a picture of the run, not part of it. (Files written
 * before posters travelled have none; the field is optional, so it needs no new version.)
 */
import { z } from "zod";
import { parseSavedRun, type SavedRun } from "@/lib/runs/saved-run";
import { englishSay, type Say } from "@/lib/spec/validation-words";

export const HISTORY_FORMAT = "video-playground.history";
export const HISTORY_VERSION = 1;

/**
 * The largest file an import reads: 200 MB. A file of runs alone is far smaller (a run with its
 * exchanges is a few KB); the limit is for clips, which travel as base64 (4/3 of their size), so it
 * holds about 150 MB of video — above that, a browser tab reading, parsing and decoding the whole file
 * in memory at once risks running out of it.
 */
export const IMPORT_LIMIT_BYTES = 200_000_000;

export type HistoryClip = { runId: string; mime: string; base64: string };
export type HistoryPoster = HistoryClip;
export type HistoryFile = {
  format: string;
  version: number;
  exportedAt: string;
  runs: SavedRun[];
  posters?: HistoryPoster[];
  clips?: HistoryClip[];
};

/**
 * Why an import was refused, as data the page words in its language: the run or clip, the field
 * (`request.input.duration`) and the values it takes when known. `detail` is the engine's own text (the
 * JSON parser's, zod's), in English: for the console, never for the sentence.
 */
export type ImportProblem =
  | { kind: "too-large"; bytes: number; limit: number }
  | { kind: "empty" }
  | { kind: "not-json"; detail: string }
  | { kind: "not-ours" }
  | { kind: "newer-version"; version: number; supported: number }
  | { kind: "bad-envelope"; field: string; detail: string }
  | {
      kind: "bad-run";
      index: number;
      id?: string;
      field: string;
      allowed?: readonly (string | number)[];
      /** What is wrong with the field's value, in the `say`'s language (the request's own check). */
      reason?: string;
      detail: string;
    }
  | { kind: "bad-clip"; index: number; field: string; orphan?: boolean; detail: string };

export type ParsedImport = { runs: SavedRun[]; clips: Map<string, Blob>; posters: Map<string, Blob> };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const clipSchema = z.object({
  runId: z.string().min(1),
  mime: z.string().regex(/^video\/[\w.+-]+$/, "must be a video/… media type"),
  base64: z.string().regex(BASE64, "is not base64"),
});

const posterSchema = z.object({
  runId: z.string().min(1),
  mime: z.string().regex(/^image\/(jpeg|png|webp)$/),
  base64: z.string().regex(BASE64),
});

const envelopeSchema = z.object({
  format: z.literal(HISTORY_FORMAT),
  version: z.literal(HISTORY_VERSION),
  exportedAt: z.string(),
  runs: z.array(z.unknown()),
  posters: z.array(z.unknown()).optional(),
  clips: z.array(z.unknown()).optional(),
});

function issuesText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
}

/** The first issue's field, as a dotted path. */
function firstField(error: z.ZodError): string {
  return error.issues[0].path.join(".") || "(root)";
}

/** Reads a history file's text (already known to be within the limit) into runs and clips, or the first problem. */
export function parseHistoryText(
  text: string,
  say: Say = englishSay,
): { ok: true; value: ParsedImport } | { ok: false; problem: ImportProblem } {
  if (!text.trim()) return { ok: false, problem: { kind: "empty" } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: { kind: "not-json", detail: err instanceof Error ? err.message : String(err) } };
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== HISTORY_FORMAT) return { ok: false, problem: { kind: "not-ours" } };
  if (head.data.version > HISTORY_VERSION)
    return { ok: false, problem: { kind: "newer-version", version: head.data.version, supported: HISTORY_VERSION } };
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success)
    return { ok: false, problem: { kind: "bad-envelope", field: firstField(envelope.error), detail: issuesText(envelope.error) } };

  const runs: SavedRun[] = [];
  for (const [index, value] of envelope.data.runs.entries()) {
    const parsed = parseSavedRun(value, undefined, say);
    if (!parsed.ok) {
      const id = typeof (value as { id?: unknown })?.id === "string" ? (value as { id: string }).id : undefined;
      const detail = parsed.problems.map((p) => `${p.path}: ${p.message}`).join("; ");
      const [{ path: field, allowed, said, message }] = parsed.problems;
      return { ok: false, problem: { kind: "bad-run", index, id, field, allowed, reason: said ? message : undefined, detail } };
    }
    runs.push(parsed.run);
  }
  const ids = new Set(runs.map((r) => r.id));
  const clips = new Map<string, Blob>();
  for (const [index, value] of (envelope.data.clips ?? []).entries()) {
    const clip = clipSchema.safeParse(value);
    if (!clip.success)
      return { ok: false, problem: { kind: "bad-clip", index, field: firstField(clip.error), detail: issuesText(clip.error) } };
    if (!ids.has(clip.data.runId))
      return {
        ok: false,
        problem: { kind: "bad-clip", index, field: "runId", orphan: true, detail: `runId "${clip.data.runId}" is not a run of this file` },
      };
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(clip.data.base64);
    } catch {
      return { ok: false, problem: { kind: "bad-clip", index, field: "base64", detail: "base64: is not base64" } };
    }
    clips.set(clip.data.runId, new Blob([bytes as BlobPart], { type: clip.data.mime }));
  }
  const posters = new Map<string, Blob>();
  for (const value of envelope.data.posters ?? []) {
    const poster = posterSchema.safeParse(value);
    if (!poster.success || !ids.has(poster.data.runId)) continue;
    try {
      posters.set(poster.data.runId, new Blob([fromBase64(poster.data.base64) as BlobPart], { type: poster.data.mime }));
    } catch {
      // Not base64: the run imports without its poster.
    }
  }
  return { ok: true, value: { runs, clips, posters } };
}

/** Reads a history file: its size first (nothing of a file over the limit is read), then its text. */
export async function parseHistoryFile(
  file: Blob,
  say: Say = englishSay,
): Promise<{ ok: true; value: ParsedImport } | { ok: false; problem: ImportProblem }> {
  if (file.size > IMPORT_LIMIT_BYTES) return { ok: false, problem: { kind: "too-large", bytes: file.size, limit: IMPORT_LIMIT_BYTES } };
  return parseHistoryText(await file.text(), say);
}

/**
 * The history as a file's text; `clips` maps run ids to the kept clips to include (none: runs only),
 * `posters` run ids to their poster frames.
 */
export async function historyFileText(
  runs: readonly SavedRun[],
  {
    clips = new Map(),
    posters = new Map(),
    now = new Date(),
  }: { clips?: ReadonlyMap<string, Blob>; posters?: ReadonlyMap<string, Blob>; now?: Date } = {},
): Promise<string> {
  const encode = async (blobs: ReadonlyMap<string, Blob>, fallback: string) => {
    const out: HistoryClip[] = [];
    for (const [runId, blob] of blobs)
      out.push({ runId, mime: blob.type || fallback, base64: toBase64(new Uint8Array(await blob.arrayBuffer())) });
    return out;
  };
  const encoded = await encode(clips, "video/mp4");
  const encodedPosters = await encode(posters, "image/jpeg");
  const file: HistoryFile = {
    format: HISTORY_FORMAT,
    version: HISTORY_VERSION,
    exportedAt: now.toISOString(),
    runs: [...runs],
    ...(encodedPosters.length ? { posters: encodedPosters } : {}),
    ...(encoded.length ? { clips: encoded } : {}),
  };
  return JSON.stringify(file);
}

/** A file name for an export: `video-playground-history-2026-01-02.json`. */
export function historyFileName(now: Date = new Date()): string {
  return `video-playground-history-${now.toISOString().slice(0, 10)}.json`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
