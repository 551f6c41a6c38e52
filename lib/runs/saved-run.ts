/**
 * A run as it is kept outside the page: in the browser's history, in an exported history file and in a
 * recording a docs page replays. One versioned shape for all three, so a run saved by one can be read
 * by the others: what was asked (the create request; none when a task id was watched), everything that
 * went over the wire in order with its timing (exchanges and the retry policy's waits), the final task,
 * and the model, mode and time it ran. The video itself is not in it: a history keeps the clip as a
 * blob beside the record, a recording as a file beside the JSON (`video.file`).
 *
 * `parseSavedRun` is the only way in from outside (an import, a fetched recording): it checks the
 * shape with zod and the request against its model's spec, and says what is wrong in words.
 */
import { z } from "zod";
import type { Exchange, WaitEntry } from "@/lib/client/api";
import type { Run, RunError } from "@/lib/client/run";
import { MODELS } from "@/lib/models/registry";
import { RETRY_EN, type RetryKey, type RetryWords } from "@/lib/spec/contract";
import { allowedValues, type ModelSpec } from "@/lib/spec/model-spec";
import { type CreateTaskRequest, parseCreateTaskRequest, type Task, taskSchema } from "@/lib/spec/schema";
import { englishSay, type Say } from "@/lib/spec/validation-words";

export const SAVED_RUN_FORMAT = "video-playground.run";
export const SAVED_RUN_VERSION = 1;

const headers = z.record(z.string(), z.string());

const exchangeSchema = z.object({
  id: z.string(),
  label: z.string(),
  method: z.enum(["GET", "POST"]),
  path: z.string(),
  startedAt: z.number(),
  latencyMs: z.number(),
  status: z.number().nullable(),
  requestHeaders: headers,
  requestBody: z.unknown().optional(),
  responseBody: z.unknown(),
  upstream: z.object({ request: z.string(), latencyMs: z.number().nullable() }).optional(),
  requestId: z.string().optional(),
  responseHeaders: headers.optional(),
  upstreamCheck: z
    .object({
      dialect: z.string(),
      status: z.number(),
      raw: z.unknown().optional(),
      truncated: z.boolean().optional(),
      flags: z.array(z.any()),
    })
    .optional(),
}) satisfies z.ZodType<Exchange>;

const waitSchema = z.object({
  id: z.string(),
  startedAt: z.number(),
  delayMs: z.number(),
  reason: z.string(),
}) satisfies z.ZodType<WaitEntry>;

const retryWordsSchema = z.object({
  key: z.enum(Object.keys(RETRY_EN) as [RetryKey, ...RetryKey[]]),
  values: z.record(z.string(), z.string()).optional(),
}) satisfies z.ZodType<RetryWords>;

const runErrorSchema = z.object({
  status: z.number(),
  type: z.string(),
  message: z.string(),
  param: z.string().optional(),
  request_id: z.string().optional(),
  // Shown as a link only when it names one of this site's guides (lib/client/doc-link.ts).
  doc_url: z.string().max(2000).optional(),
  hint: z.string().max(4000).optional(),
  policy: z.string().optional(),
}) satisfies z.ZodType<RunError>;

export const savedRunSchema = z.object({
  format: z.literal(SAVED_RUN_FORMAT),
  version: z.literal(SAVED_RUN_VERSION),
  /** A stable id: the same run exported twice and imported twice is one run. */
  id: z.string().min(1).max(200),
  model: z.string(),
  /** The mode asked for (the request's), or the task's when a task id was watched. */
  mode: z.string().optional(),
  /** ISO-8601: when the run started. */
  ranAt: z.string(),
  /** The create request as sent (defaults applied); absent when an existing task id was watched. */
  request: z.unknown().optional(),
  idempotencyKey: z.string().optional(),
  simulate: z.string().optional(),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  exchanges: z.array(exchangeSchema),
  waits: z.array(waitSchema),
  /** What happened, as the retry policy's words (a key of RETRY_EN and its values), said in the reader's language. */
  notes: z.array(retryWordsSchema),
  taskId: z.string().optional(),
  task: taskSchema.optional(),
  error: runErrorSchema.optional(),
  stopped: z.enum(["user", "time-limit", "replaced"]).optional(),
  /** The output video, when there is one: its URL as the upstream gave it, and the file beside a recording. */
  video: z
    .object({
      url: z.string(),
      contentType: z.string().optional(),
      bytes: z.number().int().nonnegative().optional(),
      /** What the browser measured when the video played (the history takes it with the poster frame). */
      width: z.number().int().positive().optional(),
      height: z.number().int().positive().optional(),
      duration: z.number().nonnegative().optional(),
      /** A path relative to the recording's JSON (recordings only). */
      file: z.string().optional(),
    })
    .optional(),
});

