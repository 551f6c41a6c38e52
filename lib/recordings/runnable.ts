import type { FormState } from "@/lib/spec/form-state";

/** The form's fields that hold media URLs. */
export const MEDIA_FIELDS = ["image_url", "reference_image_urls", "video_url"] as const;
export type MediaField = (typeof MEDIA_FIELDS)[number];

/** A file of another server's embedded simulator: its uploads live on that server only (and are not public). */
function otherSimulatorFile(url: string, origin: string): boolean {
  try {
    const u = new URL(url);
    return u.origin !== origin && u.pathname.startsWith("/api/simulator/files/");
  } catch {
    return false;
  }
}

/**
 * A recorded request's form values as a reader here can run them ("Run it yourself"). The media of a run
 * recorded on the embedded simulator were uploads to the recording machine's simulator: their URLs resolve
 * nowhere else, and a run sent with them fails on the download. They are left out (a set of reference
 * images as a whole), and `dropped` names the fields, so the form can ask for the reader's own files.
 * URLs of this server, or of a real upstream's storage, are kept as recorded.
 */
export function runnableValues(values: Partial<FormState>, origin: string): { values: Partial<FormState>; dropped: MediaField[] } {
  const out = { ...values };
  const dropped: MediaField[] = [];
  for (const field of ["image_url", "video_url"] as const) {
    if (out[field] && otherSimulatorFile(out[field], origin)) {
      out[field] = "";
      dropped.push(field);
    }
  }
  if (out.reference_image_urls?.some((url) => otherSimulatorFile(url, origin))) {
    out.reference_image_urls = [];
    dropped.push("reference_image_urls");
  }
  return { values: out, dropped: MEDIA_FIELDS.filter((f) => dropped.includes(f)) };
}
