/**
 * zod schemas derived from a model spec. The form (through zodResolver), the route handlers (through
 * safeParse) and the typed client all use these, so a rule exists once: in the spec. Schemas are built
 * once per spec object and kept.
 */
import { z } from "zod";
import { findModel, MODELS } from "@/lib/models/registry";
import {
  allowedList,
  CONTRACT_MESSAGES,
  type FieldName,
  MODE_IDS,
  type ModeId,
  modeLabel,
  PROMPT_MAX_CHARS,
  TASK_STATUSES,
} from "./contract";
import { type CreateTaskRequest, charCount, type FieldIssue, type FormState, isMediaUrl, TASK_ID_PATTERN } from "./form-state";
import {
  allowedValues,
  brokenRules,
  fieldsOf,
  type ModelSpec,
  promptTooLong,
  type RuleField,
  referencesCountMessage,
  ruleText,
  specMessages,
} from "./model-spec";
import { englishSay, type Say } from "./validation-words";

export * from "./form-state";

// The pages' CSP forbids eval: without this, zod probes for it with `new Function("")` on first parse,
// which the browser refuses and reports as a CSP violation (zod then falls back to what jitless does).
z.config({ jitless: true });

const mediaUrl = (field: string, missing: string, say: Say) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine(isMediaUrl, { error: say("mediaUrl", { field }) });

function literalOf(values: readonly (string | number)[], message: string) {
  return z.literal(values as [string | number, ...(string | number)[]], { error: message });
}

/** Adds an issue at both fields of every cross-field rule the input breaks; runs even when other fields are invalid. */
function withRules<T extends z.ZodObject>(spec: ModelSpec, schema: T, say: Say): T {
  if (spec.rules.length === 0) return schema;
  return schema.superRefine(
    (value, ctx) => {
      // It runs even when the object itself is invalid (to flag a rule as you type): no object, nothing to compare.
      if (typeof value !== "object" || value === null) return;
      for (const rule of brokenRules(spec, value as Partial<Record<RuleField, unknown>>)) {
        for (const field of [rule.when.field, rule.allow.field])
          ctx.addIssue({ code: "custom", path: [field], message: ruleText(rule, say) });
      }
    },
    { when: () => true },
  );
}

type SpecSchemas = {
  fieldSchema(field: FieldName, withDefaults: boolean): z.ZodType;
  createTaskRequest: z.ZodType;
  form: z.ZodType;
};

function buildSchemas(spec: ModelSpec, say: Say): SpecSchemas {
  const m = specMessages(spec, say);
  const prompt = z
    .string({ error: m.promptRequired })
    .trim()
    .superRefine((value, ctx) => {
      const count = charCount(value);
      if (count === 0) ctx.addIssue({ code: "custom", message: m.promptRequired });
      else if (count > PROMPT_MAX_CHARS) ctx.addIssue({ code: "custom", message: promptTooLong(count, say) });
    });
  const aspectRatio = literalOf(allowedValues(spec, "aspect_ratio"), m.aspectRatio);
  const duration = literalOf(allowedValues(spec, "duration"), m.duration);
  const resolution = literalOf(allowedValues(spec, "resolution"), m.resolution);
  const references = z
    .array(mediaUrl("reference_image_urls", referencesCountMessage(spec, 0, say), say), { error: referencesCountMessage(spec, 0, say) })
    .superRefine((urls, ctx) => {
      if (!spec.referenceCounts.includes(urls.length))
        ctx.addIssue({ code: "custom", message: referencesCountMessage(spec, urls.length, say) });
    });

  function fieldSchema(field: FieldName, withDefaults: boolean): z.ZodType {
    switch (field) {
      case "prompt":
        return prompt;
      case "aspect_ratio":
        return withDefaults ? aspectRatio.default(spec.defaults.aspect_ratio) : aspectRatio;
      case "duration":
        return withDefaults ? duration.default(spec.defaults.duration) : duration;
      case "resolution":
        return withDefaults ? resolution.default(spec.defaults.resolution) : resolution;
      case "image_url":
        return mediaUrl("image_url", say("imageRequired"), say);
      case "reference_image_urls":
        return references;
      case "video_url":
        return mediaUrl("video_url", say("videoRequired"), say);
    }
  }
  const inputShape = (mode: ModeId, withDefaults: boolean) =>
    Object.fromEntries(fieldsOf(spec, mode).map((f) => [f, fieldSchema(f, withDefaults)]));

  const createTaskRequest = z.discriminatedUnion(
    "mode",
    spec.modes.map(({ id }) =>
      z.strictObject(
        {
          model: z.literal(spec.id, { error: m.model }),
          mode: z.literal(id),
          input: withRules(
            spec,
            z.strictObject(inputShape(id, true), {
              error: (issue) =>
                issue.code === "unrecognized_keys"
                  ? `${issue.keys.join(", ")}: not a field of ${modeLabel(id)}; it takes ${fieldsOf(spec, id).join(", ")}.`
                  : `input must be an object with ${fieldsOf(spec, id).join(", ")}.`,
            }),
            say,
          ),
        },
        {
          error: (issue) =>
            issue.code === "unrecognized_keys"
              ? `${issue.keys.join(", ")}: unknown top-level field; the body takes model, mode and input.`
              : undefined,
        },
      ),
    ) as unknown as [z.ZodObject, ...z.ZodObject[]],
    { error: m.mode },
  );

  /** What the form validates: only the fields the current mode takes (others are kept but ignored). */
  const form = z.discriminatedUnion(
    "mode",
    spec.modes.map(({ id }) => withRules(spec, z.object({ mode: z.literal(id), ...inputShape(id, false) }), say)) as unknown as [
      z.ZodObject,
      ...z.ZodObject[],
    ],
    { error: m.mode },
  );
  return { fieldSchema, createTaskRequest, form };
}

