/** Room for the multipart boundaries, part headers and a file name around a file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
