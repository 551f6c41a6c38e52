/**
 * The zod-free half of the schema module: what the browser needs before the first interaction (the
 * initial form, the create request built from it, limits and patterns). The rules themselves live in
 * ./schema.ts, which re-exports all of this; client code imports it from here so that zod loads only when
 * a value is validated (see components/playground/use-form-check.ts).
 */
import { IMAGE_LIMITS, type ModeId, VIDEO_LIMITS } from "./contract";
import { fieldsOf, type ModelSpec } from "./model-spec";

/** The full state of the playground's form: every field of every mode, so switching mode loses nothing. */
export type FormState = {
  mode: ModeId;
  prompt: string;
  aspect_ratio: string;
  duration: number;
  resolution: string;
  image_url: string;
  reference_image_urls: string[];
  video_url: string;
};

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

/**
 * What a media field may preview of its URL: the URL when it passes the field's own rule (trimmed,
 * `isMediaUrl`) and the pages' CSP lets it load (`img-src 'self' https:`: an https URL, or an http one of
 * the page's own origin such as a local upload; another http://localhost port would be refused and
 * reported). Otherwise null: no request for `not a url` resolved against the page, no broken image.
 */
export function mediaPreviewUrl(value: string, pageOrigin: string | null): string | null {
  const url = value.trim();
  if (!isMediaUrl(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === "https:" || parsed.origin === pageOrigin ? url : null;
}

/** A fresh form for `spec`: its first mode and its defaults. */
export function initialFormState(spec: ModelSpec): FormState {
  return {
    mode: spec.modes[0].id,
    prompt: "",
    aspect_ratio: spec.defaults.aspect_ratio,
    duration: spec.defaults.duration,
    resolution: spec.defaults.resolution,
    image_url: "",
    reference_image_urls: [],
    video_url: "",
  };
}

export type Input = {
  prompt: string;
  aspect_ratio: string;
  duration?: number;
  resolution: string;
  image_url?: string;
  reference_image_urls?: string[];
  video_url?: string;
};
export type CreateTaskRequest = { model: string; mode: ModeId; input: Input };

/** Builds the create request for the current mode from the form state (only that mode's fields). */
export function toCreateRequest(spec: ModelSpec, state: FormState): CreateTaskRequest {
  const input: Record<string, unknown> = {};
  for (const field of fieldsOf(spec, state.mode)) {
    const value = state[field];
    input[field] = typeof value === "string" ? value.trim() : value;
  }
  return { model: spec.id, mode: state.mode, input: input as Input };
}

export type FieldIssue = { param: string; message: string };

export const TASK_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Media limits by kind, for uploads and dropzones. */
export const MEDIA_KINDS = { image: IMAGE_LIMITS, video: VIDEO_LIMITS } as const;
export type MediaKind = keyof typeof MEDIA_KINDS;
