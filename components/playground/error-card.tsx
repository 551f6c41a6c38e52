import { ERRORS } from "@/lib/spec/nano-banana-2";
import type { RunError } from "@/lib/client/run";

/** An error a person can act on: status, type, message, request id, the field, and the guide's fix. */
export function ErrorCard({ error, taskFailed = false }: { error: RunError; taskFailed?: boolean }) {
  const row = ERRORS.find((e) => e.type === error.type) ?? ERRORS.find((e) => e.status === error.status);
  return (
    <div role="alert" className="space-y-1 rounded-lg border border-red-200 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950/40">
      <p className="font-semibold text-red-800 dark:text-red-200">
        {taskFailed ? "The task failed" : `HTTP ${error.status || "—"}`} · <span className="font-mono">{error.type}</span>
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
      {row && !taskFailed && (
        <p className="text-zinc-700 dark:text-zinc-300">
          <span className="font-medium">Fix:</span> {row.fix} <span className="font-medium">Retry:</span> {row.retry}
        </p>
      )}
    </div>
  );
}
