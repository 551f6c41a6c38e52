import "server-only";
import { createHash } from "node:crypto";
import type { ZodType } from "zod";
import { upstreamConfig } from "@/lib/config";
import { ApiError, errorResponse, newRequestId, withDocs } from "@/lib/errors";
import { MULTIPART_OVERHEAD_BYTES } from "@/lib/security/body";
import { chargeDailyQuota, clientOf } from "@/lib/security/guard";
import { claimOnce } from "@/lib/security/rate-limit";
import {
  issueUploadTicket,
  ticketSecret,
  UPLOAD_TICKET_HEADER,
  UPLOAD_TICKET_TTL_SECONDS,
  type UploadTicket,
  verifyUploadTicket,
} from "@/lib/security/upload-ticket";
import { SCENARIO_IDS, scenarioById } from "@/lib/simulator/scenarios";
import { CONTRACT_MESSAGES, MAX_UPLOAD_FILE_BYTES } from "@/lib/spec/contract";
import {
  type CreateTaskRequest,
  parseCreateTaskRequest,
  TASK_ID_PATTERN,
  toFieldIssues,
  type UploadTicketAnswer,
  uploadTicketRequestSchema,
} from "@/lib/spec/schema";
import { CHECK_HEADER, encodeCheck } from "@/lib/upstream/check-header";
import { callUpstream, type UpstreamAnswer } from "@/lib/upstream/client";
import { contractFlags } from "@/lib/upstream/contract-check";
import { type Dialect, type DialectContext, dialectFor, type Normalised } from "@/lib/upstream/dialects";
import { isOwned, markOwned, watchForeignTasks } from "@/lib/upstream/ownership";
import { pollEveryTime, sharedPoll } from "@/lib/upstream/poll-cache";
import { knownTask, rememberTask } from "@/lib/upstream/task-memory";
import { streamUpload } from "@/lib/upstream/upload";

/** Headers the browser may see about the upstream call (never the key). */
function exchangeHeaders(answer: UpstreamAnswer, requestId: string): Record<string, string> {
  return {
    "x-request-id": requestId,
    "x-upstream-request": `${answer.method} ${answer.url}`,
    "x-upstream-latency-ms": String(answer.latencyMs),
    "cache-control": "no-store",
  };
}

/**
 * Answers in the guide's contract whatever the upstream's dialect: the normalised body (or the error
 * envelope with the proxy's request id, and where the guide of `model` explains it), plus the upstream's
 * raw answer and its contract flags in the `x-upstream-check` header.
 */
function answer<T>(
  upstream: UpstreamAnswer,
  normalised: Normalised<T>,
  schema: ZodType,
  dialect: Dialect,
  requestId: string,
  model?: string,
): Response {
  const headers = exchangeHeaders(upstream, requestId);
  const retryAfter = upstream.headers.get("retry-after");
  if (retryAfter) headers["retry-after"] = retryAfter;
  if (upstream.headers.get("idempotent-replayed") === "true") headers["x-idempotent-replayed"] = "true";
  headers[CHECK_HEADER] = encodeCheck({
    dialect: dialect.id,
    status: upstream.status,
    raw: upstream.body,
    flags: contractFlags(schema, upstream.body),
  });
  const body = normalised.ok
    ? normalised.body
    : {
        error: withDocs(
          {
            ...normalised.error,
            request_id: typeof normalised.error.request_id === "string" ? normalised.error.request_id : requestId,
          },
          normalised.status,
          model,
        ),
      };
  return Response.json(body, { status: normalised.ok ? normalised.status : normalised.status, headers });
}

/** The configured dialect, and its context for a request of `model` (our id; the upstream's id goes in the body). */
function current(model?: string): { dialect: Dialect; ctx: DialectContext; models: Readonly<Record<string, string>> } {
  const cfg = upstreamConfig();
  const ctx = { model: model ? (cfg.models[model] ?? model) : "", supportsVideoEdit: cfg.supportsVideoEdit };
  return { dialect: dialectFor(cfg.dialect), ctx, models: cfg.models };
}

/** A task the proxy did not create names the upstream's model id: answer with ours. */
function ourModelId(task: { model: string }, models: Readonly<Record<string, string>>): void {
  const ours = Object.keys(models).find((id) => models[id] === task.model);
  if (ours) task.model = ours;
}

/**
 * Headers the proxy adds for the simulator: the fault scenario of `x-simulate`, which goes to the simulator only: a real upstream never sees it.
 */
function simulatorHeaders(incoming: Headers, requestId: string): Record<string, string> {
  const simulate = incoming.get("x-simulate")?.trim();
  if (!upstreamConfig().simulated) {
    if (simulate && simulate !== "none") {
      throw new ApiError(400, "invalid_request_error", "x-simulate works only on the embedded simulator; a real upstream is configured.", {
        param: "x-simulate",
        requestId,
      });
    }
    return {};
  }
  // The embedded simulator caps renders in flight per visitor: it learns the visitor from here.
  const headers: Record<string, string> = { "x-simulator-client": clientOf(incoming) };
  if (simulate) {
    if (!scenarioById(simulate)) {
      throw new ApiError(400, "invalid_request_error", `x-simulate must be one of ${SCENARIO_IDS.join(", ")}.`, {
        param: "x-simulate",
        requestId,
      });
    }
    headers["x-simulate"] = simulate;
  }
  return headers;
}