export type SavedRun = Omit<z.infer<typeof savedRunSchema>, "request" | "task"> & { request?: CreateTaskRequest; task?: Task };

/** A finished (or stopped) run of the playground in the saved shape. */
export function savedRunFromRun(run: Run, { id, model, now = Date.now() }: { id: string; model: string; now?: number }): SavedRun {
  const url = run.task?.output?.video_url;
  return {
    format: SAVED_RUN_FORMAT,
    version: SAVED_RUN_VERSION,
    id,
    model,
    mode: run.request?.mode ?? run.task?.mode,
    ranAt: new Date(run.startedAt).toISOString(),
    request: run.request,
    idempotencyKey: run.idempotencyKey,
    simulate: run.simulate,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt ?? now,
    exchanges: run.exchanges,
    waits: run.waits,
    notes: run.notes,
    taskId: run.taskId,
    task: run.task,
    error: run.error,
    stopped: run.stopped,
    video: url ? { url } : undefined,
  };
}

/** The run state the output panel shows for a saved run (as it was when it ended). */
export function runFromSavedRun(saved: SavedRun): Run {
  return {
    request: saved.request,
    simulate: saved.simulate,
    idempotencyKey: saved.idempotencyKey,
    startedAt: saved.startedAt,
    watchStartedAt: saved.startedAt,
    exchanges: saved.exchanges,
    waits: saved.waits,
    notes: saved.notes,
    taskId: saved.taskId,
    task: saved.task,
    error: saved.error,
    finishedAt: saved.finishedAt,
    stopped: saved.stopped,
  };
}

/**
 * The values a request's field takes, for the fields that take a fixed set (model, mode, the choices of
 * the input); none when the value is one of them (a cross-field rule is broken, not the set).
 */
function allowedAt(
  request: unknown,
  param: string,
  spec: ModelSpec | undefined,
  models: readonly ModelSpec[],
): readonly (string | number)[] | undefined {
  const field = param.replace(/^input\./, "");
  const allowed =
    param === "model"
      ? models.map((m) => m.id)
      : !spec
        ? undefined
        : param === "mode"
          ? spec.modes.map((m) => m.id)
          : field === "aspect_ratio" || field === "duration" || field === "resolution"
            ? allowedValues(spec, field)
            : undefined;
  const value = param.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], request);
  return allowed?.includes(value as string | number) ? undefined : allowed;
}

/**
 * Where a saved run is wrong (`request.input.duration`), in English words (the request's own check in the
 * `say`'s language, marked `said`), and the values the field takes when they are known.
 */
export type SavedRunProblem = {
  path: string;
  message: string;
  allowed?: readonly (string | number)[];
  /** The message is the request's validation message, in the language of the `say` given (others are English). */
  said?: true;
};

/**
 * Reads a saved run from outside: the shape, the format and version (a newer version is named as such),
 * and the request against its model's spec. Problems name where they are (`request.input.duration`).
 */
export function parseSavedRun(
  value: unknown,
  models: readonly ModelSpec[] = MODELS,
  say: Say = englishSay,
): { ok: true; run: SavedRun } | { ok: false; problems: SavedRunProblem[] } {
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(value);
  if (!head.success || head.data.format !== SAVED_RUN_FORMAT)
    return { ok: false, problems: [{ path: "format", message: `not a saved run: "format" must be "${SAVED_RUN_FORMAT}"` }] };
  if (head.data.version > SAVED_RUN_VERSION)
    return {
      ok: false,
      problems: [
        { path: "version", message: `saved by a newer version (${head.data.version}); this page reads version ${SAVED_RUN_VERSION}` },
      ],
    };
  const parsed = savedRunSchema.safeParse(value);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message })) };
  const { request, ...rest } = parsed.data;
  if (!models.some((m) => m.id === rest.model))
    return {
      ok: false,
      problems: [
        {
          path: "model",
          message: `unknown model "${rest.model}"; known: ${models.map((m) => m.id).join(", ")}`,
          allowed: models.map((m) => m.id),
        },
      ],
    };
  if (request === undefined) return { ok: true, run: rest as SavedRun };
  const checked = parseCreateTaskRequest(request, models, say);
  if (!checked.ok) {
    const spec = models.find((m) => m.id === (request as { model?: unknown } | null)?.model);
    return {
      ok: false,
      problems: checked.issues.map((i) => ({
        path: `request.${i.param}`,
        message: i.message,
        allowed: allowedAt(request, i.param, spec, models),
        said: true as const,
      })),
    };
  }
  return { ok: true, run: { ...(rest as SavedRun), request: checked.value } };
}
