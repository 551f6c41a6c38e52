import { allowedList, type MediaField, type ModeId, modeLabel } from "@/lib/spec/contract";
import { mediaFieldOf } from "@/lib/spec/model-spec";
import type { JsonPath } from "@/lib/upstream/dialects/wire";
import { type ExportTarget, mediaSlot, uploadRefusalFor } from "./target";

/**
 * What a mode's media input looks like to exported code: the form's field, how many files, words for
 * usage lines, where the URLs go in the upstream body (`slot`, a list or one value), and why local files
 * cannot be uploaded to this upstream (then the script takes none), if they cannot.
 */
export type MediaSpec = {
  field: MediaField;
  list: boolean;
  counts: readonly number[];
  noun: string;
  usage: string;
  slot: JsonPath;
  slotIsList: boolean;
  uploadRefusal: string | null;
};

export function mediaOf(mode: ModeId, target: Pick<ExportTarget, "dialect" | "referenceCounts">): MediaSpec | null {
  const media = mediaFieldOf(mode);
  const slot = mediaSlot(mode, target);
  if (!media || !slot) return null;
  const wire = { slot: slot.path, slotIsList: slot.list, uploadRefusal: uploadRefusalFor(mode, target) };
  if (media === "reference_image_urls") {
    const counts = target.referenceCounts;
    return {
      field: media,
      list: true,
      counts,
      noun: "reference image files",
      usage: `${modeLabel(mode)} takes ${allowedList(counts)} reference images`,
      ...wire,
    };
  }
  const noun = media === "video_url" ? "source video file" : "first-frame image file";
  return {
    field: media,
    list: false,
    counts: [1],
    noun,
    usage: `${modeLabel(mode)} takes exactly 1 ${noun.replace(/ file$/, "")}`,
    ...wire,
  };
}

/** A JSON path as a jq path expression: `.result.data[0].url`. */
export function jqPath(path: JsonPath): string {
  return (
    path
      .map((k) => (typeof k === "number" ? `[${k}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`))
      .join("") || "."
  );
}

/** A JSON path read from a JavaScript value, tolerant of missing parts: `task?.["result"]?.["data"]?.[0]`. */
export function jsPath(root: string, path: JsonPath): string {
  return root + path.map((k) => `?.[${JSON.stringify(k)}]`).join("");
}
