import { ApiError, errorResponse } from "@/lib/errors";
import { uploadMedia } from "@/lib/proxy";

export const dynamic = "force-dynamic";

/** Upload one media file (multipart field `file`); answered with `{ id, url, mime_type, size }`. */
export async function POST(req: Request): Promise<Response> {
  try {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new ApiError(400, "invalid_request_error", "The body must be multipart/form-data with one field `file`.", { param: "file" });
    }
    return await uploadMedia(form, req.headers);
  } catch (err) {
    return errorResponse(err);
  }
}
