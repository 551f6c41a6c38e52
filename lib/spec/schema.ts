/**
 * zod schemas derived from the model spec. The form (through zodResolver), the route handlers (through
 * safeParse) and the typed client all use these, so a rule exists once.
 */
import { z } from "zod";
import {
  ASPECT_RATIO_VALUES,
  DEFAULTS,
  DURATIONS,
  MESSAGES,
  MODEL_ID,
  MODES,
  MODE_IDS,
  PROMPT_MAX_CHARS,
  REFERENCE_COUNTS,
  RESOLUTIONS,
  TASK_STATUSES,
  fieldsOf,
  modeLabel,
  type FieldName,
  type ModeId,
} from "./nano-banana-2";
import { TASK_ID_PATTERN, charCount, isMediaUrl, type CreateTaskRequest, type FieldIssue } from "./form-state";

export * from "./form-state";

// The pages' CSP forbids eval: without this, zod probes for it with `new Function("")` on first parse,
// which the browser refuses and reports as a CSP violation (zod then falls back to what jitless does).
z.config({ jitless: true });


const promptSchema = z
  .string({ error: MESSAGES.promptRequired })
  .trim()
  .superRefine((value, ctx) => {
    const count = charCount(value);
    if (count === 0) ctx.addIssue({ code: "custom", message: MESSAGES.promptRequired });
    else if (count > PROMPT_MAX_CHARS) ctx.addIssue({ code: "custom", message: MESSAGES.promptTooLong(count) });
  });

const mediaUrl = (field: string, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine(isMediaUrl, { error: `${field} ${MESSAGES.mediaUrl}` });

const aspectRatioSchema = z.enum(ASPECT_RATIO_VALUES, { error: MESSAGES.aspectRatio });
const durationSchema = z.literal(DURATIONS, { error: MESSAGES.duration });
const resolutionSchema = z.enum(RESOLUTIONS, { error: MESSAGES.resolution });

const referenceUrlsSchema = z
  .array(mediaUrl("reference_image_urls", MESSAGES.referencesCount(0)), { error: MESSAGES.referencesCount(0) })
  .superRefine((urls, ctx) => {
    if (!(REFERENCE_COUNTS as readonly number[]).includes(urls.length)) {
      ctx.addIssue({ code: "custom", message: MESSAGES.referencesCount(urls.length) });
    }
  });

/** The schema of each input field; `withDefaults` makes optional fields fall back to the spec's defaults. */
function fieldSchema(field: FieldName, withDefaults: boolean): z.ZodType {
  switch (field) {
    case "prompt":
      return promptSchema;
    case "aspect_ratio":
      return withDefaults ? aspectRatioSchema.default(DEFAULTS.aspect_ratio) : aspectRatioSchema;
    case "duration":
      return withDefaults ? durationSchema.default(DEFAULTS.duration) : durationSchema;
    case "resolution":
      return withDefaults ? resolutionSchema.default(DEFAULTS.resolution) : resolutionSchema;
    case "image_url":
      return mediaUrl("image_url", MESSAGES.imageRequired);
    case "reference_image_urls":
      return referenceUrlsSchema;
    case "video_url":
      return mediaUrl("video_url", MESSAGES.videoRequired);
  }
}

/**
 * Checks one input field on its own, with the same rule and message as the create schema (without
 * defaults): what import and shared links use to keep every valid field and name the invalid ones.
 */
export function checkInputField(field: FieldName, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const result = fieldSchema(field, false).safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: result.error.issues[0].message };
}

function inputShape(mode: ModeId, withDefaults: boolean): Record<string, z.ZodType> {
  return Object.fromEntries(fieldsOf(mode).map((f) => [f, fieldSchema(f, withDefaults)]));
}

