"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { CodeBlock, type CodeLanguage } from "@/components/ui/code-block";
import { toCurl } from "@/lib/handoff/curl";
import { toJavaScript } from "@/lib/handoff/script-js";
import { toPython } from "@/lib/handoff/script-py";
import { toShellScript } from "@/lib/handoff/script-sh";
import { type ExportTarget, KEY_ENV, wireOf } from "@/lib/handoff/target";
import { type CreateTaskRequest, type FormState, schemasFor, toCreateRequest } from "@/lib/spec/schema";
import { useExportTarget } from "./export-target";
import { ImportForm } from "./import-form";
import { useSpec } from "./spec-context";

type Format = {
  id: string;
  label: string;
  language: CodeLanguage;
  copy: string;
  make: (r: CreateTaskRequest, t: ExportTarget) => string;
  about: string;
};

const FORMATS: Format[] = [
  { id: "curl", label: "curl", language: "shell", copy: "Copy as curl", make: toCurl, about: "Creates the task and prints it." },
  {
    id: "sh",
    label: "Shell script",
    language: "shell",
    copy: "Copy as script",
    make: toShellScript,
    about: "bash + curl + jq: uploads local files given as arguments, creates, polls, downloads the video.",
  },
  {
    id: "js",
    label: "JavaScript",
    language: "javascript",
    copy: "Copy as JavaScript",
    make: toJavaScript,
    about: "Node 20+ (fetch), no dependencies; save as .mjs. Same flow as the script.",
  },
  {
    id: "py",
    label: "Python",
    language: "python",
    copy: "Copy as Python",
    make: toPython,
    about: "Python 3 with requests. Same flow as the script.",
  },
];

const tabClass =
  "rounded-md px-2 py-1 text-sm font-medium text-zinc-600 outline-none hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-amber-500 data-[state=active]:bg-white data-[state=active]:text-zinc-900 data-[state=active]:shadow-sm dark:text-zinc-400 dark:hover:text-zinc-100 dark:data-[state=active]:bg-zinc-800 dark:data-[state=active]:text-zinc-50";

/** Code for the form as it is now (updated live) in four formats, and the import of a pasted request. */
export function HandoffPanel({ onImport }: { onImport: (values: Partial<FormState>) => void }) {
  const { control } = useFormContext<FormState>();
  const values = useWatch({ control }) as FormState;
  const target = useExportTarget();
  const spec = useSpec();
  const [tab, setTab] = useState("curl");
  const request = toCreateRequest(spec, values);
  const valid = schemasFor(spec).form.safeParse(values).success;
  const format = FORMATS.find((f) => f.id === tab);
  return (
    <Tabs.Root value={tab} onValueChange={setTab}>
      <Tabs.List aria-label="Hand-off format" className="flex flex-wrap gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-900">
        {FORMATS.map((f) => (
          <Tabs.Trigger key={f.id} value={f.id} className={tabClass}>
            {f.label}
          </Tabs.Trigger>
        ))}
        <Tabs.Trigger value="import" className={tabClass}>
          Import
        </Tabs.Trigger>
      </Tabs.List>
      {format && (
        <Tabs.Content value={format.id} className="mt-3 space-y-2 outline-none">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {format.about} Sends{" "}
            <code className="font-mono text-xs">
              POST {target.baseUrl}
              {wireOf(target).createPath}
            </code>
            , the upstream&apos;s own API
            {target.dialect === "generation-task" && " in the gateway's generation.task dialect, exactly as the proxy sends it"}, with the
            key read from <code className="font-mono text-xs">${KEY_ENV}</code>
            {target.simulated && " (on the embedded simulator: the server's UPSTREAM_API_KEY or SIMULATOR_API_KEY)"}.
          </p>
          {!valid && (
            <p role="note" className="text-sm text-amber-700 dark:text-amber-400">
              The form has errors: the upstream would refuse this request with a 400 until they are fixed.
            </p>
          )}
          <CodeBlock
            code={format.make(request, target)}
            language={format.language}
            label={`${format.label} code`}
            copyLabel={format.copy}
          />
        </Tabs.Content>
      )}
      <Tabs.Content value="import" className="mt-3 outline-none">
        <ImportForm onImport={onImport} upstreamModel={target.model} />
      </Tabs.Content>
    </Tabs.Root>
  );
}
