import { MODES, REFERENCE_COUNTS, allowedList, modeLabel, type MediaField, type ModeId } from "@/lib/spec/nano-banana-2";

/** What a mode's media input looks like to exported code: the field, how many files, and words for usage lines. */
export type MediaSpec = { field: MediaField; list: boolean; counts: readonly number[]; noun: string; usage: string };

export function mediaOf(mode: ModeId): MediaSpec | null {
  const media = MODES.find((m) => m.id === mode)!.media;
  if (!media) return null;
  if (media === "reference_image_urls") {
    const counts = REFERENCE_COUNTS;
    return { field: media, list: true, counts, noun: "reference image files", usage: `${modeLabel(mode)} takes ${allowedList(counts)} reference images` };
  }
  const noun = media === "video_url" ? "source video file" : "first-frame image file";
  return { field: media, list: false, counts: [1], noun, usage: `${modeLabel(mode)} takes exactly 1 ${noun.replace(/ file$/, "")}` };
}
