import { POLLING, TERMINAL_STATUSES, type TaskStatus } from "@/lib/spec/nano-banana-2";

/**
 * The delay before the next poll: short at first, growing by half each time up to the maximum, so
 * long tasks are not hammered. Returns false once the task is terminal or the time limit is reached.
 */
export function nextPollDelay(pollCount: number, elapsedMs: number, status: TaskStatus | undefined): number | false {
  if (status && TERMINAL_STATUSES.includes(status)) return false;
  if (elapsedMs >= POLLING.timeLimitMs) return false;
  const delay = POLLING.firstIntervalMs * Math.pow(1.5, Math.max(0, pollCount - 1));
  return Math.round(Math.min(POLLING.maxIntervalMs, delay));
}

export function isTerminal(status: TaskStatus | undefined): boolean {
  return !!status && TERMINAL_STATUSES.includes(status);
}
