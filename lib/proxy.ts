import "server-only";
import { ApiError, newRequestId } from "@/lib/errors";
import { upstreamConfig } from "@/lib/config";
import { callUpstream, type UpstreamAnswer } from "@/lib/upstream/client";
import { kindOfMime, limitsOf, sniffMime } from "@/lib/media";
import { chargeDailyQuota } from "@/lib/security/guard";
import { MESSAGES } from "@/lib/spec/nano-banana-2";
import { TASK_ID_PATTERN, parseCreateTaskRequest, type CreateTaskRequest } from "@/lib/spec/schema";

/** Headers the browser may see about the upstream call (never the key). */
function exchangeHeaders(answer: UpstreamAnswer, requestId: string): Record<string, string> {
  return {
    "x-request-id": requestId,
    "x-upstream-request": `${answer.method} ${answer.url}`,
    "x-upstream-latency-ms": String(answer.latencyMs),
    "cache-control": "no-store",
  };
}

/** Passes the upstream's answer through; error envelopes get the proxy's request id when they lack one. */
function relay(answer: UpstreamAnswer, requestId: string): Response {
  const headers = exchangeHeaders(answer, requestId);
  const retryAfter = answer.headers.get("retry-after");
  if (retryAfter) headers["retry-after"] = retryAfter;
  let body = answer.body;
  if (answer.status >= 400) {
    const envelope = body as { error?: Record<string, unknown> } | null;
    if (envelope && typeof envelope === "object" && envelope.error && typeof envelope.error === "object") {
      body = { error: { ...envelope.error, request_id: envelope.error.request_id ?? requestId } };
    } else {
      const type = answer.status === 401 ? "authentication_error" : answer.status === 429 ? "rate_limit_exceeded" : answer.status >= 500 ? "internal_error" : "invalid_request_error";
      body = { error: { type, message: `The upstream answered HTTP ${answer.status} without an error envelope.`, request_id: requestId } };
    }
  }
  return Response.json(body, { status: answer.status, headers });
}

/** Forwarded-host headers let the simulator build media URLs the browser can load. */
function simulatorHeaders(incoming: Headers): Record<string, string> {
  if (!upstreamConfig().simulated) return {};
  const host = incoming.get("host");
  if (!host) return {};
  const proto = incoming.get("x-forwarded-proto") ?? "http";
  return { "x-forwarded-host": host, "x-forwarded-proto": proto.split(",")[0].trim() };
}

/** Validates a create body with the shared schema and forwards only a valid request. */
export async function createTask(body: unknown, incoming: Headers): Promise<Response> {
  const requestId = newRequestId();
  const parsed = parseCreateTaskRequest(body);
  if (!parsed.ok) return ApiError.invalid(parsed.issues, requestId).toResponse();
  const request: CreateTaskRequest = parsed.value;
  await chargeDailyQuota(incoming, "create", requestId);
  const upstreamBody = { ...request, model: upstreamConfig().model };
  const answer = await callUpstream("POST", "/v1/tasks", { json: upstreamBody, requestId, headers: simulatorHeaders(incoming) });
  return relay(answer, requestId);
}

/** Polls one task; the id is checked before it goes into the upstream URL. */
export async function getTask(taskId: string, incoming: Headers): Promise<Response> {
  const requestId = newRequestId();
  if (!TASK_ID_PATTERN.test(taskId)) {
    return new ApiError(400, "invalid_request_error", MESSAGES.taskId, { param: "task_id", requestId }).toResponse();
  }
  const answer = await callUpstream("GET", `/v1/tasks/${encodeURIComponent(taskId)}`, { requestId, headers: simulatorHeaders(incoming) });
  return relay(answer, requestId);
}

/** Checks an uploaded file's kind from its bytes and its size against the spec, then forwards it. */
export async function uploadMedia(form: FormData, incoming: Headers): Promise<Response> {
  const requestId = newRequestId();
  const file = form.get("file");
  if (!(file instanceof File)) {
    return new ApiError(400, "invalid_request_error", "Send one file in the multipart field `file`.", { param: "file", requestId }).toResponse();
  }
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const mime = sniffMime(head);
  const kind = mime ? kindOfMime(mime) : null;
  if (!mime || !kind) {
    return new ApiError(400, "invalid_request_error", `file is not a supported type: ${MESSAGES.imageFile} ${MESSAGES.videoFile}`, { param: "file", requestId }).toResponse();
  }
  const limits = limitsOf(kind);
  if (file.size > limits.maxBytes || file.size === 0) {
    const message = kind === "image" ? MESSAGES.imageFile : MESSAGES.videoFile;
    return new ApiError(file.size === 0 ? 400 : 413, "invalid_request_error", `file is ${file.size} bytes. ${message}`, { param: "file", requestId }).toResponse();
  }
  await chargeDailyQuota(incoming, "upload", requestId);
  const forward = new FormData();
  forward.set("file", new File([file], file.name || `upload`, { type: mime }));
  const answer = await callUpstream("POST", "/v1/uploads", { form: forward, requestId, headers: simulatorHeaders(incoming) });
  return relay(answer, requestId);
}
