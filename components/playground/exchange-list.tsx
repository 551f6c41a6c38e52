import type { Exchange } from "@/lib/client/api";
import { JsonView } from "@/components/ui/json-view";

function statusTone(status: number | null): string {
  if (status === null || status === 0) return "text-red-600 dark:text-red-400";
  if (status >= 400) return "text-red-600 dark:text-red-400";
  return "text-emerald-700 dark:text-emerald-400";
}

/** Every HTTP exchange of the run, newest last: method, path, status, latency, headers and JSON both ways. */
export function ExchangeList({ exchanges }: { exchanges: Exchange[] }) {
  if (!exchanges.length) return null;
  const t0 = exchanges[0].startedAt;
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold">HTTP exchanges ({exchanges.length})</h3>
      <ol className="space-y-2" aria-label="HTTP exchanges">
        {exchanges.map((ex, i) => (
          <li key={ex.id}>
            <details open={i === exchanges.length - 1 || ex.label === "Create task"} className="group rounded-lg border border-zinc-200 dark:border-zinc-800">
              <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
                <span className="w-12 tabular-nums text-xs text-zinc-500">+{((ex.startedAt - t0) / 1000).toFixed(1)}s</span>
                <span className="font-mono font-semibold">{ex.method}</span>
                <span className="min-w-0 flex-1 truncate font-mono">{ex.path}</span>
                <span className={`font-mono font-semibold ${statusTone(ex.status)}`}>{ex.status ?? "—"}</span>
                <span className="tabular-nums text-xs text-zinc-500">{ex.latencyMs} ms</span>
              </summary>
              <div className="space-y-2 border-t border-zinc-200 p-3 dark:border-zinc-800">
                <p className="text-xs text-zinc-500">{ex.label}</p>
                <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5 font-mono text-xs">
                  {Object.entries(ex.requestHeaders).map(([k, v]) => (
                    <div key={k} className="contents">
                      <dt className="text-zinc-500">{k}</dt>
                      <dd className="break-all">{v}</dd>
                    </div>
                  ))}
                  {ex.upstream && (
                    <div className="contents">
                      <dt className="text-zinc-500">upstream</dt>
                      <dd className="break-all">
                        {ex.upstream.request}
                        {ex.upstream.latencyMs !== null && ` (${ex.upstream.latencyMs} ms)`}
                      </dd>
                    </div>
                  )}
                  {ex.requestId && (
                    <div className="contents">
                      <dt className="text-zinc-500">x-request-id</dt>
                      <dd>{ex.requestId}</dd>
                    </div>
                  )}
                </dl>
                {ex.requestBody !== undefined && <JsonView data={ex.requestBody} label={`request ${i + 1} JSON`} />}
                <JsonView data={ex.responseBody} label={`response ${i + 1} JSON`} />
              </div>
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
