import { IMAGE_LIMITS, VIDEO_LIMITS } from "@/lib/spec/nano-banana-2";

/** Room for the multipart boundaries, part headers and a file name around a file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The spec's largest file, of any kind: the largest size an upload ticket is issued for. */
export const MAX_UPLOAD_FILE_BYTES = Math.max(IMAGE_LIMITS.maxBytes, VIDEO_LIMITS.maxBytes);
