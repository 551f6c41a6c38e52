import { useFormatter, useTranslations } from "next-intl";
import { useRetryWords } from "@/components/i18n/use-retry-words";
import { JsonView } from "@/components/ui/json-view";
import { type Exchange, LEGACY_REDACTED_AUTH, REDACTED_AUTH, type WaitEntry } from "@/lib/client/api";
import { UpstreamCheckView } from "./upstream-check";

function statusTone(status: number | null): string {
  if (status === null || status === 0) return "text-red-600 dark:text-red-400";
  if (status >= 400) return "text-red-600 dark:text-red-400";
  return "text-emerald-700 dark:text-emerald-400";
}

/** The exchanges' names (lib/client: callProxy's labels) and their keys in `playground.timeline.labels`. */
const LABELS = { "Create task": "create", "Poll status": "poll", "Upload ticket": "ticket", "Upload media": "upload" } as const;

function useExchangeLabel(): (label: string) => string {
  const t = useTranslations("playground.timeline.labels");
  return (label) => {
    const known = (Object.keys(LABELS) as (keyof typeof LABELS)[]).find((english) => label.startsWith(english));
    return known ? t(LABELS[known]) + label.slice(known.length) : label;
  };
}

type Item = { kind: "exchange"; at: number; exchange: Exchange; n: number } | { kind: "wait"; at: number; wait: WaitEntry };

/**
 * The task's timeline, oldest first: every HTTP exchange (method, path, status, latency, headers and JSON
 * both ways) and every wait of the retry policy, each with its time since the run began.
 */
export function ExchangeList({ exchanges, waits = [] }: { exchanges: Exchange[]; waits?: WaitEntry[] }) {
  const t = useTranslations("playground.timeline");
  const sayRetry = useRetryWords();
  const format = useFormatter();
  if (!exchanges.length && !waits.length) return null;
  const items: Item[] = [
    ...exchanges.map((exchange, i) => ({ kind: "exchange" as const, at: exchange.startedAt, exchange, n: i + 1 })),
    ...waits.map((wait) => ({ kind: "wait" as const, at: wait.startedAt, wait })),
  ].sort((a, b) => a.at - b.at);
  const t0 = items[0].at;
  const last = exchanges[exchanges.length - 1];
  const since = (at: number) =>
    `+${format.number((at - t0) / 1000, { style: "unit", unit: "second", unitDisplay: "narrow", minimumFractionDigits: 1, maximumFractionDigits: 1 })}`;
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold">{t("heading", { exchanges: exchanges.length, waits: waits.length })}</h3>
      <ol className="space-y-2" aria-label={t("label")}>
        {items.map((item) =>
          item.kind === "wait" ? (
            <li
              key={item.wait.id}
              aria-label={t("wait")}
              className="flex gap-3 rounded-lg border border-dashed border-amber-300 px-3 py-2 text-sm dark:border-amber-800"
            >
              <span className="w-12 shrink-0 tabular-nums text-xs text-zinc-600 dark:text-zinc-400">{since(item.at)}</span>
              <span>
                <span className="font-medium">{t("waitFor", { seconds: item.wait.delayMs / 1000 })}</span> ·{" "}
                {item.wait.words ? sayRetry(item.wait.words) : item.wait.reason}
              </span>
            </li>
          ) : (
            <ExchangeItem
              key={item.exchange.id}
              ex={item.exchange}
              n={item.n}
              since={since(item.at)}
              open={item.exchange === last || item.exchange.label.startsWith("Create task")}
            />
          ),
        )}
      </ol>
    </div>
  );
}

function ExchangeItem({ ex, n, since, open }: { ex: Exchange; n: number; since: string; open: boolean }) {
  const t = useTranslations("playground.timeline");
  const label = useExchangeLabel()(ex.label);
  const format = useFormatter();
  const headers = {
    ...ex.requestHeaders,
    ...(ex.upstream ? { upstream: `${ex.upstream.request}${ex.upstream.latencyMs !== null ? ` (${ex.upstream.latencyMs} ms)` : ""}` } : {}),
  };
  return (
    <li aria-label={`${label}: ${ex.method} ${ex.status ?? t("noAnswer")}`}>
      <details open={open} className="group rounded-lg border border-zinc-200 dark:border-zinc-800">
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
          <span className="w-12 tabular-nums text-xs text-zinc-600 dark:text-zinc-400">{since}</span>
          <span className="font-mono font-semibold">{ex.method}</span>
          <span className="min-w-0 flex-1 truncate font-mono">{ex.path}</span>
          <span className={`font-mono font-semibold ${statusTone(ex.status)}`}>{ex.status ?? "—"}</span>
          <span className="tabular-nums text-xs text-zinc-600 dark:text-zinc-400">
            {format.number(ex.latencyMs, { style: "unit", unit: "millisecond", unitDisplay: "short" })}
          </span>
        </summary>
        <div className="space-y-2 border-t border-zinc-200 p-3 dark:border-zinc-800">
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{label}</p>
          <HeaderList entries={headers} extra={ex.requestId ? { "x-request-id": ex.requestId } : {}} />
          {ex.responseHeaders && (
            <>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("responseHeaders")}</p>
              <HeaderList entries={ex.responseHeaders} />
            </>
          )}
          {ex.requestBody !== undefined && <JsonView data={ex.requestBody} label={t("requestJson", { n })} />}
          {ex.upstreamCheck ? (
            <UpstreamCheckView check={ex.upstreamCheck} normalised={ex.responseBody} n={n} />
          ) : (
            <JsonView data={ex.responseBody} label={t("responseJson", { n })} />
          )}
        </div>
      </details>
    </li>
  );
}

function HeaderList({ entries, extra = {} }: { entries: Record<string, string>; extra?: Record<string, string> }) {
  // The key's placeholder is data (older runs have an English note in it, not shown); the note beside it is in the page's language.
  const redacted = useTranslations("playground.timeline")("redactedAuth");
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5 font-mono text-xs">
      {Object.entries({ ...entries, ...extra }).map(([k, v]) => (
        <div key={k} className="contents">
          {/* Raw headers, as sent: code, not prose. */}
          <dt className="text-zinc-600 dark:text-zinc-400">
            <code>{k}</code>
          </dt>
          <dd className="break-all">
            {k === "authorization" && (v === REDACTED_AUTH || v === LEGACY_REDACTED_AUTH) ? (
              <>
                <code>{REDACTED_AUTH}</code> <span className="font-sans text-zinc-600 dark:text-zinc-400">({redacted})</span>
              </>
            ) : (
              <code>{v}</code>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
