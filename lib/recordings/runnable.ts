import type { FormState } from "@/lib/spec/form-state";

/** The form's fields that hold media URLs. */
export const MEDIA_FIELDS = ["image_url", "reference_image_urls", "video_url"] as const;
export type MediaField = (typeof MEDIA_FIELDS)[number];

/** An upload to an embedded simulator (any server's): it lives in that simulator's data, for a while. */
function simulatorFile(url: string): boolean {
  try {
    return new URL(url).pathname.startsWith("/api/simulator/files/");
  } catch {
    return false;
  }
}

/**
 * A recorded request's form values as a reader can run them ("Run it yourself"). The media of a run
 * recorded on the embedded simulator were uploads to that simulator, which a recording does not carry:
 * the shipped ones were made on a throwaway server (scripts/make-recordings.mjs), and a simulator's
 * uploads expire anyway, so a run sent with those URLs fails on the download. They are left out (a set of
 * reference images as a whole), and `dropped` names the fields, so the form can ask for the reader's own
 * files. Other URLs (a real upstream's storage) are kept as recorded.
 */
export function runnableValues(values: Partial<FormState>): { values: Partial<FormState>; dropped: MediaField[] } {
  const out = { ...values };
  const dropped: MediaField[] = [];
  for (const field of ["image_url", "video_url"] as const) {
    if (out[field] && simulatorFile(out[field])) {
      out[field] = "";
      dropped.push(field);
    }
  }
  if (out.reference_image_urls?.some((url) => simulatorFile(url))) {
    out.reference_image_urls = [];
    dropped.push("reference_image_urls");
  }
  return { values: out, dropped: MEDIA_FIELDS.filter((f) => dropped.includes(f)) };
}
