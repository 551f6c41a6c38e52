/**
 * The task API as TanStack Query options: the query key and the fetcher together, retries by
 * lib/retry-policy.ts, polling intervals by lib/polling.ts. The playground uses them with `useQuery` and
 * `useMutation` (./use-task-run.ts); the bench and the scenario tests with TanStack's observers
 * (lib/testing/scenario-run.ts), so all three run the same options. Every exchange with the proxy and
 * every wait of the policy is reported through `events`, for the run's timeline.
 */
import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { nextPollDelay } from "@/lib/polling";
import { type RetryWait, retryOptions } from "@/lib/retry-policy";
import type { CreateTaskRequest, Task } from "@/lib/spec/schema";
import { ApiClientError, callProxy, type Exchange, type WaitEntry } from "./api";
import { classify } from "./errors";

export type TaskEvents = {
  onExchange: (exchange: Exchange) => void;
  onWait: (wait: WaitEntry) => void;
};

/** Where the proxy is: "" in the browser, an origin in scripts. */
type Where = { base?: string };

export const taskKey = (taskId: string) => ["task", taskId] as const;

/** Reports the call's exchange (a failed one too: the proxy's error is part of the timeline) and returns its data. */
async function recorded<T>(call: Promise<{ data: T; exchange: Exchange }>, onExchange: TaskEvents["onExchange"]): Promise<T> {
  try {
    const { data, exchange } = await call;
    onExchange(exchange);
    return data;
  } catch (err) {
    if (err instanceof ApiClientError) onExchange(err.exchange);
    throw err;
  }
}

let waits = 0;
const toWaitEntry = (onWait: TaskEvents["onWait"]) => (wait: RetryWait) =>
  onWait({ id: `wait${++waits}`, startedAt: Date.now(), delayMs: wait.delayMs, reason: wait.reason, words: wait.words });

/**
 * Polls one task: callProxy checks `res.ok` and throws the typed ApiClientError (the policy retries 429 and
 * 5xx, never 4xx); the next poll comes after lib/polling's growing interval, one look per 30 s while the
 * page is `hidden`, none once the task is terminal or the policy gave up. An answer counts as fresh until
 * its next poll is due, so a task seeded by its create is not fetched again at once, and a tab shown again
 * looks at once only when a poll is due.
 */
export function taskQuery(taskId: string, events: TaskEvents, { hidden = false, base = "" }: Where & { hidden?: boolean } = {}) {
  return queryOptions({
    queryKey: taskKey(taskId),
    queryFn: ({ signal }) =>
      recorded(callProxy<Task>("Poll status", "GET", `${base}/api/tasks/${encodeURIComponent(taskId)}`, { signal }), events.onExchange),
    ...retryOptions("poll", { classify, onWait: toWaitEntry(events.onWait) }),
    refetchInterval: (query) =>
      query.state.status !== "error" && nextPollDelay(query.state.dataUpdateCount, 0, query.state.data?.status, hidden),
    // A hidden tab still looks, rarely (the interval above), so it notices the end of the task.
    refetchIntervalInBackground: true,
    staleTime: (query) => nextPollDelay(query.state.dataUpdateCount, 0, query.state.data?.status) || Infinity,
  });
}

export type CreateVars = { request: CreateTaskRequest; idempotencyKey: string; simulate?: string; signal?: AbortSignal };

/**
 * Creates a task with the run's Idempotency-Key (and the simulator's scenario, if any). Retried only as the
 * policy allows: after a 429's backoff, and after a 5xx or a timeout only when `idempotent` (the upstream
 * honours the key, so a retry cannot make a second task). Never blindly: a create is not idempotent.
 */
export function createTaskMutation(events: TaskEvents, { idempotent, base = "" }: Where & { idempotent: boolean }) {
  return mutationOptions({
    mutationKey: ["create-task"],
    mutationFn: ({ request, idempotencyKey, simulate, signal }: CreateVars) => {
      const headers: Record<string, string> = { "idempotency-key": idempotencyKey };
      if (simulate && simulate !== "none") headers["x-simulate"] = simulate;
      return recorded(
        callProxy<Task>("Create task", "POST", `${base}/api/tasks`, { body: { json: request }, signal, headers }),
        events.onExchange,
      );
    },
    ...retryOptions("create", { classify, idempotent, onWait: toWaitEntry(events.onWait) }),
  });
}
