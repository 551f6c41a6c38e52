import { Playground } from "@/components/playground/playground";
import { upstreamSummary } from "@/lib/upstream/summary";
import { DOCS, MODEL_NAME } from "@/lib/spec/nano-banana-2";

export const dynamic = "force-dynamic";

export default function GuidePage() {
  const upstream = upstreamSummary();
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
      <Playground upstream={upstream} />
    </main>
  );
}
