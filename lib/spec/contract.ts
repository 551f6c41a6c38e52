/**
 * The guide's task contract, shared by every model (`shared/CONTRACT.md`): the modes and their media
 * inputs, the media limits of uploads, task statuses, the error table, the client's polling and retry
 * policy and the gateway answers a user meets. What differs between models (durations, resolutions,
 * frames, cross-field rules, texts) lives in each model's spec under lib/models/.
 */
import { VALIDATION_EN } from "./validation-words";

/** Modes in the order the tabs show them. `media` says which media field the mode needs. */
export const CONTRACT_MODES = [
  {
    id: "text-to-video",
    label: "Text-to-Video",
    short: "T2V",
    media: null,
    description: "Generate a clip from a prompt alone.",
  },
  {
    id: "image-to-video",
    label: "Image-to-Video",
    short: "I2V",
    media: "image_url",
    description: "Bring one image to life; it is used as the first frame.",
  },
  {
    id: "r2v",
    label: "R2V",
    short: "R2V",
    media: "reference_image_urls",
    description: "Reference-to-video: generate a clip guided by 1 or 3 reference images.",
  },
  {
    id: "video-edit",
    label: "Video Edit",
    short: "Edit",
    media: "video_url",
    description: "Modify an existing video with an edit instruction; the output follows the source's length.",
  },
] as const;

export type ModeId = (typeof CONTRACT_MODES)[number]["id"];
export type MediaField = NonNullable<(typeof CONTRACT_MODES)[number]["media"]>;
export const MODE_IDS = CONTRACT_MODES.map((m) => m.id) as [ModeId, ...ModeId[]];

/** The input fields a create request can carry, in form order. */
export const FIELD_NAMES = ["prompt", "aspect_ratio", "duration", "resolution", "image_url", "reference_image_urls", "video_url"] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export type MediaLimits = { readonly mimeTypes: readonly string[]; readonly label: string; readonly maxBytes: number };

export const IMAGE_LIMITS = {
  mimeTypes: ["image/jpeg", "image/png", "image/webp"],
  label: "JPEG, PNG or WebP",
  maxBytes: 10 * 1024 * 1024,
} as const;
export const VIDEO_LIMITS = {
  mimeTypes: ["video/mp4", "video/quicktime", "video/webm"],
  label: "MP4, MOV or WebM",
  maxBytes: 100 * 1024 * 1024,
} as const;
/** The spec's largest file, of any kind: the largest size an upload ticket is issued for. */
export const MAX_UPLOAD_FILE_BYTES = Math.max(IMAGE_LIMITS.maxBytes, VIDEO_LIMITS.maxBytes);

