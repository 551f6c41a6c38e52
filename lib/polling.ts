import { POLLING, type TaskStatus, TERMINAL_STATUSES } from "@/lib/spec/contract";

/**
 * The delay before the next poll: short at first, growing by POLLING.growth each time up to the maximum,
 * so long tasks are not hammered; in a hidden tab, only one look per POLLING.hiddenIntervalMs (enough to
 * notice completion). Returns false once the task is terminal or the watch time limit is reached.
 */
export function nextPollDelay(pollCount: number, elapsedMs: number, status: TaskStatus | undefined, hidden = false): number | false {
  if (status && TERMINAL_STATUSES.includes(status)) return false;
  if (elapsedMs >= POLLING.timeLimitMs) return false;
  const delay = POLLING.firstIntervalMs * POLLING.growth ** Math.max(0, pollCount - 1);
  const visible = Math.round(Math.min(POLLING.maxIntervalMs, delay));
  return hidden ? Math.max(visible, POLLING.hiddenIntervalMs) : visible;
}

export function isTerminal(status: TaskStatus | undefined): boolean {
  return !!status && TERMINAL_STATUSES.includes(status);
}
