"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { useClipboard } from "@/lib/client/use-clipboard";
import { useIdle } from "@/lib/client/use-idle";
import type { FieldIssue, FormState } from "@/lib/spec/schema";
import { unavailable } from "./chunk-unavailable";
import { IssueList } from "./issue-list";
import { useSpec } from "./spec-context";
import { formLink } from "./use-form-link";

// The code export (generators, sugar-high) loads after the page is interactive, in its own chunk: nothing
// of it weighs on the first load. The import's parser (shell-quote, zod) loads with the first import.
function LoadingPanel() {
  return <p className="text-sm text-zinc-600 dark:text-zinc-400">{useTranslations("handoff")("loading")}</p>;
}
// If the chunk cannot be fetched (a dropped connection, a deploy that replaced it), the panel says so
// rather than taking the page down with it.
const HandoffPanel = dynamic(() => import("./handoff-panel").then((m) => m.HandoffPanel, unavailable({ part: "export" })), {
  ssr: false,
  loading: () => <LoadingPanel />,
});

/** Hand-off: copy the form as curl or code, import a request, share a link to the configuration. */
export function Handoff({
  linkIssues,
  onImport,
  initialBlocker,
}: {
  linkIssues: FieldIssue[];
  onImport: (values: Partial<FormState>) => void;
  initialBlocker: string | null;
}) {
  const form = useFormContext<FormState>();
  const spec = useSpec();
  const t = useTranslations("handoff");
  const { copied, copy } = useClipboard();
  // A link's issues describe the form as the link set it; once something is imported they no longer do.
  const [showLinkIssues, setShowLinkIssues] = useState(linkIssues.length > 0);
  // Rendered (so fetched) once the browser is idle after hydration, not during it.
  const idle = useIdle();
  return (
    <section aria-labelledby="handoff-heading" className="mt-6 min-w-0 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h3 id="handoff-heading" className="text-base font-semibold">
          {t("title")}
        </h3>
        <button
          type="button"
          onClick={() => void copy(formLink(spec, form.getValues()))}
          className="rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {copied ? t("linkCopied") : t("copyLink")}
        </button>
      </div>
      {showLinkIssues && (
        <div className="mb-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          <p className="font-medium">{t("linkIssuesIntro")}</p>
          <IssueList issues={linkIssues} label={t("linkIssues")} />
        </div>
      )}
      {idle ? (
        <HandoffPanel
          initialBlocker={initialBlocker}
          onImport={(values) => {
            setShowLinkIssues(false);
            onImport(values);
          }}
        />
      ) : (
        <LoadingPanel />
      )}
    </section>
  );
}
