import { RetryStopped } from "@/lib/retry-policy";
import { ApiClientError } from "./api";
import type { RunError } from "./run";

/** The panel's view of anything a create or a watch threw: the envelope, plus the policy's decision. */
export function toRunError(err: unknown): RunError {
  const policy = err instanceof RetryStopped ? err.reason : undefined;
  const cause = err instanceof RetryStopped ? err.cause : err;
  if (cause instanceof ApiClientError) return { status: cause.status, ...cause.envelope, policy };
  return { status: 0, type: "client_error", message: cause instanceof Error ? cause.message : String(cause), policy };
}

/** The ApiClientError behind an error (unwrapping the policy's stop), for mapping a 400 onto the form. */
export function apiErrorOf(err: unknown): unknown {
  return err instanceof RetryStopped ? err.cause : err;
}