/** The body of `POST /v1/tasks` (and of the proxy's `POST /api/tasks`), one branch per mode. */
export const createTaskRequestSchema = z.discriminatedUnion(
  "mode",
  MODES.map((m) =>
    z.strictObject(
      {
        model: z.literal(MODEL_ID, { error: MESSAGES.model }),
        mode: z.literal(m.id),
        input: z.strictObject(inputShape(m.id, true), {
          error: (issue) =>
            issue.code === "unrecognized_keys"
              ? `${issue.keys.join(", ")}: not a field of ${modeLabel(m.id)}; it takes ${fieldsOf(m.id).join(", ")}.`
              : `input must be an object with ${fieldsOf(m.id).join(", ")}.`,
        }),
      },
      {
        error: (issue) =>
          issue.code === "unrecognized_keys"
            ? `${issue.keys.join(", ")}: unknown top-level field; the body takes model, mode and input.`
            : undefined,
      },
    ),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
  { error: MESSAGES.mode },
);

/** The full state of the playground's form: every field of every mode, so switching mode loses nothing. */
export const formStateSchema = z.object({
  mode: z.enum(MODE_IDS),
  prompt: z.string(),
  aspect_ratio: aspectRatioSchema,
  duration: durationSchema,
  resolution: resolutionSchema,
  image_url: z.string(),
  reference_image_urls: z.array(z.string()),
  video_url: z.string(),
});
export type FormState = z.infer<typeof formStateSchema>;


/** What the form validates: only the fields the current mode takes (others are kept but ignored). */
export const formSchema = z.discriminatedUnion(
  "mode",
  MODES.map((m) => z.object({ mode: z.literal(m.id), ...inputShape(m.id, false) })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);




/** Flattens zod issues to `{ param, message }` with dotted paths (`input.duration`). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p) => typeof p !== "number").map(String);
    if (issue.code === "unrecognized_keys") path.push(issue.keys[0]);
    return { param: path.join(".") || "body", message: issue.message };
  });
}

/** Validates a create body; returns the normalised request (defaults applied) or the issues. */
export function parseCreateTaskRequest(
  body: unknown,
): { ok: true; value: CreateTaskRequest } | { ok: false; issues: FieldIssue[] } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ param: "body", message: MESSAGES.body }] };
  }
  const result = createTaskRequestSchema.safeParse(body);
  if (result.success) return { ok: true, value: result.data as CreateTaskRequest };
  return { ok: false, issues: toFieldIssues(result.error) };
}

export const taskIdSchema = z.string().regex(TASK_ID_PATTERN, { error: MESSAGES.taskId });


// ---- Responses of the guide's task contract ----

/**
 * A task's output. The size fields are optional because not every upstream reports them (the
 * generation.task gateway does not); `expires_at` (ISO-8601) is there when the upstream says when the
 * video URL stops working.
 */
export const taskOutputSchema = z.object({
  video_url: z.string(),
  duration: z.number().optional(),
  aspect_ratio: z.string().optional(),
  resolution: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  expires_at: z.string().optional(),
});

export const taskSchema = z.object({
  task_id: z.string(),
  model: z.string(),
  /** Absent only when the upstream does not report it and the proxy did not create the task. */
  mode: z.string().optional(),
  status: z.enum(TASK_STATUSES),
  progress: z.number().min(0).max(100).optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  output: taskOutputSchema.optional(),
  error: z.object({ type: z.string(), message: z.string() }).optional(),
});
export type Task = z.infer<typeof taskSchema>;
export type TaskOutput = z.infer<typeof taskOutputSchema>;

export const uploadSchema = z.object({
  id: z.string(),
  url: z.string(),
  mime_type: z.string(),
  size: z.number(),
});
export type Upload = z.infer<typeof uploadSchema>;

/** `POST /api/upload-tickets`: the size of the file about to be uploaded. */
export const uploadTicketRequestSchema = z
  .object(
    { size: z.number({ error: "size must be the file's size in bytes, a whole number." }).int("size must be a whole number of bytes.").min(1, "size must be at least 1 byte: an empty file cannot be uploaded.") },
    { error: (issue) => (issue.code === "invalid_type" ? 'The body must be a JSON object: { "size": <bytes> }.' : undefined) },
  )
  .strict();
export type UploadTicketRequest = z.infer<typeof uploadTicketRequestSchema>;

/** Its answer: the ticket to send in `X-Upload-Ticket` with the upload, when it expires, and the largest file it admits. */
export const uploadTicketSchema = z.object({
  ticket: z.string(),
  expires_at: z.string(),
  max_bytes: z.number(),
});
export type UploadTicketAnswer = z.infer<typeof uploadTicketSchema>;

export const errorEnvelopeSchema = z.object({
  error: z.object({
    type: z.string(),
    message: z.string(),
    param: z.string().optional(),
    request_id: z.string().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/**
 * Why the form cannot run yet (the first issue of `formSchema`), or null when it can: what the run button
 * says below itself. The server computes it for the first paint; the browser once zod has loaded.
 */
export function formBlocker(state: FormState): string | null {
  const check = formSchema.safeParse(state);
  return check.success ? null : check.error.issues[0].message;
}
