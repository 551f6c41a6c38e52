import { guideMarkdown } from "@/lib/guide/markdown";
import { markdownResponse } from "@/lib/guide/markdown-response";
import { isLocale } from "@/lib/i18n";
import { findModel } from "@/lib/models/registry";

// Links are absolute on PUBLIC_ORIGIN, read when the request comes (not when the app was built).
export const dynamic = "force-dynamic";

/**
 * A guide as Markdown. Reached through the rewrites in next.config.ts: `/models/{id}.md` (English) and
 * `/ru/models/{id}.md`; the home guide's Markdown is its canonical model's (lib/guide/paths.ts says why).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ locale: string; model: string }> }): Promise<Response> {
  const { locale, model } = await params;
  const spec = findModel(model);
  if (!spec || !isLocale(locale)) {
    return new Response("No such guide. Every guide is listed in /llms.txt.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return markdownResponse(guideMarkdown(spec, locale), "text/markdown");
}
