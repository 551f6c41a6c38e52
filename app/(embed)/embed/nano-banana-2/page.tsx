import { EmbedFrameBridge } from "@/components/embed/embed-frame-bridge";
import { PresetNotes } from "@/components/embed/preset-notes";
import { Playground } from "@/components/playground/playground";
import { allowedEmbedOrigins } from "@/lib/embed/origins";
import { parseEmbedPreset } from "@/lib/embed/preset";
import { upstreamSummary } from "@/lib/upstream/summary";

export const dynamic = "force-dynamic";

/** The playground alone, preset from the query string, for other sites to frame. */
export default async function EmbedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const preset = parseEmbedPreset(await searchParams);
  return (
    <EmbedFrameBridge allowedOrigins={allowedEmbedOrigins()}>
      <main className="p-3">
        <PresetNotes notes={preset.notes} />
        <Playground upstream={upstreamSummary()} initialValues={preset.values} panels={preset.panels} />
      </main>
    </EmbedFrameBridge>
  );
}