const schemaCache = new WeakMap<ModelSpec, Map<Say, SpecSchemas>>();

/**
 * The zod schemas of one model: the create body, the form, and each input field on its own. Their
 * messages are in the words of `say`: English (the API's) by default; the form passes the page's language.
 */
export function schemasFor(spec: ModelSpec, say: Say = englishSay): SpecSchemas {
  let bySay = schemaCache.get(spec);
  if (!bySay) {
    bySay = new Map();
    schemaCache.set(spec, bySay);
  }
  const kept = bySay.get(say);
  if (kept) return kept;
  const built = buildSchemas(spec, say);
  bySay.set(say, built);
  return built;
}

/**
 * Checks one input field on its own, with the same rule and message as the create schema (without
 * defaults): what import and shared links use to keep every valid field and name the invalid ones.
 */
export function checkInputField(
  spec: ModelSpec,
  field: FieldName,
  value: unknown,
  say: Say = englishSay,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const result = schemasFor(spec, say).fieldSchema(field, false).safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: result.error.issues[0].message };
}

/** The full state of the playground's form: every field of every mode, so switching mode loses nothing. */
export const formStateSchema = z.object({
  mode: z.enum(MODE_IDS),
  prompt: z.string(),
  aspect_ratio: z.string(),
  duration: z.number(),
  resolution: z.string(),
  image_url: z.string(),
  reference_image_urls: z.array(z.string()),
  video_url: z.string(),
});

/** Flattens zod issues to `{ param, message }` with dotted paths (`input.duration`). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p) => typeof p !== "number").map(String);
    if (issue.code === "unrecognized_keys") path.push(issue.keys[0]);
    return { param: path.join(".") || "body", message: issue.message };
  });
}

/** The message for a `model` the registry does not have. */
export function unknownModelMessage(models: readonly ModelSpec[] = MODELS): string {
  return `model must be one of ${allowedList(models.map((m) => m.id))}.`;
}

/**
 * Validates a create body against the spec its `model` names; returns the normalised request (defaults
 * applied) or the issues. An unknown model is an issue at `model` naming the known ones.
 */
export function parseCreateTaskRequest(
  body: unknown,
  models: readonly ModelSpec[] = MODELS,
  say: Say = englishSay,
): { ok: true; value: CreateTaskRequest; spec: ModelSpec } | { ok: false; issues: FieldIssue[] } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ param: "body", message: CONTRACT_MESSAGES.body }] };
  }
  const spec = findModel((body as { model?: unknown }).model, models);
  if (!spec) return { ok: false, issues: [{ param: "model", message: unknownModelMessage(models) }] };
  const result = schemasFor(spec, say).createTaskRequest.safeParse(body);
  if (result.success) return { ok: true, value: result.data as CreateTaskRequest, spec };
  return { ok: false, issues: toFieldIssues(result.error) };
}

/**
 * Why the form cannot run yet (the first issue of the form schema), or null when it can: what the run
 * button says below itself. The server computes it for the first paint; the browser once zod has loaded.
 */
export function formBlocker(spec: ModelSpec, state: FormState, say: Say = englishSay): string | null {
  const check = schemasFor(spec, say).form.safeParse(state);
  return check.success ? null : check.error.issues[0].message;
}

export const taskIdSchema = z.string().regex(TASK_ID_PATTERN, { error: CONTRACT_MESSAGES.taskId });

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
    {
      size: z
        .number({ error: "size must be the file's size in bytes, a whole number." })
        .int("size must be a whole number of bytes.")
        .min(1, "size must be at least 1 byte: an empty file cannot be uploaded."),
    },
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
    /** Where the guide explains the error (the proxy adds it; an upstream's envelope has none). */
    doc_url: z.string().optional(),
    /** What to do about it, when the guide's error table or FAQ knows. */
    hint: z.string().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
