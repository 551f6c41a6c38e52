import { z } from "zod";
import { findModel } from "@/lib/models/registry";
import type { TaskStatus } from "@/lib/spec/contract";
import { frameSize } from "@/lib/spec/model-spec";
import type { Task, TaskOutput, Upload } from "@/lib/spec/schema";
import { typeForStatus } from "./task-contract";
import type { ContractError, Dialect, KnownTask, Normalised } from "./types";
import { atPath, firstString, GATEWAY_STATUSES, type GatewayStatus, STATUS_MAP, generationTaskWire as wire, wireCalls } from "./wire";

/**
 * The "generation.task" dialect of the gateway the seed comes from (and others like it): a flat body at
 * `POST /v1/videos/generations`, status at `GET /v1/videos/generations/{id}`, uploads through
 * `POST /v1/uploads/images` with a `{ success, data | message }` envelope (what is sent, and where, is
 * ./wire.ts, shared with exported code). Its docs contradict themselves, so answers are read
 * defensively: `submitted` is `queued`, the video URL is looked for in `result.data[0].url`, then `url`,
 * then `video_url`, and errors are told apart by HTTP status.
 */

const unixSeconds = z.number().int().nonnegative();

/** A task answer as the gateway documents it. */
export const gatewayTaskSchema = z.strictObject({
  id: z.string(),
  object: z.literal("generation.task"),
  model: z.string(),
  status: z.enum(GATEWAY_STATUSES),
  progress: z.number().min(0).max(100),
  created_at: unixSeconds,
  completed_at: unixSeconds.optional(),
  expires_at: unixSeconds.optional(),
  result: z
    .strictObject({ type: z.literal("video"), data: z.array(z.strictObject({ url: z.string(), format: z.string() })).min(1) })
    .optional(),
  url: z.string().optional(),
  video_url: z.string().optional(),
  error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
});

export const gatewayErrorSchema = z.strictObject({ error: z.strictObject({ code: z.string(), message: z.string(), type: z.string() }) });
export const gatewayUploadOkSchema = z.strictObject({
  success: z.literal(true),
  data: z.strictObject({ id: z.string(), url: z.string(), mime_type: z.string(), size: z.number() }),
});
export const gatewayUploadFailSchema = z.strictObject({ success: z.literal(false), message: z.string() });

/** The image formats the gateway's upload endpoint documents. */
export const GATEWAY_UPLOAD_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

/** UNIX seconds (or milliseconds, or an ISO string, as some samples send) to ISO-8601; undefined when unreadable. */
export function toIso(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value > 1e12 ? value : value * 1000).toISOString();
  if (typeof value === "string" && value) {
    const asNumber = Number(value);
    if (Number.isFinite(asNumber)) return toIso(asNumber);
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
  }
  return undefined;
}

/** The video URL where the docs put it: `result.data[0].url`, then a top-level `url`, then `video_url`. */
export function videoUrlOf(raw: Obj): string | undefined {
  return firstString(raw, wire.videoUrlPaths);
}

/** The gateway's error answer in the guide's envelope: the type follows the HTTP status, the message is the gateway's. */
export function gatewayError(status: number, raw: unknown): ContractError {
  const error = isObj(raw) && isObj(raw.error) ? raw.error : undefined;
  const message =
    str(error?.message) ?? (isObj(raw) ? str(raw.message) : undefined) ?? `The upstream answered HTTP ${status} without an error message.`;
  const code = str(error?.code);
  return { type: typeForStatus(status), message: code && !message.includes(code) ? `${message} (${code})` : message };
}

function outputOf(raw: Obj, url: string, known?: KnownTask): TaskOutput {
  const output: TaskOutput = { video_url: url };
  const expires = toIso(raw.expires_at);
  if (expires) output.expires_at = expires;
  if (known) {
    // The gateway does not echo the request; these are the parameters the task was created with.
    const { input, model } = known.request;
    const spec = findModel(model);
    const frame = spec ? frameSize(spec, input.aspect_ratio, input.resolution) : null;
    Object.assign(output, { aspect_ratio: input.aspect_ratio, resolution: input.resolution, ...frame });
    if (input.duration) output.duration = input.duration;
  }
  return output;
}

