/**
 * The zod-free half of the schema module: what the browser needs before the first interaction (the
 * initial form, the create request built from it, limits and patterns). The rules themselves live in
 * ./schema.ts, which re-exports all of this; client code imports it from here so that zod loads only when
 * a value is validated (see components/playground/use-form-check.ts).
 */
import {
  ASPECT_RATIO_VALUES,
  DEFAULTS,
  DURATIONS,
  IMAGE_LIMITS,
  MODEL_ID,
  RESOLUTIONS,
  VIDEO_LIMITS,
  fieldsOf,
  type ModeId,
} from "./nano-banana-2";
import type { FormState } from "./schema";

export type { FormState };

/** Counts characters as people do (code points), not UTF-16 units. */
export function charCount(text: string): number {
  return [...text].length;
}

/** https URLs anywhere; plain http only on loopback (the simulator and local file servers). */
export function isMediaUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

export const INITIAL_FORM_STATE: FormState = {
  mode: "text-to-video",
  prompt: "",
  aspect_ratio: DEFAULTS.aspect_ratio,
  duration: DEFAULTS.duration,
  resolution: DEFAULTS.resolution,
  image_url: "",
  reference_image_urls: [],
  video_url: "",
};

export type Input = {
  prompt: string;
  aspect_ratio: (typeof ASPECT_RATIO_VALUES)[number];
  duration?: (typeof DURATIONS)[number];
  resolution: (typeof RESOLUTIONS)[number];
  image_url?: string;
  reference_image_urls?: string[];
  video_url?: string;
};
export type CreateTaskRequest = { model: typeof MODEL_ID; mode: ModeId; input: Input };

/** Builds the create request for the current mode from the form state (only that mode's fields). */
export function toCreateRequest(state: FormState): CreateTaskRequest {
  const input: Record<string, unknown> = {};
  for (const field of fieldsOf(state.mode)) {
    const value = state[field];
    input[field] = typeof value === "string" ? value.trim() : value;
  }
  return { model: MODEL_ID, mode: state.mode, input: input as Input };
}

export type FieldIssue = { param: string; message: string };

export const TASK_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Media limits by kind, for uploads and dropzones. */
export const MEDIA_KINDS = { image: IMAGE_LIMITS, video: VIDEO_LIMITS } as const;
export type MediaKind = keyof typeof MEDIA_KINDS;