/** Joins allowed values the way every message names them: `6 or 10`, `16:9 or 9:16`. */
export function allowedList(values: readonly (string | number)[]): string {
  const quoted = values.map(String);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

export function mib(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** The contract's own messages, the same for every model. */
export const CONTRACT_MESSAGES = {
  body: 'The body must be a JSON object: { "model", "mode", "input": { "prompt", … } }.',
  imageRequired: VALIDATION_EN.imageRequired,
  videoRequired: VALIDATION_EN.videoRequired,
  mediaUrl: "must be an https:// URL (plain http is accepted only for localhost).",
  imageFile: `Images must be ${IMAGE_LIMITS.label}, at most ${mib(IMAGE_LIMITS.maxBytes)}.`,
  videoFile: `Videos must be ${VIDEO_LIMITS.label}, at most ${mib(VIDEO_LIMITS.maxBytes)}.`,
  notInMode: (field: string, mode: string) => `${field} is not a field of ${mode}.`,
  taskId: VALIDATION_EN.taskId,
} as const;

export function modeLabel(mode: ModeId): string {
  return CONTRACT_MODES.find((m) => m.id === mode)!.label;
}

/** Task statuses of the guide's contract. */
export const TASK_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TERMINAL_STATUSES: readonly TaskStatus[] = ["succeeded", "failed"];

/** The error table of the guide (plus the proxy's own gateway errors). */
export const ERRORS = [
  {
    status: 400,
    type: "invalid_request_error",
    trigger: "The request misses required fields, has a mistyped field or an out-of-range value.",
    fix: "Validate model, mode and input against the schema before sending; the error names the field.",
    retry: "Retry only after fixing the payload; never retry blindly.",
  },
  {
    status: 401,
    type: "authentication_error",
    trigger: "Missing Authorization header or invalid API key.",
    fix: "Send Authorization: Bearer <key> and check the key and its scope.",
    retry: "Retry after fixing auth; rotate the key if failures continue.",
  },
  {
    status: 403,
    type: "permission_error",
    trigger: "A state-changing call came from a page on another origin (checked with Origin and Sec-Fetch-Site).",
    fix: "Call the playground's API from its own pages, or add the embedding site to EMBED_ALLOWED_ORIGINS.",
    retry: "Do not retry; the origin will be refused again.",
  },
  {
    status: 404,
    type: "not_found_error",
    trigger: "No task with that task_id exists upstream (wrong id, another account, or expired).",
    fix: "Check the task_id returned by the create call and the upstream you poll.",
    retry: "Do not retry the same id.",
  },
  {
    status: 429,
    type: "rate_limit_exceeded",
    trigger: "Request rate, concurrency or quota hit the upstream's limits.",
    fix: "Back off exponentially, then review request rate, concurrency and quota.",
    retry: "Exponential backoff with jitter (about 1 s, 2 s, 4 s), honouring Retry-After; reduce pressure if it persists.",
  },
  {
    status: 500,
    type: "internal_error",
    trigger: "A transient upstream error or an internal processing failure.",
    fix: "Keep the request id and retry the workflow.",
    retry: "Retry 2–3 times with short delays; escalate with the request id if it persists. Never re-create a task blindly.",
  },
  {
    status: 502,
    type: "upstream_error",
    trigger: "The upstream could not be reached or answered with something that is not the contract.",
    fix: "Check UPSTREAM_BASE_URL and the upstream's health; the request id identifies the attempt.",
    retry: "Retry polls after a short delay; do not re-create a task blindly.",
  },
  {
    status: 504,
    type: "upstream_timeout",
    trigger: "The upstream did not answer within the proxy's timeout.",
    fix: "Retry later; the task may still have been created upstream.",
    retry: "Poll again; do not re-create a task blindly.",
  },
] as const;
export type ErrorType = (typeof ERRORS)[number]["type"];

/**
 * Polling advice shared by the playground and the exported code: start short and grow (the real gateway
 * advises a first look after about 5 s, then every 10 s), slow down in a hidden tab, stop watching after a limit.
 */
export const POLLING = {
  /** First look after this many ms, then each interval grows by `growth` up to `maxIntervalMs`. */
  firstIntervalMs: 1000,
  growth: 1.5,
  maxIntervalMs: 10_000,
  /** In a hidden tab: one look this often, enough to notice completion, nothing more. */
  hiddenIntervalMs: 30_000,
  /** Give up watching (the task goes on upstream) after this long; the gateway's docs say 600 s. */
  timeLimitMs: 10 * 60 * 1000,
} as const;

/**
 * The client policy of the guide's error table: what a correct client does after each kind of failure.
 * 429: exponential backoff with jitter (about 1 s, 2 s, 4 s), at least Retry-After. 5xx/timeout/unreachable
 * on a poll: a few retries with short delays. A create is retried after a 5xx only with the same
 * Idempotency-Key (never blindly). 400/401/404: no retry.
 */
export const RETRY = {
  rateLimit: { baseDelayMs: 1000, factor: 2, maxRetries: 3, /** ± this fraction of the delay */ jitter: 0.25 },
  transient: { delaysMs: [500, 1000, 2000], maxRetries: 3 },
  /** Creates after a 5xx/timeout: only with an Idempotency-Key, and fewer times. */
  createTransientMaxRetries: 2,
} as const;

/**
 * What the panel says about each decision of the retry policy: templates with `{name}` placeholders (valid
 * ICU), English here and merged into the catalogue as the `retry` namespace by lib/i18n (translated in
 * messages/ru.json). The policy hands out `RetryWords` (a key and its values) that the panel says in the
 * page's language; RETRY_MESSAGES are the same words in English.
 */
export const RETRY_EN = {
  createNoKey:
    "A create is not idempotent: not retried after a 5xx without an Idempotency-Key that the upstream honours. Check upstream whether the task exists before creating another.",
  createRetryWithKey:
    "HTTP {status} on the create: the task may exist upstream. Retrying in {seconds} s with the same Idempotency-Key (retry {retry} of {max}), so it cannot create a second task.",
  noRetry: "HTTP {status}: not retried, the same request would fail again. Fix it first.",
  rateLimitGaveUp:
    "Still rate limited after {retries} retries: stopped. Lower the request rate or concurrency, or check the quota, then try again.",
  rateLimitWait: "Rate limited (429): waiting {seconds} s before retry {retry} of {max} (exponential backoff with jitter).",
  rateLimitWaitRetryAfter: "Rate limited (429): waiting {seconds} s before retry {retry} of {max} (Retry-After {retryAfter} s honoured).",
  replayed:
    "The retry sent the same Idempotency-Key ({key}) and the upstream answered with the task it had already created ({taskId}): one task, not two.",
  retriedCreated:
    "The create succeeded on a retry with Idempotency-Key {key}: task {taskId}. No earlier attempt created a task the upstream admits to.",
  stopped: "You stopped watching. The task goes on upstream: there is no cancel endpoint, so it may still finish (and be charged).",
  timeLimit:
    "The task is still running upstream after {minutes} minutes of watching. It goes on there; keep watching or come back with its task id.",
  transientGaveUp: "Still failing after {retries} retries: stopped. Give the request id to the upstream's support if it persists.",
  transientWait: "HTTP {status}: transient, waiting {seconds} s before retry {retry} of {max}.",
  transientWaitNoAnswer: "No answer: transient, waiting {seconds} s before retry {retry} of {max}.",
} as const;

export type RetryKey = keyof typeof RETRY_EN;
/** A message of the retry policy: its key in RETRY_EN (the `retry` namespace) and its values. */
export type RetryWords = { key: RetryKey; values?: Record<string, string> };

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const words = (key: RetryKey, values?: Record<string, string | number>): RetryWords => ({
  key,
  values: values && Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])),
});

