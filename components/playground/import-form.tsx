"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useSay } from "@/components/i18n/use-say";
import type { ImportResult } from "@/lib/handoff/import";
import { modeLabel } from "@/lib/spec/contract";
import type { FormState } from "@/lib/spec/schema";
import { ChunkUnavailable } from "./chunk-unavailable";
import { inputClass } from "./field";
import { IssueList } from "./issue-list";
import { useSpec } from "./spec-context";

/** Paste a curl command or a request JSON; valid fields fill the form, the rest is listed with the reason. */
export function ImportForm({ onImport, upstreamModel }: { onImport: (values: Partial<FormState>) => void; upstreamModel: string }) {
  const spec = useSpec();
  const t = useTranslations("handoff.importForm");
  const say = useSay();
  const [text, setText] = useState("");
  const [result, setResult] = useState<ImportResult | null>(null);
  const [missing, setMissing] = useState(false);
  // Only what the request carried: a field it left out takes its default silently, as the API would.
  const filled = result?.filled ?? [];
  return (
    <form
      className="space-y-2"
      aria-label={t("label")}
      onSubmit={async (e) => {
        e.preventDefault();
        // The parser (shell-quote, zod with the schema) is fetched when a request is first imported.
        let importText: typeof import("@/lib/handoff/import").importText;
        try {
          ({ importText } = await import("@/lib/handoff/import"));
        } catch {
          setMissing(true);
          return;
        }
        setMissing(false);
        const r = importText(spec, text, { upstreamModel, say });
        setResult(r);
        if (r.values.mode) onImport(r.values);
      }}
    >
      <label htmlFor="nb2-import" className="block text-sm font-medium">
        {t("field")}
      </label>
      <textarea
        id="nb2-import"
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className={`${inputClass} font-mono text-xs`}
        placeholder={`{ "model": "${spec.id}", "mode": "${spec.modes[0].id}", "input": { "prompt": "…" } }`}
      />
      <button
        type="submit"
        disabled={!text.trim()}
        className="rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {t("submit")}
      </button>
      {missing && <ChunkUnavailable what={{ part: "import" }} />}
      {result && (
        <div role="status" aria-label={t("result")} className="text-sm">
          {result.values.mode ? (
            <p>
              {t("filled", {
                source: result.source === "curl" ? "curl" : "json",
                mode: modeLabel(result.values.mode),
                fields: filled.length ? `, ${filled.join(", ")}` : "",
              })}
            </p>
          ) : (
            <p>{t("nothing")}</p>
          )}
          {result.issues.length > 0 && (
            <>
              <p className="mt-2 font-medium text-amber-700 dark:text-amber-400">{t("notTaken", { count: result.issues.length })}</p>
              <IssueList issues={result.issues} label={t("issues")} />
            </>
          )}
        </div>
      )}
    </form>
  );
}
