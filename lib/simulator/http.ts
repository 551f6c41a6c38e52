import "server-only";
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { appOrigin, simulatorEnabled, simulatorKey } from "@/lib/config";
import { ApiError, newRequestId, readJson } from "@/lib/errors";
import { kindOfMime, limitsOf } from "@/lib/media";
import { firstFile } from "@/lib/multipart";
import { constantTimeEqual } from "@/lib/security/hmac";
import { CONTRACT_MESSAGES } from "@/lib/spec/contract";
import { parseCreateTaskRequest, TASK_ID_PATTERN } from "@/lib/spec/schema";
import { createSimTask, saveUploadStream, uploadAnswer, viewSimTask } from "./engine";
import { countAttempt, faultResponse, MISSING_KEY_MESSAGE, scenarioFromHeader, WRONG_KEY_MESSAGE } from "./faults";
import { faultAt, scenarioById } from "./scenarios";
import { simStore } from "./store";

/**
 * The simulator's HTTP surface: the guide's task contract (`/v1/tasks`, `/v1/uploads`) plus the files
 * it serves. It runs only when no real upstream is configured, and checks the key like a real one.
 */

/** The origin the browser loads media from: PUBLIC_ORIGIN (lib/config.ts), never a request header. */
export function publicBase(_req?: Request): string {
  return appOrigin();
}

/** 404 unless the simulator is on: no UPSTREAM_BASE_URL, or SIMULATOR_ENABLED=true (lib/config.ts). */
export function assertEnabled(): void {
  if (!simulatorEnabled()) {
    throw new ApiError(404, "not_found_error", "The simulator is off: a real upstream is configured (SIMULATOR_ENABLED is not true).");
  }
}

export function assertKey(req: Request, requestId: string): void {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer (.+)$/.exec(header);
  if (!match) {
    throw new ApiError(401, "authentication_error", MISSING_KEY_MESSAGE, { requestId });
  }
  if (!constantTimeEqual(match[1], simulatorKey())) {
    throw new ApiError(401, "authentication_error", WRONG_KEY_MESSAGE, { requestId });
  }
}

/**
 * Whom a render is for, as the proxy names it in `x-simulator-client` (its client's address; the call
 * carries the key, so only the proxy or the operator can name one): the per-client cap counts by it. A
 * call without one comes from a holder of the key (the operator's scripts), held only to the queue's bound.
 */
export function simulatorClient(req: Request): string | undefined {
  return req.headers.get("x-simulator-client")?.slice(0, 80) || undefined;
}

/** Idempotency-Key values the simulator accepts (the proxy sends one with every create). */
const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Creates a task. The `x-simulate` header picks a fault scenario (it sticks to the task). An
 * Idempotency-Key that was seen before returns the task it created (`idempotent-replayed: true`), never a
 * second one; the same key with a different body is refused.
 */
export async function simCreate(req: Request): Promise<Response> {
  assertEnabled();
  const requestId = req.headers.get("x-request-id") ?? newRequestId();
  const scenario = scenarioFromHeader(req.headers.get("x-simulate"), requestId);
  const key = req.headers.get("idempotency-key");
  if (key !== null && !IDEMPOTENCY_KEY_RE.test(key)) {
    throw new ApiError(400, "invalid_request_error", "Idempotency-Key must be 8–128 letters, digits, underscores or hyphens.", {
      param: "Idempotency-Key",
      requestId,
    });
  }
  const attempt = countAttempt(`create:${key ?? requestId}`);
  const fault = faultAt(scenario?.create, attempt);
  if (fault?.kind === "auth") return faultResponse(fault, requestId, () => Promise.reject());
  assertKey(req, requestId);
  // Faults that answer before anything is created; `slow` and `afterCreate` errors create the task first.
  const createsFirst = fault?.kind === "slow" || (fault?.kind === "error" && fault.afterCreate);
  if (fault && !createsFirst) return faultResponse(fault, requestId, () => Promise.reject());

  const parsed = parseCreateTaskRequest(await readJson(req));
  if (!parsed.ok) return ApiError.invalid(parsed.issues, requestId).toResponse({ docs: false });
  const requestHash = createHash("sha256").update(JSON.stringify(parsed.value)).digest("hex");
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (key) {
    const seen = await simStore().getIdempotency(key);
    const existing = seen && (await simStore().getTask(seen.taskId));
    if (seen && existing) {
      if (seen.requestHash !== requestHash) {
        throw new ApiError(400, "invalid_request_error", "This Idempotency-Key was already used with a different request body.", {
          param: "Idempotency-Key",
          requestId,
        });
      }
      return Response.json(await viewSimTask(existing, Date.now(), publicBase(req)), {
        headers: { ...headers, "idempotent-replayed": "true" },
      });
    }
  }
  const task = await createSimTask(parsed.value, {
    scenario: scenario?.id,
    taskFailure: scenario?.taskFailure,
    idempotencyKey: key ?? undefined,
    minRunMs: scenario?.minRunMs,
    client: simulatorClient(req),
    requestId,
  });
  if (key) await simStore().putIdempotency({ key, taskId: task.task_id, requestHash });
  const normal = async () => Response.json(await viewSimTask(task, task.createdAt, publicBase(req)), { headers });
  return fault ? faultResponse(fault, requestId, normal) : normal();
}

