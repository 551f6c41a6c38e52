/**
 * JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it) generated from the zod schemas with
 * `z.toJSONSchema`, then enriched with what zod refinements cannot express (prompt length in code points,
 * 1-or-3 references, integer seconds, media limits) and the spec's descriptions. The OpenAPI document and
 * the guide's parameter tables both read it, so the docs show what the server enforces.
 */
import { z } from "zod";
import {
  FIELDS,
  IMAGE_LIMITS,
  MAX_UPLOAD_FILE_BYTES,
  MODEL_ID,
  MODES,
  PROMPT_MAX_CHARS,
  REFERENCE_COUNTS,
  VIDEO_LIMITS,
  type FieldName,
  type ModeId,
} from "./nano-banana-2";
import { createTaskRequestSchema, errorEnvelopeSchema, taskSchema, uploadSchema, uploadTicketRequestSchema, uploadTicketSchema } from "./schema";

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
function enrichField(name: FieldName, prop: JsonSchema): JsonSchema {
  const field = FIELDS[name];
  const out: JsonSchema = { ...prop, description: `${field.description} Allowed: ${field.allowed}.` };
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

/** The create body's schema, one branch per mode in the spec's order (a `oneOf` discriminated by `mode`). */
export function createRequestJsonSchema(): JsonSchema & { oneOf: JsonSchema[] } {
  const raw = strip(z.toJSONSchema(createTaskRequestSchema, { io: "input", unrepresentable: "any" }) as JsonSchema);
  const branches = raw.oneOf ?? raw.anyOf;
  if (!branches || branches.length !== MODES.length) throw new Error("The create schema is expected to have one branch per mode.");
  const oneOf = branches.map((branch, i) => {
    const mode = MODES[i];
    const props = branch.properties!;
    const input = props.input;
    const inputProps = Object.fromEntries(
      Object.entries(input.properties ?? {}).map(([name, prop]) => [name, enrichField(name as FieldName, prop)]),
    );
    return {
      ...branch,
      title: mode.label,
      description: mode.description,
      properties: {
        ...props,
        model: { ...props.model, description: `The model id; always "${MODEL_ID}".` },
        mode: { ...props.mode, description: `${mode.label}.` },
        input: { ...input, properties: inputProps },
      },
    };
  });
  return { oneOf, discriminator: { propertyName: "mode" } };
}

/** The branch of one mode. */
export function modeRequestJsonSchema(mode: ModeId): JsonSchema {
  return createRequestJsonSchema().oneOf[MODES.findIndex((m) => m.id === mode)];
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
  schema.properties!.ticket = { ...schema.properties!.ticket, description: "Send it in the X-Upload-Ticket header of the upload. Good for one upload." };
  schema.properties!.expires_at = { ...schema.properties!.expires_at, format: "date-time", description: "The upload must start before this time (ISO 8601)." };
  schema.properties!.max_bytes = { ...schema.properties!.max_bytes, description: "The largest file the ticket admits: the declared size." };
  return schema;
}
export function errorEnvelopeJsonSchema(): JsonSchema {
  return responseSchema(errorEnvelopeSchema);
}
