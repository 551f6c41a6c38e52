import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rename, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { imageSize } from "image-size";
import { simulatorTimings } from "@/lib/config";
import { ApiError } from "@/lib/errors";
import { extensionOf, kindOfMime, sniffMime } from "@/lib/media";
import { getModel } from "@/lib/models/registry";
import { readHead } from "@/lib/multipart";
import { downloadPublic, FetchRefused } from "@/lib/security/safe-fetch";
import type { TaskStatus } from "@/lib/spec/contract";
import { IMAGE_LIMITS, VIDEO_LIMITS } from "@/lib/spec/contract";
import { frameSize } from "@/lib/spec/model-spec";
import type { CreateTaskRequest, Task, Upload } from "@/lib/spec/schema";
import { probeMedia } from "./ffmpeg";
import { DiskBudget, RenderAdmission, Semaphore, simulatorLimits } from "./limits";
import { renderVideo } from "./render";
import { type SimFile, type SimTask, simStore } from "./store";

/** Where the simulator keeps uploads and rendered videos. */
export const SIM_DIR = process.env.SIMULATOR_DATA_DIR || path.join(os.tmpdir(), "nb2-simulator");
const FILE_PATH_RE = /\/api\/simulator\/files\/([A-Za-z0-9_-]+)(?:\.[a-z0-9]+)?$/;
/** Disk room a render needs for its video before it is admitted. */
const RENDER_RESERVE_BYTES = 16 * 1024 * 1024;

/** Images larger than this on a side are refused: a few-MB 16k×16k PNG makes ffmpeg allocate over 1 GB. */
export const MAX_IMAGE_SIDE_PX = 4096;

type EngineGlobal = { __nb2SimEngine?: { disk: DiskBudget; downloads: Semaphore; renders: RenderAdmission; sweeper: NodeJS.Timeout } };

/** This process's disk budget, download slots and render admission (on globalThis: one per process, whatever the bundle). */
export function engineState() {
  const g = globalThis as EngineGlobal;
  if (!g.__nb2SimEngine) {
    const disk = new DiskBudget(SIM_DIR);
    // Deletes what outlived the retention period even when no request comes.
    const every = Math.min(simulatorLimits().retentionMs, 10 * 60_000);
    const sweeper = setInterval(() => void disk.sweep(Date.now(), true).catch(() => undefined), every);
    sweeper.unref();
    g.__nb2SimEngine = { disk, downloads: new Semaphore(() => simulatorLimits().maxDownloads), renders: new RenderAdmission(), sweeper };
  }
  return g.__nb2SimEngine;
}

/**
 * The pixel size of an image file from its header (image-size reads headers only, never decodes), or a
 * refusal naming `field` when it is unreadable or larger than MAX_IMAGE_SIDE_PX on a side.
 */
