"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRetryWords } from "@/components/i18n/use-retry-words";
import { localDocLink } from "@/lib/client/doc-link";
import type { RunError } from "@/lib/client/run";
import { adviceFor, taskFailureAdvice } from "@/lib/error-advice";
import type { Locale } from "@/lib/i18n/locales";

/**
 * An error a person can act on: status, type, the API's own message (English, the contract's envelope,
 * shown as sent), request id, the field, the policy's decision and the fix, these in the page's language.
 */
export function ErrorCard({ error, taskFailed = false }: { error: RunError; taskFailed?: boolean }) {
  const t = useTranslations("playground.error");
  const ta = useTranslations("advice");
  const sayRetry = useRetryWords();
  // Advice keys name messages of the catalogue (lib/error-advice.ts).
  const say = useTranslations() as unknown as (key: string) => string;
  const advice = taskFailed ? taskFailureAdvice(error.type) : adviceFor(error);
  const doc = localDocLink(error.doc_url, useLocale() as Locale);
  return (
    <div
      role="alert"
      aria-label={taskFailed ? t("taskFailed") : t("error")}
      className="space-y-1 rounded-lg border border-red-200 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950/40"
    >
      <p className="font-semibold text-red-800 dark:text-red-200">
        {taskFailed ? t("theTaskFailed") : t("http", { status: error.status || "—" })} · <span className="font-mono">{error.type}</span>
        {advice?.title && <> · {say(advice.title)}</>}
      </p>
      <p>
        <span className="text-zinc-700 dark:text-zinc-300">{ta("raw")}</span>{" "}
        <code lang="en" className="font-mono text-xs break-words">
          {error.message}
        </code>
      </p>
      {error.param && (
        <p>
          {t("field")} <span className="font-mono">{error.param}</span>
        </p>
      )}
      {error.request_id && (
        <p>
          {t("requestId")} <span className="font-mono">{error.request_id}</span>
        </p>
      )}
      {error.policyWords ? (
        <p className="font-medium">{sayRetry(error.policyWords)}</p>
      ) : (
        error.policy && <p className="font-medium">{error.policy}</p>
      )}
      {advice && (
        <p className="text-zinc-700 dark:text-zinc-300">
          <span className="font-medium">{ta("fix")}</span> {say(advice.fix)}
          {advice.retry && (
            <>
              {" "}
              <span className="font-medium">{ta("retry")}</span> {say(advice.retry)}
            </>
          )}
        </p>
      )}
      {doc && (
        <p>
          {/* A new tab: the run stays where it is (and inside an embed, the guide opens as a page). */}
          <a href={doc} target="_blank" rel="noopener" className="font-medium text-amber-800 underline dark:text-amber-300">
            {t("docLink")}
            <span aria-hidden="true"> ↗</span>
            <span className="sr-only"> {t("newTab")}</span>
          </a>
        </p>
      )}
    </div>
  );
}
