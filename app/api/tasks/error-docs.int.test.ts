import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SimServer, startSimServer } from "@/lib/testing/sim-server";
import { decodeCheck } from "@/lib/upstream/check-header";
import { GET as statusRoute } from "./[taskId]/route";
import { POST as createRoute } from "./route";

/**
 * Every envelope the proxy answers links the guide (`doc_url`) and says what to do (`hint`), whatever
 * the upstream's dialect; the upstream's own envelope (the simulator's) stays the contract's bare one.
 * Requests are made as curl makes them: JSON and a Host, no Origin, no Sec-Fetch-* headers.
 */
const KEY = "sk-docs-SECRET-0b9e";
const ORIGIN = "https://playground.example.com";
let sim: SimServer;

async function record(res: Response) {
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, check: decodeCheck(res.headers.get("x-upstream-check")) };
}
const create = (body: unknown, headers: Record<string, string> = {}) =>
  createRoute(
    new Request("http://localhost:3000/api/tasks", {
      method: "POST",
      headers: { "content-type": "application/json", host: "evil.example", ...headers },
      body: JSON.stringify(body),
    }),
  ).then(record);
const poll = (id: string) =>
  statusRoute(new Request(`http://localhost:3000/api/tasks/${id}`, { headers: { host: "evil.example" } }), {
    params: Promise.resolve({ taskId: id }),
  }).then(record);

const T2V = { model: "gemini-omni-flash", mode: "text-to-video", input: { prompt: "A fox in fresh snow", duration: 4 } };

beforeAll(async () => {
  for (const name of ["CREATE_PER_MINUTE", "CREATE_PER_DAY", "POLL_PER_MINUTE"]) process.env[`RATE_LIMIT_${name}`] = "0";
  sim = await startSimServer();
  delete process.env.UPSTREAM_BASE_URL;
  process.env.SIMULATOR_BASE_URL = sim.baseUrl;
  process.env.UPSTREAM_API_KEY = KEY;
  process.env.PUBLIC_ORIGIN = ORIGIN;
  process.env.SIMULATOR_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "nb2-docs-test-"));
});

afterEach(() => {
  delete process.env.UPSTREAM_DIALECT;
});

afterAll(async () => {
  delete process.env.PUBLIC_ORIGIN;
  await sim.close();
});

describe("the gateway answers “invalid apitype: -1”", () => {
  for (const dialect of ["generation-task", "task-contract"]) {
    it(`the envelope's hint names the chat endpoint and the task endpoints, and doc_url is the guide's FAQ entry (${dialect})`, async () => {
      process.env.UPSTREAM_DIALECT = dialect;
      const res = await create(T2V, { "x-simulate": "chat-endpoint" });
      expect(res.status).toBe(400);
      expect(res.json.error.message).toMatch(/^invalid apitype: -1/);
      expect(res.json.error.hint).toMatch(/the request went to a chat endpoint/);
      expect(res.json.error.hint).toContain("POST /api/tasks");
      expect(res.json.error.hint).toContain("POST {base}/v1/videos/generations");
      // The request was about gemini-omni-flash: its guide, at the FAQ entry on this answer (its 4th question; faq.tsx numbers from 0).
      expect(res.json.error.doc_url).toBe(`${ORIGIN}/models/gemini-omni-flash#faq-3`);
      // What the upstream sent is the gateway's own envelope, with nothing of ours in it.
      expect(JSON.stringify(res.check?.raw)).not.toContain("doc_url");
    });
  }
});

describe("the proxy's own envelopes and the upstream's mapped ones", () => {
  it("a refused field links the row of the model's guide, with the table's fix; the origin is PUBLIC_ORIGIN, not the Host", async () => {
    const res = await create({ ...T2V, input: { ...T2V.input, duration: 5 } });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({
      type: "invalid_request_error",
      param: "input.duration",
      doc_url: `${ORIGIN}/models/gemini-omni-flash#error-invalid_request_error`,
      hint: expect.stringMatching(/^Validate model, mode and input/),
    });
    expect(JSON.stringify(res.json)).not.toContain("evil.example");
  });

  it("an upstream's 429 and 404 get their rows (the default model's guide when the request named none); its own envelope stays bare", async () => {
    const limited = await create(T2V, { "x-simulate": "rate-limit-always" });
    expect(limited.status).toBe(429);
    expect(limited.json.error.doc_url).toBe(`${ORIGIN}/models/gemini-omni-flash#error-rate_limit_exceeded`);
    expect(limited.json.error.hint).toMatch(/Exponential backoff with jitter/);
    // The simulator speaks the bare contract: the contract check finds nothing unexpected in its envelope.
    expect(limited.check).toMatchObject({ flags: [] });
    expect(Object.keys((limited.check!.raw as { error: object }).error).sort()).toEqual(["message", "request_id", "type"]);
    const missing = await poll("task_doesnotexist");
    expect(missing.status).toBe(404);
    expect(missing.json.error.doc_url).toBe(`${ORIGIN}/models/nano-banana-2#error-not_found_error`);
  });
});
