import { Playground } from "@/components/playground/playground";
import { ExportTargetProvider } from "@/components/playground/export-target";
import { upstreamSummary } from "@/lib/upstream/summary";
import { DOCS, MODEL_NAME } from "@/lib/spec/nano-banana-2";
import { formStateFromSearchParams } from "@/lib/handoff/url-state";

export const dynamic = "force-dynamic";

export default async function GuidePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const upstream = upstreamSummary();
  // A shared link's configuration, held to the same schema as an import.
  const link = formStateFromSearchParams(await searchParams);
  return (
    <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
      <header className="mb-6">
        <p className="text-sm font-medium text-amber-600 dark:text-amber-400">Model guide</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">{MODEL_NAME} API</h1>
        <ul className="mt-3 max-w-3xl list-disc space-y-1 pl-5 text-zinc-600 dark:text-zinc-400">
          {DOCS.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </header>
      <ExportTargetProvider value={{ baseUrl: upstream.baseUrl, model: upstream.model, simulated: upstream.simulated }}>
        <Playground upstream={upstream} initialState={link.state} linkIssues={link.issues} />
      </ExportTargetProvider>
    </main>
  );
}
