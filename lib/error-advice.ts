/**
 * What a person can do about an error: the fix and the retry advice of the guide's error table, or the
 * FAQ's explanation when a gateway answer is recognised (`invalid apitype: -1` = sent to a chat endpoint).
 * Each piece is a message key (the contract's texts: `spec.…`, translated in messages/*.json; `advice.…`),
 * so the error card says it in the page's language; the English is the contract's.
 */
import { ERRORS, GATEWAY_ANSWERS, TASK_FAILURES } from "@/lib/spec/contract";

/** A message key of the catalogue (`spec.errors.rate_limit_exceeded.fix`, `advice.serverDown`…). */
export type AdviceKey = string;
export type Advice = { title?: AdviceKey; fix: AdviceKey; retry?: AdviceKey };

export function adviceFor(error: { status: number; type: string; message: string }): Advice | null {
  const gateway = GATEWAY_ANSWERS.find((g) => error.message.includes(g.match));
  const badRequest = ERRORS.find((e) => e.status === 400);
  if (gateway)
    return {
      title: `spec.gatewayAnswers.${gateway.id}.title`,
      fix: `spec.gatewayAnswers.${gateway.id}.explanation`,
      retry: badRequest && `spec.errors.${badRequest.type}.retry`,
    };
  if (error.status === 0) return { fix: "advice.serverDown", retry: "advice.serverDownRetry" };
  const row = ERRORS.find((e) => e.type === error.type) ?? ERRORS.find((e) => e.status === error.status);
  return row ? { fix: `spec.errors.${row.type}.fix`, retry: `spec.errors.${row.type}.retry` } : null;
}

/** The advice for a task that ended `failed` (HTTP 200: the failure is data). */
export function taskFailureAdvice(type: string): Advice | null {
  const row = TASK_FAILURES.find((f) => f.type === type);
  return row ? { fix: `spec.taskFailures.${row.type}.fix` } : null;
}
