import { z } from "zod";
import { TASK_STATUSES } from "@/lib/spec/contract";
import type { Task, Upload } from "@/lib/spec/schema";
import type { ContractError, Dialect, Normalised } from "./types";
import { taskContractWire as wire, wireCalls } from "./wire";

/**
 * The guide's own task contract (`/v1/tasks`, `/v1/uploads`): what the embedded simulator speaks by
 * default. Answers pass through as they are; the check holds them to the contract's exact shape.
 */

const outputSchema = z.strictObject({
  video_url: z.string(),
  duration: z.number(),
  aspect_ratio: z.string(),
  resolution: z.string(),
  width: z.number(),
  height: z.number(),
  expires_at: z.string().optional(),
});

const taskAnswerSchema = z.strictObject({
  task_id: z.string(),
  model: z.string(),
  mode: z.string(),
  status: z.enum(TASK_STATUSES),
  progress: z.number().min(0).max(100).optional(),
  created_at: z.string(),
  updated_at: z.string().optional(),
  output: outputSchema.optional(),
  error: z.strictObject({ type: z.string(), message: z.string() }).optional(),
});

const uploadAnswerSchema = z.strictObject({ id: z.string(), url: z.string(), mime_type: z.string(), size: z.number() });

const errorAnswerSchema = z.strictObject({
  error: z.strictObject({
    type: z.string(),
    message: z.string(),
    param: z.string().optional(),
    request_id: z.string().optional(),
    issues: z.array(z.strictObject({ param: z.string(), message: z.string() })).optional(),
  }),
});

/** The guide's error type for an HTTP status, for answers that came without an envelope. */
export function typeForStatus(status: number): string {
  if (status === 401 || status === 403) return "authentication_error";
  if (status === 402) return "insufficient_quota";
  if (status === 404) return "not_found_error";
  if (status === 422) return "content_policy_violation";
  if (status === 429) return "rate_limit_exceeded";
  if (status >= 500) return "internal_error";
  return "invalid_request_error";
}

function contractError(status: number, raw: unknown): ContractError {
  const envelope = raw as { error?: Record<string, unknown> } | null;
  const error = envelope && typeof envelope === "object" && envelope.error && typeof envelope.error === "object" ? envelope.error : null;
  if (error && typeof error.message === "string") {
    return { ...error, type: typeof error.type === "string" ? error.type : typeForStatus(status), message: error.message };
  }
  return { type: typeForStatus(status), message: `The upstream answered HTTP ${status} without an error envelope.` };
}

function passThrough<T>(status: number, raw: unknown): Normalised<T> {
  if (status >= 400) return { ok: false, status, error: contractError(status, raw) };
  return { ok: true, status, body: raw as T };
}

export const taskContractDialect: Dialect = {
  id: "task-contract",
  idempotentCreates: true,
  ...wireCalls(wire),
  notes: () => [],
  answerSchema: (kind, status) => (status >= 400 ? errorAnswerSchema : kind === "task" ? taskAnswerSchema : uploadAnswerSchema),
  normaliseTask: (status, raw) => passThrough<Task>(status, raw),
  normaliseUpload: (status, raw) => passThrough<Upload>(status, raw),
};
