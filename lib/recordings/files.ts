/**
 * Which file of RECORDINGS_DIR a request for `/recordings/{…path}` may read: only names of letters,
 * digits, `-`, `_` and `.` (no leading dot, so no `..` and no hidden files), only recordings (.json) and
 * their videos (.mp4, .webm). Anything else is answered 404 before the file system is touched; the
 * route handler also checks that the real path (symlinks resolved) stays inside the folder.
 */

const SEGMENT_RE = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
export const RECORDING_CONTENT_TYPES: Readonly<Record<string, string>> = {
  json: "application/json; charset=utf-8",
  mp4: "video/mp4",
  webm: "video/webm",
};

/** The relative path and content type of an allowed request, or null. */
export function recordingFile(segments: readonly string[]): { relative: string; contentType: string } | null {
  if (!segments.length || segments.length > 8 || !segments.every((s) => SEGMENT_RE.test(s))) return null;
  const name = segments[segments.length - 1];
  const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  const contentType = name.includes(".") ? RECORDING_CONTENT_TYPES[ext] : undefined;
  return contentType ? { relative: segments.join("/"), contentType } : null;
}