const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * The Idempotency-Key of a create: the browser's (one per run, reused by its retries), or a new one.
 * Every create goes upstream with a key, so a retry after a 5xx can never make a second task.
 */
function idempotencyKey(incoming: Headers, requestId: string): { given: string; forwarded: string } {
  const given = incoming.get("idempotency-key");
  if (given === null) {
    const fresh = `idem_${crypto.randomUUID().replace(/-/g, "")}`;
    return { given: fresh, forwarded: fresh };
  }
  if (!IDEMPOTENCY_KEY_RE.test(given)) {
    throw new ApiError(400, "invalid_request_error", "Idempotency-Key must be 8–128 letters, digits, underscores or hyphens.", {
      param: "Idempotency-Key",
      requestId,
    });
  }
  return { given, forwarded: boundIdempotencyKey(clientOf(incoming), given) };
}

/**
 * The key sent upstream for a client's Idempotency-Key: bound to the client (a hash of both), so that
 * one visitor replaying another's key under the shared API key gets a task of its own, never the other's.
 */
export function boundIdempotencyKey(client: string, given: string): string {
  return `idem_${createHash("sha256").update(`nb2-idem-v1\0${client}\0${given}`).digest("base64url").slice(0, 43)}`;
}

/**
 * Validates a create body with the shared schema, refuses a mode the configured upstream cannot do
 * (before sending anything), and forwards only a valid request, in the upstream's dialect, with an
 * Idempotency-Key.
 */
export async function createTask(body: unknown, incoming: Headers): Promise<Response> {
  const requestId = newRequestId();
  const parsed = parseCreateTaskRequest(body);
  // A body that names a model gets that model's guide as its errors' doc_url, even when it is refused.
  const named = typeof body === "object" && body !== null ? (body as { model?: unknown }).model : undefined;
  if (!parsed.ok) return ApiError.invalid(parsed.issues, requestId, typeof named === "string" ? named : undefined).toResponse();
  const request: CreateTaskRequest = parsed.value;
  const { dialect, ctx } = current(request.model);
  const refusal = dialect.refusal(request.mode, ctx);
  if (refusal) return new ApiError(400, "invalid_request_error", refusal, { param: "mode", requestId, model: request.model }).toResponse();
  await chargeDailyQuota(incoming, "create", requestId);
  const key = idempotencyKey(incoming, requestId);
  const headers = { ...simulatorHeaders(incoming, requestId), "idempotency-key": key.forwarded };
  const call = dialect.createCall(request, ctx);
  const upstream = await callUpstream("POST", call.path, { json: call.body, requestId, headers });
  const normalised = dialect.normaliseTask(upstream.status, upstream.body, { request });
  if (normalised.ok) {
    rememberTask(normalised.body.task_id, { request });
    await markOwned(normalised.body.task_id);
    const simulate = (headers as Record<string, string>)["x-simulate"];
    if (simulate && simulate !== "none") pollEveryTime(normalised.body.task_id);
  }
  const res = answer(upstream, normalised, dialect.answerSchema("task", upstream.status, upstream.body), dialect, requestId, request.model);
  res.headers.set("idempotency-key", key.given);
  if (!dialect.idempotentCreates) res.headers.set("x-idempotent-creates", "false");
  return res;
}

/** Polls one task; the id is checked before it goes into the upstream URL. */
export async function getTask(taskId: string, incoming: Headers): Promise<Response> {
  const requestId = newRequestId();
  if (!TASK_ID_PATTERN.test(taskId)) {
    return new ApiError(400, "invalid_request_error", CONTRACT_MESSAGES.taskId, { param: "task_id", requestId }).toResponse();
  }
  if (!watchForeignTasks() && !(await isOwned(taskId))) {
    throw new ApiError(
      404,
      "not_found_error",
      `No task ${taskId} was created through this playground in the last 48 hours: it watches only the tasks it created itself (a deployment can allow others with WATCH_FOREIGN_TASKS=true).`,
      { param: "task_id", requestId },
    );
  }
  const { dialect, models } = current();
  const headers = simulatorHeaders(incoming, requestId);
  const upstream = await sharedPoll(taskId, () => callUpstream("GET", dialect.statusPath(taskId), { requestId, headers }));
  // A shared answer (the same object for every viewer within its second) is normalised, checked against
  // the contract and serialised once: that work cost more than the rest of the poll's handler together.
  let built = builtPolls.get(upstream);
  if (!built) {
    const known = knownTask(taskId);
    const normalised = dialect.normaliseTask(upstream.status, upstream.body, known);
    if (normalised.ok && !known) ourModelId(normalised.body, models);
    const res = answer(
      upstream,
      normalised,
      dialect.answerSchema("task", upstream.status, upstream.body),
      dialect,
      requestId,
      known?.request.model,
    );
    // Only a 2xx is shared; an error's envelope names this request's id.
    if (!normalised.ok || upstream.status >= 300) return res;
    built = { status: res.status, headers: [...res.headers.entries()], body: await res.text() };
    builtPolls.set(upstream, built);
  }
  const out = new Headers(built.headers);
  out.set("x-request-id", requestId);
  return new Response(built.body, { status: built.status, headers: out });
}

