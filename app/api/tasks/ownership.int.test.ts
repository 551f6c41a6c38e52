import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { simulatorKey } from "@/lib/config";
import { type SimServer, startSimServer } from "@/lib/testing/sim-server";
import { createTask, getTask } from "@/lib/upstream/service";

/**
 * Tasks belong to their deployment: the proxy answers polls only for tasks it created (else 404, without
 * calling the upstream), unless WATCH_FOREIGN_TASKS=true; an Idempotency-Key is bound to its client.
 */
let sim: SimServer;
const saved = { ...process.env };
const T2V = { model: "nano-banana-2", mode: "text-to-video", input: { prompt: "A paper boat on a puddle", duration: 6 } };

beforeAll(async () => {
  sim = await startSimServer();
  delete process.env.UPSTREAM_BASE_URL;
  delete process.env.REDIS_URL;
  delete process.env.WATCH_FOREIGN_TASKS;
  process.env.SIMULATOR_BASE_URL = sim.baseUrl;
  process.env.UPSTREAM_API_KEY = "sk-ownership-test-0123456789";
  process.env.SIMULATOR_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "nb2-ownership-test-"));
  for (const name of ["CREATE_PER_MINUTE", "CREATE_PER_DAY", "POLL_PER_MINUTE"]) process.env[`RATE_LIMIT_${name}`] = "0";
});
afterAll(async () => {
  await sim.close();
  process.env = saved;
});
beforeEach(() => {
  delete process.env.WATCH_FOREIGN_TASKS;
  sim.requests.length = 0;
});

const from = (ip: string, extra: Record<string, string> = {}) => new Headers({ "x-forwarded-for": ip, ...extra });
const polls = () => sim.requests.filter((r) => r.method === "GET");

/** A task made straight at the upstream with the key (by "someone's own backend"), not through this proxy. */
async function foreignTask(): Promise<string> {
  const res = await fetch(`${sim.baseUrl}/v1/tasks`, {
    method: "POST",
    headers: { authorization: `Bearer ${simulatorKey()}`, "content-type": "application/json" },
    body: JSON.stringify({ ...T2V, input: { ...T2V.input, prompt: `Made elsewhere ${Date.now()}` } }),
  });
  return ((await res.json()) as { task_id: string }).task_id;
}

describe("tasks belong to their deployment", () => {
  it("answers polls of a task it created, from any client (a reload, another browser)", async () => {
    const created = await createTask(T2V, from("198.51.100.10"));
    const { task_id } = (await created.json()) as { task_id: string };
    const res = await getTask(task_id, from("203.0.113.20"));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { task_id: string }).task_id).toBe(task_id);
  });

  it("answers 404 for a task it did not create, without calling the upstream", async () => {
    const id = await foreignTask();
    sim.requests.length = 0;
    const refused = getTask(id, from("198.51.100.10"));
    await expect(refused).rejects.toMatchObject({ status: 404, type: "not_found_error", param: "task_id" });
    await expect(refused).rejects.toThrow(/created through this playground.*WATCH_FOREIGN_TASKS=true/);
    expect(polls()).toEqual([]);
  });

  it("with WATCH_FOREIGN_TASKS=true, watches a task made elsewhere", async () => {
    const id = await foreignTask();
    process.env.WATCH_FOREIGN_TASKS = "true";
    expect((await getTask(id, from("198.51.100.10"))).status).toBe(200);
  });
});

describe("Idempotency-Key bound to its client", () => {
  it("replays a client's own key, and gives another client with the same key a task of its own", async () => {
    const key = `idem_shared_${Date.now()}`;
    const body = { ...T2V, input: { ...T2V.input, prompt: `Idempotency ${key}` } };
    const a1 = (await (await createTask(body, from("198.51.100.31", { "idempotency-key": key }))).json()) as { task_id: string };
    const a2 = await createTask(body, from("198.51.100.31", { "idempotency-key": key }));
    expect(((await a2.json()) as { task_id: string }).task_id).toBe(a1.task_id);
    expect(a2.headers.get("idempotency-key")).toBe(key);
    const b = (await (await createTask(body, from("203.0.113.32", { "idempotency-key": key }))).json()) as { task_id: string };
    expect(b.task_id).not.toBe(a1.task_id);
    const forwarded = sim.requests.filter((r) => r.method === "POST").map((r) => r.idempotencyKey);
    expect(forwarded).not.toContain(key);
  });
});
