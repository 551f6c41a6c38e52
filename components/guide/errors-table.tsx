import type { Locale, Messages } from "@/lib/i18n";
import type { ModelSpec } from "@/lib/spec/model-spec";
import { referenceTableHtml } from "./reference-tables";
import { Rich } from "./rich";
import { codeClass } from "./section";

/** The error envelope, then the spec's error table (static HTML: components/guide/reference-tables.tsx says why). */
export function ErrorsTable({ spec, t, locale }: { spec: ModelSpec; t: Messages; locale: Locale }) {
  return (
    <div className="space-y-3">
      <p className="text-zinc-700 dark:text-zinc-300">
        <Rich
          template={t.errors.intro}
          slots={{ envelope: <code className={codeClass}>{'{ "error": { "type", "message", "param", "request_id" } }'}</code> }}
        />
      </p>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the table our own components rendered once to HTML (reference-tables.tsx), from the spec */}
      <div dangerouslySetInnerHTML={{ __html: referenceTableHtml("errors", spec, locale) }} />
    </div>
  );
}
