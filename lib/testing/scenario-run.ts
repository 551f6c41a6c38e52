/**
 * Runs one fault scenario end to end the way the playground does (lib/client/task-flow: the same create,
 * watch and retry policy) against the proxy and the real simulator served by sim-server, and counts the
 * requests that reached the upstream. Used by the scenario tests and by `npm run bench:polling`.
 */
import type { CreateTaskRequest } from "@/lib/spec/schema";
import { toRunError } from "@/lib/client/errors";
import { createTaskFlow, newIdempotencyKey, watchTask, type FlowEvent } from "@/lib/client/task-flow";
import { simStore, type SimStore } from "@/lib/simulator/store";
import type { SimServer } from "./sim-server";

/** Task ids the simulator created, per Idempotency-Key: counted by wrapping the process's store once. */
const created = new Map<string, Set<string>>();
function trackCreatedTasks(): void {
  const g = globalThis as { __nb2SimStore?: SimStore; __nb2Tracked?: boolean };
  if (g.__nb2Tracked) return;
  const inner = simStore();
  g.__nb2SimStore = {

    getTask: (id) => inner.getTask(id),
    getFile: (id) => inner.getFile(id),
    putFile: (f) => inner.putFile(f),
    getIdempotency: (k) => inner.getIdempotency(k),
    putIdempotency: (r) => inner.putIdempotency(r),
    putTask: async (task) => {
      if (task.idempotencyKey) created.set(task.idempotencyKey, (created.get(task.idempotencyKey) ?? new Set()).add(task.task_id));
      return inner.putTask(task);
    },
  };
  g.__nb2Tracked = true;
}

export const BENCH_REQUEST: CreateTaskRequest = {
  model: "nano-banana-2",
  mode: "text-to-video",
  input: { prompt: "A lighthouse in a storm, waves breaking", aspect_ratio: "16:9", duration: 6, resolution: "720P" },
};

export type ScenarioResult = {
  scenario: string;
  /** `succeeded`, `failed`, or `stopped: HTTP <status> <type>` when the policy stopped. */
  outcome: string;
  upstreamCreates: number;
  upstreamPolls: number;
  /** Tasks the simulator created for the run's Idempotency-Key (a correct client: at most 1). */
  tasks: number;
  waits: number;
  waitedMs: number;
  elapsedMs: number;
  notes: string[];
};

export async function runScenario(sim: SimServer, scenario: string, request: CreateTaskRequest = BENCH_REQUEST): Promise<ScenarioResult> {
  trackCreatedTasks();
  const key = newIdempotencyKey();
  const events: FlowEvent[] = [];
  const onEvent = (e: FlowEvent) => events.push(e);
  const t0 = Date.now();
  let outcome: string;
  let taskId: string | undefined;
  try {
    const task = await createTaskFlow(request, { idempotencyKey: key, simulate: scenario, onEvent, base: sim.origin });
    taskId = task.task_id;
    await watchTask(task.task_id, { onEvent, base: sim.origin });
    const last = events.filter((e) => e.type === "task").at(-1);
    outcome = last?.type === "task" ? last.task.status : "unknown";
  } catch (err) {
    const e = toRunError(err);
    outcome = `stopped: HTTP ${e.status} ${e.type}`;
  }
  const creates = sim.requests.filter((r) => r.method === "POST" && r.path === "/api/simulator/v1/tasks" && r.idempotencyKey === key);
  const polls = taskId ? sim.requests.filter((r) => r.method === "GET" && r.path === `/api/simulator/v1/tasks/${taskId}`) : [];
  const waits = events.flatMap((e) => (e.type === "wait" ? [e.wait.delayMs] : []));
  return {
    scenario,
    outcome,
    upstreamCreates: creates.length,
    upstreamPolls: polls.length,
    tasks: created.get(key)?.size ?? 0,
    waits: waits.length,
    waitedMs: waits.reduce((a, b) => a + b, 0),
    elapsedMs: Date.now() - t0,
    notes: events.flatMap((e) => (e.type === "note" ? [e.text] : [])),
  };
}
