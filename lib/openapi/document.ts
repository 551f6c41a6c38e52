/**
 * The OpenAPI 3.1 document of the proxy's API (`/api/tasks`, `/api/tasks/{task_id}`, `/api/upload-tickets`, `/api/uploads`),
 * built from the same zod schemas the route handlers validate with (through lib/spec/json-schema.ts),
 * and from the spec's error table, media limits and messages. Nothing in it is written by hand twice.
 */

import { guideMarkdownPath, guidePath, LLMS_TXT_PATH } from "@/lib/guide/paths";
import { DEFAULT_MODEL, MODELS } from "@/lib/models/registry";
import { publicUrl } from "@/lib/public-origin";
import { TICKET_RE } from "@/lib/security/upload-ticket";
import { ERRORS, IMAGE_LIMITS, TASK_STATUSES, VIDEO_LIMITS } from "@/lib/spec/contract";
import { minimalCreateRequest, minimalCreateResponse } from "@/lib/spec/examples";
import {
  createRequestJsonSchema,
  errorEnvelopeJsonSchema,
  type JsonSchema,
  taskJsonSchema,
  uploadJsonSchema,
  uploadTicketJsonSchema,
  uploadTicketRequestJsonSchema,
} from "@/lib/spec/json-schema";
import type { ModelSpec } from "@/lib/spec/model-spec";
import { TASK_ID_PATTERN } from "@/lib/spec/schema";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The error table's rows for each status; `notes` adds what is particular to one route. */
function errorResponses(statuses: number[], notes: Partial<Record<number, string>> = {}): Record<string, unknown> {
  return Object.fromEntries(
    statuses.map((status) => {
      const rows = ERRORS.filter((e) => e.status === status);
      const table = rows.length
        ? rows.map((e) => `\`${e.type}\`: ${e.trigger} Fix: ${e.fix} Retry: ${e.retry}`).join("\n\n")
        : "`invalid_request_error`: the body or the file is larger than its limit. Fix: send a smaller one. Retry: only after fixing it.";
      const description = notes[status] ? `${table}\n\n${notes[status]}` : table;
      const headers =
        status === 429
          ? { "Retry-After": { description: "Seconds to wait, when the upstream sends it.", schema: { type: "integer" } } }
          : undefined;
      return [
        String(status),
        { description, ...(headers ? { headers } : {}), content: { "application/json": { schema: ref("ErrorEnvelope") } } },
      ];
    }),
  );
}

const requestIdHeader = {
  "X-Request-Id": { description: "The proxy's id of this request; quote it when asking for help.", schema: { type: "string" } },
};

const schemaName = (...parts: string[]) => ["CreateTaskRequest", ...parts].join("_").replace(/[^A-Za-z0-9_]/g, "_");

/**
 * The create body of every model: `CreateTaskRequest` is one of the models (told apart by `model`), each
 * model one of its modes (told apart by `mode`).
 */
function createSchemas(models: readonly ModelSpec[]): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {
    CreateTaskRequest: {
      oneOf: models.map((m) => ref(schemaName(m.id))),
      discriminator: {
        propertyName: "model",
        mapping: Object.fromEntries(models.map((m) => [m.id, `#/components/schemas/${schemaName(m.id)}`])),
      },
    },
  };
  for (const spec of models) {
    const branches = createRequestJsonSchema(spec).oneOf;
    const names = spec.modes.map((m) => schemaName(spec.id, m.id));
    schemas[schemaName(spec.id)] = {
      title: spec.name,
      description: spec.texts.en.tagline,
      externalDocs: {
        description: `The ${spec.name} guide (Markdown: ${publicUrl(guideMarkdownPath(spec))}).`,
        url: publicUrl(guidePath(spec)),
      },
      oneOf: names.map(ref),
      discriminator: {
        propertyName: "mode",
        mapping: Object.fromEntries(spec.modes.map((m, i) => [m.id, `#/components/schemas/${names[i]}`])),
      },
    };
    for (const [i, name] of names.entries()) schemas[name] = branches[i];
  }
  return schemas;
}

