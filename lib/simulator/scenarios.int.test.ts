import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScenario, type ScenarioResult } from "@/lib/testing/scenario-run";
import { type SimServer, startSimServer } from "@/lib/testing/sim-server";
import { SCENARIO_IDS, type ScenarioId } from "./scenarios";

/**
 * Every scenario of the table, run the way the playground runs it (create + watch + the retry policy)
 * against the proxy and the real simulator; what the client ends with and what the upstream received.
 */
let sim: SimServer;
const results = new Map<string, ScenarioResult>();
/** long-task is no fault, only a 60 s task for the browser tests of stop/resume; the bench counts its polls. */
const FAULTS = SCENARIO_IDS.filter((id) => id !== "long-task");

beforeAll(async () => {
  sim = await startSimServer();
  delete process.env.UPSTREAM_BASE_URL;
  process.env.SIMULATOR_BASE_URL = sim.baseUrl;
  process.env.UPSTREAM_API_KEY = "sk-scenarios-test";
  process.env.UPSTREAM_TIMEOUT_MS = "2000";
  // Polls 1–3 land while the task is still running (first poll at 1 s, done at about 1.6 s).
  process.env.SIMULATOR_QUEUE_MS = "1000";
  process.env.SIMULATOR_RUN_MS_PER_SECOND = "100";
  process.env.SIMULATOR_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "nb2-scenarios-test-"));
  const all = await Promise.all(FAULTS.map((id) => runScenario(sim, id)));
  for (const r of all) results.set(r.scenario, r);
}, 60_000);

afterAll(() => sim.close());

type Expect = Partial<Omit<ScenarioResult, "scenario" | "notes" | "elapsedMs">> & { note?: RegExp; minPolls?: number };
const EXPECTED: Record<Exclude<ScenarioId, "long-task">, Expect> = {
  none: { outcome: "succeeded", upstreamCreates: 1, tasks: 1, waits: 0 },
  "bad-request": { outcome: "stopped: HTTP 400 invalid_request_error", upstreamCreates: 1, upstreamPolls: 0, tasks: 0, waits: 0 },
  "missing-key": { outcome: "stopped: HTTP 401 authentication_error", upstreamCreates: 1, upstreamPolls: 0, tasks: 0, waits: 0 },
  "wrong-key": { outcome: "stopped: HTTP 401 authentication_error", upstreamCreates: 1, upstreamPolls: 0, tasks: 0, waits: 0 },
  "rate-limit-create": { outcome: "succeeded", upstreamCreates: 2, tasks: 1, waits: 1 },
  "rate-limit-second-poll": { outcome: "succeeded", upstreamCreates: 1, tasks: 1, waits: 1, minPolls: 3 },
  "rate-limit-always": { outcome: "stopped: HTTP 429 rate_limit_exceeded", upstreamCreates: 4, upstreamPolls: 0, tasks: 0, waits: 3 },
  "server-error-twice": { outcome: "succeeded", upstreamCreates: 1, tasks: 1, waits: 2, minPolls: 4 },
  "server-error-always": { outcome: "stopped: HTTP 500 internal_error", upstreamCreates: 1, upstreamPolls: 5, tasks: 1, waits: 3 },
  "create-lost-answer": { outcome: "succeeded", upstreamCreates: 2, tasks: 1, waits: 1, note: /same Idempotency-Key.*one task, not two/ },
  "slow-upstream": { outcome: "succeeded", upstreamCreates: 2, tasks: 1, waits: 1, note: /same Idempotency-Key.*one task, not two/ },
  "not-json": { outcome: "succeeded", upstreamCreates: 1, tasks: 1, waits: 1, minPolls: 2 },
  "chat-endpoint": { outcome: "stopped: HTTP 400 new_api_error", upstreamCreates: 1, upstreamPolls: 0, tasks: 0, waits: 0 },
  "content-policy": { outcome: "failed", upstreamCreates: 1, tasks: 1, waits: 0 },
};

describe("every scenario, end to end through the proxy", () => {
  it.each(FAULTS)("%s", (id) => {
    const r = results.get(id)!;
    const { note, minPolls, ...exact } = EXPECTED[id as keyof typeof EXPECTED];
    expect(r).toMatchObject(exact);
    if (note) expect(r.notes.join(" ")).toMatch(note);
    if (minPolls) expect(r.upstreamPolls).toBeGreaterThanOrEqual(minPolls);
  });

  it("429 waits honour Retry-After and grow: about 1 s, 2 s, 4 s", () => {
    const r = results.get("rate-limit-always")!;
    expect(r.waitedMs).toBeGreaterThanOrEqual(1000 + 1500 + 3000);
    expect(r.waitedMs).toBeLessThanOrEqual(1250 + 2500 + 5000);
  });
});
