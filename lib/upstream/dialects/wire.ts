/**
 * What each dialect sends upstream and where, and where its answers keep the id, the status and the
 * video URL: the part of a dialect that exported code needs as much as the proxy does. Client-safe (no
 * zod, no server-only import): the proxy's dialects (./task-contract.ts, ./generation-task.ts) are built
 * on these objects and the hand-off's exports read them, so "copy as curl" sends what the proxy sends.
 */
import { type ModeId, modeLabel, TASK_STATUSES, type TaskStatus } from "@/lib/spec/contract";
import type { CreateTaskRequest, MediaKind } from "@/lib/spec/schema";
import type { Dialect, DialectContext, DialectId } from "./types";

export { DIALECT_IDS, type DialectContext, type DialectId } from "./types";

/** A place in a JSON answer: keys and array indexes from the root. */
export type JsonPath = readonly (string | number)[];

export type Wire = {
  id: DialectId;
  createPath: string;
  statusPath(taskId: string): string;
  uploadPath: string;
  /** The create request's body in this dialect. */
  createBody(request: CreateTaskRequest, ctx: Pick<DialectContext, "model">): Record<string, unknown>;
  /** Why the configured upstream cannot do `mode`, or null when it can. */
  refusal(mode: ModeId, ctx: DialectContext): string | null;
  /** Why a file of this kind cannot be uploaded to this upstream, or null. */
  uploadRefusal(kind: MediaKind): string | null;
  /** Where a task answer keeps the task's id. */
  taskIdPath: JsonPath;
  /** The dialect's task statuses, in the guide's words. */
  statusMap: Readonly<Record<string, TaskStatus>>;
  /** Where a finished task keeps the video URL, in the order to look. */
  videoUrlPaths: readonly JsonPath[];
  /** Where an upload answer keeps the file's URL. */
  uploadUrlPath: JsonPath;
};

