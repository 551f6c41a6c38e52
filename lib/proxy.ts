import "server-only";
import { ApiError, newRequestId } from "@/lib/errors";
import { upstreamConfig } from "@/lib/config";
import { callUpstream, type UpstreamAnswer } from "@/lib/upstream/client";
import { kindOfMime, limitsOf, sniffMime } from "@/lib/media";
import { chargeDailyQuota } from "@/lib/security/guard";
import { MESSAGES } from "@/lib/spec/nano-banana-2";
import { TASK_ID_PATTERN, parseCreateTaskRequest, type CreateTaskRequest } from "@/lib/spec/schema";
import { SCENARIO_IDS, scenarioById } from "@/lib/simulator/scenarios";

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
  if (answer.headers.get("idempotent-replayed") === "true") headers["x-idempotent-replayed"] = "true";
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

/**
 * Headers the proxy adds for the simulator: forwarded host (so it builds media URLs the browser can load)
 * and the fault scenario of `x-simulate`, which goes to the simulator only: a real upstream never sees it.
 */
function simulatorHeaders(incoming: Headers, requestId: string): Record<string, string> {
  const simulate = incoming.get("x-simulate")?.trim();
  if (!upstreamConfig().simulated) {
    if (simulate && simulate !== "none") {
      throw new ApiError(400, "invalid_request_error", "x-simulate works only on the embedded simulator; a real upstream is configured.", { param: "x-simulate", requestId });
    }
    return {};
  }
  const headers: Record<string, string> = {};
  if (simulate) {
    if (!scenarioById(simulate)) {
      throw new ApiError(400, "invalid_request_error", `x-simulate must be one of ${SCENARIO_IDS.join(", ")}.`, { param: "x-simulate", requestId });
    }
    headers["x-simulate"] = simulate;
  }
  const host = incoming.get("host");
  if (!host) return headers;
  const proto = incoming.get("x-forwarded-proto") ?? "http";
  return { ...headers, "x-forwarded-host": host, "x-forwarded-proto": proto.split(",")[0].trim() };
}

const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * The Idempotency-Key of a create: the browser's (one per run, reused by its retries), or a new one.
 * Every create goes upstream with a key, so a retry after a 5xx can never make a second task.
 */
function idempotencyKey(incoming: Headers, requestId: string): string {
  const given = incoming.get("idempotency-key");
  if (given === null) return `idem_${crypto.randomUUID().replace(/-/g, "")}`;
  if (!IDEMPOTENCY_KEY_RE.test(given)) {
    throw new ApiError(400, "invalid_request_error", "Idempotency-Key must be 8–128 letters, digits, underscores or hyphens.", { param: "Idempotency-Key", requestId });
  }
  return given;
}

/** Validates a create body with the shared schema and forwards only a valid request, with an Idempotency-Key. */
export async function createTask(body: unknown, incoming: Headers): Promise<Response> {
  const requestId = newRequestId();
  const parsed = parseCreateTaskRequest(body);
  if (!parsed.ok) return ApiError.invalid(parsed.issues, requestId).toResponse();
  const request: CreateTaskRequest = parsed.value;
  await chargeDailyQuota(incoming, "create", requestId);
  const upstreamBody = { ...request, model: upstreamConfig().model };
  const key = idempotencyKey(incoming, requestId);
  const headers = { ...simulatorHeaders(incoming, requestId), "idempotency-key": key };
  const answer = await callUpstream("POST", "/v1/tasks", { json: upstreamBody, requestId, headers });
  const res = relay(answer, requestId);
  res.headers.set("idempotency-key", key);
  return res;
}

/** Polls one task; the id is checked before it goes into the upstream URL. */
export async function getTask(taskId: string, incoming: Headers): Promise<Response> {
  const requestId = newRequestId();
  if (!TASK_ID_PATTERN.test(taskId)) {
    return new ApiError(400, "invalid_request_error", MESSAGES.taskId, { param: "task_id", requestId }).toResponse();
  }
  const answer = await callUpstream("GET", `/v1/tasks/${encodeURIComponent(taskId)}`, { requestId, headers: simulatorHeaders(incoming, requestId) });
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
  const answer = await callUpstream("POST", "/v1/uploads", { form: forward, requestId, headers: simulatorHeaders(incoming, requestId) });
  return relay(answer, requestId);
}
