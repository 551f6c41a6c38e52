/**
 * Runs one fault scenario end to end the way the playground does (the same TanStack Query options of
 * lib/client/task-queries.ts, so the same retry policy and polling intervals, and the same run reducer)
 * against the proxy and the real simulator served by sim-server, and counts the requests that reached
 * the upstream. Used by the scenario tests and by `npm run bench:polling`.
 */

import {
  environmentManager,
  MutationObserver,
  type Query,
  QueryClient,
  QueryObserver,
  type QueryObserverResult,
} from "@tanstack/react-query";
import { toRunError } from "@/lib/client/errors";
import { newIdempotencyKey, type Run, type RunAction, runReducer } from "@/lib/client/run";
import { createTaskMutation, type TaskEvents, taskKey, taskQuery } from "@/lib/client/task-queries";
import { isTerminal } from "@/lib/polling";
import { type SimStore, simStore } from "@/lib/simulator/store";
import { englishRetry } from "@/lib/spec/contract";
import type { CreateTaskRequest, Task } from "@/lib/spec/schema";
import type { SimServer } from "./sim-server";

// TanStack Query takes a runtime without `window` for a server and schedules no refetch timers there;
// here it plays the browser.
environmentManager.setIsServer(() => false);

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

/** When to poll next, as TanStack Query's `refetchInterval` (the playground's is in taskQuery). */
export type PollSchedule = (query: Query<Task, unknown, Task, ReturnType<typeof taskKey>>) => number | false;

/** Runs `scenario` as the playground would; `schedule` replaces its polling intervals (the bench's yardstick). */
export async function runScenario(
  sim: SimServer,
  scenario: string,
  { request = BENCH_REQUEST, schedule }: { request?: CreateTaskRequest; schedule?: PollSchedule } = {},
): Promise<ScenarioResult> {
  trackCreatedTasks();
  const key = newIdempotencyKey();
  const t0 = Date.now();
  let run: Run | null = runReducer(null, { type: "start", request, uploads: [], now: t0, idempotencyKey: key, simulate: scenario });
  const dispatch = (action: RunAction) => (run = runReducer(run, action));
  const events: TaskEvents = {
    onExchange: (exchange) => dispatch({ type: "exchange", exchange }),
    onWait: (wait) => dispatch({ type: "wait", wait }),
  };
  const client = new QueryClient();
  let outcome: string;
  let taskId: string | undefined;
  try {
    // As lib/client/use-task-run.ts does: the create's task seeds the task's query, which then polls by itself.
    const created = await new MutationObserver(client, createTaskMutation(events, { idempotent: true, base: sim.origin })).mutate({
      request,
      idempotencyKey: key,
      simulate: scenario,
    });
    taskId = created.task_id;
    client.setQueryData(taskKey(taskId), created);
    dispatch({ type: "created", task: created, now: Date.now() });
    const options = taskQuery(taskId, events, { base: sim.origin });
    const task = await untilTerminal(new QueryObserver(client, schedule ? { ...options, refetchInterval: schedule } : options));
    outcome = task.status;
  } catch (err) {
    const e = toRunError(err);
    outcome = `stopped: HTTP ${e.status} ${e.type}`;
  } finally {
    client.clear();
  }
  const creates = sim.requests.filter((r) => r.method === "POST" && r.path === "/api/simulator/v1/tasks" && r.idempotencyKey === key);
  const polls = taskId ? sim.requests.filter((r) => r.method === "GET" && r.path === `/api/simulator/v1/tasks/${taskId}`) : [];
  const waits = run!.waits.map((w) => w.delayMs);
  return {
    scenario,
    outcome,
    upstreamCreates: creates.length,
    upstreamPolls: polls.length,
    tasks: created.get(key)?.size ?? 0,
    waits: waits.length,
    waitedMs: waits.reduce((a, b) => a + b, 0),
    elapsedMs: Date.now() - t0,
    notes: run!.notes.map(englishRetry),
  };
}

/** Follows a task's query while it polls on its own: resolves with the terminal task, rejects when the policy stops. */
function untilTerminal(observer: QueryObserver<Task, unknown, Task, Task, ReturnType<typeof taskKey>>): Promise<Task> {
  return new Promise((resolve, reject) => {
    const settled = (result: QueryObserverResult<Task, unknown>) => {
      if (result.error) reject(result.error);
      else if (isTerminal(result.data?.status)) resolve(result.data!);
      else return false;
      return true;
    };
    // The create may already have answered with a finished task (a replay after a slow answer).
    if (settled(observer.getCurrentResult())) return;
    const unsubscribe = observer.subscribe((result) => settled(result) && unsubscribe());
  });
}