/** The value at `path` in `value`, or undefined. */
export function atPath(value: unknown, path: JsonPath): unknown {
  let cur = value;
  for (const key of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/**
 * A body in the gateway's flat shape read back into the guide's `{ model, mode, input }`, for Import (a
 * copied curl in that dialect): the mode follows from the media (`video_urls` → Video Edit, 1 image →
 * Image-to-Video, more → R2V), `resolution` goes back to upper case. Nothing is checked here: the result
 * goes through the same field-by-field reading as any pasted request. Null when `body` is not that shape:
 * it has one of the contract's own keys, or (unless `sure`, e.g. it was sent to the gateway's path) none
 * of the gateway's marks (`image_urls`, `video_urls`, a lower-case `resolution`).
 */
export function gatewayBodyToRequest(body: unknown, sure = false): Record<string, unknown> | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const { model, prompt, aspect_ratio, duration, resolution, image_urls, video_urls, ...rest } = body as Record<string, unknown>;
  if (["input", "mode", "image_url", "reference_image_urls", "video_url"].some((k) => k in rest)) return null;
  const marked =
    image_urls !== undefined || video_urls !== undefined || (typeof resolution === "string" && resolution !== resolution.toUpperCase());
  if (!marked && !sure) return null;
  const images = Array.isArray(image_urls) ? image_urls : [];
  const mode =
    video_urls !== undefined ? "video-edit" : images.length === 1 ? "image-to-video" : images.length > 1 ? "r2v" : "text-to-video";
  const input: Record<string, unknown> = { ...rest, prompt };
  if (aspect_ratio !== undefined) input.aspect_ratio = aspect_ratio;
  if (resolution !== undefined) input.resolution = typeof resolution === "string" ? resolution.toUpperCase() : resolution;
  if (duration !== undefined) input.duration = duration;
  if (mode === "image-to-video") input.image_url = images[0];
  if (mode === "r2v") input.reference_image_urls = images;
  if (mode === "video-edit") input.video_url = Array.isArray(video_urls) && video_urls.length === 1 ? video_urls[0] : video_urls;
  return { model, mode, input };
}

/** The first non-empty string at one of `paths`. */
export function firstString(value: unknown, paths: readonly JsonPath[]): string | undefined {
  for (const path of paths) {
    const found = atPath(value, path);
    if (typeof found === "string" && found) return found;
  }
  return undefined;
}

/** What a proxy dialect takes from its wire as it is: the calls it makes, and what it refuses. */
export function wireCalls(wire: Wire): Pick<Dialect, "refusal" | "createCall" | "statusPath" | "uploadPath" | "uploadRefusal"> {
  return {
    refusal: wire.refusal,
    createCall: (request, ctx) => ({ path: wire.createPath, body: wire.createBody(request, ctx) }),
    statusPath: wire.statusPath,
    uploadPath: wire.uploadPath,
    uploadRefusal: wire.uploadRefusal,
  };
}

/** The dialect's own words for the guide's terminal statuses. */
export function terminalStatuses(wire: Wire): { succeeded: string[]; failed: string[] } {
  const words = (status: TaskStatus) => Object.keys(wire.statusMap).filter((k) => wire.statusMap[k] === status);
  return { succeeded: words("succeeded"), failed: words("failed") };
}

export const taskContractWire: Wire = {
  id: "task-contract",
  createPath: "/v1/tasks",
  statusPath: (taskId) => `/v1/tasks/${encodeURIComponent(taskId)}`,
  uploadPath: "/v1/uploads",
  createBody: (request, ctx) => ({ ...request, model: ctx.model }),
  refusal: (mode, ctx) =>
    mode === "video-edit" && !ctx.supportsVideoEdit
      ? "Video Edit is switched off for this upstream (UPSTREAM_SUPPORTS_VIDEO_EDIT=false)."
      : null,
  uploadRefusal: () => null,
  taskIdPath: ["task_id"],
  statusMap: Object.fromEntries(TASK_STATUSES.map((s) => [s, s])) as Record<TaskStatus, TaskStatus>,
  videoUrlPaths: [["output", "video_url"]],
  uploadUrlPath: ["url"],
};

export const GATEWAY_STATUSES = ["queued", "submitted", "in_progress", "completed", "failed"] as const;
export type GatewayStatus = (typeof GATEWAY_STATUSES)[number];

/** The gateway's statuses in the guide's words (its docs call the wait both `queued` and `submitted`). */
export const STATUS_MAP: Record<GatewayStatus, TaskStatus> = {
  queued: "queued",
  submitted: "queued",
  in_progress: "running",
  completed: "succeeded",
  failed: "failed",
};

/**
 * The "generation.task" gateway: a flat body at `POST /v1/videos/generations` (`image_urls` with 1 entry
 * for Image-to-Video and for R2V with one reference, 3 for R2V; `video_urls` for Video Edit where the
 * gateway takes it; `resolution` in lower case; the fields the request has), status at
 * `GET /v1/videos/generations/{id}`, images only through `POST /v1/uploads/images` in a
 * `{ success, data }` envelope, and the video URL in `result.data[0].url`, then `url`, then `video_url`.
 */
export const generationTaskWire: Wire = {
  id: "generation-task",
  createPath: "/v1/videos/generations",
  statusPath: (taskId) => `/v1/videos/generations/${encodeURIComponent(taskId)}`,
  uploadPath: "/v1/uploads/images",
  createBody: (request, ctx) => {
    const { input, mode } = request;
    const body: Record<string, unknown> = {
      model: ctx.model,
      prompt: input.prompt,
      aspect_ratio: input.aspect_ratio,
      resolution: input.resolution.toLowerCase(),
    };
    // The request holds only its mode's fields (the spec's rule): no duration in Video Edit.
    if (input.duration !== undefined) body.duration = input.duration;
    if (mode === "image-to-video" && input.image_url) body.image_urls = [input.image_url];
    if (mode === "r2v") body.image_urls = input.reference_image_urls ?? [];
    if (mode === "video-edit" && input.video_url) body.video_urls = [input.video_url];
    return body;
  },
  refusal: (mode, ctx) =>
    mode === "video-edit" && !ctx.supportsVideoEdit
      ? `${modeLabel("video-edit")} is not available on the configured upstream: the generation.task gateway documents no edit mode (no video_urls). Set UPSTREAM_SUPPORTS_VIDEO_EDIT=true if yours takes one.`
      : null,
  uploadRefusal: (kind) =>
    kind === "video"
      ? "This upstream (generation.task) takes only image uploads (/v1/uploads/images): give the source video as an https URL."
      : null,
  taskIdPath: ["id"],
  statusMap: STATUS_MAP,
  videoUrlPaths: [["result", "data", 0, "url"], ["url"], ["video_url"]],
  uploadUrlPath: ["data", "url"],
};

const WIRES: Record<DialectId, Wire> = { "task-contract": taskContractWire, "generation-task": generationTaskWire };

export function wireFor(id: DialectId): Wire {
  return WIRES[id];
}
