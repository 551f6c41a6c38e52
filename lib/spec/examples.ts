/**
 * The guide's minimal request and response, generated from the spec's defaults and checked against the
 * zod schemas when they are built (so the guide can never show an example the server would refuse), and
 * the customer's original example, kept to show why it is refused.
 */
import type { MediaField, ModeId } from "./contract";
import { type ModelSpec, mediaFieldOf } from "./model-spec";
import { type CreateTaskRequest, type FieldIssue, parseCreateTaskRequest, schemasFor, type Task, taskSchema } from "./schema";

/** The prompt the customer's guide uses in its examples. */
export const EXAMPLE_PROMPT = "A cinematic city sunrise with soft fog and moving traffic.";

/** The smallest valid create body, with every default the server would apply written out. */
export function minimalCreateRequest(spec: ModelSpec): CreateTaskRequest {
  const mode = spec.modes[0].id;
  // parse() applies the spec's defaults and throws if the example ever stops being valid.
  return schemasFor(spec).createTaskRequest.parse({ model: spec.id, mode, input: { prompt: EXAMPLE_PROMPT } }) as CreateTaskRequest;
}

/** Stand-ins for the user's own media in written examples (never fetched): example.com is reserved for documentation. */
export const EXAMPLE_MEDIA_URLS = {
  image: (n: number) => `https://example.com/image-${n}.png`,
  video: "https://example.com/source.mp4",
} as const;

/** The smallest valid create body of `mode`: the prompt, the fewest media the mode takes (as example URLs) and the defaults. */
export function minimalModeRequest(spec: ModelSpec, mode: ModeId): CreateTaskRequest {
  const media: Record<MediaField, unknown> = {
    image_url: EXAMPLE_MEDIA_URLS.image(1),
    reference_image_urls: Array.from({ length: Math.min(...spec.referenceCounts) }, (_, i) => EXAMPLE_MEDIA_URLS.image(i + 1)),
    video_url: EXAMPLE_MEDIA_URLS.video,
  };
  const field = mediaFieldOf(mode);
  const input = { prompt: EXAMPLE_PROMPT, ...(field ? { [field]: media[field] } : {}) };
  return schemasFor(spec).createTaskRequest.parse({ model: spec.id, mode, input }) as CreateTaskRequest;
}

/** What the create call answers for it: the task, first queued (an example id and time). */
export function minimalCreateResponse(spec: ModelSpec): Task {
  const request = minimalCreateRequest(spec);
  return taskSchema.parse({
    task_id: "task_01hx7m3k9q2v8r5t",
    model: request.model,
    mode: request.mode,
    status: "queued",
    created_at: "2026-04-15T00:00:00.000Z",
  });
}

/** The customer's seed (the nano-banana-2 guide) sends `duration: 5`, which its own table and the backend do not allow. */
export const SEED_EXAMPLE = {
  model: "nano-banana-2",
  mode: "text-to-video",
  input: { prompt: EXAMPLE_PROMPT, duration: 5 },
} as const;

/** Why the seed's example is refused: the issues the server answers it with. */
export function seedExampleIssues(): FieldIssue[] {
  const result = parseCreateTaskRequest(SEED_EXAMPLE);
  return result.ok ? [] : result.issues;
}
