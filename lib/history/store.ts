/**
 * The history of runs, in the browser's IndexedDB (per origin: the guide and the embed on another site
 * each have their own). Nothing of it reaches the server.
 *
 * Two object stores: `runs` holds each run's JSON (lib/runs/saved-run.ts) with its poster frame, and
 * `clips` the kept MP4 bytes. Clips live apart so a listing never loads them: `listRuns` gives posters
 * and each clip's size, `getRun` the clip too. A clip is written in its own transaction after the run,
 * so a clip that does not fit (QuotaExceededError, thrown as ClipQuotaError) never costs the run's JSON.
 *
 * Every change is announced to this tab's subscribers and, over a BroadcastChannel, to the other tabs
 * of the origin (`subscribe`).
 */
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { SavedRun } from "@/lib/runs/saved-run";

export const HISTORY_DB = "video-playground-history";
const DB_VERSION = 1;
const CHANNEL = "video-playground-history";

/** A run as the history holds it. `clip` is only filled by `getRun`; `clipBytes` tells whether one is kept. */
export type StoredRun = { run: SavedRun; poster?: Blob; clip?: Blob; clipBytes?: number; clipType?: string };

type RunRecord = { id: string; startedAt: number; run: SavedRun; poster?: Blob; clipBytes?: number; clipType?: string };
type ClipRecord = { id: string; blob: Blob };

interface HistoryDB extends DBSchema {
  runs: { key: string; value: RunRecord; indexes: { startedAt: number } };
  clips: { key: string; value: ClipRecord };
}

/** The browser refused to store a clip (its quota for this origin is full). The run itself is kept. */
export class ClipQuotaError extends Error {
  readonly runId: string;
  readonly bytes: number;
  constructor(runId: string, bytes: number, cause: unknown) {
    super(`The browser refused to keep this clip (${bytes} bytes): its storage for this site is full.`, { cause });
    this.name = "ClipQuotaError";
    this.runId = runId;
    this.bytes = bytes;
  }
}

export function isQuotaError(err: unknown): boolean {
  return (
    typeof err === "object" &&
    err !== null &&
    "name" in err &&
    ((err as { name: string }).name === "QuotaExceededError" || (err as { name: string }).name === "NS_ERROR_DOM_QUOTA_REACHED")
  );
}

let dbPromise: Promise<IDBPDatabase<HistoryDB>> | null = null;

function db(): Promise<IDBPDatabase<HistoryDB>> {
  dbPromise ??= openDB<HistoryDB>(HISTORY_DB, DB_VERSION, {
    upgrade(database) {
      const runs = database.createObjectStore("runs", { keyPath: "id" });
      runs.createIndex("startedAt", "startedAt");
      database.createObjectStore("clips", { keyPath: "id" });
    },
    // Another tab opened a newer version of the database: let it upgrade, reopen on the next call.
    blocking() {
      void dbPromise?.then((d) => d.close());
      dbPromise = null;
    },
  }).catch((err) => {
    dbPromise = null;
    throw err;
  });
  return dbPromise;
}

/** Aborts a transaction that failed part-way (it may have aborted itself already) and waits for it to end. */
async function abandon(tx: { abort(): void; done: Promise<void> }): Promise<void> {
  try {
    tx.abort();
  } catch {
    // Already aborted or finished.
  }
  await tx.done.catch(() => {});
}

// --- change notifications -----------------------------------------------------------------------------

const listeners = new Set<() => void>();
let channel: BroadcastChannel | null = null;

function ensureChannel(): void {
  if (channel || typeof BroadcastChannel === "undefined") return;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => {
    for (const listener of listeners) listener();
  };
}

function changed(): void {
  for (const listener of listeners) listener();
  ensureChannel();
  channel?.postMessage("changed");
}

/** Calls `onChange` whenever the history changes, in this tab or another tab of the origin. Returns the unsubscribe. */
export function subscribe(onChange: () => void): () => void {
  ensureChannel();
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
  };
}

// --- reads --------------------------------------------------------------------------------------------

const stored = (r: RunRecord, clip?: Blob): StoredRun => ({
  run: r.run,
  poster: r.poster,
  clipBytes: r.clipBytes,
  clipType: r.clipType,
  ...(clip ? { clip } : {}),
});

/** Every run, newest first (by when it started), with posters and clip sizes; clips are not loaded. */
export async function listRuns(): Promise<StoredRun[]> {
  const records = await (await db()).getAllFromIndex("runs", "startedAt");
  return records.reverse().map((r) => stored(r));
}

/** One run with its poster and, when kept, its clip. */
export async function getRun(id: string): Promise<StoredRun | undefined> {
  const tx = (await db()).transaction(["runs", "clips"]);
  const [record, clip] = await Promise.all([tx.objectStore("runs").get(id), tx.objectStore("clips").get(id)]);
  return record ? stored(record, clip?.blob) : undefined;
}

/** The bytes all kept clips take. */
export async function clipUsage(): Promise<number> {
  const records = await (await db()).getAll("runs");
  return records.reduce((sum, r) => sum + (r.clipBytes ?? 0), 0);
}

/** The ids of every run in the history. */
export async function runIds(): Promise<Set<string>> {
  return new Set(await (await db()).getAllKeys("runs"));
}

// --- writes -------------------------------------------------------------------------------------------

