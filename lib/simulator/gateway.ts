import "server-only";
import { z } from "zod";
import { modelIdsFromEnv, upstreamConfig } from "@/lib/config";
import { ApiError, bareErrorResponse, newRequestId, readJson } from "@/lib/errors";
import { MODELS } from "@/lib/models/registry";
import { firstFile } from "@/lib/multipart";
import { CONTRACT_MESSAGES, IMAGE_LIMITS, type ModeId } from "@/lib/spec/contract";
import { fieldsOf } from "@/lib/spec/model-spec";
import { parseCreateTaskRequest, TASK_ID_PATTERN } from "@/lib/spec/schema";
import { createSimTask, saveUploadStream, uploadAnswer, viewSimTask } from "./engine";
import { countAttempt, faultResponse, scenarioFromHeader } from "./faults";
import { assertEnabled, assertKey, publicBase, simulatorClient } from "./http";
import { faultAt, scenarioById } from "./scenarios";
import { type SimTask, simStore } from "./store";

/**
 * The simulator in the gateway's "generation.task" dialect (served under `/api/simulator/gateway`),
 * sharing the engine and store of the task contract. Faithful to the gateway's docs, oddities included:
 * `submitted` in the second half of the queue, the video URL both in `result.data[0].url` and at the top
 * level, a failed task as HTTP 200 with `status: "failed"`, `expires_at` 24 h after completion, the
 * upload envelope `{ success, data | message }`, and error type names that differ from the guide's.
 * It honours no Idempotency-Key, as the gateway documents none.
 */

/** The gateway's `error.type` per HTTP status (its pages use these spellings). */
const GATEWAY_TYPES: Record<number, string> = {
  400: "invalid_request",
  401: "unauthorized",
  402: "insufficient_quota",
  404: "not_found",
  422: "content_policy_violation",
  429: "rate_limit_exceeded",
};
const gatewayType = (status: number) => GATEWAY_TYPES[status] ?? (status >= 500 ? "server_error" : "invalid_request");

/** The files the gateway's upload endpoint takes (its docs: JPEG, PNG, WebP or GIF up to 10 MB). */
const GATEWAY_UPLOAD_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"] as const;

/** How long the gateway keeps a video URL alive. */
export const GATEWAY_URL_TTL_S = 24 * 60 * 60;

/** Rewrites the guide's envelope (from ApiError and the shared fault machinery) into the gateway's `{ error: { code, message, type } }`. */
async function inGatewayShape(res: Response): Promise<Response> {
  if (res.status < 400 || !(res.headers.get("content-type") ?? "").includes("json")) return res;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { error?: { type?: string; code?: string; message?: string } } | null;
  const error = body?.error;
  if (!error || typeof error.code === "string") return res;
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return Response.json(
    { error: { code: error.type ?? "error", message: error.message ?? "", type: gatewayType(res.status) } },
    { status: res.status, headers },
  );
}

async function gatewayAnswer(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await inGatewayShape(await fn());
  } catch (err) {
    return inGatewayShape(bareErrorResponse(err));
  }
}

const createBodySchema = z.strictObject({
  model: z.string(),
  prompt: z.string(),
  duration: z.number().optional(),
  aspect_ratio: z.string().optional(),
  resolution: z.string().optional(),
  image_urls: z.array(z.string()).optional(),
  video_urls: z.array(z.string()).optional(),
});

function bad(message: string, param: string, requestId: string): ApiError {
  return new ApiError(400, "invalid_request_error", message, { param, requestId });
}

/** The gateway's flat body in the guide's terms; the mode follows from the media given. */
function toContractRequest(raw: unknown, requestId: string) {
  const parsed = createBodySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue.code === "unrecognized_keys" ? issue.keys[0] : issue.path.join(".") || "body";
    throw bad(
      issue.code === "unrecognized_keys" ? `${param} is not a field of this endpoint.` : `${param}: ${issue.message}`,
      param,
      requestId,
    );
  }
  const body = parsed.data;
  // The gateway's own model ids (with this deployment's overrides), whatever dialect the proxy speaks.
  const models = modelIdsFromEnv("generation-task");
  const spec = MODELS.find((m) => models[m.id] === body.model);
  if (!spec) throw bad(`model must be one of ${MODELS.map((m) => models[m.id]).join(", ")}.`, "model", requestId);
  const images = body.image_urls ?? [];
  const videos = body.video_urls ?? [];
  if (images.length && videos.length) throw bad("Send image_urls or video_urls, not both.", "video_urls", requestId);
  if (videos.length && !upstreamConfig().supportsVideoEdit)
    throw bad("video_urls is not supported by this gateway.", "video_urls", requestId);
  if (videos.length > 1) throw bad("video_urls takes at most 1 URL.", "video_urls", requestId);
  if (images.length === 2) throw bad("image_urls takes 1 image or 3 references; 2 images are not supported.", "image_urls", requestId);
  if (images.length > 3) throw bad(`image_urls takes 1 or 3 URLs, not ${images.length}.`, "image_urls", requestId);
  // The gateway's own reading of its flat body (written here, not shared with the adapter that builds it):
  // the mode follows from the media; resolution comes in lower case.
  const mode: ModeId = videos.length
    ? "video-edit"
    : images.length === 1
      ? "image-to-video"
      : images.length === 3
        ? "r2v"
        : "text-to-video";
  const input: Record<string, unknown> = { prompt: body.prompt };
  if (body.aspect_ratio !== undefined) input.aspect_ratio = body.aspect_ratio;
  if (body.resolution !== undefined) input.resolution = body.resolution.toUpperCase();
  // A field the mode does not take (a duration next to a source video) is ignored, as the gateway does.
  if (body.duration !== undefined && fieldsOf(spec, mode).includes("duration")) input.duration = body.duration;
  if (mode === "image-to-video") input.image_url = images[0];
  if (mode === "r2v") input.reference_image_urls = images;
  if (mode === "video-edit") input.video_url = videos[0];
  const request = { model: spec.id, mode, input };
  const contract = parseCreateTaskRequest(request);
  if (!contract.ok) {
    const [first] = contract.issues;
    throw bad(first.message, first.param.replace(/^input\./, ""), requestId);
  }
  return { request: contract.value, model: body.model };
}