/** Builds the document of `models`; `serverUrl` is the app's origin (the API lives under `/api`). */
export function openApiDocument(serverUrl?: string, models: readonly ModelSpec[] = MODELS): Record<string, unknown> {
  const modelList = models.map((m) => m.name).join(", ");
  const envelope = errorEnvelopeJsonSchema();
  const errorProps = (envelope.properties!.error as JsonSchema).properties!;
  errorProps.type = { ...errorProps.type, description: "One of the error table's types.", examples: ERRORS.map((e) => e.type) };
  errorProps.param = { ...errorProps.param, description: "The field at fault, as a dotted path (input.duration)." };
  errorProps.doc_url = {
    ...errorProps.doc_url,
    description:
      "Where the guide explains this error: the model's guide (the default model's when the request named none) at the error table's row " +
      "(`#error-{type}`), or at the FAQ entry for a gateway answer it explains. Absolute when the server has PUBLIC_ORIGIN, else root-relative.",
    examples: [publicUrl(`${guidePath(DEFAULT_MODEL)}#error-invalid_request_error`)],
  };
  errorProps.hint = {
    ...errorProps.hint,
    description:
      "What to do about the error, when the guide's error table or FAQ knows: the table's fix and retry advice, or for a gateway's " +
      "`invalid apitype: -1` (a request that reached a chat endpoint) the task endpoints to use instead. English, like `message`.",
  };
  /** A model's guide, as the web page and as Markdown. */
  const guideDocs = (spec: ModelSpec) => ({
    description: `The ${spec.name} guide (Markdown: ${publicUrl(guideMarkdownPath(spec))}): modes, parameters, errors, FAQ and a minimal request per mode.`,
    url: publicUrl(guidePath(spec)),
  });
  const task = taskJsonSchema();
  task.properties!.status = {
    ...task.properties!.status,
    description: `queued → running → succeeded or failed; terminal: succeeded, failed (${TASK_STATUSES.join(", ")}).`,
  };

  return {
    openapi: "3.1.0",
    info: {
      title: "Video model playground proxy API",
      version: "1.0.0",
      summary: `Create video tasks (${modelList}), poll them and upload media through the playground's server-side proxy.`,
      description:
        "Generation is asynchronous: create a task, then poll it by task_id until its status is succeeded or failed. " +
        "A failed task is data (HTTP 200 with status failed), not an HTTP error. Creating a task is not idempotent: " +
        "never retry a create blindly after a 5xx. The proxy attaches the upstream API key on the server; clients send none.",
    },
    externalDocs: {
      description: `The model guides, as web pages and as Markdown; every guide is listed in ${publicUrl(LLMS_TXT_PATH)}.`,
      url: publicUrl(LLMS_TXT_PATH),
    },
    ...(serverUrl ? { servers: [{ url: serverUrl, description: "This playground" }] } : {}),
    paths: {
      "/api/tasks": {
        post: {
          operationId: "createTask",
          summary: "Create a task",
          externalDocs: guideDocs(models[0]),
          description: `\`model\` picks the model (${models.map((m) => `\`${m.id}\``).join(", ")}), \`mode\` its mode; each takes its own input fields. Optional fields fall back to their defaults.`,
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: ref("CreateTaskRequest"),
                examples: Object.fromEntries(
                  models.map((m) => [m.id, { summary: `Minimal ${m.name} Text-to-Video request`, value: minimalCreateRequest(m) }]),
                ),
              },
            },
          },
          responses: {
            "200": {
              description: "The task, first `queued`.",
              headers: requestIdHeader,
              content: { "application/json": { schema: ref("Task"), examples: { queued: { value: minimalCreateResponse(models[0]) } } } },
            },
            ...errorResponses([400, 401, 403, 413, 429, 500, 502, 504]),
          },
        },
      },
      "/api/tasks/{task_id}": {
        get: {
          operationId: "getTask",
          summary: "Poll a task",
          externalDocs: guideDocs(models[0]),
          description:
            "Poll until `status` is `succeeded` (with `output`) or `failed` (with `error`). Start after about a second and back off.",
          parameters: [
            {
              name: "task_id",
              in: "path",
              required: true,
              description: "The id the create call returned.",
              schema: { type: "string", pattern: TASK_ID_PATTERN.source },
            },
          ],
          responses: {
            "200": {
              description: "The task as it is now.",
              headers: requestIdHeader,
              content: { "application/json": { schema: ref("Task") } },
            },
            ...errorResponses([400, 401, 404, 429, 500, 502, 504]),
          },
        },
      },
      "/api/upload-tickets": {
        post: {
          operationId: "createUploadTicket",
          summary: "Get the ticket an upload needs",
          description:
            "Every upload starts here, with the size of the file. The answer's ticket goes in the `X-Upload-Ticket` header of `POST /api/uploads`; " +
            "it names the client (the upload limits count per client here), admits one file of at most the declared size, and must be used within minutes.",
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("UploadTicketRequest"), examples: { video: { value: { size: 5_242_880 } } } } },
          },
          responses: {
            "200": {
              description: "The ticket.",
              headers: requestIdHeader,
              content: { "application/json": { schema: ref("UploadTicket") } },
            },
            ...errorResponses([400, 401, 403, 413, 429]),
          },
        },
      },
      "/api/uploads": {
        post: {
          operationId: "uploadMedia",
          summary: "Upload an image or a video",
          description: `One file in the multipart field \`file\`, with a ticket from \`POST /api/upload-tickets\` in \`X-Upload-Ticket\`; its type is read from its bytes. Images: ${IMAGE_LIMITS.label}, at most ${mb(IMAGE_LIMITS.maxBytes)}. Videos: ${VIDEO_LIMITS.label}, at most ${mb(VIDEO_LIMITS.maxBytes)}. The body is streamed to the upstream as it arrives. Use the returned \`url\` in a task's \`input\`.`,
          parameters: [
            {
              name: "X-Upload-Ticket",
              in: "header",
              required: true,
              description: "The ticket `POST /api/upload-tickets` answered. Good for one upload of a file no larger than it declared.",
              schema: { type: "string", pattern: TICKET_RE.source },
            },
          ],
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  properties: { file: { type: "string", contentMediaType: "application/octet-stream", description: "The media file." } },
                  required: ["file"],
                },
                encoding: { file: { contentType: [...IMAGE_LIMITS.mimeTypes, ...VIDEO_LIMITS.mimeTypes].join(", ") } },
              },
            },
          },
          responses: {
            "200": {
              description: "The stored file.",
              headers: requestIdHeader,
              content: { "application/json": { schema: ref("Upload") } },
            },
            ...errorResponses([400, 401, 403, 413, 429, 500, 502, 504], {
              400: "Also when `X-Upload-Ticket` is missing or is not a ticket (`param`: `X-Upload-Ticket`). Fix: get one from `POST /api/upload-tickets`.",
              403: "`permission_error` also when the ticket was altered, signed with another key, expired or already used (`param`: `X-Upload-Ticket`). Fix: get a new ticket. Retry: with the new ticket.",
              413: "Also when the body (by its Content-Length) or the file (as it streams) is larger than the ticket declared.",
              429: "`rate_limit_exceeded` here is the daily upload quota of the client the ticket names; the per-minute limit is counted when the ticket is issued.",
            }),
          },
        },
      },
    },
    components: {
      schemas: {
        ...createSchemas(models),
        Task: task,
        Upload: uploadJsonSchema(),
        UploadTicketRequest: uploadTicketRequestJsonSchema(),
        UploadTicket: uploadTicketJsonSchema(),
        ErrorEnvelope: envelope,
      },
    },
  };
}
