import { errorResponse } from "@/lib/errors";
import { uploadMedia } from "@/lib/proxy";
import { guardProxyCall } from "@/lib/security/guard";

export const dynamic = "force-dynamic";

/** Upload one media file (multipart field `file`), streamed to the upstream; answered with `{ id, url, mime_type, size }`. */
export async function POST(req: Request): Promise<Response> {
  try {
    await guardProxyCall(req, "upload");
    return await uploadMedia(req);
  } catch (err) {
    return errorResponse(err);
  }
}
