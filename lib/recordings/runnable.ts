import type { FIELD_NAMES } from "@/lib/spec/contract";
import type { FormState } from "@/lib/spec/form-state";

/** The form's fields that hold media URLs (one, or a list of them). */
export type MediaField = Extract<(typeof FIELD_NAMES)[number], "image_url" | "reference_image_urls" | "video_url">;
const MEDIA_FIELDS: readonly MediaField[] = ["image_url", "reference_image_urls", "video_url"];

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
  const dropped = MEDIA_FIELDS.filter((field) => {
    const value = values[field];
    return (Array.isArray(value) ? value : value ? [value] : []).some(simulatorFile);
  });
  // Emptied the way the form holds an empty field: "" for one URL, [] for the list.
  const emptied = Object.fromEntries(dropped.map((field) => [field, field === "reference_image_urls" ? [] : ""]));
  return { values: { ...values, ...emptied }, dropped };
}
