"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { useSay } from "@/components/i18n/use-say";
import { CodeBlock, type CodeLanguage } from "@/components/ui/code-block";
import { toCurl } from "@/lib/handoff/curl";
import { toJavaScript } from "@/lib/handoff/script-js";
import { toPython } from "@/lib/handoff/script-py";
import { toShellScript } from "@/lib/handoff/script-sh";
import { type ExportTarget, KEY_ENV, wireOf } from "@/lib/handoff/target";
import { type CreateTaskRequest, type FormState, toCreateRequest } from "@/lib/spec/form-state";
import { useExportTarget } from "./export-target";
import { ImportForm } from "./import-form";
import { SegmentedRadio } from "./segmented-radio";
import { useSpec } from "./spec-context";
import { useFormBlocker } from "./use-form-check";

/** A format of the export; its words are under `handoff.formats.<id>` (the label, when not a proper name). */
type Format = {
  id: "curl" | "sh" | "js" | "py";
  label?: string;
  language: CodeLanguage;
  make: (r: CreateTaskRequest, t: ExportTarget) => string;
};

const FORMATS: Format[] = [
  { id: "curl", label: "curl", language: "shell", make: toCurl },
  { id: "sh", language: "shell", make: toShellScript },
  { id: "js", label: "JavaScript", language: "javascript", make: toJavaScript },
  { id: "py", label: "Python", language: "python", make: toPython },
];

/**
 * Code for the form as it is now (updated live) in four formats, and the import of a pasted request.
 *
 * The format is a native radio group (like the mode picker), not a tabs component: Radix Tabs' content
 * reads its computed `animationName` when it mounts, a forced style recalculation; this panel mounts once
 * the page is idle, and in Lighthouse's phone runs that one recalculation (93 elements) took 43-62 ms, the
 * load's longest task (its total blocking time 110-282 ms with it, 21-116 ms with the read stubbed out;
 * docs/performance-notes.md).
 */
export function HandoffPanel({
  onImport,
  initialBlocker,
}: {
  onImport: (values: Partial<FormState>) => void;
  /** Why the initial values cannot run, as the server found it (until the schema has loaded here). */
  initialBlocker: string | null;
}) {
  const { control } = useFormContext<FormState>();
  const values = useWatch({ control }) as FormState;
  const target = useExportTarget();
  const spec = useSpec();
  const [choice, setChoice] = useState("curl");
  const t = useTranslations("handoff");
  const labelOf = (f: Format) => f.label ?? t("formats.sh.label");
  const request = toCreateRequest(spec, values);
  // The form's own check (zod loads with the form's first change, not with this panel).
  const valid = useFormBlocker(spec, values, initialBlocker, useSay()) === null;
  const format = FORMATS.find((f) => f.id === choice);
  return (
    <div>
      <SegmentedRadio
        id="handoff-format"
        legend={t("format")}
        name="handoff-format"
        value={choice}
        onChange={setChoice}
        options={[...FORMATS.map((f) => ({ value: f.id as string, label: labelOf(f) })), { value: "import", label: t("import") }]}
        compact
      />
      {format && (
        <div className="mt-3 space-y-2">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {t(`formats.${format.id}.about`)}{" "}
            {t.rich("sends", {
              url: `${target.baseUrl}${wireOf(target).createPath}`,
              gateway: target.dialect === "generation-task" ? "yes" : "no",
              env: `$${KEY_ENV}`,
              simulated: target.simulated ? "yes" : "no",
              code: (chunks) => <code className="font-mono text-xs">{chunks}</code>,
            })}
          </p>
          {!valid && (
            <p role="note" className="text-sm text-amber-700 dark:text-amber-400">
              {t("formErrors")}
            </p>
          )}
          <CodeBlock
            code={format.make(request, target)}
            language={format.language}
            label={t("code", { format: labelOf(format) })}
            copyLabel={t(`formats.${format.id}.copy`)}
          />
        </div>
      )}
      {choice === "import" && (
        <div className="mt-3">
          <ImportForm onImport={onImport} upstreamModel={target.model} />
        </div>
      )}
    </div>
  );
}
