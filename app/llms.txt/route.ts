import { llmsTxt } from "@/lib/guide/markdown";
import { markdownResponse } from "@/lib/guide/markdown-response";

// Links are absolute on PUBLIC_ORIGIN, read when the request comes (not when the app was built).
export const dynamic = "force-dynamic";

/** `/llms.txt` (llmstxt.org): Markdown, served as plain text like every llms.txt. */
export function GET(): Response {
  return markdownResponse(llmsTxt(), "text/plain");
}