/** A task as the gateway shows it at time `now`. */
export async function viewGatewayTask(task: SimTask, now: number, base: string): Promise<Record<string, unknown>> {
  const view = await viewSimTask(task, now, base);
  const common = {
    id: task.task_id,
    object: "generation.task",
    model: task.gatewayModel ?? modelIdsFromEnv("generation-task")[task.request.model],
    created_at: Math.floor(task.createdAt / 1000),
  };
  switch (view.status) {
    case "queued":
      // The docs call the waiting state both `queued` and `submitted`: the second half of the wait says `submitted`.
      return { ...common, status: now - task.createdAt < task.queueMs / 2 ? "queued" : "submitted", progress: 0 };
    case "running":
      return { ...common, status: "in_progress", progress: view.progress ?? 0 };
    case "failed":
      return {
        ...common,
        status: "failed",
        progress: 0,
        error: { code: view.error?.type ?? "task_failed", message: view.error?.message ?? "" },
      };
    case "succeeded": {
      const completedAt = Math.floor(Date.parse(view.updated_at ?? new Date(now).toISOString()) / 1000);
      const url = view.output!.video_url;
      return {
        ...common,
        status: "completed",
        progress: 100,
        completed_at: completedAt,
        expires_at: completedAt + GATEWAY_URL_TTL_S,
        result: { type: "video", data: [{ url, format: "mp4" }] },
        // Some of the gateway's samples put the URL at the top level too.
        url,
      };
    }
  }
}

/** `POST /v1/videos/generations`: the flat body, answered with the queued task. `x-simulate` picks a fault scenario. */
export function gatewayCreate(req: Request): Promise<Response> {
  return gatewayAnswer(async () => {
    assertEnabled();
    const requestId = req.headers.get("x-request-id") ?? newRequestId();
    const scenario = scenarioFromHeader(req.headers.get("x-simulate"), requestId);
    const fault = faultAt(scenario?.create, countAttempt(`gateway-create:${requestId}`));
    if (fault?.kind === "auth") return faultResponse(fault, requestId, () => Promise.reject());
    assertKey(req, requestId);
    const createsFirst = fault?.kind === "slow" || (fault?.kind === "error" && fault.afterCreate);
    if (fault && !createsFirst) return faultResponse(fault, requestId, () => Promise.reject());
    const { request, model } = toContractRequest(await readJson(req), requestId);
    const task = await createSimTask(request, {
      scenario: scenario?.id,
      taskFailure: scenario?.taskFailure,
      minRunMs: scenario?.minRunMs,
      gatewayModel: model,
      client: simulatorClient(req),
      requestId,
    });
    const normal = async () =>
      Response.json(await viewGatewayTask(task, task.createdAt, publicBase(req)), { headers: { "x-request-id": requestId } });
    return fault ? faultResponse(fault, requestId, normal) : normal();
  });
}

/** `GET /v1/videos/generations/{id}`: the task; a failed one is HTTP 200 with `status: "failed"`. */
export function gatewayGet(req: Request, taskId: string): Promise<Response> {
  return gatewayAnswer(async () => {
    assertEnabled();
    const requestId = req.headers.get("x-request-id") ?? newRequestId();
    assertKey(req, requestId);
    if (!TASK_ID_PATTERN.test(taskId)) throw bad(CONTRACT_MESSAGES.taskId, "task_id", requestId);
    const task = await simStore().getTask(taskId);
    if (!task) throw new ApiError(404, "task_not_found", `Task ${taskId} not found.`, { requestId });
    const normal = async () =>
      Response.json(await viewGatewayTask(task, Date.now(), publicBase(req)), { headers: { "x-request-id": requestId } });
    const scenario = scenarioById(task.scenario);
    const fault = scenario?.poll ? faultAt(scenario.poll, countAttempt(`poll:${taskId}`)) : null;
    return fault ? faultResponse(fault, requestId, normal) : normal();
  });
}

/** `POST /v1/uploads/images`: JPEG, PNG, WebP or GIF up to 10 MB, answered in the `{ success, data | message }` envelope. */
export function gatewayUpload(req: Request): Promise<Response> {
  return gatewayAnswer(async () => {
    assertEnabled();
    const requestId = req.headers.get("x-request-id") ?? newRequestId();
    assertKey(req, requestId);
    const headers = { "x-request-id": requestId };
    const refuse = (status: number, message: string) => Response.json({ success: false, message }, { status, headers });
    const file = await firstFile(req, "file", requestId).catch(() => null);
    if (!file) return refuse(400, "Send one image in the multipart field `file`.");
    const limitFor = (mime: string) => ((GATEWAY_UPLOAD_MIME_TYPES as readonly string[]).includes(mime) ? IMAGE_LIMITS.maxBytes : null);
    const saved = await saveUploadStream(file.chunks, limitFor, "a JPEG, PNG, WebP or GIF image");
    if ("error" in saved) {
      file.drain();
      return refuse(saved.status, saved.error);
    }
    return Response.json({ success: true, data: uploadAnswer(saved, publicBase(req)) }, { headers });
  });
}