function normaliseTask(status: number, raw: unknown, known?: KnownTask): Normalised<Task> {
  if (status >= 400) return { ok: false, status, error: gatewayError(status, raw) };
  if (!isObj(raw))
    return { ok: false, status: 502, error: { type: "upstream_error", message: "The upstream's task answer is not a JSON object." } };
  // Read where the exported scripts read it (the wire's path), numbers included.
  const rawId = atPath(raw, wire.taskIdPath);
  const id = str(rawId) ?? (typeof rawId === "number" ? String(rawId) : undefined);
  if (!id) return { ok: false, status: 502, error: { type: "upstream_error", message: "The upstream's task answer has no id." } };
  const gatewayStatus = typeof raw.status === "string" ? raw.status.toLowerCase() : "";
  // An unknown status is flagged by the check and treated as still running, so watching goes on.
  const mapped: TaskStatus = STATUS_MAP[gatewayStatus as GatewayStatus] ?? "running";
  // The gateway's own model id when the proxy did not create the task; the proxy maps it back.
  const task: Task = { task_id: id, model: known?.request.model ?? str(raw.model) ?? "", status: mapped };
  if (known) task.mode = known.request.mode;
  const created = toIso(raw.created_at);
  if (created) task.created_at = created;
  const updated = toIso(raw.completed_at);
  if (updated) task.updated_at = updated;
  if (mapped === "queued") task.progress = 0;
  else if (mapped === "running") task.progress = typeof raw.progress === "number" ? Math.min(100, Math.max(0, raw.progress)) : 0;
  if (mapped === "succeeded") {
    const url = videoUrlOf(raw);
    if (!url) {
      return {
        ok: true,
        status: 200,
        body: {
          ...task,
          status: "failed",
          error: {
            type: "upstream_error",
            message: "The upstream says completed but gave no video URL (looked in result.data[0].url, url and video_url).",
          },
        },
      };
    }
    task.progress = 100;
    task.output = outputOf(raw, url, known);
  }
  if (mapped === "failed") {
    const error = isObj(raw.error) ? raw.error : {};
    task.error = {
      type: str(error.code) ?? str(error.type) ?? "task_failed",
      message: str(error.message) ?? "The upstream reports the task failed and gave no reason.",
    };
  }
  return { ok: true, status: 200, body: task };
}

function normaliseUpload(status: number, raw: unknown): Normalised<Upload> {
  if (isObj(raw) && raw.success === false) {
    const code = Math.max(status, 400);
    return {
      ok: false,
      status: code,
      error: {
        type: typeForStatus(code),
        message: str(raw.message) ?? "The upstream refused the upload without a message.",
        param: "file",
      },
    };
  }
  if (status >= 400) return { ok: false, status, error: gatewayError(status, raw) };
  const data = isObj(raw) && isObj(raw.data) ? raw.data : undefined;
  const url = str(atPath(raw, wire.uploadUrlPath));
  if (!data || !url)
    return { ok: false, status: 502, error: { type: "upstream_error", message: "The upstream's upload answer has no data.url." } };
  return {
    ok: true,
    status: 200,
    body: {
      id: str(data.id) ?? url,
      url,
      mime_type: str(data.mime_type) ?? "application/octet-stream",
      size: typeof data.size === "number" ? data.size : 0,
    },
  };
}

export const generationTaskDialect: Dialect = {
  id: "generation-task",
  // The gateway documents no Idempotency-Key: the header is still sent, but a create is never retried blindly.
  idempotentCreates: false,
  ...wireCalls(wire),
  notes: () => [
    "R2V with one reference image goes as image_urls with one entry, which this gateway reads as a first frame (like Image-to-Video); three references are fused.",
    "The gateway honours no Idempotency-Key: a create that fails with a 5xx is not retried, so it cannot make a second task.",
  ],
  answerSchema: (kind, status, raw) => {
    if (kind === "upload")
      return isObj(raw) && raw.success === false ? gatewayUploadFailSchema : status >= 400 ? gatewayErrorSchema : gatewayUploadOkSchema;
    return status >= 400 ? gatewayErrorSchema : gatewayTaskSchema;
  },
  normaliseTask,
  normaliseUpload,
};
