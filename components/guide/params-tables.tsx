import type { Locale, Messages } from "@/lib/i18n";
import type { ModelSpec } from "@/lib/spec/model-spec";
import { referenceTableHtml } from "./reference-tables";
import { Rich } from "./rich";
import { codeClass } from "./section";

/** The body's shape, then one parameter table per mode (static HTML: components/guide/reference-tables.tsx says why). */
export function ParamsTables({ spec, t, locale }: { spec: ModelSpec; t: Messages; locale: Locale }) {
  return (
    <div className="space-y-6">
      <p className="text-zinc-700 dark:text-zinc-300">
        <Rich template={t.params.intro} slots={{ shape: <code className={codeClass}>{'{ "model", "mode", "input": { … } }'}</code> }} />
      </p>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the tables our own components rendered once to HTML (reference-tables.tsx), from the spec */}
      <div className="space-y-6" dangerouslySetInnerHTML={{ __html: referenceTableHtml("params", spec, locale) }} />
    </div>
  );
}
