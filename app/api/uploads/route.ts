import { errorResponse } from "@/lib/errors";
import { guardTicketedUpload } from "@/lib/security/guard";
import { API_CSP } from "@/lib/security/headers";
import { uploadMedia } from "@/lib/upstream/service";

export const dynamic = "force-dynamic";

/**
 * Upload one media file (multipart field `file`, ticket in `X-Upload-Ticket`), streamed to the upstream;
 * answered with `{ id, url, mime_type, size }`. proxy.ts does not run for this route (Next would buffer
 * the body for it), so the API's policy header is set here.
 */
export async function POST(req: Request): Promise<Response> {
  let res: Response;
  try {
    guardTicketedUpload(req);
    res = await uploadMedia(req);
  } catch (err) {
    res = errorResponse(err);
  }
  res.headers.set("content-security-policy", API_CSP);
  return res;
}