/** The retry policy's messages as words (say them with the `retry` namespace, or in English with `englishRetry`). */
export const RETRY_WORDS = {
  rateLimitWait: (retry: number, max: number, delayMs: number, retryAfterMs: number | null) =>
    retryAfterMs != null
      ? words("rateLimitWaitRetryAfter", { seconds: seconds(delayMs), retry, max, retryAfter: seconds(retryAfterMs) })
      : words("rateLimitWait", { seconds: seconds(delayMs), retry, max }),
  transientWait: (status: number, retry: number, max: number, delayMs: number) =>
    status
      ? words("transientWait", { status, seconds: seconds(delayMs), retry, max })
      : words("transientWaitNoAnswer", { seconds: seconds(delayMs), retry, max }),
  createRetryWithKey: (status: number, retry: number, max: number, delayMs: number) =>
    words("createRetryWithKey", { status, seconds: seconds(delayMs), retry, max }),
  createNoKey: words("createNoKey"),
  rateLimitGaveUp: (retries: number) => words("rateLimitGaveUp", { retries }),
  transientGaveUp: (retries: number) => words("transientGaveUp", { retries }),
  noRetry: (status: number) => words("noRetry", { status }),
  replayed: (key: string, taskId: string) => words("replayed", { key, taskId }),
  retriedCreated: (key: string, taskId: string) => words("retriedCreated", { key, taskId }),
  stopped: words("stopped"),
  timeLimit: (minutes: number) => words("timeLimit", { minutes }),
} as const;

/** Retry words in English (the contract's). */
export function englishRetry({ key, values = {} }: RetryWords): string {
  return RETRY_EN[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name] : whole));
}

/** What the panel says about each decision of the retry policy, in English. */
export const RETRY_MESSAGES = {
  rateLimitWait: (retry: number, max: number, delayMs: number, retryAfterMs: number | null) =>
    englishRetry(RETRY_WORDS.rateLimitWait(retry, max, delayMs, retryAfterMs)),
  transientWait: (status: number, retry: number, max: number, delayMs: number) =>
    englishRetry(RETRY_WORDS.transientWait(status, retry, max, delayMs)),
  createRetryWithKey: (status: number, retry: number, max: number, delayMs: number) =>
    englishRetry(RETRY_WORDS.createRetryWithKey(status, retry, max, delayMs)),
  createNoKey: englishRetry(RETRY_WORDS.createNoKey),
  rateLimitGaveUp: (retries: number) => englishRetry(RETRY_WORDS.rateLimitGaveUp(retries)),
  transientGaveUp: (retries: number) => englishRetry(RETRY_WORDS.transientGaveUp(retries)),
  noRetry: (status: number) => englishRetry(RETRY_WORDS.noRetry(status)),
  replayed: (key: string, taskId: string) => englishRetry(RETRY_WORDS.replayed(key, taskId)),
  retriedCreated: (key: string, taskId: string) => englishRetry(RETRY_WORDS.retriedCreated(key, taskId)),
  stopped: englishRetry(RETRY_WORDS.stopped),
  timeLimit: (minutes: number) => englishRetry(RETRY_WORDS.timeLimit(minutes)),
} as const;

/**
 * Gateway answers that are not in the error table but that a user meets, recognised by their message,
 * with what they mean in words a user can act on (the FAQ's answers).
 */
export const GATEWAY_ANSWERS = [
  {
    id: "chat-endpoint",
    match: "invalid apitype: -1",
    title: "Sent to a chat endpoint",
    explanation:
      "The request went to a chat endpoint. Image and video models do not use the chat endpoint: send an HTTP request that creates a task, then poll the task's status endpoint. Check the actual request code, URL and payload first.",
  },
] as const;

/** Why a task can end `failed` (HTTP 200, status failed: data, not an HTTP error) and what to do. */
export const TASK_FAILURES = [
  {
    type: "content_policy_violation",
    fix: "The upstream refused the prompt or inputs under its content policy. Rephrase the prompt or change the inputs; retrying the same request fails the same way.",
  },
  {
    type: "invalid_request_error",
    fix: "An input could not be used (for example a media URL that cannot be downloaded). Fix the input named in the message and run again.",
  },
  {
    type: "internal_error",
    fix: "The upstream failed while generating. Run the task again; if it keeps failing, report the task id.",
  },
] as const;

/** The prompt's limit in characters (code points) after trimming, the same for every model. */
export const PROMPT_MAX_CHARS = 2000;

/** Each field's type in the guide's words. */
export const FIELD_TYPES: Readonly<Record<FieldName, string>> = {
  prompt: "string",
  aspect_ratio: "string",
  duration: "integer",
  resolution: "string",
  image_url: "string (URL)",
  reference_image_urls: "string[] (URLs)",
  video_url: "string (URL)",
};
