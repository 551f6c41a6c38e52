/**
 * How long a run waited and worked, from what went over the wire: `queued` from the create's answer to
 * the first answer that was no longer queued, `running` from there to the first terminal answer, and
 * `total` from the click (or the watch) to the end. Each is as precise as the polling that saw it (the
 * poll interval grows to 10 s), and absent when the run never got that far.
 */
import type { Exchange } from "@/lib/client/api";
import type { SavedRun } from "@/lib/runs/saved-run";

export type RunTimings = { queuedMs?: number; runningMs?: number; totalMs?: number };

const TERMINAL = new Set(["succeeded", "failed"]);

function statusOf(e: Exchange): string | undefined {
  const body = e.responseBody as { status?: unknown } | undefined;
  return e.status !== null && e.status < 300 && typeof body?.status === "string" ? body.status : undefined;
}

/** When the browser had the exchange's answer. */
const answeredAt = (e: Exchange) => e.startedAt + e.latencyMs;

export function runTimings(run: Pick<SavedRun, "exchanges" | "startedAt" | "finishedAt">): RunTimings {
  const tasks = run.exchanges.filter((e) => e.label === "Create task" || e.label === "Poll status");
  const seen = tasks.filter((e) => statusOf(e) !== undefined);
  const created = seen[0];
  const started = seen.find((e) => statusOf(e) !== "queued");
  const ended = seen.find((e) => TERMINAL.has(statusOf(e) ?? ""));
  const out: RunTimings = {};
  if (created && started) out.queuedMs = Math.max(0, answeredAt(started) - answeredAt(created));
  if (started && ended) out.runningMs = Math.max(0, answeredAt(ended) - answeredAt(started));
  if (run.finishedAt !== undefined) out.totalMs = Math.max(0, run.finishedAt - run.startedAt);
  return out;
}
