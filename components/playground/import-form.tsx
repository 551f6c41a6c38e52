"use client";

import { useState } from "react";
import { type ImportResult, importText } from "@/lib/handoff/import";
import { FIELD_NAMES, modeLabel } from "@/lib/spec/contract";
import type { FormState } from "@/lib/spec/schema";
import { inputClass } from "./field";
import { IssueList } from "./issue-list";
import { useSpec } from "./spec-context";

/** Paste a curl command or a request JSON; valid fields fill the form, the rest is listed with the reason. */
export function ImportForm({ onImport, upstreamModel }: { onImport: (values: Partial<FormState>) => void; upstreamModel: string }) {
  const spec = useSpec();
  const [text, setText] = useState("");
  const [result, setResult] = useState<ImportResult | null>(null);
  const filled = result ? Object.keys(result.values).filter((k) => (FIELD_NAMES as readonly string[]).includes(k)) : [];
  return (
    <form
      className="space-y-2"
      aria-label="Import a request"
      onSubmit={(e) => {
        e.preventDefault();
        const r = importText(spec, text, { upstreamModel });
        setResult(r);
        if (r.values.mode) onImport(r.values);
      }}
    >
      <label htmlFor="nb2-import" className="block text-sm font-medium">
        Paste a curl command or a request JSON
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
        Import into the form
      </button>
      {result && (
        <div role="status" aria-label="Import result" className="text-sm">
          {result.values.mode ? (
            <p>
              Filled the form from the {result.source === "curl" ? "curl command" : "JSON"}: {modeLabel(result.values.mode)}
              {filled.length ? `, ${filled.join(", ")}` : ""}.
            </p>
          ) : (
            <p>Nothing was imported.</p>
          )}
          {result.issues.length > 0 && (
            <>
              <p className="mt-2 font-medium text-amber-700 dark:text-amber-400">Not taken as is ({result.issues.length}):</p>
              <IssueList issues={result.issues} label="Import issues" />
            </>
          )}
        </div>
      )}
    </form>
  );
}
