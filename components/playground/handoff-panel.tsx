"use client";

import * as Tabs from "@radix-ui/react-tabs";
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

const tabClass =
  "rounded-md px-2 py-1 text-sm font-medium text-zinc-600 outline-none hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-amber-500 data-[state=active]:bg-white data-[state=active]:text-zinc-900 data-[state=active]:shadow-sm dark:text-zinc-400 dark:hover:text-zinc-100 dark:data-[state=active]:bg-zinc-800 dark:data-[state=active]:text-zinc-50";

/** Code for the form as it is now (updated live) in four formats, and the import of a pasted request. */
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
  const [tab, setTab] = useState("curl");
  const t = useTranslations("handoff");
  const labelOf = (f: Format) => f.label ?? t("formats.sh.label");
  const request = toCreateRequest(spec, values);
  // The form's own check (zod loads with the form's first change, not with this panel).
  const valid = useFormBlocker(spec, values, initialBlocker, useSay()) === null;
  const format = FORMATS.find((f) => f.id === tab);
  return (
    <Tabs.Root value={tab} onValueChange={setTab}>
      <Tabs.List aria-label={t("tabs")} className="flex flex-wrap gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-900">
        {FORMATS.map((f) => (
          <Tabs.Trigger key={f.id} value={f.id} className={tabClass}>
            {labelOf(f)}
          </Tabs.Trigger>
        ))}
        <Tabs.Trigger value="import" className={tabClass}>
          {t("import")}
        </Tabs.Trigger>
      </Tabs.List>
      {format && (
        <Tabs.Content value={format.id} className="mt-3 space-y-2 outline-none">
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
        </Tabs.Content>
      )}
      <Tabs.Content value="import" className="mt-3 outline-none">
        <ImportForm onImport={onImport} upstreamModel={target.model} />
      </Tabs.Content>
    </Tabs.Root>
  );
}
