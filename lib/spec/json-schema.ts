/**
 * JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it) generated from the zod schemas with
 * `z.toJSONSchema`, then enriched with what zod refinements cannot express (prompt length in code points,
 * 1-or-3 references, integer seconds, media limits) and the spec's descriptions. The OpenAPI document and
 * the guide's parameter tables both read it, so the docs show what the server enforces.
 */
import { z } from "zod";
import {
  CONTRACT_MODES,
  type FieldName,
  IMAGE_LIMITS,
  MAX_UPLOAD_FILE_BYTES,
  type ModeId,
  PROMPT_MAX_CHARS,
  VIDEO_LIMITS,
} from "./contract";
import { allowedWords, type ModelSpec, ruleText } from "./model-spec";
import { errorEnvelopeSchema, schemasFor, taskSchema, uploadSchema, uploadTicketRequestSchema, uploadTicketSchema } from "./schema";

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  [key: string]: unknown;
};

function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _drop, ...rest } = schema as JsonSchema & { $schema?: string };
  return rest;
}

/** Adds to one input property what the zod refinements check but JSON Schema cannot infer. */
function enrichField(spec: ModelSpec, name: FieldName, prop: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...prop, description: `${spec.texts.en.fields[name]} Allowed: ${allowedWords(spec, name)}.` };
  const REFERENCE_COUNTS = spec.referenceCounts;
  switch (name) {
    case "prompt":
      // JSON Schema counts code points, exactly like the server's charCount().
      return { ...out, minLength: 1, maxLength: PROMPT_MAX_CHARS };
    case "duration":
      return { ...out, type: "integer" };
    case "image_url":
      return { ...out, format: "uri", "x-media": { count: 1, mime_types: [...IMAGE_LIMITS.mimeTypes], max_bytes: IMAGE_LIMITS.maxBytes } };
    case "video_url":
      return { ...out, format: "uri", "x-media": { count: 1, mime_types: [...VIDEO_LIMITS.mimeTypes], max_bytes: VIDEO_LIMITS.maxBytes } };
    case "reference_image_urls":
      return {
        ...out,
        items: { ...(prop.items ?? {}), type: "string", format: "uri" },
        minItems: Math.min(...REFERENCE_COUNTS),
        maxItems: Math.max(...REFERENCE_COUNTS),
        anyOf: REFERENCE_COUNTS.map((n) => ({ minItems: n, maxItems: n })),
        "x-media": { count: [...REFERENCE_COUNTS], mime_types: [...IMAGE_LIMITS.mimeTypes], max_bytes: IMAGE_LIMITS.maxBytes },
      };
    default:
      return out;
  }
}

/**
 * A cross-field rule as JSON Schema: if the `when` field has one of its values, the `then` field must have
 * one of its values (draft 2020-12 `if`/`then`), with the rule's words as its description.
 */
function ruleSchema(rule: ModelSpec["rules"][number]): JsonSchema {
  return {
    description: ruleText(rule),
    if: { properties: { [rule.when.field]: { enum: [...rule.when.values] } }, required: [rule.when.field] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's own keyword (if/then), not a thenable
    then: { properties: { [rule.allow.field]: { enum: [...rule.allow.values] } } },
  };
}

/** The create body's schema of one model, one branch per mode in the spec's order (a `oneOf` discriminated by `mode`). */
export function createRequestJsonSchema(spec: ModelSpec): JsonSchema & { oneOf: JsonSchema[] } {
  const raw = strip(z.toJSONSchema(schemasFor(spec).createTaskRequest, { io: "input", unrepresentable: "any" }) as JsonSchema);
  const branches = raw.oneOf ?? raw.anyOf;
  if (!branches || branches.length !== spec.modes.length) throw new Error("The create schema is expected to have one branch per mode.");
  const oneOf = branches.map((branch, i) => {
    const mode = CONTRACT_MODES.find((m) => m.id === spec.modes[i].id)!;
    const props = branch.properties!;
    const input = props.input;
    const inputProps = Object.fromEntries(
      Object.entries(input.properties ?? {}).map(([name, prop]) => [name, enrichField(spec, name as FieldName, prop)]),
    );
    // A rule applies to a mode that has both of its fields.
    const rules = spec.rules.filter((r) => r.when.field in inputProps && r.allow.field in inputProps).map(ruleSchema);
    return {
      ...branch,
      title: `${spec.name} · ${mode.label}`,
      description: mode.description,
      properties: {
        ...props,
        model: { ...props.model, description: `The model id: "${spec.id}".` },
        mode: { ...props.mode, description: `${mode.label}.` },
        input: { ...input, properties: inputProps, ...(rules.length ? { allOf: rules } : {}) },
      },
    };
  });
  return { oneOf, discriminator: { propertyName: "mode" } };
}

/** The branch of one mode. */
export function modeRequestJsonSchema(spec: ModelSpec, mode: ModeId): JsonSchema {
  return createRequestJsonSchema(spec).oneOf[spec.modes.findIndex((m) => m.id === mode)];
}

/** Answers are relayed as the upstream sent them, so they may carry more fields than the contract names. */
function openObjects(schema: JsonSchema): JsonSchema {
  const { additionalProperties: _open, ...rest } = schema;
  if (rest.properties) rest.properties = Object.fromEntries(Object.entries(rest.properties).map(([k, v]) => [k, openObjects(v)]));
  if (rest.items) rest.items = openObjects(rest.items);
  return rest;
}

const responseSchema = (schema: z.ZodType): JsonSchema => openObjects(strip(z.toJSONSchema(schema, { io: "output" }) as JsonSchema));

export function taskJsonSchema(): JsonSchema {
  return responseSchema(taskSchema);
}
export function uploadJsonSchema(): JsonSchema {
  return responseSchema(uploadSchema);
}
/** The ticket request: the file's size, up to the spec's largest file (larger is a 413). */
export function uploadTicketRequestJsonSchema(): JsonSchema {
  const schema = strip(z.toJSONSchema(uploadTicketRequestSchema, { io: "input" }) as JsonSchema);
  const size = schema.properties!.size;
  schema.properties!.size = { ...size, maximum: MAX_UPLOAD_FILE_BYTES, description: "The size in bytes of the file about to be uploaded." };
  return schema;
}
export function uploadTicketJsonSchema(): JsonSchema {
  const schema = responseSchema(uploadTicketSchema);
  schema.properties!.ticket = {
    ...schema.properties!.ticket,
    description: "Send it in the X-Upload-Ticket header of the upload. Good for one upload.",
  };
  schema.properties!.expires_at = {
    ...schema.properties!.expires_at,
    format: "date-time",
    description: "The upload must start before this time (ISO 8601).",
  };
  schema.properties!.max_bytes = { ...schema.properties!.max_bytes, description: "The largest file the ticket admits: the declared size." };
  return schema;
}
export function errorEnvelopeJsonSchema(): JsonSchema {
  return responseSchema(errorEnvelopeSchema);
}
