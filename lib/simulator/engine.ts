import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { simulatorTimings } from "@/lib/config";
import { extensionOf, kindOfMime, sniffMime } from "@/lib/media";
import { getModel } from "@/lib/models/registry";
import { readHead } from "@/lib/multipart";
import { FetchRefused, fetchPublic } from "@/lib/security/safe-fetch";
import type { TaskStatus } from "@/lib/spec/contract";
import { frameSize } from "@/lib/spec/model-spec";
import type { CreateTaskRequest, Task, Upload } from "@/lib/spec/schema";
import { renderVideo } from "./render";
import { type SimFile, type SimTask, simStore } from "./store";

/** Where the simulator keeps uploads and rendered videos. */
export const SIM_DIR = process.env.SIMULATOR_DATA_DIR || path.join(os.tmpdir(), "nb2-simulator");
const FILE_PATH_RE = /\/api\/simulator\/files\/([A-Za-z0-9_-]+)(?:\.[a-z0-9]+)?$/;
const FETCH_LIMIT_BYTES = 100 * 1024 * 1024;

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
  await mkdir(SIM_DIR, { recursive: true });
  const id = newId("upl");
  const filePath = path.join(SIM_DIR, `${id}.${extensionOf(mime)}`);
  let size = 0;
  async function* bytes(): AsyncGenerator<Buffer> {
    for (let next: IteratorResult<Buffer> = { done: false, value: head }; !next.done; next = await chunks.next()) {
      size += next.value.length;
      if (size > maxBytes!) throw new TooLarge();
      yield next.value;
    }
  }
  try {
    await pipeline(Readable.from(bytes()), createWriteStream(filePath));
  } catch (err) {
    await rm(filePath, { force: true });
    if (err instanceof TooLarge) return { status: 413, error: `file is larger than ${maxBytes} bytes.` };
    throw err;
  }
  const record: SimFile = { id, path: filePath, mime, size, createdAt: Date.now() };
  await simStore().putFile(record);
  return record;
}

class TooLarge extends Error {}

/** Resolves an input URL to a local file: the simulator's own files directly, anything else downloaded. */
async function localInput(url: string, field: string): Promise<string> {
  const own = FILE_PATH_RE.exec(new URL(url).pathname);
  if (own) {
    const file = await simStore().getFile(own[1]);
    if (file) return file.path;
  }
  let bytes: Uint8Array;
  try {
    bytes = await fetchPublic(url, FETCH_LIMIT_BYTES, 15_000);
  } catch (err) {
    throw new InputError(`Could not download ${field} (${url}): ${err instanceof FetchRefused ? err.message : "the download failed"}.`);
  }
  const mime = sniffMime(bytes.subarray(0, 16));
  if (!mime || !kindOfMime(mime)) throw new InputError(`${field} (${url}) is not a supported image or video.`);
  return (await saveFile(bytes, mime, "dl")).path;
}

class InputError extends Error {}

type RenderCacheGlobal = { __nb2RenderCache?: Map<string, Promise<SimTask["render"]>> };

/** At most two ffmpeg processes at a time on this kind of machine. */
const MAX_CONCURRENT_RENDERS = 2;
let running = 0;
const waiting: (() => void)[] = [];
async function withRenderSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_RENDERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

async function render(request: CreateTaskRequest): Promise<SimTask["render"]> {
  const { input, mode } = request;
  try {
    const images: string[] = [];
    if (input.image_url) images.push(await localInput(input.image_url, "image_url"));
    for (const [i, url] of (input.reference_image_urls ?? []).entries()) {
      images.push(await localInput(url, `reference_image_urls[${i}]`));
    }
    const video = input.video_url ? await localInput(input.video_url, "video_url") : null;
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
    console.error("[simulator] render failed:", err instanceof Error ? err.message.slice(0, 500) : err);
    return { state: "failed", type: "internal_error", message: "The video could not be rendered.", finishedAt: Date.now() };
  }
}

/** Identical requests share one render (the cache key is the whole normalised request). */
function cachedRender(request: CreateTaskRequest): Promise<SimTask["render"]> {
  const g = globalThis as RenderCacheGlobal;
  g.__nb2RenderCache ??= new Map();
  const key = createHash("sha256").update(JSON.stringify(request)).digest("hex");
  let pending = g.__nb2RenderCache.get(key);
  if (!pending) {
    pending = render(request);
    g.__nb2RenderCache.set(key, pending);
    void pending.then((r) => {
      if (r.state === "failed") g.__nb2RenderCache?.delete(key);
    });
  }
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
  await simStore().putTask(task);
  if (opts.taskFailure) return task;
  void cachedRender(request).then(async (result) => {
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
