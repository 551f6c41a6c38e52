import { ApiError } from "@/lib/errors";

/** Room for the multipart boundaries, part headers and a file name around a file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * The largest body of any request proxy.ts runs for (every route but the upload routes, which stream
 * their bodies themselves): the JSON of a create, an upload ticket, the access form. Next copies the body
 * of such a request into memory before the route handler runs (next.config.ts lowers that copy's limit to
 * this too), so the proxy refuses a larger one from its headers, before anything is read.
 */
export const PROXY_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Why a request's body may not go further, from its headers alone: 413 when Content-Length is above
 * PROXY_BODY_LIMIT_BYTES, 411 when a body comes without a Content-Length (chunked), since its size
 * would only be known after buffering it. Null when the body may pass (also when there is none).
 */
export function bodyRefusal(method: string, headers: Headers): ApiError | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  const length = headers.get("content-length");
  if (length === null) {
    if (!headers.has("transfer-encoding")) return null;
    return new ApiError(411, "invalid_request_error", "Send the body with a Content-Length header (at most 65536 bytes here).", {
      param: "body",
    });
  }
  const bytes = Number(length);
  if (!/^\d+$/.test(length.trim()) || !Number.isSafeInteger(bytes)) {
    return new ApiError(400, "invalid_request_error", "Content-Length is not a number of bytes.", { param: "body" });
  }
  if (bytes > PROXY_BODY_LIMIT_BYTES) {
    return new ApiError(
      413,
      "invalid_request_error",
      `The body is ${bytes} bytes; this route takes at most ${PROXY_BODY_LIMIT_BYTES}. Files go to POST /api/uploads with a ticket.`,
      { param: "body" },
    );
  }
  return null;
}
