/**
 * The simulator's fault scenarios, in one table. A scenario is chosen per create (the UI's "Simulate"
 * control, or the `x-simulate` request header) and sticks to the task, so its polls follow it too.
 *
 * `create` and `poll` are scripts indexed by attempt: entry 0 applies to the first create attempt of an
 * Idempotency-Key (or the first poll of a task), entry 1 to the second, and so on; `null` is a normal
 * answer. Past the end of the script the answer is normal, unless `repeat` says the last entry repeats.
 * This module is plain data (no server code), so the UI can list the scenarios.
 */

export type Fault =
  /** An error envelope with this status; `afterCreate` means the task was created before the answer failed. */
  | {
      kind: "error";
      status: 400 | 404 | 429 | 500;
      type: string;
      message: string;
      param?: string;
      retryAfterS?: number;
      afterCreate?: boolean;
    }
  /** 401 as if the Authorization header were missing or the key wrong. */
  | { kind: "auth"; missing: boolean }
  /** Answers only after the proxy's timeout has passed (the proxy answers 504); on a create, the task is created first. */
  | { kind: "slow" }
  /** A body that is not JSON (an HTML error page from a load balancer). */
  | { kind: "not-json"; status: number }
  /** The answer a gateway gives to a media request sent to its chat endpoint. */
  | { kind: "chat-endpoint" };

export type FaultScript = { steps: (Fault | null)[]; repeat?: boolean };

export type Scenario = {
  id: string;
  label: string;
  /** What happens, in the words docs/rehearse-failures.md and the UI use. */
  description: string;
  create?: FaultScript;
  poll?: FaultScript;
  /** The task itself ends `failed` with this error. */
  taskFailure?: { type: string; message: string };
  /**
   * The task runs at least this long (ms) whatever the simulator's timings: poll faults need a task still
   * running at the n-th poll, and long-task needs time to stop, resume or hide the tab.
   */
  minRunMs?: number;
};

const e500 = (afterCreate = false): Fault => ({
  kind: "error",
  status: 500,
  type: "internal_error",
  message: "Simulated transient upstream failure.",
  afterCreate,
});
const e429: Fault = {
  kind: "error",
  status: 429,
  type: "rate_limit_exceeded",
  message: "Too many requests: the simulated rate limit allows fewer requests per minute.",
  retryAfterS: 1,
};

export const SCENARIOS = [
  { id: "none", label: "Normal (no fault)", description: "The happy path: queued, running, succeeded." },
  {
    id: "bad-request",
    label: "400 on the create (a field at fault)",
    description:
      "The upstream refuses the prompt with 400 invalid_request_error and param input.prompt. Not retried; the field is highlighted.",
    create: {
      steps: [
        {
          kind: "error",
          status: 400,
          type: "invalid_request_error",
          message: "prompt was refused by the upstream's validation (simulated): rephrase it.",
          param: "input.prompt",
        },
      ],
      repeat: true,
    },
  },
  {
    id: "missing-key",
    label: "401 missing Authorization",
    description: "The upstream answers as if no Authorization header was sent: 401 authentication_error. Not retried.",
    create: { steps: [{ kind: "auth", missing: true }], repeat: true },
  },
  {
    id: "wrong-key",
    label: "401 wrong API key",
    description: "The upstream answers as if the key were wrong: 401 authentication_error. Not retried.",
    create: { steps: [{ kind: "auth", missing: false }], repeat: true },
  },
  {
    id: "rate-limit-create",
    label: "429 on the create, then success",
    description: "The first create attempt gets 429 rate_limit_exceeded with Retry-After: 1; the retry after the backoff succeeds.",
    create: { steps: [e429] },
  },
  {
    id: "rate-limit-second-poll",
    label: "429 on the second poll",
    description: "The second poll gets 429 with Retry-After: 1; polling backs off, then goes on to success.",
    minRunMs: 5000,
    poll: { steps: [null, e429] },
  },
  {
    id: "rate-limit-always",
    label: "429 on every create",
    description: "Every create attempt gets 429: backoff of about 1 s, 2 s, 4 s, then a clear stop after 3 retries.",
    create: { steps: [e429], repeat: true },
  },
  {
    id: "server-error-twice",
    label: "500 twice on polls, then success",
    description: "Polls 2 and 3 get 500 internal_error; short retries carry the task to success.",
    minRunMs: 5000,
    poll: { steps: [null, e500(), e500()] },
  },
  {
    id: "server-error-always",
    label: "500 on every poll",
    description: "Every poll from the second gets 500: 3 short retries, then a clear stop showing the request id.",
    minRunMs: 5000,
    poll: { steps: [null, e500()], repeat: true },
  },
  {
    id: "create-lost-answer",
    label: "500 on the create after the task was created",
    description:
      "The upstream creates the task but answers 500. The retry carries the same Idempotency-Key and gets the same task back: never a second task.",
    create: { steps: [e500(true)] },
  },
  {
    id: "slow-upstream",
    label: "Create slower than the proxy's timeout",
    description:
      "The upstream creates the task but answers after the proxy's timeout: the proxy answers 504 upstream_timeout. The retry with the same Idempotency-Key gets the same task.",
    create: { steps: [{ kind: "slow" }] },
  },
  {
    id: "not-json",
    label: "A poll answered with HTML, not JSON",
    description:
      "The first poll is answered with an HTML error page: the proxy answers 502 upstream_error, the poll is retried and goes on.",
    minRunMs: 5000,
    poll: { steps: [{ kind: "not-json", status: 200 }] },
  },
  {
    id: "chat-endpoint",
    label: "“invalid apitype: -1” (sent to a chat endpoint)",
    description: "A gateway's answer to a media request sent to its chat endpoint. Not retried; explained as a wrong endpoint.",
    create: { steps: [{ kind: "chat-endpoint" }], repeat: true },
  },
  {
    id: "long-task",
    label: "A long task (runs 60 s)",
    description: "No fault: the task runs for 60 s, long enough to stop watching, resume, reload, open a second tab or hide this one.",
    minRunMs: 60_000,
  },
  {
    id: "content-policy",
    label: "The task ends failed (content policy)",
    description:
      "The create and polls succeed, but the task ends with status failed and a content-policy refusal (HTTP 200: data, not an error).",
    taskFailure: {
      type: "content_policy_violation",
      message: "The request was refused by the content policy (simulated): rephrase the prompt.",
    },
  },
] as const satisfies readonly Scenario[];

export type ScenarioId = (typeof SCENARIOS)[number]["id"];
export const SCENARIO_IDS = SCENARIOS.map((s) => s.id) as [ScenarioId, ...ScenarioId[]];

/** The scenario with this id, or undefined for an unknown one. */
export function scenarioById(id: string | null | undefined): Scenario | undefined {
  return (SCENARIOS as readonly Scenario[]).find((s) => s.id === id);
}

/** The fault of a script for the n-th attempt (1-based), or null for a normal answer. */
export function faultAt(script: FaultScript | undefined, attempt: number): Fault | null {
  if (!script || attempt < 1) return null;
  const { steps, repeat } = script;
  if (attempt <= steps.length) return steps[attempt - 1];
  return repeat ? steps[steps.length - 1] : null;
}
