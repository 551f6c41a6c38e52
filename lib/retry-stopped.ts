/**
 * Thrown when the retry policy (./retry-policy.ts) stops: carries the last error and the policy's reason.
 * On its own so that recognising it (lib/client/errors.ts) does not load the policy with the page.
 */
export class RetryStopped extends Error {
  constructor(
    readonly cause: unknown,
    readonly reason: string,
    readonly failures: number,
  ) {
    super(reason);
  }
}
