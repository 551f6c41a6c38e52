import Ajv from "ajv";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json";
import harSchemas from "har-schema";
import { describe, expect, it } from "vitest";
import { type Exchange, REDACTED_AUTH } from "@/lib/client/api";
import { harFileName, harFromSavedRun } from "./har";
import { SAVED_RUN_FORMAT, SAVED_RUN_VERSION, type SavedRun } from "./saved-run";

/**
 * The HAR 1.2 JSON schema (the har-schema package, the one har-validator used) checked with ajv 8:
 * har-validator itself is deprecated and pins ajv 6; the schema is the format's definition and does not
 * change. Its extra keywords (`optional`, `min`) are not JSON Schema, hence `strict: false`.
 */
function harValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  ajv.addFormat("date-time", (s: string) => !Number.isNaN(Date.parse(s)));
  ajv.addFormat("uri", (s: string) => URL.canParse(s));
  ajv.addFormat("ipv4", /^(\d{1,3}\.){3}\d{1,3}$/);
  ajv.addFormat("ipv6", /^[0-9a-f:.]+$/i);
  for (const schema of Object.values(harSchemas)) ajv.addSchema(schema);
  return ajv.getSchema("har.json#")!;
}

const REQUEST = {
  model: "nano-banana-2" as const,
  mode: "text-to-video" as const,
  input: { prompt: "a fox at dawn", aspect_ratio: "16:9" as const, resolution: "720P" as const, duration: 6 },
};

const create: Exchange = {
  id: "x1",
  label: "Create",
  method: "POST",
  path: "/api/tasks",
  startedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
  latencyMs: 42,
  status: 200,
  requestHeaders: {
    accept: "application/json",
    "content-type": "application/json",
    "idempotency-key": "idem_1",
    authorization: REDACTED_AUTH,
  },
  requestBody: REQUEST,
  responseBody: { task_id: "task_1", status: "queued" },
  upstream: { request: "POST https://api.example.com/v1/tasks", latencyMs: 30 },
  requestId: "req_1",
  responseHeaders: { "idempotency-key": "idem_1" },
};
const poll: Exchange = {
  id: "x2",
  label: "Poll",
  method: "GET",
  path: "/api/tasks/task_1?attempt=2",
  startedAt: create.startedAt + 2000,
  latencyMs: 12,
  status: 200,
  requestHeaders: { accept: "application/json", authorization: REDACTED_AUTH },
  responseBody: { task_id: "task_1", status: "succeeded", output: { video_url: "https://cdn.example/v.mp4" } },
};
const lost: Exchange = {
  ...poll,
  id: "x3",
  startedAt: poll.startedAt + 2000,
  status: null,
  responseBody: { error: { type: "network_error", message: "The playground's server could not be reached." } },
};

const run: SavedRun = {
  format: SAVED_RUN_FORMAT,
  version: SAVED_RUN_VERSION,
  id: "idem_1",
  model: "nano-banana-2",
  mode: "text-to-video",
  ranAt: new Date(create.startedAt).toISOString(),
  request: REQUEST,
  idempotencyKey: "idem_1",
  startedAt: create.startedAt,
  finishedAt: lost.startedAt + 12,
  exchanges: [create, poll, lost],
  waits: [{ id: "w1", startedAt: create.startedAt + 50, delayMs: 1000, reason: "polling" }],
  notes: [{ key: "noRetry", values: { status: "400" } }],
  taskId: "task_1",
};

describe("a run as HAR 1.2", () => {
  const har = harFromSavedRun(run, { origin: "https://playground.example.com" });

  it("is valid HAR 1.2 per the format's JSON schema", () => {
    const validate = harValidator();
    const ok = validate(JSON.parse(JSON.stringify(har)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(har.log.version).toBe("1.2");
  });

  it("the validator does refuse a broken HAR (the check can fail)", () => {
    const validate = harValidator();
    const broken = JSON.parse(JSON.stringify(har));
    delete broken.log.entries[0].response.status;
    expect(validate(broken)).toBe(false);
  });

  it("has one entry per exchange, in order, with its timing, URL, bodies and answer", () => {
    expect(har.log.entries).toHaveLength(3);
    const [first, second, third] = har.log.entries;
    expect(first).toMatchObject({
      pageref: "idem_1",
      startedDateTime: "2026-01-02T03:04:05.000Z",
      time: 42,
      request: { method: "POST", url: "https://playground.example.com/api/tasks", postData: { mimeType: "application/json" } },
      response: { status: 200, content: { mimeType: "application/json" } },
      timings: { wait: 42 },
    });
    expect(JSON.parse(first.request.postData!.text!)).toEqual(REQUEST);
    expect(JSON.parse(first.response.content.text!)).toEqual({ task_id: "task_1", status: "queued" });
    expect(first.comment).toContain("POST https://api.example.com/v1/tasks");
    expect(second.request.queryString).toEqual([{ name: "attempt", value: "2" }]);
    expect(third.response.status).toBe(0);
    expect(har.log.pages?.[0].comment).toContain("waited 1000 ms");
    expect(har.log.pages?.[0].comment).toContain("HTTP 400: not retried");
  });

  it("carries no key: no Authorization header (not even the placeholder) and no other credential", () => {
    const withSecrets: SavedRun = {
      ...run,
      exchanges: [
        { ...create, requestHeaders: { ...create.requestHeaders, Authorization: "Bearer sk-live-123", cookie: "pg_access=secret" } },
        { ...poll, responseHeaders: { "set-cookie": "pg_access=secret" } },
      ],
    };
    for (const h of [har, harFromSavedRun(withSecrets, { origin: "http://localhost:3000" })]) {
      const text = JSON.stringify(h);
      expect(text).not.toMatch(/authorization"|"cookie"|set-cookie|sk-live-123|secret|Bearer/i);
      for (const e of h.log.entries) {
        expect(e.request.headers.map((x) => x.name.toLowerCase())).not.toContain("authorization");
        expect(e.response.headers.map((x) => x.name.toLowerCase())).not.toContain("set-cookie");
      }
    }
    expect(harFileName(run)).toBe("nano-banana-2-task_1.har");
  });
});
