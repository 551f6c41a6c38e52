import { CodeBlock } from "@/components/ui/code-block";
import { format, joinOr, type Messages } from "@/lib/i18n";
import { minimalCreateRequest, minimalCreateResponse, SEED_EXAMPLE, seedExampleIssues } from "@/lib/spec/examples";
import type { ModelSpec } from "@/lib/spec/model-spec";
import { codeClass } from "./section";

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The minimal request and response, generated from the spec's defaults, and (on the seed's model) why the seed's example is refused. */
export function Examples({ spec, t }: { spec: ModelSpec; t: Messages }) {
  const issue = spec.id === SEED_EXAMPLE.model ? seedExampleIssues()[0] : undefined;
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div>
          <h3 className="mb-1 font-semibold">{t.examples.request}</h3>
          <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">{t.examples.requestIntro}</p>
          <CodeBlock
            code={json(minimalCreateRequest(spec))}
            language="json"
            label={t.examples.request}
            caption="JSON"
            copyLabel={t.examples.copyRequest}
          />
        </div>
        <div>
          <h3 className="mb-1 font-semibold">{t.examples.response}</h3>
          <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">{t.examples.responseIntro}</p>
          <CodeBlock
            code={json(minimalCreateResponse(spec))}
            language="json"
            label={t.examples.response}
            caption="JSON"
            copyLabel={t.examples.copyResponse}
          />
        </div>
      </div>
      {issue && (
        // A note inside the section (not a top-level complementary landmark: axe landmark-complementary-is-top-level).
        <div
          role="note"
          aria-labelledby="seed-note-heading"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
        >
          <h3 id="seed-note-heading" className="font-semibold">
            {t.examples.seedNoteTitle}
          </h3>
          <p className="mt-1">
            {format(t.examples.seedNote, { value: SEED_EXAMPLE.input.duration, param: issue.param })}{" "}
            <q className={codeClass}>
              <code lang="en">{issue.message}</code>
            </q>
          </p>
          <p className="mt-1">
            {format(t.examples.seedNoteAfter, { allowed: joinOr(spec.durations, t.params.or), default: spec.defaults.duration })}
          </p>
        </div>
      )}
    </div>
  );
}