/**
 * Saves a run (again: the same id replaces the record, keeping a poster or clip it already has unless
 * new ones are given). The run and its poster are written first; a clip after, in its own transaction:
 * if the browser refuses the clip, this rejects with ClipQuotaError and the run stays saved.
 */
export async function putRun(run: SavedRun, extras: { poster?: Blob; clip?: Blob } = {}): Promise<void> {
  const database = await db();
  const tx = database.transaction("runs", "readwrite");
  const previous = await tx.store.get(run.id);
  const record: RunRecord = {
    id: run.id,
    startedAt: run.startedAt,
    run,
    poster: extras.poster ?? previous?.poster,
    clipBytes: previous?.clipBytes,
    clipType: previous?.clipType,
  };
  try {
    await tx.store.put(record);
    await tx.done;
  } catch (err) {
    // A poster is a nicety: without room for it, keep the run's JSON alone.
    if (!isQuotaError(err) || !record.poster) throw err;
    await database.put("runs", { ...record, poster: undefined });
  }
  changed();
  if (extras.clip) await keepClip(run.id, extras.clip);
}

/** Sets a saved run's poster frame (taken once its video can play). No-op for a run not in the history. */
export async function setPoster(id: string, poster: Blob): Promise<void> {
  const tx = (await db()).transaction("runs", "readwrite");
  const record = await tx.store.get(id);
  if (!record) return;
  try {
    await tx.store.put({ ...record, poster });
    await tx.done;
  } catch (err) {
    if (!isQuotaError(err)) throw err;
    return;
  }
  changed();
}

/** Keeps a run's video bytes. Rejects with ClipQuotaError when the browser refuses them; the run is untouched then. */
export async function keepClip(id: string, blob: Blob): Promise<void> {
  const tx = (await db()).transaction(["runs", "clips"], "readwrite");
  const runs = tx.objectStore("runs");
  try {
    const record = await runs.get(id);
    if (!record) throw new Error(`No run ${id} in the history.`);
    await tx.objectStore("clips").put({ id, blob });
    await runs.put({ ...record, clipBytes: blob.size, clipType: blob.type || "video/mp4" });
    await tx.done;
  } catch (err) {
    await abandon(tx);
    if (isQuotaError(err)) throw new ClipQuotaError(id, blob.size, err);
    throw err;
  }
  changed();
}

/** Frees a run's kept clip (the run stays). */
export async function dropClip(id: string): Promise<void> {
  const tx = (await db()).transaction(["runs", "clips"], "readwrite");
  const runs = tx.objectStore("runs");
  await tx.objectStore("clips").delete(id);
  const record = await runs.get(id);
  if (record) await runs.put({ ...record, clipBytes: undefined, clipType: undefined });
  await tx.done;
  changed();
}

/** Frees every kept clip (the runs stay). */
export async function dropAllClips(): Promise<void> {
  const tx = (await db()).transaction(["runs", "clips"], "readwrite");
  const runs = tx.objectStore("runs");
  await tx.objectStore("clips").clear();
  for (const record of await runs.getAll())
    if (record.clipBytes !== undefined) await runs.put({ ...record, clipBytes: undefined, clipType: undefined });
  await tx.done;
  changed();
}

/** Deletes a run and its clip. */
export async function deleteRun(id: string): Promise<void> {
  const tx = (await db()).transaction(["runs", "clips"], "readwrite");
  await Promise.all([tx.objectStore("runs").delete(id), tx.objectStore("clips").delete(id), tx.done]);
  changed();
}

/** Deletes every run and clip. */
export async function clearRuns(): Promise<void> {
  const tx = (await db()).transaction(["runs", "clips"], "readwrite");
  await Promise.all([tx.objectStore("runs").clear(), tx.objectStore("clips").clear(), tx.done]);
  changed();
}

/**
 * Adds runs (and their clips) in one transaction: all of them or, if anything fails (a full quota), none.
 * A run whose id is already in the history is left as it is (nothing is imported twice).
 */
export async function addRuns(
  runs: readonly SavedRun[],
  clips: ReadonlyMap<string, Blob> = new Map(),
  posters: ReadonlyMap<string, Blob> = new Map(),
): Promise<{ added: string[]; skipped: string[] }> {
  const tx = (await db()).transaction(["runs", "clips"], "readwrite");
  const runStore = tx.objectStore("runs");
  const clipStore = tx.objectStore("clips");
  const added: string[] = [];
  const skipped: string[] = [];
  try {
    for (const run of runs) {
      if ((await runStore.getKey(run.id)) !== undefined || added.includes(run.id)) {
        skipped.push(run.id);
        continue;
      }
      const clip = clips.get(run.id);
      await runStore.put({
        id: run.id,
        startedAt: run.startedAt,
        run,
        poster: posters.get(run.id),
        clipBytes: clip?.size,
        clipType: clip ? clip.type || "video/mp4" : undefined,
      });
      if (clip) await clipStore.put({ id: run.id, blob: clip });
      added.push(run.id);
    }
    await tx.done;
  } catch (err) {
    await abandon(tx);
    throw err;
  }
  if (added.length) changed();
  return { added, skipped };
}

/** For tests: forget the open connection (after the fake database is replaced). */
export function resetConnectionForTests(): void {
  void dbPromise?.then((d) => d.close());
  dbPromise = null;
  channel?.close();
  channel = null;
  listeners.clear();
}