/** Poll answers as sent, per shared upstream answer (gone with it). */
const builtPolls = new WeakMap<UpstreamAnswer, { status: number; headers: [string, string][]; body: string }>();

/**
 * Issues the ticket an upload needs (lib/security/upload-ticket.ts): for the client this request comes
 * from (proxy.ts runs for this route, so its address is the socket's) and the file size it declares,
 * which may not exceed the spec's largest file. The caller has counted the request against the
 * per-minute upload limit.
 */
export async function createUploadTicket(body: unknown, incoming: Headers): Promise<Response> {
  const requestId = newRequestId();
  const parsed = uploadTicketRequestSchema.safeParse(body);
  if (!parsed.success) return ApiError.invalid(toFieldIssues(parsed.error), requestId).toResponse();
  const { size } = parsed.data;
  if (size > MAX_UPLOAD_FILE_BYTES) {
    return new ApiError(
      413,
      "invalid_request_error",
      `file is ${size} bytes. ${CONTRACT_MESSAGES.imageFile} ${CONTRACT_MESSAGES.videoFile}`,
      { param: "size", requestId },
    ).toResponse();
  }
  const { value, ticket } = issueUploadTicket(clientOf(incoming), size, ticketSecret(upstreamConfig().apiKey));
  const answer: UploadTicketAnswer = { ticket: value, expires_at: new Date(ticket.expiresAt * 1000).toISOString(), max_bytes: size };
  return Response.json(answer, { headers: { "x-request-id": requestId, "cache-control": "no-store" } });
}

/**
 * What an upload's ticket admits, checked before a byte of the body is read: a ticket signed by this
 * deployment (400 when there is none or it is not one, 403 when altered, expired or already used), and a
 * body no larger than its declared file plus the multipart framing (413, by Content-Length).
 */
async function admitUpload(headers: Headers, requestId: string): Promise<UploadTicket> {
  const param = "X-Upload-Ticket";
  const fresh = "Ask POST /api/upload-tickets for a new one.";
  const check = verifyUploadTicket(headers.get(UPLOAD_TICKET_HEADER), ticketSecret(upstreamConfig().apiKey));
  if (!check.ok) {
    switch (check.problem) {
      case "missing":
        throw new ApiError(
          400,
          "invalid_request_error",
          `An upload needs a ticket: POST /api/upload-tickets with the file's size, then send the ticket in the ${param} header.`,
          { param, requestId },
        );
      case "malformed":
        throw new ApiError(400, "invalid_request_error", `${param} is not an upload ticket. ${fresh}`, { param, requestId });
      case "signature":
        throw new ApiError(
          403,
          "permission_error",
          `The upload ticket's signature does not match: it was altered, or issued with another key. ${fresh}`,
          { param, requestId },
        );
      case "expired":
        throw new ApiError(
          403,
          "permission_error",
          `The upload ticket expired at ${new Date(check.expiresAt * 1000).toISOString()} (a ticket lasts ${UPLOAD_TICKET_TTL_SECONDS} s). ${fresh}`,
          { param, requestId },
        );
    }
  }
  const { ticket } = check;
  const declared = Number(headers.get("content-length") ?? "0");
  const allowed = ticket.size + MULTIPART_OVERHEAD_BYTES;
  if (declared > allowed) {
    throw new ApiError(
      413,
      "invalid_request_error",
      `The upload is ${declared} bytes; its ticket admits a file of ${ticket.size} bytes (${allowed} with the multipart framing).`,
      { param: "file", requestId },
    );
  }
  if (!(await claimOnce(ticket.id, UPLOAD_TICKET_TTL_SECONDS + 60))) {
    throw new ApiError(403, "permission_error", `This upload ticket was already used: a ticket is good for one upload. ${fresh}`, {
      param,
      requestId,
    });
  }
  return ticket;
}

/**
 * Streams one uploaded file (multipart field `file`) to the upstream, once its ticket admits it: kind
 * from the bytes, size counted as they pass, limits from the spec and the ticket, the daily quota charged
 * to the client the ticket names. Answers `{ id, url, mime_type, size }` in every dialect.
 */
export async function uploadMedia(req: Request): Promise<Response> {
  const requestId = newRequestId();
  try {
    const { dialect } = current();
    const ticket = await admitUpload(req.headers, requestId);
    const upstream = await streamUpload(req, dialect, {
      requestId,
      headers: simulatorHeaders(req.headers, requestId),
      declaredBytes: ticket.size,
      // Charged once the file's type and first bytes passed, so a refused file costs nothing.
      beforeForward: () => chargeDailyQuota(ticket.client, "upload", requestId),
    });
    const normalised = dialect.normaliseUpload(upstream.status, upstream.body);
    return answer(upstream, normalised, dialect.answerSchema("upload", upstream.status, upstream.body), dialect, requestId);
  } catch (err) {
    return errorResponse(err);
  }
}
