import { useTranslations } from "next-intl";
import { JsonView } from "@/components/ui/json-view";
import type { UpstreamCheck } from "@/lib/upstream/check-header";

/**
 * The contract check of one upstream answer: the raw JSON with its flags beside the normalised answer the
 * proxy gave in the guide's contract, side by side.
 */
export function UpstreamCheckView({ check, normalised, n }: { check: UpstreamCheck; normalised: unknown; n: number }) {
  const { flags } = check;
  const t = useTranslations("playground.timeline");
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
      <div className="min-w-0 space-y-2">
        <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {t("upstreamRaw", { dialect: check.dialect, status: check.status })}
        </p>
        {/* biome-ignore lint/a11y/useSemanticElements: a labelled block of content, not of form controls, which is what <fieldset> would say */}
        <div role="group" aria-label={t("contractCheck", { n })} className="text-xs">
          {flags.length === 0 ? (
            <p className="text-emerald-700 dark:text-emerald-400">{t("matches", { dialect: check.dialect })}</p>
          ) : (
            <ul className="space-y-0.5 rounded-md border border-amber-300 bg-amber-50 p-2 dark:border-amber-800 dark:bg-amber-950/40">
              {flags.map((flag) => (
                <li key={`${flag.kind}:${flag.path}`}>
                  <span className="font-semibold">{t(`kinds.${flag.kind}`)}</span> <code className="font-mono">{flag.path}</code>:{" "}
                  {flag.message}
                </li>
              ))}
            </ul>
          )}
        </div>
        {check.truncated ? (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("truncated")}</p>
        ) : (
          <JsonView data={check.raw ?? null} label={t("rawLabel", { n })} />
        )}
      </div>
      <div className="min-w-0 space-y-2">
        <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{t("normalised")}</p>
        <JsonView data={normalised} label={t("responseJson", { n })} />
      </div>
    </div>
  );
}
