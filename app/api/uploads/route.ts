import { errorResponse } from "@/lib/errors";
import { uploadMedia } from "@/lib/proxy";
import { readUploadForm } from "@/lib/security/body";
import { guardProxyCall } from "@/lib/security/guard";

export const dynamic = "force-dynamic";

/** Upload one media file (multipart field `file`); answered with `{ id, url, mime_type, size }`. */
export async function POST(req: Request): Promise<Response> {
  try {
    await guardProxyCall(req, "upload");
    return await uploadMedia(await readUploadForm(req), req.headers);
  } catch (err) {
    return errorResponse(err);
  }
}
