import type { RunError } from "@/lib/client/run";
import { adviceFor, taskFailureAdvice } from "@/lib/error-advice";

/** An error a person can act on: status, type, message, request id, the field, the policy's decision and the fix. */
export function ErrorCard({ error, taskFailed = false }: { error: RunError; taskFailed?: boolean }) {
  const advice = taskFailed ? taskFailureAdvice(error.type) : adviceFor(error);
  return (
    <div
      role="alert"
      aria-label={taskFailed ? "Task failed" : "Error"}
      className="space-y-1 rounded-lg border border-red-200 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950/40"
    >
      <p className="font-semibold text-red-800 dark:text-red-200">
        {taskFailed ? "The task failed" : `HTTP ${error.status || "—"}`} · <span className="font-mono">{error.type}</span>
        {advice?.title && <> · {advice.title}</>}
      </p>
      <p>{error.message}</p>
      {error.param && (
        <p>
          Field: <span className="font-mono">{error.param}</span>
        </p>
      )}
      {error.request_id && (
        <p>
          Request id: <span className="font-mono">{error.request_id}</span>
        </p>
      )}
      {error.policy && <p className="font-medium">{error.policy}</p>}
      {advice && (
        <p className="text-zinc-700 dark:text-zinc-300">
          <span className="font-medium">Fix:</span> {advice.fix}
          {advice.retry && (
            <>
              {" "}
              <span className="font-medium">Retry:</span> {advice.retry}
            </>
          )}
        </p>
      )}
    </div>
  );
}
