/**
 * What a person can do about an error: the fix and the retry advice of the guide's error table, or the
 * FAQ's explanation when a gateway answer is recognised (`invalid apitype: -1` = sent to a chat endpoint).
 */
import { ERRORS, GATEWAY_ANSWERS, TASK_FAILURES } from "@/lib/spec/contract";

export type Advice = { title?: string; fix: string; retry?: string };

export function adviceFor(error: { status: number; type: string; message: string }): Advice | null {
  const gateway = GATEWAY_ANSWERS.find((g) => error.message.includes(g.match));
  if (gateway) return { title: gateway.title, fix: gateway.explanation, retry: ERRORS.find((e) => e.status === 400)?.retry };
  if (error.status === 0) {
    return {
      fix: "The playground's own server did not answer: check that it is running and reachable.",
      retry: "Try again when it is back.",
    };
  }
  const row = ERRORS.find((e) => e.type === error.type) ?? ERRORS.find((e) => e.status === error.status);
  return row ? { fix: row.fix, retry: row.retry } : null;
}

/** The advice for a task that ended `failed` (HTTP 200: the failure is data). */
export function taskFailureAdvice(type: string): Advice | null {
  const row = TASK_FAILURES.find((f) => f.type === type);
  return row ? { fix: row.fix } : null;
}
