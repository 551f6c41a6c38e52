import { uploadMedia } from "@/lib/proxy";

export const dynamic = "force-dynamic";

/** Upload one media file (multipart field `file`), streamed to the upstream; answered with `{ id, url, mime_type, size }`. */
export async function POST(req: Request): Promise<Response> {
  return uploadMedia(req);
}