/** The checks every task route makes (simulator on, key, id shape) and the stored task, or a 404. */
async function requireTask(req: Request, taskId: string) {
  assertEnabled();
  const requestId = req.headers.get("x-request-id") ?? newRequestId();
  assertKey(req, requestId);
  if (!TASK_ID_PATTERN.test(taskId))
    throw new ApiError(400, "invalid_request_error", CONTRACT_MESSAGES.taskId, { param: "task_id", requestId });
  const task = await simStore().getTask(taskId);
  if (!task) throw new ApiError(404, "not_found_error", `No task with id ${taskId}.`, { param: "task_id", requestId });
  return { task, requestId };
}

/** A task's status; the task's scenario may make this poll misbehave. */
export async function simGet(req: Request, taskId: string): Promise<Response> {
  const { task, requestId } = await requireTask(req, taskId);
  const normal = async () =>
    Response.json(await viewSimTask(task, Date.now(), publicBase(req)), { headers: { "x-request-id": requestId } });
  const scenario = scenarioById(task.scenario);
  const fault = scenario?.poll ? faultAt(scenario.poll, countAttempt(`poll:${taskId}`)) : null;
  return fault ? faultResponse(fault, requestId, normal) : normal();
}

/**
 * The request a task was created with, as the simulator stored it (validated, defaults applied). Lets a
 * rehearsal (and the tests of exported code) check that a snippet sent exactly what the form showed.
 */
export async function simGetRequest(req: Request, taskId: string): Promise<Response> {
  const { task, requestId } = await requireTask(req, taskId);
  return Response.json(task.request, { headers: { "x-request-id": requestId } });
}

export async function simUpload(req: Request): Promise<Response> {
  assertEnabled();
  const requestId = req.headers.get("x-request-id") ?? newRequestId();
  assertKey(req, requestId);
  const file = await firstFile(req, "file", requestId);
  if (!file) throw new ApiError(400, "invalid_request_error", "Send one file in the multipart field `file`.", { param: "file", requestId });
  const limitFor = (mime: string) => {
    const kind = kindOfMime(mime);
    return kind ? limitsOf(kind).maxBytes : null;
  };
  const saved = await saveUploadStream(file.chunks, limitFor, "a JPEG, PNG, WebP, MP4, MOV or WebM file");
  if ("error" in saved) {
    file.drain();
    throw new ApiError(saved.status, "invalid_request_error", saved.error, { param: "file", requestId });
  }
  return Response.json(uploadAnswer(saved, publicBase(req)), { headers: { "x-request-id": requestId } });
}

/** Serves a stored file with HTTP Range support, so the video element can seek. */
export async function simFile(req: Request, fileName: string): Promise<Response> {
  assertEnabled();
  const id = fileName.replace(/\.[a-z0-9]+$/, "");
  const file = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await simStore().getFile(id) : undefined;
  if (!file) throw new ApiError(404, "not_found_error", "No such file.");
  const headers: Record<string, string> = {
    "content-type": file.mime,
    "accept-ranges": "bytes",
    "cache-control": "public, max-age=86400, immutable",
    "x-content-type-options": "nosniff",
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.get("range") ?? "");
  let start = 0;
  let end = file.size - 1;
  let status = 200;
  if (range && (range[1] || range[2])) {
    start = range[1] ? Number(range[1]) : Math.max(0, file.size - Number(range[2]));
    end = range[1] && range[2] ? Math.min(Number(range[2]), file.size - 1) : file.size - 1;
    if (start > end || start >= file.size) {
      return new Response(null, { status: 416, headers: { "content-range": `bytes */${file.size}` } });
    }
    status = 206;
    headers["content-range"] = `bytes ${start}-${end}/${file.size}`;
  }
  headers["content-length"] = String(end - start + 1);
  if (req.method === "HEAD") return new Response(null, { status, headers });
  const handle = await open(file.path).catch(() => null);
  // Deleted after its retention period (SIMULATOR_RETENTION_HOURS) or to keep the disk bound.
  if (!handle) throw new ApiError(404, "not_found_error", "This file is no longer kept (files are deleted after their retention period).");
  const stream = handle.createReadStream({ start, end, autoClose: true });
  return new Response(Readable.toWeb(stream) as ReadableStream, { status, headers });
}