export async function imageSideRefusal(filePath: string, field: string): Promise<string | null> {
  const fh = await open(filePath, "r");
  let head: Buffer;
  try {
    const buf = Buffer.alloc(Math.min(1024 * 1024, (await fh.stat()).size));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  let size: { width?: number; height?: number };
  try {
    size = imageSize(head);
  } catch {
    return `${field}: the image's size could not be read from its header.`;
  }
  const { width = 0, height = 0 } = size;
  if (width > MAX_IMAGE_SIDE_PX || height > MAX_IMAGE_SIDE_PX) {
    return `${field} is ${width}×${height} px; images may be at most ${MAX_IMAGE_SIDE_PX} px on a side.`;
  }
  return null;
}

function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("hex")}`;
}

export function fileUrl(publicBase: string, file: { id: string; mime: string }): string {
  return `${publicBase}/api/simulator/files/${file.id}.${extensionOf(file.mime)}`;
}

/** Stores bytes as a simulator file and returns its record. */
export async function saveFile(bytes: Uint8Array, mime: string, prefix = "file"): Promise<SimFile> {
  await mkdir(SIM_DIR, { recursive: true });
  const id = newId(prefix);
  const filePath = path.join(SIM_DIR, `${id}.${extensionOf(mime)}`);
  await writeFile(filePath, bytes);
  const record: SimFile = { id, path: filePath, mime, size: bytes.byteLength, createdAt: Date.now() };
  await simStore().putFile(record);
  return record;
}

/** The contract's upload answer for a stored file. */
export function uploadAnswer(record: SimFile, publicBase: string): Upload {
  return { id: record.id, url: fileUrl(publicBase, record), mime_type: record.mime, size: record.size };
}

/**
 * Streams an upload to disk: the type is sniffed from its first bytes and must be one `limitFor` knows,
 * the size is counted as it arrives; nothing is held whole in memory. A refusal comes back as
 * `{ status, error }` and leaves no file behind.
 */
export async function saveUploadStream(
  chunks: AsyncIterator<Buffer>,
  limitFor: (mime: string) => number | null,
  describe: string,
): Promise<SimFile | { status: number; error: string }> {
  const head = await readHead(chunks, 16);
  const mime = head.length ? sniffMime(head) : null;
  const maxBytes = mime ? limitFor(mime) : null;
  if (!mime || maxBytes === null) return { status: 400, error: `file is not ${describe}.` };
  const { disk } = engineState();
  await mkdir(SIM_DIR, { recursive: true });
  await disk.assertRoom();
  const id = newId("upl");
  const filePath = path.join(SIM_DIR, `${id}.${extensionOf(mime)}`);
  let size = 0;
  async function* bytes(): AsyncGenerator<Buffer> {
    for (let next: IteratorResult<Buffer> = { done: false, value: head }; !next.done; next = await chunks.next()) {
      size += next.value.length;
      if (size > maxBytes!) throw new TooLarge();
      disk.add(next.value.length);
      yield next.value;
    }
  }
  try {
    await pipeline(Readable.from(bytes()), createWriteStream(filePath));
  } catch (err) {
    await disk.remove(filePath);
    if (err instanceof TooLarge) return { status: 413, error: `file is larger than ${maxBytes} bytes.` };
    throw err;
  }
  if (kindOfMime(mime) === "image") {
    const refusal = await imageSideRefusal(filePath, "file");
    if (refusal) {
      await disk.remove(filePath);
      return { status: 400, error: refusal };
    }
  }
  const record: SimFile = { id, path: filePath, mime, size, createdAt: Date.now() };
  await simStore().putFile(record);
  return record;
}

class TooLarge extends Error {}

/**
 * Resolves an input URL to a local file: the simulator's own files directly, anything else downloaded
 * (lib/security/safe-fetch.ts: to the checked address, streamed to disk, capped at the field's limit,
 * counted against the disk bound), at most SIMULATOR_MAX_DOWNLOADS at once.
 */
async function localInput(url: string, field: string, kind: "image" | "video"): Promise<string> {
  const own = FILE_PATH_RE.exec(new URL(url).pathname);
  if (own) {
    const file = await simStore().getFile(own[1]);
    if (file) return file.path;
  }
  const { disk, downloads } = engineState();
  const maxBytes = kind === "image" ? IMAGE_LIMITS.maxBytes : VIDEO_LIMITS.maxBytes;
  await mkdir(SIM_DIR, { recursive: true });
  const id = newId("dl");
  const partPath = path.join(SIM_DIR, `${id}.part`);
  let size: number;
  try {
    size = await downloads.run(() => downloadPublic(url, partPath, { maxBytes, timeoutMs: 15_000, onBytes: (n) => disk.add(n) }));
  } catch (err) {
    if (err instanceof FetchRefused) throw new InputError(`Could not download ${field} (${url}): ${err.message}.`);
    throw err;
  }
  const fh = await open(partPath, "r");
  const head = Buffer.alloc(16);
  await fh.read(head, 0, 16, 0).finally(() => fh.close());
  const mime = sniffMime(head);
  if (!mime || kindOfMime(mime) !== kind) {
    await disk.remove(partPath);
    throw new InputError(`${field} (${url}) is not a supported ${kind === "image" ? IMAGE_LIMITS.label : VIDEO_LIMITS.label} file.`);
  }
  if (kind === "image") {
    const refusal = await imageSideRefusal(partPath, field);
    if (refusal) {
      await disk.remove(partPath);
      throw new InputError(refusal);
    }
  }
  const filePath = path.join(SIM_DIR, `${id}.${extensionOf(mime)}`);
  await rename(partPath, filePath);
  await simStore().putFile({ id, path: filePath, mime, size, createdAt: Date.now() });
  return filePath;
}

class InputError extends Error {}

type RenderCacheGlobal = { __nb2RenderCache?: Map<string, { pending: Promise<SimTask["render"]>; at: number }> };

/** At most two ffmpeg processes at a time on this kind of machine; the others wait (SIMULATOR_RENDER_QUEUE bounds how many). */
const MAX_CONCURRENT_RENDERS = 2;
type SlotGlobal = { __nb2RenderSlots?: Semaphore };
function withRenderSlot<T>(fn: () => Promise<T>): Promise<T> {
  const g = globalThis as SlotGlobal;
  g.__nb2RenderSlots ??= new Semaphore(() => MAX_CONCURRENT_RENDERS);
  return g.__nb2RenderSlots.run(fn);
}

async function render(request: CreateTaskRequest): Promise<SimTask["render"]> {
  const { input, mode } = request;
  try {
    const images: string[] = [];
    if (input.image_url) images.push(await localInput(input.image_url, "image_url", "image"));
    for (const [i, url] of (input.reference_image_urls ?? []).entries()) {
      images.push(await localInput(url, `reference_image_urls[${i}]`, "image"));
    }
    const video = input.video_url ? await localInput(input.video_url, "video_url", "video") : null;
    if (video) {
      // Decoding a frame larger than 4096 px on a side costs as much as such an image: refused alike.
      const info = await probeMedia(video, { timeoutMs: 30_000 }).catch(() => null);
      if (info && ((info.width ?? 0) > MAX_IMAGE_SIDE_PX || (info.height ?? 0) > MAX_IMAGE_SIDE_PX)) {
        throw new InputError(`video_url is ${info.width}×${info.height} px; videos may be at most ${MAX_IMAGE_SIDE_PX} px on a side.`);
      }
    }
    const spec = getModel(request.model);
    const frame = frameSize(spec, input.aspect_ratio, input.resolution);
    if (!frame) throw new InputError(`${spec.id} renders no ${input.resolution} frame at ${input.aspect_ratio}.`);
    const { width, height } = frame;
    await mkdir(SIM_DIR, { recursive: true });
    const id = newId("vid");
    const outPath = path.join(SIM_DIR, `${id}.mp4`);
    const result = await withRenderSlot(() =>
      renderVideo({
        model: spec.name,
        mode,
        prompt: input.prompt,
        width,
        height,
        duration: input.duration ?? null,
        images,
        video,
        outPath,
      }),
    );
    const size = (await stat(outPath)).size;
    engineState().disk.note(size);
    await simStore().putFile({ id, path: outPath, mime: "video/mp4", size, createdAt: Date.now() });
    return {
      state: "done",
      fileId: id,
      durationSeconds: result.durationSeconds,
      width: result.width,
      height: result.height,
      finishedAt: Date.now(),
    };
  } catch (err) {
    if (err instanceof InputError) return { state: "failed", type: "invalid_request_error", message: err.message, finishedAt: Date.now() };
    if (err instanceof ApiError) return { state: "failed", type: err.type, message: err.message, finishedAt: Date.now() };
    console.error("[simulator] render failed:", err instanceof Error ? err.message.slice(0, 500) : err);
    return { state: "failed", type: "internal_error", message: "The video could not be rendered.", finishedAt: Date.now() };
  }
}

/** The cache key of a render: the whole normalised request. */
function renderKey(request: CreateTaskRequest): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

function renderCache() {
  const g = globalThis as RenderCacheGlobal;
  g.__nb2RenderCache ??= new Map();
  return g.__nb2RenderCache;
}

/**
 * Identical requests share one render while its video is kept (the retention period); a failed render
 * is forgotten at once. Without `admit`, only a render already under way or done is returned.
 */
function cachedRender(request: CreateTaskRequest, admit?: () => () => void): Promise<SimTask["render"]> | null {
  const cache = renderCache();
  const key = renderKey(request);
  const now = Date.now();
  const kept = cache.get(key);
  if (kept && now - kept.at < simulatorLimits().retentionMs / 2) return kept.pending;
  if (kept) cache.delete(key);
  if (!admit) return null;
  const release = admit();
  const pending = render(request).finally(release);
  cache.set(key, { pending, at: now });
  while (cache.size > 1000) cache.delete(cache.keys().next().value as string);
  void pending.then((r) => {
    if (r.state === "failed") cache.delete(key);
  });
  return pending;
}

/**
 * Creates a task: stored as queued, rendered in the background. A scenario with a `taskFailure` makes
 * the task end `failed` with that error instead of rendering.
 */
export async function createSimTask(
  request: CreateTaskRequest,
  opts: {
    scenario?: string;
    taskFailure?: { type: string; message: string };
    idempotencyKey?: string;
    minRunMs?: number;
    gatewayModel?: string;
    /** Who the render is for (the proxy's client), for the per-client cap. */
    client?: string;
    requestId?: string;
  } = {},
): Promise<SimTask> {
  const { queueMs, runMsPerSecond } = simulatorTimings();
  const seconds = request.input.duration ?? 6;
  const task: SimTask = {
    task_id: newId("task"),
    request,
    createdAt: Date.now(),
    queueMs,
    runMs: Math.max(500, opts.minRunMs ?? 0, runMsPerSecond * seconds),
    render: opts.taskFailure ? { state: "failed", ...opts.taskFailure, finishedAt: Date.now() } : { state: "pending" },
    scenario: opts.scenario,
    idempotencyKey: opts.idempotencyKey,
    gatewayModel: opts.gatewayModel,
  };
  let rendering: Promise<SimTask["render"]> | null = null;
  if (!opts.taskFailure) {
    // Admitted before the task exists: a full queue, a full disk or a busy client is refused with nothing made.
    rendering = cachedRender(request);
    if (!rendering) {
      const { disk, renders } = engineState();
      // Room for the video (a 10 s 1080p clip is about 10 MB) and for the renders already admitted.
      await disk.assertRoom(opts.requestId, RENDER_RESERVE_BYTES * (renders.inFlight + 1));
      rendering = cachedRender(request, () => renders.admit(opts.client ?? null, opts.requestId));
    }
  }
  await simStore().putTask(task);
  if (!rendering) return task;
  void rendering.then(async (result) => {
    const current = (await simStore().getTask(task.task_id)) ?? task;
    await simStore().putTask({ ...current, render: result });
  });
  return task;
}

/** The task as the contract shows it at time `now`: status from the clock, output once rendered. */
export async function viewSimTask(task: SimTask, now: number, publicBase: string): Promise<Task> {
  const base = {
    task_id: task.task_id,
    model: task.request.model,
    mode: task.request.mode,
    created_at: new Date(task.createdAt).toISOString(),
  };
  const elapsed = now - task.createdAt;
  const runElapsed = elapsed - task.queueMs;
  let status: TaskStatus;
  if (elapsed < task.queueMs) status = "queued";
  else if (task.render.state === "failed" && runElapsed >= Math.min(task.runMs, 1000)) status = "failed";
  else if (task.render.state !== "done" || runElapsed < task.runMs) status = "running";
  else status = "succeeded";

  if (status === "queued") return { ...base, status, progress: 0, updated_at: base.created_at };
  if (status === "running") {
    const progress = Math.min(99, Math.max(1, Math.floor((runElapsed / task.runMs) * 100)));
    return { ...base, status, progress, updated_at: new Date(now).toISOString() };
  }
  const render = task.render as Exclude<SimTask["render"], { state: "pending" }>;
  const endedAt = Math.max(task.createdAt + task.queueMs + (status === "failed" ? 0 : task.runMs), render.finishedAt);
  const updated_at = new Date(Math.min(endedAt, now)).toISOString();
  if (render.state === "failed") return { ...base, status: "failed", updated_at, error: { type: render.type, message: render.message } };
  const file = await simStore().getFile(render.fileId);
  return {
    ...base,
    status: "succeeded",
    progress: 100,
    updated_at,
    output: {
      video_url: fileUrl(publicBase, { id: render.fileId, mime: file?.mime ?? "video/mp4" }),
      duration: Math.round(render.durationSeconds * 100) / 100,
      aspect_ratio: task.request.input.aspect_ratio,
      resolution: task.request.input.resolution,
      width: render.width,
      height: render.height,
    },
  };
}
