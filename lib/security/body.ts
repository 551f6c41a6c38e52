import { ApiError, readCapped } from "@/lib/errors";
import { IMAGE_LIMITS, VIDEO_LIMITS } from "@/lib/spec/nano-banana-2";

/** Room for the multipart boundaries, part headers and a file name around the largest allowed file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The largest upload body the proxy reads: the spec's largest file plus multipart framing. */
export const MAX_UPLOAD_BODY_BYTES = Math.max(IMAGE_LIMITS.maxBytes, VIDEO_LIMITS.maxBytes) + MULTIPART_OVERHEAD_BYTES;

/**
 * Reads a multipart upload with a size cap (413 past it, before the whole body is buffered); a body
 * that is not multipart/form-data is a 400 naming the field.
 */
export async function readUploadForm(req: Request, maxBytes = MAX_UPLOAD_BODY_BYTES): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) throw notMultipart();
  const bytes = await readCapped(req, maxBytes);
  try {
    return await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw notMultipart();
  }
}

function notMultipart(): ApiError {
  return new ApiError(400, "invalid_request_error", "The body must be multipart/form-data with one field `file`.", { param: "file" });
}
