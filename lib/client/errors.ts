import { decide, type Failure, type Operation } from "@/lib/retry-policy";
import { ApiClientError } from "./api";
import type { RunError } from "./run";

/** The retry policy's view of an error: an answer of the proxy is judged by its status; anything else is not retried. */
export function classify(err: unknown): Failure | null {
  if (err instanceof ApiClientError) return { status: err.status, type: err.envelope.type, retryAfterMs: err.retryAfterMs };
  return null;
}

/**
 * The panel's view of what stopped a create or a watch: the envelope and, given the operation and how many
 * consecutive failures it had, what the retry policy decided ("not retried…", "still failing after 3 retries…").
 */
export function toRunError(err: unknown, stop?: { op: Operation; failures: number; idempotent?: boolean }): RunError {
  const failure = classify(err);
  const decision = failure && stop ? decide(stop.op, failure, stop.failures, { idempotent: !!stop.idempotent }) : undefined;
  const policy = decision?.reason;
  const policyWords = decision?.words;
  if (err instanceof ApiClientError) return { status: err.status, ...err.envelope, policy, policyWords };
  return { status: 0, type: "client_error", message: err instanceof Error ? err.message : String(err), policy, policyWords };
}
